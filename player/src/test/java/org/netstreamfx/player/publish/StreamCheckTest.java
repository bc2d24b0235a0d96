package org.netstreamfx.player.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.netstreamfx.player.health.HealthReport;
import org.netstreamfx.player.health.Profiles;
import org.netstreamfx.player.media.TrackKind;

/** The stream check's life: a verdict once the media covers its duration, a cancel, a failed feed; the feeds always stop first. */
class StreamCheckTest {
    private static final byte[] AVCC = {1, 66, 0, 30, (byte) 0xFF, (byte) 0xE1, 0, 0, 1, 0};
    private static final long FRAME_US = 40_000;
    private static final long CHECK_US = 2_000_000;
    private static final long WAIT_S = 5;

    /** A camera whose start runs {@code onStart} with its sink; it records its stop. */
    private static final class ScriptedCamera implements MediaFeed {
        private final Consumer<FeedSink> onStart;
        private final java.util.concurrent.CountDownLatch released = new java.util.concurrent.CountDownLatch(1);

        ScriptedCamera(Consumer<FeedSink> onStart) {
            this.onStart = onStart;
        }

        @Override
        public TrackKind kind() {
            return TrackKind.VIDEO;
        }

        @Override
        public void start(FeedSink sink) {
            sink.configure(new FeedConfig(TrackKind.VIDEO, AVCC, Map.of("width", 320.0, "height", 240.0,
                    "framerate", 25.0)));
            onStart.accept(sink);
        }

        @Override
        public void stop() {
            released.countDown();
        }

        @Override
        public void requestKeyframe() {
            throw new AssertionError("nothing is dropped in a check: no keyframe is asked for");
        }

        boolean stopped() {
            return released.getCount() == 0;
        }
    }

    @Test
    void theVerdictComesOnceTheMediaCoversTheDurationAfterTheFeedsStopped() throws Exception {
        ScriptedCamera camera = new ScriptedCamera(sink -> {
            for (long t = 0; t <= CHECK_US + FRAME_US; t += FRAME_US) {
                sink.packet(new FeedPacket(TrackKind.VIDEO, t, t, t % 1_000_000 == 0, new byte[] {0, 0, 0, 1, 1}));
            }
        });
        HealthReport r = new StreamCheck(camera, null, Profiles.GENERIC, CHECK_US).start().get(WAIT_S, TimeUnit.SECONDS);
        assertTrue(camera.stopped(), "the camera was stopped before the verdict");
        assertEquals("generic", r.profile());
        assertTrue(r.coveredS() >= CHECK_US / 1e6, "covered " + r.coveredS());
        assertEquals(java.util.Set.of(), r.raisedRules(), "a clean stream: " + r.toMap());
    }

    @Test
    void aCancelStopsTheFeedsAndCancelsTheResult() throws Exception {
        ScriptedCamera camera = new ScriptedCamera(sink -> { });
        StreamCheck check = new StreamCheck(camera, null, Profiles.GENERIC, CHECK_US);
        CompletableFuture<HealthReport> result = check.start();
        check.cancel();
        assertThrows(CancellationException.class, () -> result.get(WAIT_S, TimeUnit.SECONDS));
        assertTrue(camera.stopped(), "the camera was released");
    }

    @Test
    void aFailedFeedEndsTheCheckWithItsReason() throws Exception {
        ScriptedCamera camera = new ScriptedCamera(sink -> sink.failed("camera unplugged"));
        CompletableFuture<HealthReport> result = new StreamCheck(camera, null, Profiles.GENERIC, CHECK_US).start();
        ExecutionException e = assertThrows(ExecutionException.class, () -> result.get(WAIT_S, TimeUnit.SECONDS));
        assertEquals("camera unplugged", e.getCause().getMessage());
        assertTrue(camera.stopped(), "the camera was released");
    }
}
