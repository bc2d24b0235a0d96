package org.netstreamfx.capture.encode;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.netstreamfx.player.publish.FeedCodec;

/**
 * The encoders of a multitrack camera, one per rendition, fed from one camera picture: each
 * picture is scaled once per rendition ({@link BgraScaler}) and encoded by the renditions that are
 * due (a rendition at a lower frame rate than the camera takes every n-th picture), and the
 * packets come out tagged with their trackId, track 0 first.
 *
 * <p><b>Aligned keyframes.</b> Every rendition makes its keyframe on the same camera picture, so
 * a player (or a server's ABR ladder) can switch between tracks at any keyframe: the encoders are
 * opened with the longest keyframe interval ({@link H264Settings#MAX_KEYFRAME_INTERVAL_S}, and no
 * scene-cut keyframes, as the encoders here are set up) so none places one on its own, and the
 * keyframes are forced here, on all tracks together, every {@code keyframeIntervalS} of capture
 * time and when {@link #requestKeyframe} asks; a picture that makes keyframes is encoded by every
 * rendition, whatever its rate.
 *
 * <p>Thread ownership: the camera's capture thread, except {@link #requestKeyframe()}.
 */
public final class RenditionEncoders implements AutoCloseable {
    private static final long MICROS = 1_000_000;

    private final List<VideoEncoders.Opened> opened;
    private final BgraScaler scaler;
    private final long gopUs;
    /** Half the camera's frame time: a rendition's picture may come this much before it is due. */
    private final long slackUs;
    private final long[] frameUs;
    private final long[] nextDueUs;
    private long nextKeyUs = Long.MIN_VALUE;
    private volatile boolean keyframeRequested;

    private RenditionEncoders(List<VideoEncoders.Opened> opened, BgraScaler scaler, List<H264Settings> tracks,
            int cameraFps, double keyframeIntervalS) {
        this.opened = List.copyOf(opened);
        this.scaler = scaler;
        this.gopUs = Math.round(keyframeIntervalS * MICROS);
        this.slackUs = MICROS / Math.max(1, cameraFps) / 2;
        this.frameUs = tracks.stream().mapToLong(s -> MICROS / s.frameRate()).toArray();
        this.nextDueUs = new long[tracks.size()];
    }

    /**
     * Opens one encoder per rendition ({@link VideoEncoders#open} with {@code choice}) and the
     * scaler from the camera's {@code cameraWidth} x {@code cameraHeight}; on failure what was
     * opened is closed.
     *
     * @param tracks            each rendition's size, rate and bit rate, track 0 first
     * @param keyframeIntervalS the keyframe interval all tracks share
     */
    public static RenditionEncoders open(FeedCodec codec, String choice, List<H264Settings> tracks, int cameraWidth,
            int cameraHeight, int cameraFps, double keyframeIntervalS) throws EncoderException {
        List<VideoEncoders.Opened> opened = new ArrayList<>();
        try {
            List<int[]> sizes = new ArrayList<>();
            for (H264Settings s : tracks) {
                opened.add(VideoEncoders.open(codec, choice, s.withKeyframeInterval(H264Settings.MAX_KEYFRAME_INTERVAL_S)));
                sizes.add(new int[] {s.width(), s.height()});
            }
            BgraScaler scaler = new BgraScaler(cameraWidth, cameraHeight, sizes);
            return new RenditionEncoders(opened, scaler, tracks, cameraFps, keyframeIntervalS);
        } catch (EncoderException | RuntimeException e) {
            opened.forEach(o -> o.encoder().close());
            throw e;
        }
    }

    /** Each track's encoder and how it was chosen, track 0 first. */
    public List<VideoEncoders.Opened> opened() {
        return opened;
    }

    /** Makes the next picture a keyframe on every track. Safe from any thread. */
    public void requestKeyframe() {
        keyframeRequested = true;
    }

    /**
     * Encodes one camera picture (BGRA, rows {@code strideBytes} apart) taken at {@code
     * captureTimeUs} on every rendition that is due, keyframes on all of them when one is due.
     */
    public List<EncodedPacket> encodeBgra(ByteBuffer pixels, int strideBytes, long captureTimeUs)
            throws EncoderException {
        boolean key = keyframeRequested || nextKeyUs == Long.MIN_VALUE || captureTimeUs >= nextKeyUs;
        if (key) {
            keyframeRequested = false;
            nextKeyUs = captureTimeUs + gopUs;
        }
        scaler.load(pixels, strideBytes);
        List<EncodedPacket> out = new ArrayList<>(opened.size());
        for (int track = 0; track < opened.size(); track++) {
            if (!key && captureTimeUs + slackUs < nextDueUs[track]) {
                continue;
            }
            nextDueUs[track] = key || captureTimeUs - nextDueUs[track] > frameUs[track]
                    ? captureTimeUs + frameUs[track] : nextDueUs[track] + frameUs[track];
            VideoEncoder e = opened.get(track).encoder();
            if (key) {
                e.requestKeyframe();
            }
            for (EncodedPacket p : e.encodeYuv420p(scaler.scaled(track), captureTimeUs)) {
                out.add(p.withTrack(track));
            }
        }
        return out;
    }

    @Override
    public void close() {
        scaler.close();
        opened.forEach(o -> o.encoder().close());
    }
}
