package org.netstreamfx.player.source;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.netstreamfx.testkit.media.Ffmpeg8;

/**
 * What FFmpeg 8 reads in a file: it copies every packet to a {@code framecrc} listing (one line
 * per packet: stream, dts, pts, duration, size, crc) and reports the streams and the duration on
 * its stderr; a line it logs as an error (such as an empty 'vpcC') fails the reading. Used to hold a recording against the stream it was made from.
 *
 * @param videoTag      the video sample entry's FourCC FFmpeg names ("hvc1"), "" when the container
 *                      has none (FLV)
 * @param audioTag      the audio sample entry's FourCC ("Opus", "mp4a"), "" when none
 * @param videoCodec    FFmpeg's codec name: "hevc", "av1", "vp9"
 * @param size          "160x90"
 * @param audioCodec    "opus", "flac", "ac3", "eac3", "mp3"
 * @param sampleRateHz  the audio stream's rate
 * @param channels      "stereo", "mono"
 * @param videoPackets  packets FFmpeg read on the video stream
 * @param audioPackets  packets FFmpeg read on the audio stream
 * @param durationS     the container's duration as FFmpeg reports it
 */
record Ffmpeg8Probe(String videoTag, String audioTag, String videoCodec, String size, String audioCodec,
                    int sampleRateHz, String channels, int videoPackets, int audioPackets, double durationS) {
    private static final long TIMEOUT_MS = 30_000;
    /** With {@code -loglevel level+info} FFmpeg tags each line with its level. */
    private static final String ERROR_LEVEL = "[error]";
    private static final Pattern VIDEO = Pattern.compile("Stream #0:(\\d+)[^:]*: Video: (\\w+)([^\\n]*?), (\\d+x\\d+)");
    private static final Pattern AUDIO =
            Pattern.compile("Stream #0:(\\d+)[^:]*: Audio: (\\w+)([^,\\n]*), (\\d+) Hz, (\\w+)");
    private static final Pattern TAG = Pattern.compile("\\((\\S{4}) / 0x");
    private static final Pattern DURATION = Pattern.compile("Duration: (\\d+):(\\d+):(\\d+\\.\\d+)");
    private static final double SECONDS_PER_MINUTE = 60;
    private static final double SECONDS_PER_HOUR = 3600;

    /** Runs FFmpeg 8 on {@code file}; an AssertionError with its output when it fails or finds no streams. */
    static Ffmpeg8Probe of(Path file) throws IOException, InterruptedException {
        Path out = Files.createTempFile("framecrc-", ".txt");
        Path err = Files.createTempFile("ffmpeg8-", ".log");
        try {
            Process p = new ProcessBuilder(List.of(Ffmpeg8.program().toString(), "-hide_banner", "-nostdin", "-loglevel", "level+info", "-i",
                    file.toString(), "-map", "0", "-c", "copy", "-f", "framecrc", "-"))
                    .redirectOutput(out.toFile()).redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            if (!p.waitFor(TIMEOUT_MS, TimeUnit.MILLISECONDS)) {
                p.destroyForcibly().waitFor();
                throw new AssertionError("FFmpeg 8 did not read " + file + " within " + TIMEOUT_MS + " ms");
            }
            String log = Files.readString(err, StandardCharsets.UTF_8);
            if (p.exitValue() != 0 || log.contains(ERROR_LEVEL)) {
                throw new AssertionError("FFmpeg 8 cannot read " + file + ":\n" + log);
            }
            Matcher v = VIDEO.matcher(log);
            Matcher a = AUDIO.matcher(log);
            Matcher d = DURATION.matcher(log);
            if (!v.find() || !a.find() || !d.find()) {
                throw new AssertionError("FFmpeg 8 finds no video, audio or duration in " + file + ":\n" + log);
            }
            List<String> packets = Files.readAllLines(out, StandardCharsets.UTF_8).stream()
                    .filter(l -> !l.startsWith("#")).toList();
            double duration = Integer.parseInt(d.group(1)) * SECONDS_PER_HOUR
                    + Integer.parseInt(d.group(2)) * SECONDS_PER_MINUTE + Double.parseDouble(d.group(3));
            return new Ffmpeg8Probe(tag(v.group(3)), tag(a.group(3)), v.group(2), v.group(4), a.group(2),
                    Integer.parseInt(a.group(4)), a.group(5), count(packets, v.group(1)), count(packets, a.group(1)),
                    duration);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static String tag(String description) {
        Matcher m = TAG.matcher(description);
        return m.find() ? m.group(1) : "";
    }

    private static int count(List<String> packets, String stream) {
        String start = stream + ",";
        return (int) packets.stream().filter(l -> l.startsWith(start)).count();
    }
}
