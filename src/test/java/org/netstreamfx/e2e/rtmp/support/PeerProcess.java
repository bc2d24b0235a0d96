package org.netstreamfx.e2e.rtmp.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One external process started for a test (nginx, ffmpeg): its stdout and stderr drained on daemon
 * threads (the last {@value #TAIL_CHARS} characters of each kept for messages), stopped with its
 * whole process tree, and registered with a JVM shutdown hook that kills whatever a test left
 * running, so no peer outlives the test JVM when it exits normally or on SIGTERM/SIGINT.
 */
final class PeerProcess {

    /** How much of stdout/stderr is kept. */
    static final int TAIL_CHARS = 16_000;

    private static final Set<PeerProcess> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(PeerProcess::reapAll, "nsfx-peer-reaper"));
    }

    private final String name;
    private final List<String> command;
    private final Process process;
    private final Tail stdout = new Tail();
    private final Tail stderr = new Tail();
    private Thread stdoutDrain;
    private Thread stderrDrain;

    private PeerProcess(String name, List<String> command, Process process) {
        this.name = name;
        this.command = command;
        this.process = process;
    }

    /**
     * Starts {@code command}. stdin stays open (see {@link #writeStdin}); each complete stdout
     * line is passed to {@code stdoutLines} (may be null) on the drain thread.
     */
    static PeerProcess start(String name, List<String> command, Consumer<String> stdoutLines) {
        List<String> cmd = List.copyOf(command);
        Process p;
        try {
            p = new ProcessBuilder(cmd).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + ": " + String.join(" ", cmd), e);
        }
        PeerProcess peer = new PeerProcess(name, cmd, p);
        RUNNING.add(peer);
        p.onExit().thenRun(() -> RUNNING.remove(peer));
        peer.stdoutDrain = drain(name + "-stdout", p.getInputStream(), peer.stdout, stdoutLines);
        peer.stderrDrain = drain(name + "-stderr", p.getErrorStream(), peer.stderr, null);
        return peer;
    }

    String name() {
        return name;
    }

    List<String> command() {
        return command;
    }

    long pid() {
        return process.pid();
    }

    ProcessHandle handle() {
        return process.toHandle();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** The exit code, once the process has ended. */
    Optional<Integer> exitCode() {
        return process.isAlive() ? Optional.empty() : Optional.of(process.exitValue());
    }

    /** The process and its descendants alive now. */
    List<ProcessHandle> tree() {
        List<ProcessHandle> all = new ArrayList<>();
        all.add(process.toHandle());
        process.descendants().forEach(all::add);
        return all;
    }

    /** The end of stdout; once the process has ended, all of it (the drain is waited for, 1 s at most). */
    String stdoutTail() {
        awaitDrained(stdoutDrain);
        return stdout.get();
    }

    /** The end of stderr; once the process has ended, all of it (the drain is waited for, 1 s at most). */
    String stderrTail() {
        awaitDrained(stderrDrain);
        return stderr.get();
    }

    private void awaitDrained(Thread drain) {
        if (!process.isAlive() && drain != null) {
            try {
                drain.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Writes to the process's stdin and flushes; false if it is closed (the process has gone). */
    boolean writeStdin(String text) {
        try {
            OutputStream in = process.getOutputStream();
            in.write(text.getBytes(StandardCharsets.UTF_8));
            in.flush();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    void closeStdin() {
        try {
            process.getOutputStream().close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    boolean waitFor(Duration d) {
        try {
            return process.waitFor(d.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    /**
     * SIGTERM to the process (which stops its own children, as nginx's master does), up to
     * {@code grace} for it to exit, then SIGKILL to it and to every descendant still alive.
     * Returns true if it ended within the grace period.
     */
    boolean terminate(Duration grace) {
        List<ProcessHandle> tree = tree();
        if (process.isAlive()) {
            process.destroy();
        }
        boolean clean = waitFor(grace);
        for (ProcessHandle h : tree) {
            if (h.isAlive()) {
                h.destroyForcibly();
            }
        }
        for (ProcessHandle h : tree) {
            try {
                h.onExit().get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                // reported by the caller's ProcessHandle checks
            }
        }
        RUNNING.remove(this);
        return clean;
    }

    /**
     * SIGKILL to the process and every descendant at once (a crash: nothing is shut down, the
     * kernel closes the sockets), then waits up to 5 s for them all to be gone.
     */
    void kill() {
        List<ProcessHandle> tree = tree();
        for (ProcessHandle h : tree) {
            h.destroyForcibly();
        }
        for (ProcessHandle h : tree) {
            try {
                h.onExit().get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                // reported by the caller's ProcessHandle checks
            }
        }
        RUNNING.remove(this);
    }

    /**
     * The shutdown hook: SIGTERM to every process a test left running (so nginx's master stops and
     * reaps its worker), up to 2 s for them all, then SIGKILL to whatever of their trees is left.
     */
    private static void reapAll() {
        List<ProcessHandle> trees = new ArrayList<>();
        for (PeerProcess p : RUNNING) {
            trees.addAll(p.tree());
            p.process.destroy();
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        for (PeerProcess p : RUNNING) {
            long left = deadline - System.nanoTime();
            if (left > 0) {
                p.waitFor(Duration.ofNanos(left));
            }
        }
        for (ProcessHandle h : trees) {
            if (h.isAlive()) {
                h.destroyForcibly();
            }
        }
    }

    private static Thread drain(String threadName, InputStream in, Tail tail, Consumer<String> lines) {
        Thread t = new Thread(() -> {
            StringBuilder line = new StringBuilder();
            try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                char[] buf = new char[4096];
                int n;
                while ((n = r.read(buf)) > 0) {
                    tail.append(buf, n);
                    if (lines != null) {
                        for (int i = 0; i < n; i++) {
                            char c = buf[i];
                            if (c == '\n' || c == '\r') {
                                if (line.length() > 0) {
                                    lines.accept(line.toString());
                                    line.setLength(0);
                                }
                            } else if (line.length() < TAIL_CHARS) {
                                line.append(c);
                            }
                        }
                    }
                }
            } catch (IOException e) {
                // the process went away
            }
        }, threadName);
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** The last {@link #TAIL_CHARS} characters written. */
    private static final class Tail {
        private final StringBuilder sb = new StringBuilder();

        synchronized void append(char[] buf, int n) {
            sb.append(buf, 0, n);
            if (sb.length() > 2 * TAIL_CHARS) {
                sb.delete(0, sb.length() - TAIL_CHARS);
            }
        }

        synchronized String get() {
            return sb.length() <= TAIL_CHARS ? sb.toString() : "..." + sb.substring(sb.length() - TAIL_CHARS);
        }
    }
}
