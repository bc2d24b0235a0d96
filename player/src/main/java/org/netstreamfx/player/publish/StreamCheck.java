package org.netstreamfx.player.publish;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.netstreamfx.player.health.HealthReport;
import org.netstreamfx.player.health.Profile;
import org.netstreamfx.player.media.TrackKind;

/**
 * "Check my stream", the way Twitch's bandwidth test checks a setup before going live: the chosen
 * camera and microphone feeds encode for a while, and what they make is judged by a profile's
 * health rules ({@link PublishHealth}, the same analysis a publishing stream runs) and sent
 * nowhere. The check ends once every feed has delivered {@code durationUs} of media, or when
 * cancelled; either way the feeds stop (which releases their devices and encoders) before the
 * result completes.
 *
 * <p>Threads: {@link #start()} and {@link #cancel()} return at once; the feeds deliver on their
 * own threads; the feeds are stopped, and the result completed, on a thread of the check's own
 * ("nsfx-stream-check"), never on a feed's thread (a stop joins it).
 */
public final class StreamCheck {
    private final MediaFeed camera;
    private final MediaFeed microphone;
    private final long durationUs;
    private final PublishHealth health;
    private final CompletableFuture<HealthReport> result = new CompletableFuture<>();
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean ending = new AtomicBoolean();
    /** Guarded by this: each feed's configuration and the decode times it has covered. */
    private final Map<TrackKind, FeedConfig> configs = new EnumMap<>(TrackKind.class);
    private final Map<TrackKind, long[]> spans = new EnumMap<>(TrackKind.class);

    /**
     * @param camera     the video feed, or null
     * @param microphone the audio feed, or null (not both null)
     * @param profile    the rules to judge by
     * @param durationUs how much media each feed delivers before the verdict, more than 0
     */
    public StreamCheck(MediaFeed camera, MediaFeed microphone, Profile profile, long durationUs) {
        if (camera == null && microphone == null) {
            throw new IllegalArgumentException("a stream check needs a camera, a microphone or both");
        }
        if (durationUs <= 0) {
            throw new IllegalArgumentException("a stream check lasts more than 0 s, not " + durationUs + " us");
        }
        this.camera = camera;
        this.microphone = microphone;
        this.durationUs = durationUs;
        this.health = new PublishHealth(System::nanoTime, f -> { });
        health.use(Objects.requireNonNull(profile, "profile"));
    }

    /**
     * Starts the feeds; the stage completes with the report once the check is over and the feeds
     * have stopped, exceptionally when a feed failed or nothing came, and is cancelled by
     * {@link #cancel()}. Called once.
     */
    public CompletableFuture<HealthReport> start() {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("a stream check runs once");
        }
        for (MediaFeed f : new MediaFeed[] {camera, microphone}) {
            if (f != null) {
                f.start(new Sink());
            }
        }
        return result;
    }

    /** Gives the check up: the feeds stop, and the result is cancelled. */
    public void cancel() {
        end(null);
    }

    /** Ends the check once: the feeds stop on the check's thread, then the result completes (failure, or the report). */
    private void end(String failure) {
        if (!ending.compareAndSet(false, true)) {
            return;
        }
        boolean cancelled = failure == null && !covered();
        Thread t = new Thread(() -> {
            try {
                for (MediaFeed f : new MediaFeed[] {camera, microphone}) {
                    if (f != null) {
                        f.stop();
                    }
                }
            } finally {
                HealthReport r = health.report();
                if (cancelled) {
                    result.cancel(false);
                } else if (failure != null || r == null) {
                    result.completeExceptionally(new IllegalStateException(failure != null ? failure
                            : "the camera and microphone delivered nothing to check"));
                } else {
                    result.complete(r);
                }
            }
        }, "nsfx-stream-check");
        t.setDaemon(true);
        t.start();
    }

    /** Whether every feed has delivered the check's duration. */
    private synchronized boolean covered() {
        for (MediaFeed f : new MediaFeed[] {camera, microphone}) {
            long[] span = f == null ? null : spans.get(f.kind());
            if (f != null && (span == null || span[1] - span[0] < durationUs)) {
                return false;
            }
        }
        return true;
    }

    private void packet(FeedPacket p) {
        if (p.trackId() != 0 || ending.get()) {
            return;
        }
        synchronized (this) {
            health.packet(p, configs.get(TrackKind.VIDEO), configs.get(TrackKind.AUDIO), camera != null,
                    microphone != null);
            long[] span = spans.computeIfAbsent(p.kind(), k -> new long[] {p.dtsUs(), p.dtsUs()});
            span[1] = Math.max(span[1], p.dtsUs());
        }
        if (covered()) {
            end(null);
        }
    }

    /** Where one feed delivers during the check. */
    private final class Sink implements FeedSink {
        @Override
        public void configure(FeedConfig config) {
            if (config.trackId() == 0) {
                synchronized (StreamCheck.this) {
                    configs.put(config.kind(), config);
                }
            }
        }

        @Override
        public void packet(FeedPacket packet) {
            StreamCheck.this.packet(packet);
        }

        @Override
        public void failed(String description) {
            end(description);
        }
    }
}
