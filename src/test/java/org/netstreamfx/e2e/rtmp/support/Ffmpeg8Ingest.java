package org.netstreamfx.e2e.rtmp.support;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.netstreamfx.e2e.fixtures.Tools;

/**
 * FFmpeg 8 — the program bundled with the JavaCPP natives, which reads Enhanced RTMP v2 (the
 * {@code ffmpeg} on PATH may be older and does not) — as an RTMP ingest server that takes one
 * publisher and writes what it receives, stream-copied, to a file:
 * {@code ffmpeg -f flv -listen 1 -timeout S -i rtmp://127.0.0.1:<port>/app/key -c copy OUT}. It
 * exits when the publisher unpublishes. {@link #streams} and {@link #decodeErrors} read the file
 * back with the same program.
 */
public final class Ffmpeg8Ingest implements AutoCloseable {
    /** How long {@link #record} waits for the listening socket. */
    public static final Duration START_TIMEOUT = Duration.ofSeconds(10);
    /** The application and stream name the server takes. */
    public static final String APP = "app";
    public static final String STREAM = "key";
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    private final ListeningPeer.Started peer;

    private Ffmpeg8Ingest(ListeningPeer.Started peer) {
        this.peer = peer;
    }

    /** The bundled FFmpeg 8 program (JavaCPP extracts it on first use). */
    public static Path program() {
        return Path.of(org.bytedeco.javacpp.Loader.load(org.bytedeco.ffmpeg.ffmpeg.class));
    }

    /** Listens for one publisher, for up to {@code acceptTimeout}, and records it to {@code out}. */
    public static Ffmpeg8Ingest record(Path out, Duration acceptTimeout) {
        return record(out, acceptTimeout, List.of());
    }

    /**
     * The same, keeping every stream ({@code -map 0}): each track of an Enhanced RTMP multitrack
     * publish, where plain stream copying keeps one video stream.
     */
    public static Ffmpeg8Ingest recordAllStreams(Path out, Duration acceptTimeout) {
        return record(out, acceptTimeout, List.of("-map", "0"));
    }

    private static Ffmpeg8Ingest record(Path out, Duration acceptTimeout, List<String> outputOptions) {
        String ffmpeg = program().toString();
        return new Ffmpeg8Ingest(ListeningPeer.start("ffmpeg8-ingest", port -> {
            List<String> command = new java.util.ArrayList<>(List.of(ffmpeg, "-hide_banner", "-nostdin", "-nostats",
                    "-loglevel", "info", "-f", "flv", "-listen", "1", "-timeout",
                    Long.toString(Math.max(1, acceptTimeout.toSeconds())), "-i", "rtmp://127.0.0.1:" + port + "/" + APP
                    + "/" + STREAM));
            command.addAll(outputOptions);
            command.addAll(List.of("-c", "copy", "-y", out.toString()));
            return command;
        }, START_TIMEOUT));
    }

    /**
     * The decode times (in {@code file}'s stream time base: ms for Matroska) of each video
     * stream's keyframes, by stream index, as FFmpeg 8's framecrc lists the packets.
     */
    public static java.util.Map<Integer, List<Long>> videoKeyframes(Path file) {
        Tools.Result r = Tools.runAllowingFailure(List.of(program().toString(), "-hide_banner", "-nostdin", "-v",
                "error", "-i", file.toString(), "-map", "0:v", "-c", "copy", "-f", "framecrc", "-"), READ_TIMEOUT);
        java.util.Map<Integer, List<Long>> keys = new java.util.TreeMap<>();
        for (String line : r.stdout().lines().filter(l -> !l.startsWith("#")).toList()) {
            String[] f = line.split(",\\s*");
            if (f.length >= 6) {
                List<Long> stream = keys.computeIfAbsent(Integer.parseInt(f[0].trim()), i -> new java.util.ArrayList<>());
                if (!line.contains("F=")) {
                    stream.add(Long.parseLong(f[1].trim()));
                }
            }
        }
        return keys;
    }

    /** The application URL a publisher connects to; it then publishes {@link #STREAM}. */
    public String appUrl() {
        return "rtmp://127.0.0.1:" + peer.port() + "/" + APP;
    }

    /** Waits up to {@code limit} for the server to end (it does when the publisher unpublishes). */
    public boolean awaitExit(Duration limit) {
        return peer.process().waitFor(limit);
    }

    public String describe() {
        return peer.describe();
    }

    /** The "Stream #…" lines FFmpeg 8 prints for {@code file}: codec, size, rate, channels. */
    public static List<String> streams(Path file) {
        Tools.Result r = Tools.runAllowingFailure(List.of(program().toString(), "-hide_banner", "-nostdin", "-i",
                file.toString()), READ_TIMEOUT);
        return r.stderr().lines().map(String::trim).filter(l -> l.startsWith("Stream #")).collect(Collectors.toList());
    }

    /** What FFmpeg 8 reports when it decodes all of {@code file} (empty: it decoded cleanly). */
    public static String decodeErrors(Path file) {
        Tools.Result r = Tools.runAllowingFailure(List.of(program().toString(), "-hide_banner", "-nostdin", "-v",
                "error", "-i", file.toString(), "-f", "null", "-"), READ_TIMEOUT);
        return (r.exitCode() == 0 ? "" : "exit code " + r.exitCode() + "\n") + r.stderr().trim();
    }

    /** Stops the server (SIGTERM, then SIGKILL after 3 s). */
    @Override
    public void close() {
        peer.process().terminate(Duration.ofSeconds(3));
    }
}
