package org.netstreamfx.e2e.restart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.netstreamfx.e2e.fixtures.Tools;

/**
 * What ffprobe and ffmpeg make of a recording: the streams and their decoded frame counts
 * ({@code ffprobe -v error -count_frames}), the duration, the {@code gaps} tag, and everything
 * either tool printed at {@code -v error} while reading and decoding all of it (must be nothing).
 */
record RecordingCheck(Path file, List<String> streamTypes, long videoFrames, long audioFrames, double durationS,
                      List<Gap> gaps, String gapsTag, String errors) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    /** One entry of the gaps tag. */
    record Gap(double startS, double durationS, String reason, String media) {}

    static RecordingCheck of(Path file) {
        Tools.Result probe = Tools.runAllowingFailure(List.of(Tools.ffprobe().toString(), "-v", "error",
                "-count_frames", "-show_entries",
                "stream=index,codec_type,nb_read_frames:format=duration:format_tags=gaps", "-of", "json",
                file.toString()), TIMEOUT);
        Tools.Result decode = Tools.runAllowingFailure(List.of(Tools.ffmpeg().toString(), "-nostdin", "-v", "error",
                "-i", file.toString(), "-f", "null", "-"), TIMEOUT);
        String errors = (probe.exitCode() == 0 ? "" : "ffprobe exit " + probe.exitCode() + "\n") + probe.stderr()
                + (decode.exitCode() == 0 ? "" : "ffmpeg exit " + decode.exitCode() + "\n") + decode.stderr();
        JsonNode root;
        try {
            root = JSON.readTree(probe.stdout().isBlank() ? "{}" : probe.stdout());
        } catch (IOException e) {
            throw new UncheckedIOException("ffprobe printed no JSON for " + file + ": " + probe.stdout(), e);
        }
        List<String> types = new ArrayList<>();
        long video = 0;
        long audio = 0;
        for (JsonNode s : root.path("streams")) {
            String type = s.path("codec_type").asText();
            types.add(type);
            long n = s.path("nb_read_frames").asLong(0);
            if (type.equals("video")) {
                video += n;
            } else if (type.equals("audio")) {
                audio += n;
            }
        }
        JsonNode format = root.path("format");
        String tag = format.path("tags").path("gaps").asText("").strip();
        List<Gap> gaps = new ArrayList<>();
        if (!tag.isEmpty()) {
            try {
                for (JsonNode g : JSON.readTree(tag)) {
                    gaps.add(new Gap(g.path("start").asDouble(), g.path("duration").asDouble(),
                            g.path("reason").asText(), g.path("media").asText()));
                }
            } catch (IOException e) {
                throw new AssertionError("the gaps tag of " + file + " is not JSON: " + tag, e);
            }
        }
        return new RecordingCheck(file, types, video, audio, format.path("duration").asDouble(Double.NaN), gaps,
                tag, errors.strip());
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s: streams %s, %d video / %d audio frames decoded, %.2f s, gaps %s%s",
                file.getFileName(), streamTypes, videoFrames, audioFrames, durationS, gapsTag,
                errors.isEmpty() ? "" : "\n--- ffprobe/ffmpeg -v error ---\n" + errors);
    }
}
