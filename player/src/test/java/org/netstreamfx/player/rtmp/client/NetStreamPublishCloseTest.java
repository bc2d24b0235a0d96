package org.netstreamfx.player.rtmp.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.netstreamfx.player.rtmp.client.FakeRtmpServer.info;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.netstreamfx.player.media.TrackKind;
import org.netstreamfx.player.net.NetConnection;
import org.netstreamfx.player.net.NetStream;

/**
 * Stopping a publishing stream never waits on the caller's thread (the FX thread in the app): a
 * feed whose stop takes a second (capture and encode threads being joined) is stopped on the
 * stream's worker, and close()'s stage completes only once it has.
 */
class NetStreamPublishCloseTest {
    /** How long the slow feed's stop takes. */
    private static final long STOP_TAKES_MS = 1000;
    /** What "returns at once" means for a command on the caller's thread. */
    private static final long CALLER_LIMIT_MS = 50;
    /** How long a test waits for what follows on other threads. */
    private static final long WAIT_MS = STOP_TAKES_MS + 5000;

    /** A camera whose stop blocks on a latch for {@link #STOP_TAKES_MS}, as a join of capture threads would. */
    private static final class SlowStopFeed extends NetStreamPublishTest.HandFeed {
        /** Never counted down: the stop takes its whole second. */
        final CountDownLatch stopBlocker = new CountDownLatch(1);
        /** Completes with System.nanoTime() when the stop returns. */
        final CompletableFuture<Long> stoppedAt = new CompletableFuture<>();
        volatile String stopThread;

        SlowStopFeed() {
            super(TrackKind.VIDEO);
        }

        @Override
        public void stop() {
            stopThread = Thread.currentThread().getName();
            try {
                stopBlocker.await(STOP_TAKES_MS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            super.stop();
            stoppedAt.complete(System.nanoTime());
        }
    }

    private final SlowStopFeed camera = new SlowStopFeed();
    private FakeRtmpServer server;
    private NetConnection nc;
    private NetStream ns;

    /** A server that lets "key" be published and then only listens; the stream publishes the slow camera. */
    @BeforeEach
    void publishTheSlowCamera() throws Exception {
        server = new FakeRtmpServer(p -> {
            p.connectOk();
            p.acceptPublish();
            p.onStatus(1, info("status", "NetStream.Publish.Start", "key is now published."));
            p.awaitClose();
        });
        Events ncEvents = new Events();
        nc = new NetConnection();
        nc.addNetStatusListener(ncEvents);
        nc.connect(server.url("live"));
        ncEvents.await("NetConnection.Connect.Success", 5);
        Events events = new Events();
        ns = new NetStream(nc);
        ns.addNetStatusListener(events);
        ns.attachCamera(camera);
        ns.publish("key", "live");
        events.await("NetStream.Publish.Start", 5);
    }

    @AfterEach
    void closeTheConnection() throws Exception {
        nc.close();
        server.close();
    }

    /** Runs {@code command} on this thread, which it must leave within {@link #CALLER_LIMIT_MS}; when it began. */
    private static long returnsAtOnce(String what, Runnable command) {
        long before = System.nanoTime();
        command.run();
        long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - before);
        assertTrue(tookMs < CALLER_LIMIT_MS, what + " took " + tookMs + " ms on the caller's thread");
        return before;
    }

    @Test
    void closeReturnsAtOnceAndItsStageCompletesAfterTheFeedHasStopped() throws Exception {
        CompletableFuture<CompletionStage<Void>> closed = new CompletableFuture<>();
        long before = returnsAtOnce("close()", () -> closed.complete(ns.close()));
        assertEquals(false, ns.publishing(), "no longer publishing as soon as close() returns");

        CompletableFuture<Boolean> feedStoppedFirst = closed.get().toCompletableFuture()
                .thenApply(v -> camera.stoppedAt.isDone());
        assertEquals(true, feedStoppedFirst.get(WAIT_MS, TimeUnit.MILLISECONDS),
                "close()'s stage completes after the feed has stopped");
        long stopMs = TimeUnit.NANOSECONDS.toMillis(camera.stoppedAt.get() - before);
        assertTrue(stopMs >= STOP_TAKES_MS, "the feed's stop took its second: " + stopMs + " ms");
        assertTrue(camera.stopThread.startsWith("nsfx-stream-"), "stopped on " + camera.stopThread);
    }

    @Test
    void detachingTheCameraAndUnpublishingReturnAtOnceAndTheFeedStopsOnTheStreamsThread() throws Exception {
        returnsAtOnce("attachCamera(null) and publish(null)", () -> {
            ns.attachCamera(null);
            ns.publish(null);
        });

        camera.stoppedAt.get(WAIT_MS, TimeUnit.MILLISECONDS);
        assertEquals(true, camera.stopped);
        assertTrue(camera.stopThread.startsWith("nsfx-stream-"), "stopped on " + camera.stopThread);
        ns.close().toCompletableFuture().get(WAIT_MS, TimeUnit.MILLISECONDS);
    }
}
