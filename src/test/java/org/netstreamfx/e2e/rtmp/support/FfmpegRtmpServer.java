package org.netstreamfx.e2e.rtmp.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.netstreamfx.e2e.fixtures.Tools;

/**
 * The ffmpeg CLI as a listening RTMP server that serves one file to one client:
 * {@code ffmpeg -re -i FILE -c copy -f flv -listen 1 -timeout S rtmp://127.0.0.1:<port>/app/stream}.
 *
 * <p>ffmpeg accepts a single connection, plays the file to it (at real-time pace with
 * {@code -re}) and exits; it exits by itself if no client comes within the accept timeout. Any
 * TCP connection is taken as the client, so readiness is checked in {@code /proc/net/tcp}
 * (a LISTEN socket on the port), never by connecting.
 */
public final class FfmpegRtmpServer implements AutoCloseable {

    /** How long ffmpeg waits for its client before it exits by itself. */
    public static final Duration DEFAULT_ACCEPT_TIMEOUT = Duration.ofSeconds(30);
    /** How long {@link #serve} waits for the listening socket. */
    public static final Duration START_TIMEOUT = Duration.ofSeconds(10);

    private final int port;
    private final String url;
    private final PeerProcess process;

    private FfmpegRtmpServer(int port, String url, PeerProcess process) {
        this.port = port;
        this.url = url;
        this.process = process;
    }

    /** Serves {@code media} at real-time pace as {@code rtmp://127.0.0.1:<port>/app/stream}. */
    public static FfmpegRtmpServer serve(Path media) {
        return serve(media, "app", "stream", true, DEFAULT_ACCEPT_TIMEOUT);
    }

    /**
     * Serves {@code media} as {@code rtmp://127.0.0.1:<port>/<app>/<stream>}, at real-time pace
     * if {@code realTime} (else as fast as the client reads), and returns once ffmpeg listens.
     *
     * @throws AssertionError if ffmpeg exits or does not listen within {@link #START_TIMEOUT}
     */
    public static FfmpegRtmpServer serve(Path media, String app, String stream, boolean realTime,
            Duration acceptTimeout) {
        if (!Files.isRegularFile(media)) {
            throw new IllegalArgumentException("no such file: " + media);
        }
        ListeningPeer.Started s = ListeningPeer.start("ffmpeg-rtmp-server", port -> {
            List<String> cmd = new ArrayList<>(List.of(Tools.ffmpeg().toString(), "-hide_banner", "-nostdin",
                    "-loglevel", "info", "-nostats"));
            if (realTime) {
                cmd.add("-re");
            }
            cmd.addAll(List.of("-i", media.toString(), "-c", "copy", "-f", "flv", "-listen", "1",
                    "-timeout", Long.toString(Math.max(1, acceptTimeout.toSeconds())), url(port, app, stream)));
            return cmd;
        }, START_TIMEOUT);
        return new FfmpegRtmpServer(s.port(), url(s.port(), app, stream), s.process());
    }

    private static String url(int port, String app, String stream) {
        return "rtmp://127.0.0.1:" + port + "/" + app + "/" + stream;
    }

    /** {@code rtmp://127.0.0.1:<port>/<app>/<stream>}. */
    public String url() {
        return url;
    }

    public int port() {
        return port;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    public ProcessHandle processHandle() {
        return process.handle();
    }

    public String stderrTail() {
        return process.stderrTail();
    }

    /** Waits up to {@code timeout} for ffmpeg to finish by itself (the file served, or no client). */
    public boolean awaitExit(Duration timeout) {
        return process.waitFor(timeout);
    }

    /** The command line, exit code (if ended) and stderr tail, for failure messages. */
    public String describe() {
        return "command: " + String.join(" ", process.command())
                + process.exitCode().map(c -> "\nexit code: " + c).orElse("")
                + "\n--- ffmpeg stderr (tail) ---\n" + process.stderrTail();
    }

    /** Stops ffmpeg (SIGTERM, then SIGKILL after 3 s). */
    @Override
    public void close() {
        process.terminate(Duration.ofSeconds(3));
    }

    /**
     * Whether a socket listens on 127.0.0.1:{@code port}, from {@code /proc/net/tcp}. Where that
     * file does not exist (not Linux), waits half a second and says yes.
     */
    static boolean listening(int port) {
        Path tcp = Path.of("/proc/net/tcp");
        if (!Files.isReadable(tcp)) {
            NginxRtmp.sleep(500);
            return true;
        }
        String local = String.format(Locale.ROOT, "0100007F:%04X", port);
        try {
            for (String line : Files.readAllLines(tcp)) {
                String[] f = line.trim().split("\\s+");
                // sl local_address rem_address st ...; st 0A = LISTEN
                if (f.length > 3 && f[1].equalsIgnoreCase(local) && f[3].equals("0A")) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }
}
