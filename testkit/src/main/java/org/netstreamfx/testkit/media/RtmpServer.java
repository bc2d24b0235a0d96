package org.netstreamfx.testkit.media;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * FFmpeg 8 as a one-client RTMP server: {@code ffmpeg [-re] -i FILE -c copy -f flv -listen 1
 * rtmp://127.0.0.1:PORT/app/stream} on a free port. It plays the file to the first client that
 * connects and exits. Readiness is read from {@code /proc/net/tcp} (a LISTEN socket on the
 * port), never by connecting, as ffmpeg takes any connection for its client.
 */
public final class RtmpServer implements AutoCloseable {
    /** How long ffmpeg waits for its client before it exits by itself. */
    public static final Duration ACCEPT_TIMEOUT = Duration.ofSeconds(30);
    /** How long {@link #serve} waits for the listening socket. */
    public static final Duration START_TIMEOUT = Duration.ofSeconds(10);
    private static final int PORT_ATTEMPTS = 5;
    private static final long POLL_MS = 10;
    private static final String TCP_LISTEN = "0A";

    private final Process process;
    private final Path log;
    private final String url;

    /** Starts {@code cmd}, its output going to a temporary log. */
    private RtmpServer(List<String> cmd, String url) throws IOException {
        this.url = url;
        log = Files.createTempFile("ffmpeg8-rtmp-", ".log");
        process = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
    }

    /**
     * Serves {@code media} as {@code rtmp://127.0.0.1:PORT/app/stream}, at real-time pace when
     * {@code realTime} (ffmpeg's {@code -re}), else as fast as the client reads; returns once
     * ffmpeg listens.
     */
    public static RtmpServer serve(Path media, boolean realTime) {
        return serve(media, realTime, false);
    }

    /**
     * As {@link #serve(Path, boolean)}; with {@code everyTrack}, every stream of {@code media} is
     * served (ffmpeg's {@code -map 0}: an Enhanced RTMP v2 multitrack stream), not only ffmpeg's
     * pick of one video and one audio stream.
     */
    public static RtmpServer serve(Path media, boolean realTime, boolean everyTrack) {
        AssertionError last = null;
        for (int attempt = 0; attempt < PORT_ATTEMPTS; attempt++) {
            int port = freePort();
            String url = "rtmp://127.0.0.1:" + port + "/app/stream";
            List<String> cmd = new ArrayList<>();
            cmd.add(Ffmpeg8.program().toString());
            cmd.addAll(Ffmpeg8.QUIET);
            if (realTime) {
                cmd.add("-re");
            }
            cmd.addAll(List.of("-i", media.toString()));
            if (everyTrack) {
                cmd.addAll(List.of("-map", "0"));
            }
            cmd.addAll(List.of("-c", "copy", "-f", "flv", "-listen", "1",
                    "-timeout", Long.toString(ACCEPT_TIMEOUT.toSeconds()), url));
            RtmpServer server;
            try {
                server = new RtmpServer(cmd, url);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            try {
                if (server.awaitListening(port)) {
                    return server;
                }
                last = new AssertionError("ffmpeg did not listen on " + url + "\n" + server.output());
            } catch (InterruptedException e) {
                server.close();
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while starting " + url, e);
            }
            server.close();
        }
        throw last;
    }

    /** The address to play: {@code rtmp://127.0.0.1:PORT/app/stream}. */
    public String url() {
        return url;
    }

    /** The connect address, {@code rtmp://127.0.0.1:PORT/app}. */
    public String appUrl() {
        return url.substring(0, url.lastIndexOf('/'));
    }

    /** What ffmpeg printed so far (errors only). */
    public String output() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    /** Stops ffmpeg if it still runs, and removes its log. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(3, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
            Files.deleteIfExists(log);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the log is in the temp directory; nothing else to do
        }
    }

    private boolean awaitListening(int port) throws InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                return false;
            }
            if (listening(port)) {
                return true;
            }
            // Polls a file the kernel updates; nothing signals a listen.
            process.waitFor(POLL_MS, TimeUnit.MILLISECONDS);
        }
        return false;
    }

    private static boolean listening(int port) {
        Path tcp = Path.of("/proc/net/tcp");
        String local = String.format(Locale.ROOT, "0100007F:%04X", port);
        try {
            for (String line : Files.readAllLines(tcp)) {
                String[] f = line.trim().split("\\s+");
                if (f.length > 3 && f[1].equalsIgnoreCase(local) && f[3].equals(TCP_LISTEN)) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
