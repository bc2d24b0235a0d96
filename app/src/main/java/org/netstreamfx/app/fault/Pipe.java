package org.netstreamfx.app.fault;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.Arrays;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * One direction of a proxied connection: a reader thread takes bytes from one socket and queues
 * them, stamped with when they may leave (now + the latency set at that moment); a writer thread
 * sends them on in order, when due, as fast as the direction's token bucket allows. The queue
 * holds at most {@link #MAX_QUEUED_BYTES}; a full queue stops the reader, so TCP's own flow
 * control slows the sender. End of stream is passed on as a half-close ({@code shutdownOutput}).
 */
final class Pipe {
    static final int READ_BUFFER_BYTES = 16 * 1024;
    static final int MAX_QUEUED_BYTES = 4 * 1024 * 1024;
    /** How often a frozen direction looks whether it was thawed. */
    static final long FROZEN_POLL_MS = 5;

    /** Bytes that may leave at {@code dueNanos}; an empty chunk marks the end of the stream. */
    private record Chunk(byte[] bytes, long dueNanos) {
    }

    private final String name;
    private final Socket from;
    private final Socket to;
    private final AtomicLong latencyMs;
    private final TokenBucket bucket;
    private final LongAdder forwarded;
    private final AtomicBoolean frozen;
    private final ProxiedConnection owner;
    private final LinkedBlockingQueue<Chunk> queue = new LinkedBlockingQueue<>();
    private final Semaphore queueSpace = new Semaphore(MAX_QUEUED_BYTES);
    private Thread reader;
    private Thread writer;

    Pipe(String name, Socket from, Socket to, AtomicLong latencyMs, TokenBucket bucket, LongAdder forwarded,
         AtomicBoolean frozen, ProxiedConnection owner) {
        this.frozen = frozen;
        this.name = name;
        this.from = from;
        this.to = to;
        this.latencyMs = latencyMs;
        this.bucket = bucket;
        this.forwarded = forwarded;
        this.owner = owner;
    }

    void start() {
        reader = new Thread(this::readLoop, name + "-read");
        writer = new Thread(this::writeLoop, name + "-write");
        reader.setDaemon(true);
        writer.setDaemon(true);
        reader.start();
        writer.start();
    }

    /** Stops both threads; the owner closes the sockets, which ends a blocked read. */
    void stop() {
        if (reader != null) {
            reader.interrupt();
            writer.interrupt();
        }
    }

    void join(long millis) throws InterruptedException {
        if (reader != null) {
            reader.join(millis);
            writer.join(millis);
        }
    }

    // Called on the reader thread.

    private void readLoop() {
        byte[] buffer = new byte[READ_BUFFER_BYTES];
        try {
            InputStream in = from.getInputStream();
            while (true) {
                awaitRoomForRate();
                int n = in.read(buffer);
                if (n < 0) {
                    queue.put(new Chunk(new byte[0], System.nanoTime() + latencyNanos()));
                    return;
                }
                queueSpace.acquire(n);
                queue.put(new Chunk(Arrays.copyOf(buffer, n), System.nanoTime() + latencyNanos()));
            }
        } catch (IOException e) {
            owner.failed(name + " read: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * With a bandwidth limit, holds at most a quarter second of it (at least one read), as a slow
     * link's buffers would: more would hide the slowness from the sender's own queue for minutes.
     */
    private void awaitRoomForRate() throws InterruptedException {
        long rate;
        while ((rate = bucket.rate()) > 0
                && MAX_QUEUED_BYTES - queueSpace.availablePermits() > Math.max(READ_BUFFER_BYTES, rate / 4)) {
            TimeUnit.MILLISECONDS.sleep(5);
        }
    }

    private long latencyNanos() {
        return TimeUnit.MILLISECONDS.toNanos(latencyMs.get());
    }

    // Called on the writer thread.

    private void writeLoop() {
        try {
            OutputStream out = to.getOutputStream();
            while (true) {
                Chunk chunk = queue.take();
                long wait = chunk.dueNanos() - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                while (frozen.get()) {
                    TimeUnit.MILLISECONDS.sleep(FROZEN_POLL_MS);
                }
                if (chunk.bytes().length == 0) {
                    to.shutdownOutput();
                    owner.pipeEnded();
                    return;
                }
                int off = 0;
                while (off < chunk.bytes().length) {
                    int n = bucket.take(chunk.bytes().length - off);
                    out.write(chunk.bytes(), off, n);
                    out.flush();
                    forwarded.add(n);
                    off += n;
                }
                queueSpace.release(chunk.bytes().length);
            }
        } catch (IOException e) {
            owner.failed(name + " write: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
