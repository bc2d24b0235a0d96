package org.netstreamfx.testkit.media;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The ffmpeg program of the FFmpeg 8 natives the engine decodes with (JavaCPP extracts it from
 * the platform jar), for tests that need what the system's ffmpeg cannot do: Debian 12's 5.1
 * muxes no Enhanced RTMP (Opus, FLAC, AC-3, E-AC-3, AV1, VP9 in FLV), FFmpeg 8 does, and serves
 * it as an RTMP server ({@link RtmpServer}). {@link #run} runs one command to its end.
 */
public final class Ffmpeg8 {
    /** Arguments put before every command: no banner, no stdin, errors only. */
    static final List<String> QUIET = List.of("-hide_banner", "-nostdin", "-loglevel", "error");

    private Ffmpeg8() {
    }

    /** Loaded on first use: the class initialisation is the lock. */
    private static final class Bundled {
        static final Path PROGRAM = Path.of(org.bytedeco.javacpp.Loader.load(org.bytedeco.ffmpeg.ffmpeg.class));
    }

    /** The path of the bundled ffmpeg program (JavaCPP extracts it once per JVM, on first use). */
    public static Path program() {
        return Bundled.PROGRAM;
    }

    /**
     * Runs {@code ffmpeg QUIET args} and waits for it; throws an AssertionError with its output
     * when it fails or does not end within {@code timeout}.
     */
    public static void run(Duration timeout, List<String> args) {
        run(program().toString(), timeout, args);
    }

    /**
     * Runs another ffmpeg ({@code executable}, e.g. "ffmpeg" from the PATH) the same way, so clip
     * makers can use the encoders of the system's build and the muxers of this one.
     */
    public static void run(String executable, Duration timeout, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(executable);
        command.addAll(QUIET);
        command.addAll(args);
        try {
            Path log = Files.createTempFile("ffmpeg8-", ".log");
            try {
                Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
                if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    p.destroyForcibly().waitFor();
                    throw new AssertionError("ffmpeg did not finish within " + timeout + ": " + String.join(" ", command)
                            + "\n" + Files.readString(log, StandardCharsets.UTF_8));
                }
                if (p.exitValue() != 0) {
                    throw new AssertionError("ffmpeg failed (exit " + p.exitValue() + "): " + String.join(" ", command)
                            + "\n" + Files.readString(log, StandardCharsets.UTF_8));
                }
            } finally {
                Files.deleteIfExists(log);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running " + command, e);
        }
    }
}
