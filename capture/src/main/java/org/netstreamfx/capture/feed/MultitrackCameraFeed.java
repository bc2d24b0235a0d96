package org.netstreamfx.capture.feed;

import java.util.List;
import java.util.Objects;
import org.netstreamfx.capture.device.Camera;
import org.netstreamfx.capture.device.CaptureClock;
import org.netstreamfx.capture.device.DeviceException;
import org.netstreamfx.capture.device.VideoCapture;
import org.netstreamfx.capture.device.VideoFormat;
import org.netstreamfx.capture.encode.EncoderException;
import org.netstreamfx.capture.encode.H264Settings;
import org.netstreamfx.capture.encode.RenditionEncoders;
import org.netstreamfx.capture.encode.Renditions;
import org.netstreamfx.capture.encode.VideoEncoders;
import org.netstreamfx.player.media.TrackKind;
import org.netstreamfx.player.publish.FeedCodec;
import org.netstreamfx.player.publish.FeedConfig;
import org.netstreamfx.player.publish.FeedSink;
import org.netstreamfx.player.publish.MediaFeed;
import org.netstreamfx.player.publish.TrackFigures;

/**
 * One camera published as several renditions at once (Enhanced RTMP v2 multitrack, as OBS's
 * Enhanced Broadcasting sends an ABR ladder), a {@link MediaFeed} for {@code
 * NetStream.attachCamera}: the camera is opened at the size asked for and the highest rate a
 * rendition wants; each picture is scaled to every rendition and encoded by its own encoder
 * ({@link RenditionEncoders}, keyframes aligned across the tracks). The first rendition is track
 * 0, which legacy players see; the others are tracks 1, 2, … and each is configured (its
 * SequenceStart, its entry in onMetaData's videoTrackIdInfoMap) before its first packet.
 *
 * <p>Threads: pictures are scaled and encoded on the camera's capture thread; {@link #start} and
 * {@link #stop} may be called from any thread.
 */
public final class MultitrackCameraFeed extends CameraEncodingFeed<RenditionEncoders> {
    private final Renditions renditions;
    private volatile FeedSink sink;

    /**
     * @param settings   the camera's size and rate, and the keyframe interval, profile and
     *                   B-frames every rendition shares (its bit rate is the renditions')
     * @param renditions the tracks, track 0 first; none larger than the camera
     * @param encoder    {@link VideoEncoders#AUTO}, {@link VideoEncoders#SOFTWARE} or an FFmpeg encoder name
     */
    public MultitrackCameraFeed(Camera camera, H264Settings settings, Renditions renditions, FeedCodec codec,
            String encoder, CaptureClock clock) {
        super(camera, settings, codec, encoder, clock);
        this.renditions = Objects.requireNonNull(renditions, "renditions");
    }

    @Override
    protected VideoCapture openCapture() throws DeviceException {
        return openCamera(renditions.cameraFrameRate(wanted.frameRate()), frame -> encode(e -> e.encodeBgra(
                frame.pixels(), frame.strideBytes(), frame.captureTimeUs()), codecLabel()));
    }

    @Override
    protected RenditionEncoders openEncoder(VideoCapture opened, FeedSink s) throws EncoderException {
        VideoFormat got = opened.format();
        int fps = Math.max(1, (int) Math.round(got.fps()));
        List<H264Settings> tracks = renditions.settings(got.width(), got.height(), fps, wanted);
        RenditionEncoders e = RenditionEncoders.open(codec, encoderChoice, tracks, got.width(), got.height(), fps,
                wanted.keyframeIntervalS());
        announce(e.opened().get(0).pick());
        sink = s;
        for (int track = 0; track < tracks.size(); track++) {
            VideoEncoders.Opened o = e.opened().get(track);
            s.configure(new FeedConfig(TrackKind.VIDEO, o.encoder().decoderConfig(),
                    Metadata.video(tracks.get(track), o.encoder().encoderName(), codec), codec, track));
        }
        return e;
    }

    /** The renditions, track 0 first. */
    public Renditions renditions() {
        return renditions;
    }

    /** Keyframes on every track together, so that they stay aligned. */
    @Override
    public void requestKeyframe() {
        withEncoder(RenditionEncoders::requestKeyframe);
    }

    /** Each track's frames sent and dropped on the current publish, track 0 first; empty before it starts. */
    public List<TrackFigures> trackFigures() {
        FeedSink s = sink;
        return s == null ? List.of() : s.trackFigures();
    }
}
