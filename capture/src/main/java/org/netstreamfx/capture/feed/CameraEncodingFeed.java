package org.netstreamfx.capture.feed;

import java.util.Objects;
import java.util.function.Consumer;
import org.netstreamfx.capture.device.Camera;
import org.netstreamfx.capture.device.CaptureClock;
import org.netstreamfx.capture.device.DeviceException;
import org.netstreamfx.capture.device.VideoCapture;
import org.netstreamfx.capture.device.VideoFormat;
import org.netstreamfx.capture.device.VideoFrame;
import org.netstreamfx.capture.encode.EncoderPick;
import org.netstreamfx.capture.encode.H264Settings;
import org.netstreamfx.player.media.TrackKind;
import org.netstreamfx.player.publish.FeedCodec;

/**
 * What the single-track and the multitrack camera feeds share: the camera, the settings asked for,
 * the capture clock, the codec and the encoder choice, checked once; and opening the camera at the
 * asked size, its pictures going to the feed's encoding step on the capture thread (after the
 * preview's {@link #setFrameObserver frame observer}); and the {@link #setEncoderListener encoder
 * listener} told which encoder was opened.
 *
 * @param <E> what the feed encodes with: one encoder, or one per rendition
 */
public abstract class CameraEncodingFeed<E extends AutoCloseable> extends EncodingFeed<VideoCapture, E> {
    /** The size and rate asked of the camera, and the encoding settings. */
    protected final H264Settings wanted;
    protected final FeedCodec codec;
    /** {@code VideoEncoders.AUTO}, {@code SOFTWARE} or an FFmpeg encoder name. */
    protected final String encoderChoice;
    private final Camera camera;
    private final CaptureClock clock;
    /** The preview's observer; a no-op while there is none. */
    private volatile Consumer<VideoFrame> frameObserver = frame -> { };
    private volatile Consumer<EncoderPick> encoderListener = pick -> { };

    CameraEncodingFeed(Camera camera, H264Settings settings, FeedCodec codec, String encoder, CaptureClock clock) {
        super(TrackKind.VIDEO, "Camera " + Objects.requireNonNull(camera, "camera").id());
        this.camera = camera;
        this.wanted = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.codec = Objects.requireNonNull(codec, "codec");
        this.encoderChoice = Objects.requireNonNull(encoder, "encoder");
        if (codec.kind() != TrackKind.VIDEO) {
            throw new IllegalArgumentException(codec + " is not a video codec");
        }
    }

    /**
     * Opens the camera at the asked size and {@code fps}; each picture goes to the frame observer,
     * then to {@code onFrame}.
     */
    protected final VideoCapture openCamera(int fps, Consumer<VideoFrame> onFrame) throws DeviceException {
        return camera.open(new VideoFormat(wanted.width(), wanted.height(), fps), clock, new CameraFrames(frame -> {
            frameObserver.accept(frame);
            onFrame.accept(frame);
        }, this::captureFailed));
    }

    /**
     * Also hands every captured picture to {@code observer} (a preview), on the capture thread,
     * before it is encoded; null stops. The picture is valid only during the call, as for any
     * {@link org.netstreamfx.capture.device.VideoFrameListener}. The observer must return quickly
     * and not throw (it runs before the encoder on the same thread).
     */
    public void setFrameObserver(Consumer<VideoFrame> observer) {
        frameObserver = observer == null ? frame -> { } : observer;
    }

    /**
     * Hands the {@link EncoderPick} of the encoder opened (when the feed starts; a multitrack feed's
     * track 0, the others being chosen the same way) to {@code listener}, on the thread that starts
     * the feed; null stops.
     */
    public void setEncoderListener(Consumer<EncoderPick> listener) {
        encoderListener = listener == null ? pick -> { } : listener;
    }

    /** Tells the encoder listener which encoder was opened. */
    protected final void announce(EncoderPick pick) {
        encoderListener.accept(pick);
    }

    /** How encoding failures name the codec: "H.264", "HEVC", "AV1", "VP9". */
    protected final String codecLabel() {
        return codec == FeedCodec.H264 ? "H.264" : codec.name();
    }
}
