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
        String ffmpeg = program().toString();
        return new Ffmpeg8Ingest(ListeningPeer.start("ffmpeg8-ingest", port -> List.of(ffmpeg, "-hide_banner",
                "-nostdin", "-nostats", "-loglevel", "info", "-f", "flv", "-listen", "1", "-timeout",
                Long.toString(Math.max(1, acceptTimeout.toSeconds())), "-i", "rtmp://127.0.0.1:" + port + "/" + APP + "/"
                + STREAM, "-c", "copy", "-y", out.toString()), START_TIMEOUT));
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
