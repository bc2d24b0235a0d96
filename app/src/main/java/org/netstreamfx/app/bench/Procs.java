package org.netstreamfx.app.bench;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the ffmpeg CLI (and other tools) with a timeout; their stderr goes to a file shown on failure. */
final class Procs {
    private Procs() {
    }

    /** An executable on PATH, else in /usr/sbin (nginx is there and not on a non-root PATH). */
    static String tool(String name) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, name))) {
                return Path.of(dir, name).toString();
            }
        }
        Path sbin = Path.of("/usr/sbin", name);
        if (Files.isExecutable(sbin)) {
            return sbin.toString();
        }
        throw new IllegalStateException(name + " not found on PATH or in /usr/sbin (scripts/install-deps installs it)");
    }

    /**
     * The ffmpeg program that comes with our FFmpeg natives (JavaCPP's ffmpeg preset): the same
     * FFmpeg build and encoders (libopenh264) as the engine, unlike the system's ffmpeg.
     */
    static String bundledFfmpeg() {
        return org.bytedeco.javacpp.Loader.load(org.bytedeco.ffmpeg.ffmpeg.class);
    }

    /**
     * The command that runs {@code mainClass} in a child JVM with this JVM's java and classpath
     * and the launcher's JVM options ({@link MemoryBench#launcherJvmOptions()}), so a child is
     * measured as users run the player.
     */
    static List<String> childJava(String mainClass, List<String> args) throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java")));
        command.addAll(MemoryBench.launcherJvmOptions());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(args);
        return command;
    }

    /** Runs {@code command} to its end; returns its wall time in nanoseconds; fails on a non-zero exit. */
    static long run(List<String> command, long timeoutSeconds, Path workDir) throws IOException, InterruptedException {
        Path err = Files.createTempFile(workDir, "proc-", ".log");
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        long t0 = System.nanoTime();
        Process p = pb.start();
        try {
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                throw new IOException(String.join(" ", command) + ": still running after " + timeoutSeconds + " s");
            }
            long wall = System.nanoTime() - t0;
            if (p.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + ": exit " + p.exitValue() + "\n" + tail(err));
            }
            return wall;
        } finally {
            p.destroyForcibly();
            Files.deleteIfExists(err);
        }
    }

    /** Starts {@code command} in the background, output discarded. */
    static Process start(List<String> command) throws IOException {
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
    }

    /** Ends {@code p} (and its children): SIGTERM, then SIGKILL after {@code graceMs}. */
    static void stop(Process p, long graceMs) {
        if (p == null) {
            return;
        }
        p.descendants().forEach(ProcessHandle::destroy);
        p.destroy();
        try {
            if (!p.waitFor(graceMs, TimeUnit.MILLISECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor(graceMs, TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
        }
    }

    static String tail(Path file) {
        try {
            String s = Files.readString(file);
            return s.length() > 3000 ? s.substring(s.length() - 3000) : s;
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }
}
