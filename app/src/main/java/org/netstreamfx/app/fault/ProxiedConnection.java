package org.netstreamfx.app.fault;

import java.io.IOException;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * One client connection through a {@link FaultProxy} and its connection to the target: two
 * {@link Pipe}s (four named threads), closed when both directions have ended, when either fails,
 * or when the proxy drops it (then with a reset, as a failing network would).
 */
final class ProxiedConnection {
    private final int id;
    private final Socket client;
    private final Socket server;
    private final long startNanos = System.nanoTime();
    private final Pipe up;
    private final Pipe down;
    private final Consumer<ProxiedConnection> onClosed;
    private final AtomicInteger pipesEnded = new AtomicInteger();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile String failure;

    ProxiedConnection(int id, String threadPrefix, Socket client, Socket server, FaultProxy.Faults faults,
                      Consumer<ProxiedConnection> onClosed) {
        this.id = id;
        this.client = client;
        this.server = server;
        this.onClosed = onClosed;
        this.up = new Pipe(threadPrefix + "-up", client, server, faults.latencyMs(Direction.UP),
                faults.bucket(Direction.UP), faults.bytes(Direction.UP), faults.frozen(Direction.UP), this);
        this.down = new Pipe(threadPrefix + "-down", server, client, faults.latencyMs(Direction.DOWN),
                faults.bucket(Direction.DOWN), faults.bytes(Direction.DOWN), faults.frozen(Direction.DOWN), this);
    }

    void start() {
        up.start();
        down.start();
    }

    int id() {
        return id;
    }

    long ageNanos() {
        return System.nanoTime() - startNanos;
    }

    /** Why the connection failed (an I/O error on either side), or null. */
    String failure() {
        return failure;
    }

    // Called on a pipe's threads.

    void pipeEnded() {
        if (pipesEnded.incrementAndGet() == 2) {
            close(false);
        }
    }

    void failed(String why) {
        if (!closed.get()) {
            failure = why;
        }
        close(false);
    }

    // Called on any thread.

    /**
     * Closes both sockets and stops the pipes; with {@code reset}, the sockets are closed with an
     * RST (SO_LINGER 0), so both peers see the connection fail rather than end. Idempotent.
     */
    void close(boolean reset) {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        closeSocket(client, reset);
        closeSocket(server, reset);
        up.stop();
        down.stop();
        onClosed.accept(this);
    }

    boolean isClosed() {
        return closed.get();
    }

    void join(long millis) throws InterruptedException {
        up.join(millis);
        down.join(millis);
    }

    private static void closeSocket(Socket s, boolean reset) {
        try {
            if (reset && !s.isClosed()) {
                s.setSoLinger(true, 0);
            }
        } catch (IOException e) {
            // The socket is already broken: closing it below is all that is left to do.
        }
        try {
            s.close();
        } catch (IOException e) {
            // Closing a socket that failed: nothing more can be done with it.
        }
    }
}
