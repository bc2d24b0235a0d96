package org.netstreamfx.capture.feed;

import java.util.List;
import java.util.Objects;
import org.netstreamfx.capture.device.DeviceException;
import org.netstreamfx.capture.encode.EncodedPacket;
import org.netstreamfx.capture.encode.EncoderException;
import org.netstreamfx.player.media.TrackKind;
import org.netstreamfx.player.publish.FeedPacket;
import org.netstreamfx.player.publish.FeedSink;
import org.netstreamfx.player.publish.MediaFeed;

/**
 * What the camera and microphone feeds share: a capture device and an encoder, opened together
 * (the encoder for the format the device negotiated), encoding on the device's capture thread,
 * failing once with a sentence that names the device, and closed capture first.
 *
 * <p>Threads: {@link #start} and {@link #stop} may be called from any thread; {@link #encode} and
 * {@link #captureFailed} are called on the device's capture thread.
 */
abstract class EncodingFeed<C extends AutoCloseable, E extends AutoCloseable> implements MediaFeed {
    /** One encoding step, run under the feed's lock on the capture thread. */
    @FunctionalInterface
    interface Encode<E> {
        List<EncodedPacket> apply(E encoder) throws EncoderException;
    }

    private final TrackKind kind;
    private final String deviceLabel;
    private final Object lock = new Object();
    // Guarded by lock.
    private C capture;
    private E encoder;
    private boolean stopped;
    private volatile FeedSink sink;
    private volatile boolean failed;

    /** @param deviceLabel how errors name the device: "Camera test", "Microphone tone" */
    EncodingFeed(TrackKind kind, String deviceLabel) {
        this.kind = kind;
        this.deviceLabel = deviceLabel;
    }

    @Override
    public final TrackKind kind() {
        return kind;
    }

    /** Opens the device; its frames may arrive at once but wait for the lock until the encoder exists. */
    protected abstract C openCapture() throws DeviceException;

    /** Makes the encoder for what {@code opened} negotiated and configures the sink with it. */
    protected abstract E openEncoder(C opened, FeedSink s) throws EncoderException;

    /** Opens the device and the encoder; a device or encoder error goes to {@link FeedSink#failed}. */
    @Override
    public final void start(FeedSink s) {
        sink = Objects.requireNonNull(s, "sink");
        Exception failure = null;
        synchronized (lock) {
            try {
                capture = openCapture();
                encoder = openEncoder(capture, s);
            } catch (DeviceException | EncoderException | IllegalArgumentException e) {
                failure = e;
            }
        }
        if (failure != null) {
            stop();
            fail(deviceLabel + " cannot be published: " + failure.getMessage());
        }
    }

    /**
     * Puts {@code replacement} in place of the capture that failed (which is ending on its own
     * thread); false, and {@code replacement} closed, when the feed has stopped meanwhile.
     */
    protected final boolean replaceCapture(C replacement) {
        synchronized (lock) {
            if (encoder != null && !stopped) {
                capture = replacement;
                return true;
            }
        }
        close(replacement, "the replacement capture");
        return false;
    }

    /** Runs {@code action} on the encoder, if the feed is running. */
    protected final void withEncoder(java.util.function.Consumer<E> action) {
        synchronized (lock) {
            if (encoder != null) {
                action.accept(encoder);
            }
        }
    }

    /**
     * Closes the capture first, outside the lock (its thread may be waiting for the lock to
     * encode), then the encoder.
     */
    @Override
    public final void stop() {
        AutoCloseable c;
        synchronized (lock) {
            stopped = true;
            c = capture;
            capture = null;
        }
        if (c != null) {
            close(c, "the capture");
        }
        synchronized (lock) {
            if (encoder != null) {
                close(encoder, "the encoder");
                encoder = null;
            }
        }
    }

    private static void close(AutoCloseable c, String what) {
        try {
            c.close();
        } catch (Exception e) {
            throw new IllegalStateException("closing " + what + " failed: " + e.getMessage(), e);
        }
    }

    // Called on the capture thread.

    /** Encodes one captured unit and hands the packets to the sink. */
    protected final void encode(Encode<E> step, String codecName) {
        List<EncodedPacket> out;
        synchronized (lock) {
            E e = encoder;
            if (e == null) {
                return;
            }
            try {
                out = step.apply(e);
            } catch (EncoderException | IllegalArgumentException ex) {
                fail(codecName + " encoding failed: " + ex.getMessage());
                return;
            }
        }
        FeedSink s = sink;
        for (EncodedPacket p : out) {
            // Every AAC frame can be decoded on its own.
            s.packet(new FeedPacket(kind, p.ptsUs(), p.dtsUs(), kind == TrackKind.AUDIO || p.keyframe(), p.data(),
                    p.trackId()));
        }
    }

    protected final void captureFailed(DeviceException failure) {
        captureFailed(failure, "");
    }

    /** The same, with a sentence on what the feed does now (" Publishing goes on with …"). */
    protected final void captureFailed(DeviceException failure, String whatNow) {
        fail(deviceLabel + " stopped: " + failure.getMessage() + whatNow);
    }

    private void fail(String description) {
        if (!failed) {
            failed = true;
            FeedSink s = sink;
            if (s != null) {
                s.failed(description);
            }
        }
    }
}
