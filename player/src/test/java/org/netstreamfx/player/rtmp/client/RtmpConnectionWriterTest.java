package org.netstreamfx.player.rtmp.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.netstreamfx.player.amf.AmfValue.AmfNull;
import org.netstreamfx.player.amf.AmfValue.AmfString;
import org.netstreamfx.player.rtmp.message.ControlMessage;
import org.netstreamfx.player.rtmp.message.MessageType;
import org.netstreamfx.player.rtmp.message.RtmpMessage;
import org.netstreamfx.player.rtmp.message.UserControl;
import org.netstreamfx.player.rtmp.message.WindowAckSize;

/**
 * A server that stops reading: the client's writer blocks on the socket, and nobody else does. The
 * reader goes on reading (and queues its acknowledgements and pongs), a command returns at once,
 * and the connection ends after the write stall limit with a {@link WriteFailedException}.
 */
class RtmpConnectionWriterTest {
    /** How long one write must have lasted to count as stuck. */
    private static final long STUCK_MS = 300;

    private static final long STALL_LIMIT_MS = 3000;
    private static final int TICKS = 40;

    /** What the connection reports. */
    private static final class Seen implements RtmpConnection.Listener {
        final CompletableFuture<Void> connected = new CompletableFuture<>();
        final CompletableFuture<IOException> closed = new CompletableFuture<>();
        final CountDownLatch ticks = new CountDownLatch(TICKS);
        volatile int acksSent;
        volatile int pongsSent;

        @Override
        public void connected(RtmpConnection connection, Command result) {
            connected.complete(null);
        }

        @Override
        public void connectFailed(RtmpConnection connection, ConnectFailure failure) {
            connected.completeExceptionally(new AssertionError(failure.description()));
        }

        @Override
        public void closed(RtmpConnection connection, String description, IOException cause) {
            closed.complete(cause);
        }

        @Override
        public void serverCommand(RtmpConnection connection, Command command) {
            if (command.name().equals("onTick")) {
                ticks.countDown();
            }
        }

        @Override
        public void badCommand(RtmpConnection connection, String description) {
        }

        @Override
        public void control(RtmpConnection connection, boolean sent, ControlMessage message) {
            // Sent ones are reported once written: none are while the writer is stuck.
            if (sent && message instanceof org.netstreamfx.player.rtmp.message.Acknowledgement) {
                acksSent++;
            } else if (sent && message instanceof UserControl.PingResponse) {
                pongsSent++;
            }
        }
    }

    /** Waits until {@code w} has been in one socket write for {@link #STUCK_MS}: the peer's buffers are full. */
    private static void awaitStuck(RtmpWriter w) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        Object tick = new Object();
        while (w.writingForMs() < STUCK_MS) {
            assertTrue(System.nanoTime() < deadline, "the writer never got stuck: the socket took 4 MiB");
            synchronized (tick) {
                tick.wait(STUCK_MS / 4); // nothing notifies: the writer has no event for "still in the write"
            }
        }
    }

    @Test
    void aServerThatStopsReadingBlocksNeitherCommandsNorTheReaderAndIsDroppedAfterTheStallLimit() throws Exception {
        CompletableFuture<Void> clientStuck = new CompletableFuture<>();
        CompletableFuture<Void> release = new CompletableFuture<>();
        ServerSocket listening = new ServerSocket();
        listening.setReceiveBufferSize(8 * 1024);
        listening.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 5);
        try (FakeRtmpServer server = new FakeRtmpServer(listening, p -> {
            p.connectOk();
            clientStuck.get(20, TimeUnit.SECONDS);
            // From here on the server reads nothing, and talks: acks and pongs fall due.
            p.control(new WindowAckSize(4096));
            for (int i = 0; i < TICKS; i++) {
                p.control(new UserControl.PingRequest(i));
                p.command(0, "onTick", 0, AmfNull.INSTANCE, new AmfString("x".repeat(3000)));
            }
            release.get(30, TimeUnit.SECONDS);
        })) {
            Seen seen = new Seen();
            RtmpConnection rc = new RtmpConnection(RtmpUrl.parse(server.url("live")), RtmpOptions.DEFAULTS, 0,
                    List.of(), seen, 0, STALL_LIMIT_MS);
            rc.start();
            seen.connected.get(10, TimeUnit.SECONDS);
            rc.limitSendBuffer(8 * 1024);
            long t0 = System.nanoTime();
            for (int i = 0; i < 128; i++) {
                assertTrue(rc.offerMedia(RtmpMessage.of(7, MessageType.VIDEO, i * 40L, 1, new byte[32 * 1024])));
            }
            assertFalse(rc.isWritable(), "4 MiB queued: above the high water mark");
            CompletableFuture<String> answer = new CompletableFuture<>();
            rc.call("hello", AmfNull.INSTANCE, List.of(), new Answer() {
                @Override
                public void result(Command result) {
                    answer.complete("result");
                }

                @Override
                public void error(Command error) {
                    answer.complete("error");
                }

                @Override
                public void failed(String description, boolean malformed) {
                    answer.complete(description);
                }
            });
            long sendMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            assertTrue(sendMs < 1500, "queuing 4 MiB and a command took " + sendMs + " ms: nobody waits for the socket");
            // The server talks only once the writer is inside a write that cannot finish: before, the
            // kernel may still take a few slices, and pongs (control first) would go out between them.
            awaitStuck(rc.writer);
            clientStuck.complete(null);

            assertTrue(seen.ticks.await(STALL_LIMIT_MS, TimeUnit.MILLISECONDS),
                    "the reader went on reading while the writer was stuck: " + seen.ticks.getCount() + " left");
            IOException cause = seen.closed.get(STALL_LIMIT_MS + 15_000, TimeUnit.MILLISECONDS);
            long closedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            WriteFailedException stalled = assertInstanceOf(WriteFailedException.class, cause);
            assertTrue(stalled.stalled(), stalled.getMessage());
            assertTrue(stalled.getMessage().contains("made no progress"), stalled.getMessage());
            assertTrue(closedMs >= STALL_LIMIT_MS, "closed " + closedMs + " ms after the writes stopped");
            assertTrue(answer.get(5, TimeUnit.SECONDS).contains("closed"), "the pending call fails: " + answer.join());
            assertEquals(0, seen.pongsSent, "the pongs were queued behind the stuck write, never written");
            assertFalse(rc.isConnected());
            rc.terminated().toCompletableFuture().get(5, TimeUnit.SECONDS);
            release.complete(null);
        }
    }

    @Test
    void commandsFindingTheQueueFullCloseTheConnectionWithASentence() throws Exception {
        CompletableFuture<Void> release = new CompletableFuture<>();
        ServerSocket listening = new ServerSocket();
        listening.setReceiveBufferSize(8 * 1024);
        listening.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 5);
        try (FakeRtmpServer server = new FakeRtmpServer(listening, p -> {
            p.connectOk();
            release.get(30, TimeUnit.SECONDS);
        })) {
            Seen seen = new Seen();
            RtmpConnection rc = new RtmpConnection(RtmpUrl.parse(server.url("live")), RtmpOptions.DEFAULTS, 0,
                    List.of(), seen, 0, 60_000);
            rc.start();
            seen.connected.get(10, TimeUnit.SECONDS);
            rc.limitSendBuffer(8 * 1024);
            IOException refused = null;
            int sent = 0;
            for (; sent <= OutboundQueue.MAX_QUEUED_MESSAGES && refused == null; sent++) {
                try {
                    rc.streamCommand(1, "receiveAudio", List.of(new AmfString("y".repeat(4000))));
                } catch (IOException e) {
                    refused = e;
                }
            }
            WriteFailedException full = assertInstanceOf(WriteFailedException.class, refused);
            assertFalse(full.stalled());
            assertTrue(full.getMessage().contains("outbound queue is full"), full.getMessage());
            IOException cause = seen.closed.get(10, TimeUnit.SECONDS);
            assertEquals(full, cause, "the connection ends with the same sentence");
            assertTrue(sent > 1000, "refused only once full, after " + sent);
            release.complete(null);
        }
    }
}
