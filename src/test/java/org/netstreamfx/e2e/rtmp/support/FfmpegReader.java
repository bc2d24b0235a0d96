package org.netstreamfx.e2e.rtmp.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.netstreamfx.e2e.fixtures.Ffprobe;
import org.netstreamfx.e2e.fixtures.Tools;

/**
 * Reads an RTMP URL with the ffmpeg CLI, as an independent client: what a stream looks like to
 * ffprobe, and how many frames and samples ffmpeg receives in N seconds of it. The tests compare
 * what our player and publisher see against this.
 *
 * <p>Every read sets {@code -rw_timeout} ({@link #IO_TIMEOUT}), so a stream that never starts
 * (a live name nobody publishes) fails after that long instead of hanging.
 */
public final class FfmpegReader {

    /** ffmpeg's {@code -rw_timeout}: a read that gets no data for this long fails. */
    public static final Duration IO_TIMEOUT = Duration.ofSeconds(5);

    private static final ObjectMapper JSON = new ObjectMapper();

    private FfmpegReader() {}

    /**
     * What was received in one read.
     *
     * @param probe ffprobe on the recording of what was received (codecs, profile, size, rate)
     * @param videoFrames video frames decoded from it
     * @param audioSamples audio samples per channel decoded from it
     * @param wallTime how long the read took
     */
    public record Reading(String url, Ffprobe.Probe probe, long videoFrames, long audioSamples, Duration wallTime) {}

    /**
     * {@code ffprobe -v error -rw_timeout .. -show_format -show_streams -of json URL}: the streams
     * as ffprobe finds them after its analysis (about 2 s of a live stream).
     *
     * @throws AssertionError if ffprobe fails (the message holds its stderr)
     */
    public static Ffprobe.Probe probe(String url) {
        Tools.Result r = Tools.run(probeCommand(url), IO_TIMEOUT.plusSeconds(20));
        return parse(url, r.stdout());
    }

    /** {@link #probe} for a URL expected to fail: the exit code and stderr, no exception. */
    public static Tools.Result probeAllowingFailure(String url) {
        return Tools.runAllowingFailure(probeCommand(url), IO_TIMEOUT.plusSeconds(20));
    }

    /**
     * Receives {@code seconds} of media from {@code url} ({@code ffmpeg -rw_timeout .. -i URL
     * -t S -map 0 -c copy -f flv TEMP}), then describes and decodes the copy with ffprobe. For a
     * live stream this takes about {@code seconds} of wall time plus ffmpeg's analysis.
     */
    public static Reading read(String url, double seconds) {
        FfmpegPublisher.requireRtmp(url);
        Path tmp;
        try {
            tmp = Files.createTempFile("nsfx-rtmp-read-", ".flv");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            long t0 = System.nanoTime();
            Tools.run(List.of(Tools.ffmpeg().toString(), "-hide_banner", "-nostdin", "-loglevel", "error", "-y",
                    "-rw_timeout", Long.toString(IO_TIMEOUT.toNanos() / 1000), "-i", url,
                    "-t", String.format(Locale.ROOT, "%.3f", seconds), "-map", "0", "-c", "copy", "-f", "flv",
                    tmp.toString()), Duration.ofMillis((long) (seconds * 1000)).plus(IO_TIMEOUT).plusSeconds(30));
            Duration wall = Duration.ofNanos(System.nanoTime() - t0);
            return new Reading(url, Ffprobe.probe(tmp), Ffprobe.countVideoFrames(tmp),
                    Ffprobe.countAudioSamples(tmp), wall);
        } finally {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // a temp file
            }
        }
    }

    private static List<String> probeCommand(String url) {
        FfmpegPublisher.requireRtmp(url);
        return List.of(Tools.ffprobe().toString(), "-v", "error",
                "-rw_timeout", Long.toString(IO_TIMEOUT.toNanos() / 1000),
                "-show_format", "-show_streams", "-of", "json", url);
    }

    private static Ffprobe.Probe parse(String url, String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("ffprobe printed no JSON for " + url + ": " + json, e);
        }
        List<Ffprobe.Stream> streams = new ArrayList<>();
        for (JsonNode s : root.path("streams")) {
            streams.add(new Ffprobe.Stream(s.path("index").asInt(), text(s, "codec_type"), text(s, "codec_name"),
                    text(s, "profile"), integer(s, "sample_rate"), integer(s, "channels"), integer(s, "width"),
                    integer(s, "height"), text(s, "avg_frame_rate"), number(s, "duration")));
        }
        JsonNode format = root.path("format");
        Double duration = number(format, "duration");
        Double size = number(format, "size");
        return new Ffprobe.Probe(text(format, "format_name"), duration == null ? Double.NaN : duration,
                size == null ? -1 : size.longValue(), streams);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static Integer integer(JsonNode n, String field) {
        try {
            String t = text(n, field);
            return t == null || t.isEmpty() ? null : Integer.valueOf(t);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Double number(JsonNode n, String field) {
        try {
            String t = text(n, field);
            return t == null || t.isEmpty() || "N/A".equals(t) ? null : Double.valueOf(t);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
