package org.netstreamfx.capture.publish;

import java.util.List;
import java.util.Objects;
import org.netstreamfx.capture.device.AudioBlock;
import org.netstreamfx.capture.device.AudioBlockListener;
import org.netstreamfx.capture.device.AudioCapture;
import org.netstreamfx.capture.device.CaptureClock;
import org.netstreamfx.capture.device.DeviceException;
import org.netstreamfx.capture.device.Microphone;
import org.netstreamfx.capture.device.PcmFormat;
import org.netstreamfx.capture.encode.AacEncoder;
import org.netstreamfx.capture.encode.AacSettings;
import org.netstreamfx.capture.encode.EncodedPacket;
import org.netstreamfx.capture.encode.EncoderException;
import org.netstreamfx.player.media.TrackKind;
import org.netstreamfx.player.publish.FeedConfig;
import org.netstreamfx.player.publish.FeedPacket;
import org.netstreamfx.player.publish.FeedSink;
import org.netstreamfx.player.publish.MediaFeed;

/**
 * A microphone and an AAC-LC encoder as a {@link MediaFeed} for {@code NetStream.attachAudio}.
 * The microphone is opened at the rate and channels asked for; the encoder is made for the format
 * it negotiated (44.1 or 48 kHz, as FLV's AAC allows).
 *
 * <p>Threads: blocks are encoded on the microphone's capture thread; {@link #start} and {@link
 * #stop} may be called from any thread.
 */
public final class MicrophoneFeed implements MediaFeed {
    private final Microphone microphone;
    private final AacSettings wanted;
    private final CaptureClock clock;
    private final Object lock = new Object();
    // Guarded by lock.
    private AudioCapture capture;
    private AacEncoder encoder;
    private volatile FeedSink sink;
    private volatile boolean failed;

    /** @param clock the capture clock shared with the camera */
    public MicrophoneFeed(Microphone microphone, AacSettings settings, CaptureClock clock) {
        this.microphone = Objects.requireNonNull(microphone, "microphone");
        this.wanted = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public TrackKind kind() {
        return TrackKind.AUDIO;
    }

    @Override
    public void start(FeedSink s) {
        sink = Objects.requireNonNull(s, "sink");
        Exception failure = null;
        synchronized (lock) {
            try {
                capture = microphone.open(new PcmFormat(wanted.sampleRateHz(), wanted.channels()), clock, new Blocks());
                PcmFormat got = capture.format();
                AacSettings actual = new AacSettings(got.sampleRate(), got.channels(), wanted.bitrateKbps());
                AacEncoder e = new AacEncoder(actual);
                s.configure(new FeedConfig(TrackKind.AUDIO, e.audioSpecificConfig(), Metadata.audio(actual)));
                encoder = e;
            } catch (DeviceException | EncoderException | IllegalArgumentException e) {
                failure = e;
            }
        }
        if (failure != null) {
            stop();
            fail("Microphone " + microphone.id() + " cannot be published: " + failure.getMessage());
        }
    }

    @Override
    public void requestKeyframe() {
        // Every AAC frame is a keyframe.
    }

    /**
     * Closes the capture first, outside the lock (its thread may be waiting for the lock to
     * encode), then the encoder.
     */
    @Override
    public void stop() {
        AutoCloseable c;
        synchronized (lock) {
            c = capture;
            capture = null;
        }
        if (c != null) {
            closeCapture(c);
        }
        synchronized (lock) {
            if (encoder != null) {
                encoder.close();
                encoder = null;
            }
        }
    }

    private static void closeCapture(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            throw new IllegalStateException("closing the capture failed: " + e.getMessage(), e);
        }
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

    /** Called on the microphone's capture thread. */
    private final class Blocks implements AudioBlockListener {
        @Override
        public void onAudio(AudioBlock block) {
            List<EncodedPacket> out;
            synchronized (lock) {
                AacEncoder e = encoder;
                if (e == null) {
                    return;
                }
                try {
                    out = e.encode(block.samples(), 0, block.frames() * block.format().channels(),
                            block.captureTimeUs());
                } catch (EncoderException | IllegalArgumentException ex) {
                    fail("AAC encoding failed: " + ex.getMessage());
                    return;
                }
            }
            FeedSink s = sink;
            for (EncodedPacket p : out) {
                s.packet(new FeedPacket(TrackKind.AUDIO, p.ptsUs(), p.dtsUs(), true, p.data()));
            }
        }

        @Override
        public void onCaptureFailed(DeviceException failure) {
            fail("Microphone " + microphone.id() + " stopped: " + failure.getMessage());
        }
    }
}
