package org.netstreamfx.player.flv;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.netstreamfx.player.wire.WireFormatException;

/**
 * An audio or video tag's media, track by track: a single-track tag is one part, track 0; an
 * Enhanced RTMP v2 Multitrack tag is one part per track ({@link MultitrackTracks}). For a video
 * track's CodedFrames of avc1 or hvc1 inside a Multitrack tag, the track's payload starts with its
 * own SI24 composition time (E-RTMP v2: the per-track loop reads it), which the part takes off.
 * A player that plays one track of each kind picks its part here, whatever the layout.
 */
public final class TrackPayloads {
    /** The track a single-track tag carries. */
    public static final int DEFAULT_TRACK = 0;
    private static final int COMPOSITION_TIME_BYTES = 3;

    private TrackPayloads() {
    }

    /** One track's share of a tag, audio or video. */
    public sealed interface Part permits VideoPart, AudioPart {
        /** The E-RTMP trackId (0 for a single-track tag). */
        int trackId();
    }

    /** The part of {@code parts} that belongs to track {@code trackId}, or null when the tag has none. */
    public static <P extends Part> P of(List<P> parts, int trackId) {
        for (P p : parts) {
            if (p.trackId() == trackId) {
                return p;
            }
        }
        return null;
    }

    /**
     * One video track's share of a tag.
     *
     * @param trackId           the E-RTMP trackId (0 for a single-track tag)
     * @param codec             the track's codec
     * @param compositionTimeMs presentation minus decoding time of its frame, in ms
     * @param offset            where the track's codec data starts in the tag body
     * @param length            its length in bytes
     */
    public record VideoPart(int trackId, VideoCodec codec, int compositionTimeMs, int offset, int length)
            implements Part {
        /** The track's codec data, copied out of {@code body}. */
        public byte[] bytes(byte[] body) {
            return Arrays.copyOfRange(body, offset, offset + length);
        }
    }

    /**
     * One audio track's share of a tag.
     *
     * @param trackId the E-RTMP trackId (0 for a single-track tag)
     * @param codec   the track's codec
     * @param offset  where the track's codec data starts in the tag body
     * @param length  its length in bytes
     */
    public record AudioPart(int trackId, AudioCodec codec, int offset, int length) implements Part {
        /** The track's codec data, copied out of {@code body}. */
        public byte[] bytes(byte[] body) {
            return Arrays.copyOfRange(body, offset, offset + length);
        }
    }

    /** The video tracks of a tag whose header is {@code h}. */
    public static List<VideoPart> video(VideoTagHeader h, byte[] body) throws WireFormatException {
        if (h.multitrack().isEmpty()) {
            return List.of(new VideoPart(DEFAULT_TRACK, h.codec(), h.compositionTimeMs(), h.payloadOffset(),
                    body.length - h.payloadOffset()));
        }
        boolean coded = h.packetType() == VideoPacketType.CODED_FRAMES;
        List<VideoPart> parts = new ArrayList<>();
        for (MultitrackTracks.Track t : MultitrackTracks.of(h, body)) {
            VideoCodec codec = videoCodec(t.fourCc());
            if (coded && (codec == VideoCodec.AVC || codec == VideoCodec.HEVC)) {
                ByteCursor in = new ByteCursor(Arrays.copyOfRange(body, t.offset(),
                        t.offset() + Math.min(t.length(), COMPOSITION_TIME_BYTES)));
                int compositionTime = in.s24("E-RTMP track CompositionTime");
                parts.add(new VideoPart(t.trackId(), codec, compositionTime, t.offset() + COMPOSITION_TIME_BYTES,
                        t.length() - COMPOSITION_TIME_BYTES));
            } else {
                parts.add(new VideoPart(t.trackId(), codec, 0, t.offset(), t.length()));
            }
        }
        return parts;
    }

    /** The audio tracks of a tag whose header is the Enhanced RTMP {@code x}. */
    public static List<AudioPart> audio(AudioTagHeader.Extended x, byte[] body) throws WireFormatException {
        if (x.multitrack().isEmpty()) {
            return List.of(new AudioPart(DEFAULT_TRACK, x.codec(), x.payloadOffset(), body.length - x.payloadOffset()));
        }
        List<AudioPart> parts = new ArrayList<>();
        for (MultitrackTracks.Track t : MultitrackTracks.of(x, body)) {
            parts.add(new AudioPart(t.trackId(), audioCodec(t.fourCc()), t.offset(), t.length()));
        }
        return parts;
    }

    private static VideoCodec videoCodec(String fourCc) {
        for (VideoCodec c : VideoCodec.values()) {
            if (fourCc.equals(c.fourCc())) {
                return c;
            }
        }
        throw new IllegalStateException("MultitrackTracks named an unknown video FourCC " + fourCc);
    }

    private static AudioCodec audioCodec(String fourCc) {
        for (AudioCodec c : AudioCodec.values()) {
            if (fourCc.equals(c.fourCc())) {
                return c;
            }
        }
        throw new IllegalStateException("MultitrackTracks named an unknown audio FourCC " + fourCc);
    }
}
