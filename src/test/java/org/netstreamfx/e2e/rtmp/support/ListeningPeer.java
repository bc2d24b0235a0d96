package org.netstreamfx.e2e.rtmp.support;

import java.time.Duration;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Starts a peer program that listens on a free 127.0.0.1 port it is given on its command line,
 * and returns once the port is listening ({@code /proc/net/tcp}, never by connecting: a
 * one-client server takes any connection as its client). A port taken meanwhile by someone else
 * ("Address already in use") is retried on another.
 */
final class ListeningPeer {
    private static final int PORT_ATTEMPTS = 5;
    private static final long POLL_MS = 20;

    /** A started, listening peer. */
    record Started(int port, PeerProcess process) {
        String describe() {
            return "command: " + String.join(" ", process.command())
                    + process.exitCode().map(c -> "\nexit code: " + c).orElse("")
                    + "\n--- " + process.name() + " stderr (tail) ---\n" + process.stderrTail();
        }
    }

    private ListeningPeer() {
    }

    /**
     * Runs {@code command.apply(port)} as {@code name} and waits up to {@code startLimit} for it to
     * listen on that port.
     *
     * @throws AssertionError if it exits or does not listen in time
     */
    static Started start(String name, IntFunction<List<String>> command, Duration startLimit) {
        AssertionError last = null;
        for (int attempt = 0; attempt < PORT_ATTEMPTS; attempt++) {
            int port = FreePort.loopback();
            Started s = new Started(port, PeerProcess.start(name, command.apply(port), null));
            if (listens(s, name, startLimit)) {
                return s;
            }
            last = new AssertionError(name + " exited before listening on port " + port + "\n" + s.describe());
        }
        throw last;
    }

    /** True once {@code s} listens; false if it exited because the port was taken; else throws. */
    private static boolean listens(Started s, String name, Duration startLimit) {
        long deadline = System.nanoTime() + startLimit.toNanos();
        while (!FfmpegRtmpServer.listening(s.port())) {
            if (!s.process().isAlive()) {
                if (s.process().stderrTail().contains("Address already in use")) {
                    return false;
                }
                throw new AssertionError(name + " exited before listening on port " + s.port() + "\n" + s.describe());
            }
            if (System.nanoTime() > deadline) {
                s.process().terminate(Duration.ofSeconds(3));
                throw new AssertionError(name + " did not listen on port " + s.port() + " within "
                        + startLimit.toMillis() + " ms\n" + s.describe());
            }
            NginxRtmp.sleep(POLL_MS);
        }
        return true;
    }
}
