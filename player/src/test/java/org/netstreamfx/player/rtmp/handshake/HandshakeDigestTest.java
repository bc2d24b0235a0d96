package org.netstreamfx.player.rtmp.handshake;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.Random;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** Digest placement and values, checked against HMACs built here directly with javax.crypto. */
class HandshakeDigestTest {

    private static final byte[] FP_KEY = "Genuine Adobe Flash Player 001".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] FMS_KEY =
            "Genuine Adobe Flash Media Server 001".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SUFFIX = java.util.HexFormat.of().parseHex(
            "F0EEC24A8068BEE82E00D0D1029E7E576EEC5D2D29806FAB93B8E636CFEB31AE");

    private static byte[] hmac(byte[] key, byte[] data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    /** The fixed packet: byte i is (i * 7 + 3) mod 256, version 9.0.124.2. */
    private static byte[] fixedPacket() {
        byte[] p = new byte[1536];
        for (int i = 0; i < p.length; i++) {
            p[i] = (byte) (i * 7 + 3);
        }
        p[4] = 9;
        p[5] = 0;
        p[6] = 0x7C;
        p[7] = 2;
        return p;
    }

    /** Digest over the packet without the 32 bytes at {@code off}. */
    private static byte[] expectedDigest(byte[] packet, int off, byte[] key) throws Exception {
        byte[] rest = concat(Arrays.copyOfRange(packet, 0, off), Arrays.copyOfRange(packet, off + 32, 1536));
        return hmac(key, rest);
    }

    @Test
    void keys() {
        assertArrayEquals(FP_KEY, HandshakeKey.FLASH_PLAYER.partial());
        assertArrayEquals(concat(FMS_KEY, SUFFIX), HandshakeKey.FLASH_MEDIA_SERVER.full());
        assertEquals(62, HandshakeKey.FLASH_PLAYER.full().length);
        assertEquals(68, HandshakeKey.FLASH_MEDIA_SERVER.full().length);
    }

    @Test
    void fixedVectorSchemeZeroAndOne() throws Exception {
        byte[] p = fixedPacket();
        // scheme 0: bytes 8..11 are 59, 66, 73, 80 -> (278 % 728) + 12 = 290
        assertEquals(290, DigestScheme.SCHEME_0.digestOffset(p));
        // scheme 1: bytes 772..775 are (772*7+3) & 255 = 31, 38, 45, 52 -> 166 + 776 = 942
        assertEquals(942, DigestScheme.SCHEME_1.digestOffset(p));

        byte[] s0 = p.clone();
        byte[] d0 = HandshakeDigest.imprint(s0, DigestScheme.SCHEME_0, HandshakeKey.FLASH_PLAYER);
        assertArrayEquals(expectedDigest(p, 290, FP_KEY), d0);
        assertArrayEquals(d0, Arrays.copyOfRange(s0, 290, 322));
        assertArrayEquals(Arrays.copyOf(p, 290), Arrays.copyOf(s0, 290));
        assertEquals(Optional.of(DigestScheme.SCHEME_0),
                HandshakeDigest.findDigest(s0, HandshakeKey.FLASH_PLAYER, DigestScheme.SCHEME_1));
        assertEquals(Optional.empty(),
                HandshakeDigest.findDigest(s0, HandshakeKey.FLASH_MEDIA_SERVER, DigestScheme.SCHEME_0));

        byte[] s1 = p.clone();
        byte[] d1 = HandshakeDigest.imprint(s1, DigestScheme.SCHEME_1, HandshakeKey.FLASH_MEDIA_SERVER);
        assertArrayEquals(expectedDigest(p, 942, FMS_KEY), d1);
        assertEquals(Optional.of(DigestScheme.SCHEME_1),
                HandshakeDigest.findDigest(s1, HandshakeKey.FLASH_MEDIA_SERVER, DigestScheme.SCHEME_0));
        assertEquals(Optional.empty(),
                HandshakeDigest.findDigest(p, HandshakeKey.FLASH_MEDIA_SERVER, DigestScheme.SCHEME_0));
    }

    @Test
    void responseSignature() throws Exception {
        byte[] peerDigest = new byte[32];
        Arrays.fill(peerDigest, (byte) 0x5A);
        byte[] response = fixedPacket();
        HandshakeDigest.signResponse(response, peerDigest, HandshakeKey.FLASH_PLAYER);
        byte[] key = hmac(concat(FP_KEY, SUFFIX), peerDigest);
        byte[] expected = hmac(key, Arrays.copyOf(fixedPacket(), 1504));
        assertArrayEquals(expected, Arrays.copyOfRange(response, 1504, 1536));
        assertTrue(HandshakeDigest.verifyResponse(response, peerDigest, HandshakeKey.FLASH_PLAYER));
        assertFalse(HandshakeDigest.verifyResponse(response, peerDigest, HandshakeKey.FLASH_MEDIA_SERVER));
    }

    @Test
    void clientC1AndC2OnTheWire() throws Exception {
        // a scripted digest server: S1 signed with the FMS key (scheme 1), S2 unchecked zeros
        byte[] s1 = new byte[1536];
        new Random(3).nextBytes(s1);
        int s1Offset = DigestScheme.SCHEME_1.digestOffset(s1);
        byte[] s1Digest = expectedDigest(s1, s1Offset, FMS_KEY);
        System.arraycopy(s1Digest, 0, s1, s1Offset, 32);
        ByteArrayOutputStream reply = new ByteArrayOutputStream();
        reply.write(3);
        reply.write(s1);
        reply.write(new byte[1536]);
        ByteArrayOutputStream sent = new ByteArrayOutputStream();
        HandshakeResult r = RtmpHandshake.client(new ByteArrayInputStream(reply.toByteArray()), sent,
                HandshakeMode.DIGEST_FP9, DigestScheme.SCHEME_0, new Random(4), () -> 0L);
        assertEquals(HandshakeMode.DIGEST_FP9, r.mode());
        assertTrue(r.peerDigestValid());
        assertFalse(r.peerResponseValid());

        byte[] c = sent.toByteArray();
        byte[] c1 = Arrays.copyOfRange(c, 1, 1537);
        assertArrayEquals(new byte[] {0, 0, 0, 0, 9, 0, 0x7C, 2}, Arrays.copyOf(c1, 8));
        int off = ((c1[8] & 0xFF) + (c1[9] & 0xFF) + (c1[10] & 0xFF) + (c1[11] & 0xFF)) % 728 + 12;
        assertArrayEquals(expectedDigest(c1, off, FP_KEY), Arrays.copyOfRange(c1, off, off + 32));

        byte[] c2 = Arrays.copyOfRange(c, 1537, 3073);
        byte[] key = hmac(concat(FP_KEY, SUFFIX), s1Digest);
        assertArrayEquals(hmac(key, Arrays.copyOf(c2, 1504)), Arrays.copyOfRange(c2, 1504, 1536));
    }
}
