package org.netstreamfx.e2e.rtmp.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.netstreamfx.e2e.fixtures.Tools;

/**
 * The ffmpeg CLI publishing to an RTMP URL at real-time pace ({@code -re}) until stopped, as a
 * live encoder would. Its progress ({@code -progress pipe:1}, every 0.2 s) tells when it is
 * writing; its stderr (log level info, no stats lines) is kept for messages.
 *
 * <p>ffmpeg connects and waits for {@code NetStream.Publish.Start} before it writes the first
 * packet, so once {@link #awaitPublishing} returns the server has accepted the stream.
 */
public final class FfmpegPublisher implements AutoCloseable {

    /** How long {@link #stop()} waits after 'q', and again after SIGTERM. */
    public static final Duration STOP_GRACE = Duration.ofSeconds(3);

    private final String url;
    private final PeerProcess process;
    private volatile long frame;
    private volatile long outTimeUs;

    private FfmpegPublisher(String url, List<String> command) {
        this.url = url;
        this.process = PeerProcess.start("ffmpeg-publish", command, this::onProgressLine);
    }

    /**
     * Publishes {@code media} in an endless loop, stream-copied:
     * {@code ffmpeg -re -stream_loop -1 -i FILE -c copy -f flv URL}.
     */
    public static FfmpegPublisher file(Path media, String url) {
        if (!Files.isRegularFile(media)) {
            throw new IllegalArgumentException("no such file: " + media);
        }
        return custom(url, List.of("-re", "-stream_loop", "-1", "-i", media.toString(), "-c", "copy"));
    }

    /**
     * Publishes a live test signal, 320x240 at 25 fps: lavfi {@code testsrc2} encoded with
     * libx264 ({@code -preset ultrafast -tune zerolatency -g 25}, an IDR every second) and a
     * 440 Hz {@code sine} as AAC-LC 44100 Hz stereo.
     */
    public static FfmpegPublisher testSource(String url) {
        return testSource(url, 320, 240, 25);
    }

    /** {@link #testSource(String)} at another size and frame rate (a keyframe every second). */
    public static FfmpegPublisher testSource(String url, int width, int height, int fps) {
        return custom(url, List.of(
                "-re", "-f", "lavfi", "-i", String.format(Locale.ROOT, "testsrc2=size=%dx%d:rate=%d", width, height, fps),
                "-re", "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=44100",
                "-c:v", "libx264", "-preset", "ultrafast", "-tune", "zerolatency", "-pix_fmt", "yuv420p",
                "-g", Integer.toString(fps), "-keyint_min", Integer.toString(fps), "-sc_threshold", "0",
                "-c:a", "aac", "-b:a", "128k", "-ac", "2"));
    }

    /**
     * {@code ffmpeg <inputAndCodecArgs> -f flv URL} with this class's logging and progress
     * options; for what the other factories do not cover.
     */
    public static FfmpegPublisher custom(String url, List<String> inputAndCodecArgs) {
        requireRtmp(url);
        List<String> cmd = new ArrayList<>(List.of(Tools.ffmpeg().toString(), "-hide_banner",
                "-loglevel", "info", "-nostats", "-stats_period", "0.2", "-progress", "pipe:1"));
        cmd.addAll(inputAndCodecArgs);
        cmd.addAll(List.of("-f", "flv", url));
        return new FfmpegPublisher(url, cmd);
    }

    /**
     * Waits until ffmpeg has written media past time 0 to the server.
     *
     * @throws AssertionError if ffmpeg exits first (the message holds its stderr) or the timeout passes
     */
    public FfmpegPublisher awaitPublishing(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (outTimeUs <= 0 && frame <= 0) {
            if (!process.isAlive()) {
                throw new AssertionError("ffmpeg stopped before publishing to " + url + " (exit code "
                        + process.exitCode().orElse(-1) + ")\n" + describe());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("ffmpeg did not start publishing to " + url + " within "
                        + timeout.toMillis() + " ms\n" + describe());
            }
            NginxRtmp.sleep(20);
        }
        return this;
    }

    /** Whether ffmpeg has written media (see {@link #awaitPublishing}). */
    public boolean isPublishing() {
        return process.isAlive() && (outTimeUs > 0 || frame > 0);
    }

    /** Video frames written so far (ffmpeg's progress {@code frame=}). */
    public long framesWritten() {
        return frame;
    }

    /** Media time written so far, in seconds (ffmpeg's progress {@code out_time_us=}). */
    public double secondsWritten() {
        return outTimeUs / 1e6;
    }

    public String url() {
        return url;
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

    /** The last part of ffmpeg's stderr. */
    public String stderrTail() {
        return process.stderrTail();
    }

    /** The command line, exit code (if ended) and stderr tail, for failure messages. */
    public String describe() {
        return "command: " + String.join(" ", process.command())
                + process.exitCode().map(c -> "\nexit code: " + c).orElse("")
                + "\n--- ffmpeg stderr (tail) ---\n" + process.stderrTail();
    }

    /**
     * Stops publishing: 'q' on stdin (ffmpeg finishes the stream and closes the connection
     * cleanly), then SIGTERM, then SIGKILL, each after {@link #STOP_GRACE}.
     */
    public void stop() {
        if (process.isAlive()) {
            process.writeStdin("q");
            process.closeStdin();
            if (process.waitFor(STOP_GRACE)) {
                process.terminate(Duration.ZERO);
                return;
            }
        }
        process.terminate(STOP_GRACE);
    }

    @Override
    public void close() {
        stop();
    }

    private void onProgressLine(String line) {
        int eq = line.indexOf('=');
        if (eq <= 0) {
            return;
        }
        String key = line.substring(0, eq).trim();
        String value = line.substring(eq + 1).trim();
        try {
            switch (key) {
                case "frame" -> frame = Long.parseLong(value);
                case "out_time_us" -> outTimeUs = Long.parseLong(value);
                default -> { }
            }
        } catch (NumberFormatException notYet) {
            // "N/A" before the first packet
        }
    }

    static void requireRtmp(String url) {
        if (!url.startsWith("rtmp://127.0.0.1:")) {
            throw new IllegalArgumentException("only rtmp://127.0.0.1:<port>/... is used in tests: " + url);
        }
    }
}
