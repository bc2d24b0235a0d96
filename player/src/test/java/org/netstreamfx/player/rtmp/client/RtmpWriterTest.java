package org.netstreamfx.player.rtmp.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.netstreamfx.player.amf.AmfValue.AmfNull;
import org.netstreamfx.player.rtmp.chunk.ChunkDecoder;
import org.netstreamfx.player.rtmp.message.MessageType;
import org.netstreamfx.player.rtmp.message.RtmpMessage;
import org.netstreamfx.player.rtmp.message.UserControl;

/** The one writer of a connection, over real loopback sockets. */
class RtmpWriterTest {
    /** Records what the writer reports. */
    private static final class Seen implements RtmpWriter.Events {
        final CompletableFuture<Long> stalled = new CompletableFuture<>();
        final CompletableFuture<IOException> failed = new CompletableFuture<>();
        final CompletableFuture<Void> drained = new CompletableFuture<>();

        @Override
        public void written(RtmpMessage m) {
        }

        @Override
        public void stalled(long stalledMs) {
            stalled.complete(stalledMs);
        }

        @Override
        public void failed(IOException e) {
            failed.complete(e);
        }

        @Override
        public void drained() {
            drained.complete(null);
        }
    }

    private static RtmpMessage video(int bytes) {
        return RtmpMessage.of(7, MessageType.VIDEO, 0, 1, new byte[bytes]);
    }

    private static RtmpMessage command(String name) {
        return CommandCodec.encode(new Command(name, 0, AmfNull.INSTANCE, List.of()), 0, 8, 1);
    }

    @Test
    void controlQueuedAfterMediaGoesOutFirst() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             Socket client = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
             Socket peer = server.accept()) {
            OutboundQueue q = new OutboundQueue();
            q.offer(video(3000));
            q.offer(video(3000));
            q.offer(command("seek"));
            q.offer(RtmpMessage.control(new UserControl.PingResponse(42), 0));
            q.close();
            Seen seen = new Seen();
            new RtmpWriter("t1", client.getOutputStream(), q, 5000, seen).start();
            seen.drained.get(10, TimeUnit.SECONDS);
            client.shutdownOutput();
            List<MessageType> order = new ArrayList<>();
            ChunkDecoder decoder = new ChunkDecoder();
            InputStream in = peer.getInputStream();
            byte[] buf = new byte[8192];
            for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                decoder.feed(ByteBuffer.wrap(buf, 0, n), m -> order.add(m.type()));
            }
            assertEquals(List.of(MessageType.USER_CONTROL, MessageType.COMMAND_AMF0, MessageType.VIDEO,
                    MessageType.VIDEO), order);
            assertEquals(0, q.queuedBytes());
        }
    }

    @Test
    void aPeerThatStopsReadingBlocksNoSenderAndIsStalledAfterTheLimit() throws Exception {
        long limitMs = 1500;
        try (ServerSocket server = new ServerSocket()) {
            server.setReceiveBufferSize(8 * 1024);
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1);
            try (Socket client = new Socket()) {
                client.setSendBufferSize(8 * 1024);
                client.connect(server.getLocalSocketAddress());
                try (Socket neverRead = server.accept()) {
                    OutboundQueue q = new OutboundQueue();
                    List<Boolean> writability = new ArrayList<>();
                    q.addWritabilityListener(w -> {
                        synchronized (writability) {
                            writability.add(w);
                        }
                    });
                    Seen seen = new Seen();
                    new RtmpWriter("t2", client.getOutputStream(), q, limitMs, seen).start();
                    // Far more than the socket buffers hold: the writer blocks, the senders do not.
                    long t0 = System.nanoTime();
                    int refused = 0;
                    for (int i = 0; i < 256; i++) {
                        if (q.offer(video(32 * 1024)) != OutboundQueue.Offer.QUEUED) {
                            refused++;
                        }
                    }
                    long stuckAt = System.nanoTime();
                    assertEquals(OutboundQueue.Offer.QUEUED, q.offer(command("pause")), "a command is queued");
                    assertEquals(OutboundQueue.Offer.QUEUED, q.offer(RtmpMessage.control(
                            new UserControl.PingResponse(1), 0)), "so is the reader's pong");
                    long offersMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
                    assertTrue(offersMs < 1000, "258 offers took " + offersMs + " ms: nobody waits for the socket");
                    assertEquals(0, refused, "8 MiB of media fit");
                    assertFalse(q.isWritable(), "above the high water mark");
                    synchronized (writability) {
                        assertEquals(List.of(false), writability);
                    }
                    long stalledMs = seen.stalled.get(limitMs + 10_000, TimeUnit.MILLISECONDS);
                    long sinceMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stuckAt);
                    assertTrue(stalledMs >= limitMs, "stalled after " + stalledMs + " ms, limit " + limitMs);
                    assertTrue(sinceMs < limitMs + 8000, "reported " + sinceMs + " ms after the queue filled");
                    // What the connection does on a stall: drop the socket; the writer then fails and ends.
                    client.close();
                    assertTrue(seen.failed.get(10, TimeUnit.SECONDS) != null);
                    assertEquals(OutboundQueue.Offer.CLOSED, q.offer(command("seek")));
                }
            }
        }
    }
}
