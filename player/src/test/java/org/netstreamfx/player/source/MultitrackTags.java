package org.netstreamfx.player.source;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;

/**
 * Test helper: Enhanced RTMP v2 Multitrack tag bodies (ExVideoTagHeader / ExAudioTagHeader with
 * packet type Multitrack, then per track [FourCC] trackId [sizeOfTrack] payload).
 */
public final class MultitrackTags {
    public static final int ONE_TRACK = 0;
    public static final int MANY_TRACKS = 1;
    public static final int MANY_TRACKS_MANY_CODECS = 2;
    /** OpusHead: version 1, 2 channels, pre-skip 312, 48 kHz input, gain 0, mapping family 0. */
    public static final byte[] OPUS_HEAD = HexFormat.of().parseHex("4f707573486561640102380180bb0000000000");
    private static final int VIDEO_MULTITRACK = 6;
    private static final int AUDIO_MULTITRACK = 5;
    private static final int EX_AUDIO = 9;
    private static final int KEY_FRAME = 1;
    private static final int AUDIO_TAG = 8;
    private static final int TAG_HEADER_BYTES = 11;

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
    public static MultitrackTags video(int type, int innerPacketType, String fourCc) {
        return new MultitrackTags(0x80 | KEY_FRAME << 4 | VIDEO_MULTITRACK, type, innerPacketType, fourCc);
    }

    /** An audio multitrack tag; {@code fourCc} is ignored for ManyTracksManyCodecs. */
    public static MultitrackTags audio(int type, int innerPacketType, String fourCc) {
        return new MultitrackTags(EX_AUDIO << 4 | AUDIO_MULTITRACK, type, innerPacketType, fourCc);
    }

    /** Adds a track; {@code fourCc} is written only for ManyTracksManyCodecs. */
    public MultitrackTags track(String fourCc, int trackId, byte[] payload) {
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

    public byte[] bytes() {
        return out.toByteArray();
    }

    /** An audio-only FLV file: the header, PreviousTagSize0, then one audio tag per body, {@code stepMs} apart. */
    public static byte[] audioFile(int stepMs, List<byte[]> bodies) {
        ByteArrayOutputStream f = new ByteArrayOutputStream();
        f.writeBytes(HexFormat.of().parseHex("464c5601040000000900000000"));
        int timestampMs = 0;
        for (byte[] body : bodies) {
            f.write(AUDIO_TAG);
            u24(f, body.length);
            u24(f, timestampMs);
            f.write(timestampMs >>> 24);
            u24(f, 0);
            f.writeBytes(body);
            int size = TAG_HEADER_BYTES + body.length;
            f.write(size >>> 24);
            u24(f, size);
            timestampMs += stepMs;
        }
        return f.toByteArray();
    }

    private static void u24(ByteArrayOutputStream out, int v) {
        out.write(v >>> 16);
        out.write(v >>> 8);
        out.write(v);
    }
}
