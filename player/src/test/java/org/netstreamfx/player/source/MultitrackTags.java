package org.netstreamfx.player.source;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Test helper: Enhanced RTMP v2 Multitrack tag bodies (ExVideoTagHeader / ExAudioTagHeader with
 * packet type Multitrack, then per track [FourCC] trackId [sizeOfTrack] payload).
 */
final class MultitrackTags {
    static final int ONE_TRACK = 0;
    static final int MANY_TRACKS = 1;
    static final int MANY_TRACKS_MANY_CODECS = 2;
    private static final int VIDEO_MULTITRACK = 6;
    private static final int AUDIO_MULTITRACK = 5;
    private static final int EX_AUDIO = 9;
    private static final int KEY_FRAME = 1;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final int type;

    private MultitrackTags(int first, int type, int innerPacketType, String sharedFourCc) {
        this.type = type;
        out.write(first);
        out.write(type << 4 | innerPacketType);
        if (type != MANY_TRACKS_MANY_CODECS) {
            out.writeBytes(sharedFourCc.getBytes(StandardCharsets.US_ASCII));
        }
    }

    /** A video multitrack key-frame tag; {@code fourCc} is ignored for ManyTracksManyCodecs. */
    static MultitrackTags video(int type, int innerPacketType, String fourCc) {
        return new MultitrackTags(0x80 | KEY_FRAME << 4 | VIDEO_MULTITRACK, type, innerPacketType, fourCc);
    }

    /** An audio multitrack tag; {@code fourCc} is ignored for ManyTracksManyCodecs. */
    static MultitrackTags audio(int type, int innerPacketType, String fourCc) {
        return new MultitrackTags(EX_AUDIO << 4 | AUDIO_MULTITRACK, type, innerPacketType, fourCc);
    }

    /** Adds a track; {@code fourCc} is written only for ManyTracksManyCodecs. */
    MultitrackTags track(String fourCc, int trackId, byte[] payload) {
        if (type == MANY_TRACKS_MANY_CODECS) {
            out.writeBytes(fourCc.getBytes(StandardCharsets.US_ASCII));
        }
        out.write(trackId);
        if (type != ONE_TRACK) {
            out.write(payload.length >>> 16);
            out.write(payload.length >>> 8);
            out.write(payload.length);
        }
        out.writeBytes(payload);
        return this;
    }

    byte[] bytes() {
        return out.toByteArray();
    }
}
