package org.netstreamfx.player.rtmp.handshake;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;
import java.util.Random;
import java.util.function.LongSupplier;
import org.netstreamfx.player.wire.WireFormatException;

/**
 * The RTMP handshake (Adobe RTMP specification 1.0, section 5.2), plain or with the Flash Player 9
 * digest (see {@link HandshakeMode}, {@link HandshakeDigest}), over blocking streams.
 *
 * <p>Packets: C0/S0 is one version byte, which must be 3 (5.2.2); C1/S1 (5.2.3) is time (4 bytes),
 * zero or, in digest mode, version (4 bytes) and 1528 random bytes; C2/S2 (5.2.4) echoes the
 * peer's C1/S1, or in digest mode is random bytes signed in the last 32. Order (5.2.5): the client
 * sends C0+C1, reads S0 and S1, sends C2, reads S2; the server reads C0+C1, sends S0+S1+S2 and
 * reads C2.
 *
 * <p>The caller owns the socket: it sets read timeouts, and closes it on any exception. The
 * streams are used unbuffered for reading (exactly the handshake's bytes are read, so what follows
 * stays in the stream for the chunk decoder) and flushed after each send. Calls block; each call
 * uses only its arguments, so concurrent handshakes on different sockets are independent.
 */
public final class RtmpHandshake {
    /** The RTMP version byte of C0/S0. */
    public static final int RTMP_VERSION = 3;
    /** Flash Player version 9.0.124.2, sent in a digest-mode C1. */
    public static final long FLASH_PLAYER_VERSION = 0x09007C02L;
    /** Version a digest-mode server puts in S1 (the value Flash Media Server 3.5 / nginx-rtmp use). */
    public static final long FLASH_MEDIA_SERVER_VERSION = 0x04050001L;

    private static final int N = HandshakeDigest.PACKET_LENGTH;
    private static final int RANDOM_START = 8;

    private RtmpHandshake() {
    }

    /** Client handshake with digest scheme 0, a fresh {@link SecureRandom} and time 0. */
    public static HandshakeResult client(InputStream in, OutputStream out, HandshakeMode mode)
            throws IOException {
        return client(in, out, mode, DigestScheme.SCHEME_0, new SecureRandom(), () -> 0L);
    }

    /**
     * Performs the client side.
     *
     * @param scheme where to put our C1 digest in digest mode
     * @param random source of the random bytes
     * @param clockMs our epoch in milliseconds, whose low 32 bits are sent as C1's time (5.2.3
     *     allows 0)
     * @throws HandshakeRejectedException if the server closed or reset the connection before S0
     * @throws WireFormatException if S0's version is not 3 or S1/S2 end early
     */
    public static HandshakeResult client(InputStream in, OutputStream out, HandshakeMode mode,
            DigestScheme scheme, Random random, LongSupplier clockMs) throws IOException {
        byte[] c1 = new byte[N];
        random.nextBytes(c1);
        putU32(c1, 0, clockMs.getAsLong());
        byte[] c1Digest = null;
        if (mode == HandshakeMode.DIGEST_FP9) {
            putU32(c1, 4, FLASH_PLAYER_VERSION);
            c1Digest = HandshakeDigest.imprint(c1, scheme, HandshakeKey.FLASH_PLAYER);
        } else {
            putU32(c1, 4, 0);
        }
        out.write(RTMP_VERSION);
        out.write(c1);
        out.flush();

        int s0;
        try {
            s0 = in.read();
        } catch (IOException e) {
            if (e instanceof WireFormatException) {
                throw e;
            }
            throw new HandshakeRejectedException(mode, "RTMP server reset the connection after C1", e);
        }
        if (s0 < 0) {
            throw new HandshakeRejectedException(mode, "RTMP server closed the connection after C1", null);
        }
        checkVersion(s0);
        byte[] s1 = readPacket(in, "RTMP handshake S1");

        Optional<DigestScheme> serverScheme = mode == HandshakeMode.DIGEST_FP9
                ? HandshakeDigest.findDigest(s1, HandshakeKey.FLASH_MEDIA_SERVER, scheme)
                : Optional.empty();
        HandshakeMode used = serverScheme.isPresent() ? HandshakeMode.DIGEST_FP9 : HandshakeMode.PLAIN;
        byte[] c2;
        if (serverScheme.isPresent()) {
            c2 = new byte[N];
            random.nextBytes(c2);
            HandshakeDigest.signResponse(c2, HandshakeDigest.digestAt(s1, serverScheme.get()),
                    HandshakeKey.FLASH_PLAYER);
        } else {
            c2 = s1.clone();
        }
        out.write(c2);
        out.flush();

        byte[] s2 = readPacket(in, "RTMP handshake S2");
        boolean answered = echoes(s2, c1) || (c1Digest != null && serverScheme.isPresent()
                && HandshakeDigest.verifyResponse(s2, c1Digest, HandshakeKey.FLASH_MEDIA_SERVER));
        return new HandshakeResult(used, serverScheme, u32(s1, 0), u32(s1, 4), serverScheme.isPresent(),
                answered);
    }

    /** Server handshake with a fresh {@link SecureRandom} and time 0. */
    public static HandshakeResult server(InputStream in, OutputStream out) throws IOException {
        return server(in, out, new SecureRandom(), () -> 0L);
    }

    /**
     * Performs the server side: answers a digest-signed C1 with an S1 signed with the Flash Media
     * Server key (same scheme as the client's) and a signed S2, and anything else plainly.
     *
     * @throws WireFormatException if C0's version is not 3 or C0, C1 or C2 end early
     */
    public static HandshakeResult server(InputStream in, OutputStream out, Random random,
            LongSupplier clockMs) throws IOException {
        int c0 = in.read();
        if (c0 < 0) {
            throw WireFormatException.truncated("RTMP handshake C0", 1, 0);
        }
        checkVersion(c0);
        byte[] c1 = readPacket(in, "RTMP handshake C1");
        long c1Version = u32(c1, 4);
        Optional<DigestScheme> clientScheme = c1Version == 0
                ? Optional.empty()
                : HandshakeDigest.findDigest(c1, HandshakeKey.FLASH_PLAYER, DigestScheme.SCHEME_0);

        byte[] s1 = new byte[N];
        random.nextBytes(s1);
        long now = clockMs.getAsLong();
        putU32(s1, 0, now);
        byte[] s1Digest = null;
        byte[] s2;
        if (clientScheme.isPresent()) {
            putU32(s1, 4, FLASH_MEDIA_SERVER_VERSION);
            s1Digest = HandshakeDigest.imprint(s1, clientScheme.get(), HandshakeKey.FLASH_MEDIA_SERVER);
            s2 = new byte[N];
            random.nextBytes(s2);
            HandshakeDigest.signResponse(s2, HandshakeDigest.digestAt(c1, clientScheme.get()),
                    HandshakeKey.FLASH_MEDIA_SERVER);
        } else {
            putU32(s1, 4, 0);
            s2 = c1.clone();
            putU32(s2, 4, now);
        }
        out.write(RTMP_VERSION);
        out.write(s1);
        out.write(s2);
        out.flush();

        byte[] c2 = readPacket(in, "RTMP handshake C2");
        boolean answered = echoes(c2, s1) || (s1Digest != null
                && HandshakeDigest.verifyResponse(c2, s1Digest, HandshakeKey.FLASH_PLAYER));
        HandshakeMode used = clientScheme.isPresent() ? HandshakeMode.DIGEST_FP9 : HandshakeMode.PLAIN;
        return new HandshakeResult(used, clientScheme, u32(c1, 0), c1Version, clientScheme.isPresent(),
                answered);
    }

    private static void checkVersion(int version) throws WireFormatException {
        if (version != RTMP_VERSION) {
            throw WireFormatException.outOfRange("RTMP handshake version", version,
                    "must be 3 (RTMP 5.2.2; 6 would be encrypted RTMPE, which is not supported)");
        }
    }

    /** Reads exactly one 1536-byte packet; a stream that ends first is a truncated handshake. */
    private static byte[] readPacket(InputStream in, String field) throws IOException {
        byte[] b = new byte[N];
        int got = 0;
        while (got < N) {
            int n = in.read(b, got, N - got);
            if (n < 0) {
                throw WireFormatException.truncated(field, N, got);
            }
            got += n;
        }
        return b;
    }

    /** Whether {@code response} echoes the random bytes of {@code sent} (5.2.4). */
    private static boolean echoes(byte[] response, byte[] sent) {
        return Arrays.equals(response, RANDOM_START, N, sent, RANDOM_START, N);
    }

    private static long u32(byte[] b, int off) {
        return ((b[off] & 0xFFL) << 24) | ((b[off + 1] & 0xFFL) << 16)
                | ((b[off + 2] & 0xFFL) << 8) | (b[off + 3] & 0xFFL);
    }

    private static void putU32(byte[] b, int off, long v) {
        b[off] = (byte) (v >>> 24);
        b[off + 1] = (byte) (v >>> 16);
        b[off + 2] = (byte) (v >>> 8);
        b[off + 3] = (byte) v;
    }
}
