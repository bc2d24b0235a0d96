package org.netstreamfx.player.publish;

import java.util.Map;
import org.netstreamfx.player.media.Codec;
import org.netstreamfx.player.media.MediaPacket;
import org.netstreamfx.player.media.TrackFormat;
import org.netstreamfx.player.media.TrackKind;

/**
 * The feeds' configurations and packets in the engine's media terms: a {@link FeedConfig} as the
 * {@link TrackFormat} a recorder or the health analysis takes (size, rate, channels and declared
 * bit rate from its onMetaData properties), a {@link FeedPacket} as a {@link MediaPacket} with its
 * duration. What a local recording writes and what the publish health analysis judges are read
 * alike.
 */
final class FeedFormats {
    /** Samples per AAC-LC frame (ISO/IEC 14496-3, 1024 per raw data block). */
    private static final int AAC_FRAME_SAMPLES = 1024;
    /** Samples per Opus packet: libopus's 20 ms at 48 kHz, which the Opus encoder keeps. */
    private static final int OPUS_FRAME_SAMPLES = 960;

    private FeedFormats() {
    }

    /** The engine's codec for a feed codec, or null when it has none. */
    static Codec mediaCodec(FeedCodec f) {
        for (Codec c : Codec.values()) {
            if (c.kind() == f.kind() && c.fourCc().equals(f.fourCc())) {
                return c;
            }
        }
        return null;
    }

    /** Track {@code index} as {@code c} configures it. */
    static TrackFormat format(int index, FeedConfig c) {
        Map<String, Object> m = c.metaData();
        if (c.kind() == TrackKind.VIDEO) {
            return new TrackFormat(index, mediaCodec(c.codec()), c.decoderConfig(), number(m, "width"), number(m, "height"),
                    number(m, "framerate"), 0, 0, number(m, "videodatarate") * 1000L, "", "");
        }
        Codec codec = mediaCodec(c.codec());
        return new TrackFormat(index, codec, c.decoderConfig(), 0, 0, 0, number(m, "audiosamplerate"),
                Boolean.TRUE.equals(m.get("stereo")) ? 2 : 1, number(m, "audiodatarate") * 1000L,
                codec == Codec.AAC ? "LC" : "", "");
    }

    /** {@code p} as a packet of track {@code index}, lasting what {@code c} says one lasts. */
    static MediaPacket packet(int index, FeedPacket p, FeedConfig c) {
        return new MediaPacket(index, p.ptsUs(), p.dtsUs(), durationUs(c), p.keyframe(), p.data());
    }

    /**
     * A packet's duration: a frame period for video, 1024 samples for AAC, 960 for Opus. Without
     * it the mp4 muxer cannot know how long the last sample of a fragment lasts, and a fragment of one
     * sample (keyframes asked for in a row) starts at that sample's own time: two samples with
     * one decode time, which ffmpeg then reports as non-monotonic.
     */
    static long durationUs(FeedConfig c) {
        if (c == null) {
            return 0;
        }
        Map<String, Object> m = c.metaData();
        if (c.kind() == TrackKind.VIDEO) {
            int fps = number(m, "framerate");
            return fps > 0 ? 1_000_000L / fps : 0;
        }
        int rate = number(m, "audiosamplerate");
        int samples = c.codec() == FeedCodec.OPUS ? OPUS_FRAME_SAMPLES : AAC_FRAME_SAMPLES;
        return rate > 0 ? samples * 1_000_000L / rate : 0;
    }

    private static int number(Map<String, Object> m, String key) {
        return m.get(key) instanceof Number n ? (int) Math.round(n.doubleValue()) : 0;
    }
}
