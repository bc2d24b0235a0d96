package org.netstreamfx.e2e.security;

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
 * One {@code nsfx ARGS} child JVM for the audit, in a folder of its own: its working directory,
 * {@code HOME}, {@code user.home}, {@code XDG_CONFIG_HOME} and {@code java.io.tmpdir} all lie
 * inside {@link #home()}, so every file it writes (logs, settings, temporary files, crash
 * reports, recordings given as relative names) is found there afterwards. stdout and stderr go to
 * files beside it, read whole at the end.
 */
final class NsfxRun {
    private final String name;
    private final List<String> args;
    private final Path home;
    private final Path stdoutFile;
    private final Path stderrFile;
    private final String stopAfter;
    private Process process;
    private int exitCode = Integer.MIN_VALUE;
    private double seconds;

    /**
     * @param stopAfter when not null, Ctrl-C is sent {@link StreamKeyAuditTest#PUBLISH_SECONDS}
     *     after this text is first printed on stdout (publish: "NetStream.Publish.Start")
     */
    NsfxRun(Path root, String name, String stopAfter, String... args) {
        this.name = name;
        this.args = List.of(args);
        this.home = root.resolve(name);
        this.stdoutFile = root.resolve(name + ".stdout");
        this.stderrFile = root.resolve(name + ".stderr");
        this.stopAfter = stopAfter;
    }

    String name() {
        return name;
    }

    Path home() {
        return home;
    }

    /** Starts the JVM, waits for it to end (Ctrl-C once {@code stopAfter} was printed), within {@code timeout}. */
    NsfxRun runToEnd(Duration timeout) {
        try {
            Files.createDirectories(home.resolve("tmp"));
            Files.createDirectories(home.resolve(".config"));
            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Duser.home=" + home, "-Djava.io.tmpdir=" + home.resolve("tmp"),
                    "-XX:ErrorFile=" + home.resolve("hs_err_%p.log"),
                    "-cp", System.getProperty("java.class.path"), "org.netstreamfx.app.Main"));
            cmd.addAll(args);
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(home.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectOutput(stdoutFile.toFile()).redirectError(stderrFile.toFile());
            pb.environment().put("HOME", home.toString());
            pb.environment().put("XDG_CONFIG_HOME", home.resolve(".config").toString());
            process = pb.start();
            long deadline = System.nanoTime() + timeout.toNanos();
            long stopAt = Long.MAX_VALUE;
            while (!process.waitFor(100, TimeUnit.MILLISECONDS)) {
                long now = System.nanoTime();
                if (stopAfter != null && stopAt == Long.MAX_VALUE && stdout().contains(stopAfter)) {
                    stopAt = now + TimeUnit.MILLISECONDS.toNanos(Math.round(StreamKeyAuditTest.PUBLISH_SECONDS * 1000));
                }
                if (now >= stopAt) {
                    interrupt();
                    stopAt = Long.MAX_VALUE - 1; // once
                }
                if (now > deadline) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                    throw new AssertionError("nsfx " + name + " did not end within " + timeout.toSeconds() + " s\n"
                            + describe());
                }
            }
            exitCode = process.exitValue();
            seconds = (System.nanoTime() - (deadline - timeout.toNanos())) / 1e9;
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Ctrl-C: SIGINT, or SIGTERM when this JVM ignores SIGINT (a background job of a
     * non-interactive shell; the child inherits that), which runs the same shutdown hooks.
     */
    private void interrupt() throws IOException, InterruptedException {
        String signal = sigintIgnored() ? "-TERM" : "-INT";
        new ProcessBuilder("kill", signal, Long.toString(process.pid())).start().waitFor();
    }

    private static boolean sigintIgnored() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return false;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("SigIgn:")) {
                long mask = Long.parseUnsignedLong(line.substring("SigIgn:".length()).trim(), 16);
                return (mask & (1L << (2 - 1))) != 0; // SIGINT is signal 2
            }
        }
        return false;
    }

    /** Wall time from start to exit. */
    double seconds() {
        return seconds;
    }

    int exitCode() {
        return exitCode;
    }

    String stdout() {
        return read(stdoutFile);
    }

    String stderr() {
        return read(stderrFile);
    }

    private static String read(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Everything it printed and wrote: stdout, stderr, and every file under its folder. */
    void scan(SecretScan scan) {
        scan.text("nsfx " + name + " stdout", stdout());
        scan.text("nsfx " + name + " stderr", stderr());
        scan.tree("nsfx " + name + " wrote", home);
    }

    /** The command (secrets masked: this text goes into assertion messages), exit code and output. */
    String describe() {
        return "nsfx " + name + " (exit " + exitCode + ")\n--- stdout ---\n" + tail(stdout()) + "\n--- stderr ---\n"
                + tail(stderr());
    }

    private static String tail(String s) {
        return s.length() <= 3000 ? s : "…" + s.substring(s.length() - 3000);
    }
}
