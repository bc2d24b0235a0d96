package org.netstreamfx.player.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.netstreamfx.player.media.Codec;
import org.netstreamfx.testkit.media.Ffmpeg8;

/**
 * One-second clips of every Enhanced RTMP play pair, made in a directory of the test's: the
 * system's ffmpeg (Debian 12's 5.1, which has the encoders: libx264, libx265, libaom, libvpx-vp9,
 * libopus, flac, ac3, eac3, libmp3lame) makes four video and six audio tracks in Matroska, 160x90
 * at 25 fps and 48 kHz stereo (MP3 44.1 kHz); FFmpeg 8 ({@link Ffmpeg8}) muxes each pair into an
 * enhanced FLV and an MP4, which 5.1 cannot do for most of them.
 */
final class EnhancedClips {
    static final List<Codec> VIDEO = List.of(Codec.H264, Codec.HEVC, Codec.AV1, Codec.VP9);
    static final List<Codec> AUDIO = List.of(Codec.AAC, Codec.OPUS, Codec.FLAC, Codec.AC3, Codec.EAC3, Codec.MP3);
    static final int WIDTH = 160;
    static final int HEIGHT = 90;
    static final int CHANNELS = 2;
    static final int SAMPLE_RATE = 48_000;
    /** libmp3lame in FLV: the legacy header has no 48 kHz, so MP3 is made at 44.1 kHz. */
    static final int MP3_SAMPLE_RATE = 44_100;
    private static final Duration ENCODE_TIMEOUT = Duration.ofSeconds(60);
    private static final String SYSTEM_FFMPEG = "ffmpeg";
    private static final String SECONDS = "1";

    private final Path dir;

    private EnhancedClips(Path dir) {
        this.dir = dir;
    }

    /** Makes the ten source tracks in {@code dir}; the pairs are muxed when first asked for. */
    static EnhancedClips make(Path dir) {
        for (Codec v : VIDEO) {
            Ffmpeg8.run(SYSTEM_FFMPEG, ENCODE_TIMEOUT, videoArgs(v, dir.resolve(trackName(v))));
        }
        for (Codec a : AUDIO) {
            Ffmpeg8.run(SYSTEM_FFMPEG, ENCODE_TIMEOUT, audioArgs(a, dir.resolve(trackName(a))));
        }
        return new EnhancedClips(dir);
    }

    static int sampleRate(Codec audio) {
        return audio == Codec.MP3 ? MP3_SAMPLE_RATE : SAMPLE_RATE;
    }

    /** The pair in an enhanced FLV made by FFmpeg 8. */
    Path flv(Codec video, Codec audio) throws IOException {
        return pair(video, audio, "flv");
    }

    /** The pair in an MP4 made by FFmpeg 8. */
    Path mp4(Codec video, Codec audio) throws IOException {
        return pair(video, audio, "mp4");
    }

    private synchronized Path pair(Codec video, Codec audio, String format) throws IOException {
        Path out = dir.resolve(name(video) + "-" + name(audio) + "." + format);
        if (!Files.isRegularFile(out)) {
            Path tmp = dir.resolve("tmp-" + out.getFileName());
            Ffmpeg8.run(ENCODE_TIMEOUT, List.of("-y", "-i", dir.resolve(trackName(video)).toString(),
                    "-i", dir.resolve(trackName(audio)).toString(), "-map", "0:v", "-map", "1:a", "-c", "copy",
                    "-f", format, tmp.toString()));
            Files.move(tmp, out);
        }
        return out;
    }

    private static List<String> videoArgs(Codec v, Path out) {
        List<String> a = new ArrayList<>(List.of("-y", "-f", "lavfi", "-i",
                "testsrc2=size=" + WIDTH + "x" + HEIGHT + ":rate=25:duration=" + SECONDS, "-pix_fmt", "yuv420p"));
        a.addAll(switch (v) {
            case H264 -> List.of("-c:v", "libx264", "-preset", "veryfast", "-g", "25");
            case HEVC -> List.of("-c:v", "libx265", "-preset", "ultrafast", "-x265-params", "log-level=none");
            case AV1 -> List.of("-c:v", "libaom-av1", "-cpu-used", "8", "-row-mt", "1");
            case VP9 -> List.of("-c:v", "libvpx-vp9", "-deadline", "realtime", "-cpu-used", "8");
            default -> throw new IllegalArgumentException(v.toString());
        });
        a.add(out.toString());
        return a;
    }

    private static List<String> audioArgs(Codec c, Path out) {
        List<String> a = new ArrayList<>(List.of("-y", "-f", "lavfi", "-i",
                "sine=frequency=440:sample_rate=" + sampleRate(c) + ":duration=" + SECONDS, "-ac",
                Integer.toString(CHANNELS)));
        a.addAll(switch (c) {
            case AAC -> List.of("-c:a", "aac");
            case OPUS -> List.of("-c:a", "libopus");
            case FLAC -> List.of("-c:a", "flac");
            case AC3 -> List.of("-c:a", "ac3");
            case EAC3 -> List.of("-c:a", "eac3");
            case MP3 -> List.of("-c:a", "libmp3lame");
            default -> throw new IllegalArgumentException(c.toString());
        });
        a.add(out.toString());
        return a;
    }

    private static String trackName(Codec c) {
        return name(c) + ".mkv";
    }

    private static String name(Codec c) {
        return c.name().toLowerCase(Locale.ROOT);
    }
}
