package org.netstreamfx.player.rtmp.handshake;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.util.Arrays;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.netstreamfx.player.wire.WireFormatException;

class RtmpHandshakeTest {
    private final ExecutorService pool = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    /** One direction of a connection. */
    private record Pipe(PipedInputStream in, PipedOutputStream out) {
        static Pipe open() throws IOException {
            PipedInputStream in = new PipedInputStream(16 * 1024);
            return new Pipe(in, new PipedOutputStream(in));
        }
    }

    private interface Side<T> {
        T run(InputStream in, OutputStream out) throws IOException;
    }

    private <T> Future<T> serve(Pipe toServer, Pipe toClient, Side<T> side) {
        return pool.submit(() -> side.run(toServer.in(), toClient.out()));
    }

    @ParameterizedTest
    @EnumSource(DigestScheme.class)
    void digestClientAgainstDigestServer(DigestScheme scheme) throws Exception {
        Pipe toServer = Pipe.open();
        Pipe toClient = Pipe.open();
        Future<HandshakeResult> server = serve(toServer, toClient, (in, out) -> {
            HandshakeResult r = RtmpHandshake.server(in, out, new Random(2), () -> 777L);
            out.write(new byte[] {1, 2, 3});
            out.flush();
            return r;
        });
        HandshakeResult client = RtmpHandshake.client(toClient.in(), toServer.out(), HandshakeMode.DIGEST_FP9,
                scheme, new Random(1), () -> 1234L);
        HandshakeResult srv = server.get(10, TimeUnit.SECONDS);

        assertEquals(HandshakeMode.DIGEST_FP9, client.mode());
        assertEquals(Optional.of(scheme), client.scheme());
        assertTrue(client.peerDigestValid());
        assertTrue(client.peerResponseValid());
        assertEquals(777L, client.peerTime());
        assertEquals("4.5.0.1", client.peerVersionString());

        assertEquals(HandshakeMode.DIGEST_FP9, srv.mode());
        assertEquals(Optional.of(scheme), srv.scheme());
        assertTrue(srv.peerDigestValid());
        assertTrue(srv.peerResponseValid());
        assertEquals(1234L, srv.peerTime());
        assertEquals("9.0.124.2", srv.peerVersionString());
        // the handshake read exactly its bytes: what follows is still in the stream
        assertArrayEquals(new byte[] {1, 2, 3}, toClient.in().readNBytes(3));
    }

    @Test
    void plainClientAgainstServer() throws Exception {
        Pipe toServer = Pipe.open();
        Pipe toClient = Pipe.open();
        Future<HandshakeResult> server = serve(toServer, toClient,
                (in, out) -> RtmpHandshake.server(in, out));
        HandshakeResult client = RtmpHandshake.client(toClient.in(), toServer.out(), HandshakeMode.PLAIN);
        HandshakeResult srv = server.get(10, TimeUnit.SECONDS);
        assertEquals(new HandshakeResult(HandshakeMode.PLAIN, Optional.empty(), 0, 0, false, true), client);
        assertEquals(new HandshakeResult(HandshakeMode.PLAIN, Optional.empty(), 0, 0, false, true), srv);
    }

    /** A server that ignores the digest: plain S1, S2 echoing C1; returns the C2 it got. */
    private static byte[] plainServer(InputStream in, OutputStream out, byte[] s1) throws IOException {
        DataInputStream data = new DataInputStream(in);
        assertEquals(3, data.read());
        byte[] c1 = new byte[1536];
        data.readFully(c1);
        out.write(3);
        out.write(s1);
        out.write(c1);
        out.flush();
        byte[] c2 = new byte[1536];
        data.readFully(c2);
        return c2;
    }

    @Test
    void digestClientAgainstPlainServerContinuesPlainly() throws Exception {
        byte[] s1 = new byte[1536];
        new Random(5).nextBytes(s1);
        Arrays.fill(s1, 0, 8, (byte) 0);
        Pipe toServer = Pipe.open();
        Pipe toClient = Pipe.open();
        Future<byte[]> server = serve(toServer, toClient, (in, out) -> plainServer(in, out, s1));
        HandshakeResult client = RtmpHandshake.client(toClient.in(), toServer.out(), HandshakeMode.DIGEST_FP9);
        assertEquals(HandshakeMode.PLAIN, client.mode());
        assertFalse(client.peerDigestValid());
        assertTrue(client.peerResponseValid());
        assertArrayEquals(s1, server.get(10, TimeUnit.SECONDS), "C2 must echo S1");
    }

    @Test
    void serverAnsweringVersionSixIsRejected() {
        byte[] reply = new byte[1 + 2 * 1536];
        reply[0] = 6;
        WireFormatException e = assertThrows(WireFormatException.class, () -> RtmpHandshake.client(
                new ByteArrayInputStream(reply), new ByteArrayOutputStream(), HandshakeMode.PLAIN));
        assertEquals("RTMP handshake version", e.field());
        assertTrue(e.getMessage().startsWith("RTMP handshake version is 6, must be 3"), e.getMessage());
    }

    @Test
    void clientSendingVersionSixIsRejectedByServer() {
        byte[] hello = new byte[1 + 1536];
        hello[0] = 6;
        WireFormatException e = assertThrows(WireFormatException.class, () -> RtmpHandshake.server(
                new ByteArrayInputStream(hello), new ByteArrayOutputStream()));
        assertEquals("RTMP handshake version", e.field());
    }

    @Test
    void truncatedS1() {
        byte[] reply = new byte[1 + 100];
        reply[0] = 3;
        WireFormatException e = assertThrows(WireFormatException.class, () -> RtmpHandshake.client(
                new ByteArrayInputStream(reply), new ByteArrayOutputStream(), HandshakeMode.DIGEST_FP9));
        assertEquals("RTMP handshake S1 needs 1536 bytes but only 100 remain", e.getMessage());
    }

    @Test
    void truncatedS2() {
        byte[] reply = new byte[1 + 1536 + 10];
        reply[0] = 3;
        WireFormatException e = assertThrows(WireFormatException.class, () -> RtmpHandshake.client(
                new ByteArrayInputStream(reply), new ByteArrayOutputStream(), HandshakeMode.PLAIN));
        assertEquals("RTMP handshake S2 needs 1536 bytes but only 10 remain", e.getMessage());
    }

    @Test
    void serverDroppingTheConnectionOffersAFallback() {
        HandshakeRejectedException e = assertThrows(HandshakeRejectedException.class, () -> RtmpHandshake.client(
                new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream(), HandshakeMode.DIGEST_FP9));
        assertEquals(HandshakeMode.DIGEST_FP9, e.attemptedMode());
        assertEquals(Optional.of(HandshakeMode.PLAIN), e.fallbackMode());

        InputStream reset = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new java.net.SocketException("Connection reset");
            }
        };
        HandshakeRejectedException r = assertThrows(HandshakeRejectedException.class,
                () -> RtmpHandshake.client(reset, new ByteArrayOutputStream(), HandshakeMode.PLAIN));
        assertEquals(Optional.empty(), r.fallbackMode());
    }

    @Test
    void plainClientC1IsTimeZeroAndRandom() throws Exception {
        byte[] s1 = new byte[1536];
        ByteArrayOutputStream sent = new ByteArrayOutputStream();
        ByteArrayOutputStream reply = new ByteArrayOutputStream();
        reply.write(3);
        reply.write(s1);
        reply.write(new byte[1536]);
        RtmpHandshake.client(new ByteArrayInputStream(reply.toByteArray()), sent, HandshakeMode.PLAIN,
                DigestScheme.SCHEME_0, new Random(9), () -> 0x01020304L);
        byte[] c = sent.toByteArray();
        assertEquals(1 + 1536 + 1536, c.length);
        assertArrayEquals(new byte[] {3, 1, 2, 3, 4, 0, 0, 0, 0}, Arrays.copyOf(c, 9));
        assertArrayEquals(s1, Arrays.copyOfRange(c, 1537, 3073), "plain C2 echoes S1");
    }
}
