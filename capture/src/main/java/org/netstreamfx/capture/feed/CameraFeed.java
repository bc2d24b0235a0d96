package org.netstreamfx.capture.feed;

import java.util.Objects;
import java.util.function.Consumer;
import org.netstreamfx.capture.device.Camera;
import org.netstreamfx.capture.device.CaptureClock;
import org.netstreamfx.capture.device.DeviceException;
import org.netstreamfx.capture.device.VideoCapture;
import org.netstreamfx.capture.device.VideoFormat;
import org.netstreamfx.capture.device.VideoFrame;
import org.netstreamfx.capture.device.VideoFrameListener;
import org.netstreamfx.capture.encode.EncoderException;
import org.netstreamfx.capture.encode.H264Encoder;
import org.netstreamfx.capture.encode.H264Settings;
import org.netstreamfx.player.media.TrackKind;
import org.netstreamfx.player.publish.FeedConfig;
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
public final class CameraFeed extends EncodingFeed<VideoCapture, H264Encoder> {
    private final Camera camera;
    private final H264Settings wanted;
    private final CaptureClock clock;
    private volatile Consumer<VideoFrame> frameObserver;

    /**
     * @param settings size, rate, bit rate, keyframe interval; the size and rate are what is asked
     *                 of the camera
     * @param clock    the capture clock shared with the microphone, so audio and video line up
     */
    public CameraFeed(Camera camera, H264Settings settings, CaptureClock clock) {
        super(TrackKind.VIDEO, "Camera " + Objects.requireNonNull(camera, "camera").id());
        this.camera = camera;
        this.wanted = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    protected VideoCapture openCapture() throws DeviceException {
        return camera.open(new VideoFormat(wanted.width(), wanted.height(), wanted.frameRate()), clock, new Frames());
    }

    @Override
    protected H264Encoder openEncoder(VideoCapture opened, FeedSink s) throws EncoderException {
        VideoFormat got = opened.format();
        H264Settings actual = new H264Settings(got.width(), got.height(),
                Math.max(1, (int) Math.round(got.fps())), wanted.bitrateKbps(), wanted.keyframeIntervalS(),
                wanted.profile(), wanted.bFrames(), wanted.encoderName());
        H264Encoder e = new H264Encoder(actual);
        s.configure(new FeedConfig(TrackKind.VIDEO, e.avcC(), Metadata.video(actual, e.encoderName())));
        return e;
    }

    @Override
    public void requestKeyframe() {
        withEncoder(H264Encoder::requestKeyframe);
    }

    /**
     * Also hands every captured picture to {@code observer} (a preview), on the capture thread,
     * before it is encoded; null stops. The picture is valid only during the call, as for any
     * {@link VideoFrameListener}. The observer must
     * return quickly and not throw (it runs before the encoder on the same thread).
     */
    public void setFrameObserver(Consumer<VideoFrame> observer) {
        frameObserver = observer;
    }

    /** Called on the camera's capture thread. */
    private final class Frames implements VideoFrameListener {
        @Override
        public void onFrame(VideoFrame frame) {
            Consumer<VideoFrame> o = frameObserver;
            if (o != null) {
                o.accept(frame);
            }
            encode(e -> e.encodeBgra(frame.pixels(), frame.strideBytes(), frame.captureTimeUs()), "H.264");
        }

        @Override
        public void onCaptureFailed(DeviceException failure) {
            captureFailed(failure);
        }
    }
}
