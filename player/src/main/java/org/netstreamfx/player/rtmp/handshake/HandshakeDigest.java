package org.netstreamfx.player.rtmp.handshake;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The HMAC-SHA256 computations of the Flash Player 9 handshake (librtmp / crtmpserver
 * documentation; the plain handshake of the Adobe RTMP specification 1.0, section 5.2, has none).
 *
 * <ul>
 *   <li>C1/S1 digest: HMAC-SHA256 keyed with the partial key over the 1536-byte packet without
 *       the 32 digest bytes, stored at {@link DigestScheme#digestOffset(byte[])}.
 *   <li>C2/S2 signature: key = HMAC-SHA256(full key, peer's C1/S1 digest); signature =
 *       HMAC-SHA256(key, first 1504 bytes), stored in the last 32 bytes.
 * </ul>
 */
public final class HandshakeDigest {
    /** Length of every handshake packet after C0/S0. */
    public static final int PACKET_LENGTH = 1536;
    /** Length of a digest or signature. */
    public static final int DIGEST_LENGTH = 32;
    /** Length of the signed part of C2/S2. */
    public static final int SIGNED_LENGTH = PACKET_LENGTH - DIGEST_LENGTH;

    private HandshakeDigest() {
    }

    /** HMAC-SHA256 of {@code data[off, off+len)} keyed with {@code key}. */
    public static byte[] hmacSha256(byte[] key, byte[] data, int off, int len) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(data, off, len);
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required of every Java platform", e);
        }
    }

    /** The digest of {@code packet} with the 32 bytes at {@code digestOffset} left out. */
    public static byte[] packetDigest(byte[] packet, int digestOffset, HandshakeKey key) {
        checkPacket(packet);
        byte[] rest = new byte[PACKET_LENGTH - DIGEST_LENGTH];
        System.arraycopy(packet, 0, rest, 0, digestOffset);
        System.arraycopy(packet, digestOffset + DIGEST_LENGTH, rest, digestOffset,
                PACKET_LENGTH - digestOffset - DIGEST_LENGTH);
        return hmacSha256(key.partial(), rest, 0, rest.length);
    }

    /** Writes the digest into {@code packet} per {@code scheme}; returns the digest. */
    public static byte[] imprint(byte[] packet, DigestScheme scheme, HandshakeKey key) {
        int offset = scheme.digestOffset(packet);
        byte[] digest = packetDigest(packet, offset, key);
        System.arraycopy(digest, 0, packet, offset, DIGEST_LENGTH);
        return digest;
    }

    /** The scheme under which {@code packet} carries a valid digest, trying {@code first} first. */
    public static Optional<DigestScheme> findDigest(byte[] packet, HandshakeKey key, DigestScheme first) {
        for (DigestScheme scheme : new DigestScheme[] {first, first.other()}) {
            int offset = scheme.digestOffset(packet);
            byte[] expected = packetDigest(packet, offset, key);
            if (MessageDigest.isEqual(expected,
                    Arrays.copyOfRange(packet, offset, offset + DIGEST_LENGTH))) {
                return Optional.of(scheme);
            }
        }
        return Optional.empty();
    }

    /** The digest stored in {@code packet} under {@code scheme}. */
    public static byte[] digestAt(byte[] packet, DigestScheme scheme) {
        int offset = scheme.digestOffset(packet);
        return Arrays.copyOfRange(packet, offset, offset + DIGEST_LENGTH);
    }

    /** Signs a C2/S2 {@code response} in place, answering a peer whose digest was {@code peerDigest}. */
    public static void signResponse(byte[] response, byte[] peerDigest, HandshakeKey key) {
        byte[] signature = responseSignature(response, peerDigest, key);
        System.arraycopy(signature, 0, response, SIGNED_LENGTH, DIGEST_LENGTH);
    }

    /** Whether {@code response} carries the signature {@link #signResponse} would have written. */
    public static boolean verifyResponse(byte[] response, byte[] peerDigest, HandshakeKey key) {
        return MessageDigest.isEqual(responseSignature(response, peerDigest, key),
                Arrays.copyOfRange(response, SIGNED_LENGTH, PACKET_LENGTH));
    }

    private static byte[] responseSignature(byte[] response, byte[] peerDigest, HandshakeKey key) {
        checkPacket(response);
        byte[] signingKey = hmacSha256(key.full(), peerDigest, 0, peerDigest.length);
        return hmacSha256(signingKey, response, 0, SIGNED_LENGTH);
    }

    private static void checkPacket(byte[] packet) {
        if (packet.length != PACKET_LENGTH) {
            throw new IllegalArgumentException("handshake packet is " + packet.length + " bytes, not 1536");
        }
    }
}
