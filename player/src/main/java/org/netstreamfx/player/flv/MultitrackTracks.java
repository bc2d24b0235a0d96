package org.netstreamfx.player.flv;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.netstreamfx.player.wire.WireFormatException;

/**
 * Splits the body of an Enhanced RTMP v2 Multitrack audio or video packet into its tracks. After
 * the header each track is: its FourCC (only for ManyTracksManyCodecs), a UI8 trackId, a UI24
 * sizeOfTrack (not for OneTrack) counting the bytes after it, then the track's own payload; for
 * OneTrack the payload runs to the end of the body. A player needs this to know every track a
 * stream carries, not only the first.
 */
public final class MultitrackTracks {
    private MultitrackTracks() {
    }

    /**
     * One track of a multitrack packet.
     *
     * @param trackId the track's id (0 is the default, highest-priority track)
     * @param fourCc  the track's codec FourCC
     * @param offset  where the track's payload starts in the body
     * @param length  the payload's length in bytes
     */
    public record Track(int trackId, String fourCc, int offset, int length) {
    }

    /** The tracks of a multitrack video packet; empty when the header is not multitrack. */
    public static List<Track> of(VideoTagHeader h, byte[] body) throws WireFormatException {
        if (h.multitrack().isEmpty()) {
            return List.of();
        }
        return split(body, h.payloadOffset(), h.multitrack().get(), h.codec().fourCc(), true);
    }

    /** The tracks of a multitrack audio packet; empty when the header is not multitrack. */
    public static List<Track> of(AudioTagHeader.Extended h, byte[] body) throws WireFormatException {
        Optional<AvMultitrackType> mt = h.multitrack();
        if (mt.isEmpty()) {
            return List.of();
        }
        return split(body, h.payloadOffset(), mt.get(), h.codec().fourCc(), false);
    }

    private static List<Track> split(byte[] body, int start, AvMultitrackType type, String sharedFourCc,
            boolean video) throws WireFormatException {
        ByteCursor in = new ByteCursor(body);
        in.skip("E-RTMP multitrack header", start);
        List<Track> tracks = new ArrayList<>();
        do {
            String fourCc = sharedFourCc;
            if (type == AvMultitrackType.MANY_TRACKS_MANY_CODECS) {
                int raw = in.u32("E-RTMP track FourCC");
                fourCc = video ? VideoCodec.ofFourCc(raw).fourCc() : AudioCodec.ofFourCc(raw).fourCc();
            }
            int trackId = in.u8("E-RTMP trackId");
            if (type == AvMultitrackType.ONE_TRACK) {
                tracks.add(new Track(trackId, fourCc, in.position(), in.remaining()));
                break;
            }
            int size = in.u24("E-RTMP sizeOfTrack");
            in.need("E-RTMP track payload", size);
            tracks.add(new Track(trackId, fourCc, in.position(), size));
            in.skip("E-RTMP track payload", size);
        } while (in.remaining() > 0);
        return tracks;
    }
}
