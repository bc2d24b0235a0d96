package org.netstreamfx.player.rtmp.client;

import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.TimeUnit;
import org.netstreamfx.player.rtmp.chunk.ChunkEncoder;
import org.netstreamfx.player.rtmp.message.RtmpMessage;

/**
 * The one writer of an RTMP connection: takes messages from the {@link OutboundQueue} by
 * priority, chunks them (RTMP 5.3, it owns the {@link ChunkEncoder}) and writes them to the
 * socket in slices of at most {@link #SLICE_BYTES}. Nobody else touches the socket's output, so
 * no sender ever waits for the network: they enqueue and return.
 *
 * <p><b>Stalls.</b> A slice that has not gone out after the stall limit ({@link
 * #STALL_LIMIT_MS} in use) means the peer stopped reading: the writer's watch calls {@link
 * Events#stalled}, and the connection drops the socket. A blocking socket write cannot be timed
 * out from its own thread, so the watch is a second, idle-waiting thread: it sleeps until a write
 * begins, then until that write's deadline.
 *
 * <p><b>Threads.</b> "nsfx-rtmp-write-N" runs the loop; "nsfx-rtmp-watch-N" the watch. Both end
 * once the queue is closed and drained, or a write fails.
 */
public final class RtmpWriter {
    /** A write making no progress for this long means the connection is dead. */
    public static final long STALL_LIMIT_MS = 8000;
    /** The most bytes handed to the socket in one write: each slice written is progress. */
    public static final int SLICE_BYTES = 16 * 1024;

    /** What the writer reports. */
    public interface Events {
        /** {@code m} is on the socket. Called on the writer thread. */
        void written(RtmpMessage m);

        /** A write has made no progress for {@code stalledMs}. Called on the watch thread, once. */
        void stalled(long stalledMs);

        /** A write failed; the writer has stopped. Called on the writer thread. */
        void failed(IOException e);

        /** The queue was closed and everything in it written. Called on the writer thread. */
        void drained();
    }

    private final OutputStream out;
    private final OutboundQueue queue;
    private final long stallLimitNs;
    private final Events events;
    private final ChunkEncoder encoder = new ChunkEncoder();
    private final Thread writer;
    private final Thread watch;
    private final Object watchLock = new Object();
    // Guarded by watchLock.
    private boolean writing;
    private long sliceStartNs;
    private boolean done;

    /**
     * @param suffix the connection's number, for the thread names
     * @param stallLimitMs how long a slice may take before the connection counts as dead
     */
    public RtmpWriter(String suffix, OutputStream out, OutboundQueue queue, long stallLimitMs, Events events) {
        if (stallLimitMs <= 0) {
            throw new IllegalArgumentException("stall limit " + stallLimitMs + " ms must be positive");
        }
        this.out = out;
        this.queue = queue;
        this.stallLimitNs = TimeUnit.MILLISECONDS.toNanos(stallLimitMs);
        this.events = events;
        this.writer = new Thread(this::writeLoop, "nsfx-rtmp-write-" + suffix);
        this.writer.setDaemon(true);
        this.watch = new Thread(this::watchLoop, "nsfx-rtmp-watch-" + suffix);
        this.watch.setDaemon(true);
    }

    public void start() {
        writer.start();
        watch.start();
    }

    /** How long the current slice has been in the socket's write, 0 when none is. */
    public long writingForMs() {
        synchronized (watchLock) {
            return writing ? TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sliceStartNs) : 0;
        }
    }

    // Called on the writer thread.

    private void writeLoop() {
        try {
            while (true) {
                RtmpMessage m = queue.take();
                if (m == null) {
                    break;
                }
                byte[] chunks = encoder.encode(m);
                for (int off = 0; off < chunks.length; off += SLICE_BYTES) {
                    beginSlice();
                    out.write(chunks, off, Math.min(SLICE_BYTES, chunks.length - off));
                    out.flush();
                    endSlice();
                }
                queue.written(m);
                events.written(m);
            }
            stopWatch();
            events.drained();
        } catch (IOException e) {
            stopWatch();
            queue.close();
            events.failed(e);
        } catch (InterruptedException e) {
            stopWatch();
            Thread.currentThread().interrupt();
        }
    }

    private void beginSlice() {
        synchronized (watchLock) {
            sliceStartNs = System.nanoTime();
            if (!writing) {
                writing = true;
                watchLock.notifyAll();
            }
        }
    }

    private void endSlice() {
        synchronized (watchLock) {
            writing = false;
        }
    }

    private void stopWatch() {
        synchronized (watchLock) {
            done = true;
            writing = false;
            watchLock.notifyAll();
        }
    }

    // Called on the watch thread.

    private void watchLoop() {
        long stalledMs;
        synchronized (watchLock) {
            try {
                while (true) {
                    if (done) {
                        return;
                    }
                    if (!writing) {
                        watchLock.wait();
                        continue;
                    }
                    long leftNs = sliceStartNs + stallLimitNs - System.nanoTime();
                    if (leftNs > 0) {
                        TimeUnit.NANOSECONDS.timedWait(watchLock, leftNs);
                        continue;
                    }
                    stalledMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sliceStartNs);
                    done = true;
                    break;
                }
            } catch (InterruptedException e) {
                return;
            }
        }
        events.stalled(stalledMs);
    }
}
