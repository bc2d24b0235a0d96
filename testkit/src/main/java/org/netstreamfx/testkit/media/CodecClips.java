package org.netstreamfx.testkit.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One-second clips of the Enhanced RTMP codecs, made in a directory of the test's: the system's
 * ffmpeg (Debian 12's 5.1, which has the encoders: libx264, libx265, libaom, libvpx-vp9,
 * libopus, flac, ac3, eac3, libmp3lame) makes each video and audio track once, in Matroska,
 * 160x90 at 25 fps and 48 kHz stereo (MP3 44.1 kHz); FFmpeg 8 ({@link Ffmpeg8}) muxes a pair
 * into an enhanced FLV or an MP4 when first asked, which 5.1 cannot do for most pairs.
 * Codecs are named as in {@link #VIDEO} and {@link #AUDIO}; clips go in {@code dir}, made when
 * first asked for.
 */
public record CodecClips(Path dir) {
    /** The video codecs: H.264, HEVC, AV1, VP9. */
    public static final List<String> VIDEO = List.of("h264", "hevc", "av1", "vp9");
    /** The audio codecs: AAC, Opus, FLAC, AC-3, E-AC-3, MP3. */
    public static final List<String> AUDIO = List.of("aac", "opus", "flac", "ac3", "eac3", "mp3");
    public static final int WIDTH = 160;
    public static final int HEIGHT = 90;
    /** Sound is stereo, at {@link #sampleRate}. */
    public static final int CHANNELS = 2;

    /** Makes every video and audio track now (so that the first test does not pay for them). */
    public CodecClips prepare() {
        VIDEO.forEach(this::track);
        AUDIO.forEach(this::track);
        return this;
    }

    private static final int SAMPLE_RATE = 48_000;
    /** MP3 in FLV: the legacy header has no 48 kHz. */
    private static final int MP3_SAMPLE_RATE = 44_100;

    /** The rate the audio codec's clip is made at: 48 kHz, MP3 44.1 kHz. */
    public static int sampleRate(String audio) {
        return audio.equals("mp3") ? MP3_SAMPLE_RATE : SAMPLE_RATE;
    }

    /** The pair in an enhanced FLV made by FFmpeg 8. */
    public Path flv(String video, String audio) {
        return pair(video, audio, "flv");
    }

    /** The pair in an MP4 made by FFmpeg 8. */
    public Path mp4(String video, String audio) {
        return pair(video, audio, "mp4");
    }

    private static final Duration ENCODE_TIMEOUT = Duration.ofSeconds(60);
    private static final String SYSTEM_FFMPEG = "ffmpeg";
    private static final String SECONDS = "1";
    private static final String FRAME_RATE = "25";

    private synchronized Path pair(String video, String audio, String format) {
        Path out = dir.resolve(video + "-" + audio + "." + format);
        if (!Files.isRegularFile(out)) {
            Path tmp = dir.resolve("tmp-" + out.getFileName());
            Ffmpeg8.run(ENCODE_TIMEOUT, List.of("-y", "-i", track(video).toString(), "-i", track(audio).toString(),
                    "-map", "0:v", "-map", "1:a", "-c", "copy", "-f", format, tmp.toString()));
            moveIntoPlace(tmp, out);
        }
        return out;
    }

    private synchronized Path track(String codec) {
        Path out = dir.resolve(codec + ".mkv");
        if (!Files.isRegularFile(out)) {
            Path tmp = dir.resolve("tmp-" + out.getFileName());
            List<String> args = VIDEO.contains(codec) ? videoArgs(codec) : audioArgs(codec);
            args.addAll(List.of("-f", "matroska", tmp.toString()));
            Ffmpeg8.run(SYSTEM_FFMPEG, ENCODE_TIMEOUT, args);
            moveIntoPlace(tmp, out);
        }
        return out;
    }

    private static void moveIntoPlace(Path tmp, Path out) {
        try {
            Files.move(tmp, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> videoArgs(String codec) {
        List<String> a = new ArrayList<>(List.of("-y", "-f", "lavfi", "-i", "testsrc2=size=" + WIDTH + "x" + HEIGHT
                + ":rate=" + FRAME_RATE + ":duration=" + SECONDS, "-pix_fmt", "yuv420p"));
        a.addAll(switch (codec) {
            case "h264" -> List.of("-c:v", "libx264", "-preset", "veryfast", "-g", FRAME_RATE);
            case "hevc" -> List.of("-c:v", "libx265", "-preset", "ultrafast", "-x265-params", "log-level=none");
            case "av1" -> List.of("-c:v", "libaom-av1", "-cpu-used", "8", "-row-mt", "1");
            case "vp9" -> List.of("-c:v", "libvpx-vp9", "-deadline", "realtime", "-cpu-used", "8");
            default -> throw new IllegalArgumentException("not one of " + VIDEO + ": " + codec);
        });
        return a;
    }

    private static List<String> audioArgs(String codec) {
        List<String> a = new ArrayList<>(List.of("-y", "-f", "lavfi", "-i", "sine=frequency=440:sample_rate="
                + sampleRate(codec) + ":duration=" + SECONDS, "-ac", Integer.toString(CHANNELS)));
        a.addAll(switch (codec) {
            case "aac" -> List.of("-c:a", "aac");
            case "opus" -> List.of("-c:a", "libopus");
            case "flac" -> List.of("-c:a", "flac");
            case "ac3" -> List.of("-c:a", "ac3");
            case "eac3" -> List.of("-c:a", "eac3");
            case "mp3" -> List.of("-c:a", "libmp3lame");
            default -> throw new IllegalArgumentException("not one of " + AUDIO + ": " + codec);
        });
        return a;
    }
}
