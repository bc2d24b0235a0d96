package org.netstreamfx.capture.publish;

import java.util.List;
import java.util.Objects;
import org.netstreamfx.capture.device.Camera;
import org.netstreamfx.capture.device.CaptureClock;
import org.netstreamfx.capture.device.DeviceException;
import org.netstreamfx.capture.device.VideoCapture;
import org.netstreamfx.capture.device.VideoFormat;
import org.netstreamfx.capture.device.VideoFrame;
import org.netstreamfx.capture.device.VideoFrameListener;
import org.netstreamfx.capture.encode.EncodedPacket;
import org.netstreamfx.capture.encode.EncoderException;
import org.netstreamfx.capture.encode.H264Encoder;
import org.netstreamfx.capture.encode.H264Settings;
import org.netstreamfx.player.media.TrackKind;
import org.netstreamfx.player.publish.FeedConfig;
import org.netstreamfx.player.publish.FeedPacket;
import org.netstreamfx.player.publish.FeedSink;
import org.netstreamfx.player.publish.MediaFeed;

/**
 * A camera and an H.264 encoder as a {@link MediaFeed} for {@code NetStream.attachCamera}. The
 * camera is opened at the size and rate asked for; the encoder is made for the format the camera
 * negotiated, so the avcC and onMetaData describe what is really sent.
 *
 * <p>Threads: pictures are encoded on the camera's own capture thread ({@code nsfx-camera-<id>});
 * {@link #start} and {@link #stop} may be called from any thread.
 */
public final class CameraFeed implements MediaFeed {
    private final Camera camera;
    private final H264Settings wanted;
    private final CaptureClock clock;
    private final Object lock = new Object();
    // Guarded by lock.
    private VideoCapture capture;
    private H264Encoder encoder;
    private volatile FeedSink sink;
    private volatile boolean failed;

    /**
     * @param settings size, rate, bit rate, keyframe interval; the size and rate are what is asked
     *                 of the camera
     * @param clock    the capture clock shared with the microphone, so audio and video line up
     */
    public CameraFeed(Camera camera, H264Settings settings, CaptureClock clock) {
        this.camera = Objects.requireNonNull(camera, "camera");
        this.wanted = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public TrackKind kind() {
        return TrackKind.VIDEO;
    }

    /** Opens the camera and the encoder; a device or encoder error goes to {@link FeedSink#failed}. */
    @Override
    public void start(FeedSink s) {
        sink = Objects.requireNonNull(s, "sink");
        Exception failure = null;
        synchronized (lock) {
            try {
                capture = camera.open(new VideoFormat(wanted.width(), wanted.height(), wanted.frameRate()), clock,
                        new Frames());
                VideoFormat got = capture.format();
                H264Settings actual = new H264Settings(got.width(), got.height(),
                        Math.max(1, (int) Math.round(got.fps())), wanted.bitrateKbps(), wanted.keyframeIntervalS(),
                        wanted.profile(), wanted.bFrames(), wanted.encoderName());
                H264Encoder e = new H264Encoder(actual);
                s.configure(new FeedConfig(TrackKind.VIDEO, e.avcC(), Metadata.video(actual, e.encoderName())));
                encoder = e;
            } catch (DeviceException | EncoderException | IllegalArgumentException e) {
                failure = e;
            }
        }
        if (failure != null) {
            stop();
            fail("Camera " + camera.id() + " cannot be published: " + failure.getMessage());
        }
    }

    @Override
    public void requestKeyframe() {
        synchronized (lock) {
            if (encoder != null) {
                encoder.requestKeyframe();
            }
        }
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

    /** Called on the camera's capture thread. */
    private final class Frames implements VideoFrameListener {
        @Override
        public void onFrame(VideoFrame frame) {
            List<EncodedPacket> out;
            synchronized (lock) {
                H264Encoder e = encoder;
                if (e == null) {
                    return;
                }
                try {
                    out = e.encodeBgra(frame.pixels(), frame.strideBytes(), frame.captureTimeUs());
                } catch (EncoderException | IllegalArgumentException ex) {
                    fail("H.264 encoding failed: " + ex.getMessage());
                    return;
                }
            }
            FeedSink s = sink;
            for (EncodedPacket p : out) {
                s.packet(new FeedPacket(TrackKind.VIDEO, p.ptsUs(), p.dtsUs(), p.keyframe(), p.data()));
            }
        }

        @Override
        public void onCaptureFailed(DeviceException failure) {
            fail("Camera " + camera.id() + " stopped: " + failure.getMessage());
        }
    }
}
