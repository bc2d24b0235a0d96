package org.netstreamfx.capture.feed;

import org.netstreamfx.capture.device.Camera;
import org.netstreamfx.capture.device.CaptureClock;
import org.netstreamfx.capture.device.DeviceException;
import org.netstreamfx.capture.device.VideoCapture;
import org.netstreamfx.capture.device.VideoFormat;
import org.netstreamfx.capture.device.VideoFrame;
import org.netstreamfx.capture.encode.EncoderException;
import org.netstreamfx.capture.encode.EncoderPick;
import org.netstreamfx.capture.encode.H264Settings;
import org.netstreamfx.capture.encode.VideoEncoder;
import org.netstreamfx.capture.encode.VideoEncoders;
import org.netstreamfx.player.publish.FeedCodec;
import org.netstreamfx.player.media.TrackKind;
import org.netstreamfx.player.publish.FeedConfig;
import org.netstreamfx.player.publish.FeedSink;
import org.netstreamfx.player.publish.MediaFeed;

/**
 * A camera and a video encoder (H.264, HEVC, AV1 or VP9, chosen by {@link VideoEncoders}) as a
 * {@link MediaFeed} for {@code NetStream.attachCamera}. The camera is opened at the size and rate
 * asked for; the encoder is made for the format the camera negotiated, so the configuration
 * record and onMetaData describe what is really sent. Which encoder was really opened goes to
 * the {@link #setEncoderListener encoder listener} as an {@link EncoderPick}.
 *
 * <p>Threads: pictures are encoded on the camera's own capture thread ({@code nsfx-camera-<id>});
 * {@link #start} and {@link #stop} may be called from any thread.
 */
public final class CameraFeed extends CameraEncodingFeed<VideoEncoder> {
    private volatile EncoderPick pick;

    /**
     * @param settings size, rate, bit rate, keyframe interval; the size and rate are what is asked
     *                 of the camera
     * @param clock    the capture clock shared with the microphone, so audio and video line up
     */
    public CameraFeed(Camera camera, H264Settings settings, CaptureClock clock) {
        this(camera, settings, FeedCodec.H264, VideoEncoders.SOFTWARE, clock);
    }

    /**
     * A camera encoded as {@code codec} by the encoder {@code encoder} names: {@link
     * VideoEncoders#AUTO}, {@link VideoEncoders#SOFTWARE} or an FFmpeg encoder name. The profile
     * and B-frames of {@code settings} apply to software H.264 only.
     */
    public CameraFeed(Camera camera, H264Settings settings, FeedCodec codec, String encoder, CaptureClock clock) {
        super(camera, settings, codec, encoder, clock);
    }

    @Override
    protected VideoCapture openCapture() throws DeviceException {
        return openCamera(wanted.frameRate(), this::frame);
    }

    @Override
    protected VideoEncoder openEncoder(VideoCapture opened, FeedSink s) throws EncoderException {
        VideoFormat got = opened.format();
        H264Settings actual = new H264Settings(got.width(), got.height(),
                Math.max(1, (int) Math.round(got.fps())), wanted.bitrateKbps(), wanted.keyframeIntervalS(),
                wanted.profile(), wanted.bFrames(), wanted.encoderName());
        VideoEncoders.Opened o = VideoEncoders.open(codec, encoderChoice, actual);
        VideoEncoder e = o.encoder();
        pick = o.pick();
        announce(o.pick());
        s.configure(new FeedConfig(TrackKind.VIDEO, e.decoderConfig(), Metadata.video(actual, e.encoderName(), codec),
                codec));
        return e;
    }

    @Override
    public void requestKeyframe() {
        withEncoder(VideoEncoder::requestKeyframe);
    }

    /** The encoder the feed opened, once started; null before. */
    public EncoderPick encoderPick() {
        return pick;
    }

    /** One picture, on the camera's capture thread, to the encoder. */
    private void frame(VideoFrame frame) {
        encode(e -> e.encodeBgra(frame.pixels(), frame.strideBytes(), frame.captureTimeUs()), codecLabel());
    }
}
