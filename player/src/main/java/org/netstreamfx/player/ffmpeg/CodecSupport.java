package org.netstreamfx.player.ffmpeg;

import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_encoder_by_name;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.netstreamfx.player.media.Codec;

/**
 * What this FFmpeg build can do with each codec the engine knows: decode it (FFmpeg has a decoder
 * for its id) and encode it in software (one of the encoders the publisher may use is compiled
 * in: libx264 and libx265 come only with the GPL natives). Hardware encoders are not counted
 * here: they exist as wrappers in every build and only opening one tells whether a driver is
 * there. Asked once; the natives do not change while the JVM runs.
 */
public final class CodecSupport {
    /** The software encoders, best first, that may encode each codec. */
    private static final Map<Codec, List<String>> SOFTWARE_ENCODERS = Map.of(
            Codec.H264, List.of("libopenh264", "libx264"),
            Codec.HEVC, List.of("libx265"),
            Codec.AV1, List.of("libsvtav1", "libaom-av1"),
            Codec.VP9, List.of("libvpx-vp9"),
            Codec.AAC, List.of("aac"),
            Codec.OPUS, List.of("libopus", "opus"),
            Codec.MP3, List.of("libmp3lame"),
            Codec.FLAC, List.of("flac"),
            Codec.AC3, List.of("ac3"),
            Codec.EAC3, List.of("eac3"));

    /** What can be done with one codec. */
    public record Support(boolean decode, boolean encode) {
    }

    private static volatile Map<Codec, Support> probed;

    private CodecSupport() {
    }

    /** Decode and software-encode support of {@code codec} in the loaded natives. */
    public static Support of(Codec codec) {
        Map<Codec, Support> m = probed;
        if (m == null) {
            m = probe();
            probed = m;
        }
        return m.get(codec);
    }

    private static Map<Codec, Support> probe() {
        Map<Codec, Support> m = new EnumMap<>(Codec.class);
        for (Codec c : Codec.values()) {
            boolean decode = avcodec_find_decoder(c.ffmpegId()) != null;
            boolean encode = false;
            for (String name : SOFTWARE_ENCODERS.getOrDefault(c, List.of())) {
                encode |= avcodec_find_encoder_by_name(name) != null;
            }
            m.put(c, new Support(decode, encode));
        }
        return m;
    }
}
