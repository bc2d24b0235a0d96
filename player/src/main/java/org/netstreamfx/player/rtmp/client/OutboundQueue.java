package org.netstreamfx.player.rtmp.client;

import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.netstreamfx.player.rtmp.message.MessageType;
import org.netstreamfx.player.rtmp.message.RtmpMessage;
import org.netstreamfx.player.rtmp.message.UserControl;

/**
 * What waits to be written on one RTMP connection: three lanes taken in priority order (protocol
 * control and User Control pings first, RTMP 5.4 and 7.1.7; then commands, 7.2; then media),
 * first in, first out within a lane, so the order within one chunk stream is kept (5.3).
 *
 * <p><b>Bounds.</b> The whole queue holds at most {@link #MAX_QUEUED_BYTES} and {@link
 * #MAX_QUEUED_MESSAGES}; media may use {@link #MAX_MEDIA_BYTES} and {@link #MAX_MEDIA_MESSAGES}
 * of that, so that commands and control still fit when media has filled its share. A message is
 * counted from {@link #offer} until the writer reports it {@link #written} (as Netty's {@code
 * ChannelOutboundBuffer} counts pending bytes).
 *
 * <p><b>Writability.</b> Above {@link #HIGH_WATER_BYTES} the queue turns unwritable; it turns
 * writable again at or below {@link #LOW_WATER_BYTES}. Each change is told to the {@link
 * WritabilityListener}s on the thread that caused it (a sender's or the writer's), outside the
 * queue's lock; a listener may see a state twice, and the last call it gets is the current state.
 *
 * <p>Threads: {@link #offer} from any thread; {@link #take} and {@link #written} on the writer
 * thread. State is guarded by {@link #lock}.
 */
public final class OutboundQueue {
    /** The most bytes queued on one connection (messages as encoded without chunk headers). */
    public static final long MAX_QUEUED_BYTES = 16L * 1024 * 1024;
    /** The most messages queued on one connection. */
    public static final int MAX_QUEUED_MESSAGES = 8192;
    /** The most bytes of media (audio, video, data) queued; the rest stays for commands and control. */
    public static final long MAX_MEDIA_BYTES = 8L * 1024 * 1024;
    /** The most media messages queued. */
    public static final int MAX_MEDIA_MESSAGES = 4096;
    /** Above this many queued bytes the connection is not writable (Netty's default high mark). */
    public static final long HIGH_WATER_BYTES = 64 * 1024;
    /** At or below this many queued bytes it is writable again (Netty's default low mark). */
    public static final long LOW_WATER_BYTES = 32 * 1024;

    /** Which lane a message waits in; lanes are taken in this order. */
    public enum Priority {
        /** Protocol control (RTMP 5.4) and User Control pings and pongs (7.1.7). */
        CONTROL,
        /**
         * Commands (7.2), and the User Control events about a stream (SetBufferLength...), which
         * keep their order with the stream's commands (a buffer length set between pause and play).
         */
        COMMAND,
        /** Audio, video, data and aggregate messages. */
        MEDIA;

        /** The lane of {@code m}. */
        public static Priority of(RtmpMessage m) {
            return switch (m.type()) {
                case SET_CHUNK_SIZE, ABORT, ACKNOWLEDGEMENT, WINDOW_ACK_SIZE, SET_PEER_BANDWIDTH -> CONTROL;
                case USER_CONTROL -> isPing(m) ? CONTROL : COMMAND;
                case COMMAND_AMF0, COMMAND_AMF3 -> COMMAND;
                default -> MEDIA;
            };
        }

        private static boolean isPing(RtmpMessage m) {
            byte[] p = m.payload();
            int event = p.length >= 2 ? (p[0] & 0xFF) << 8 | p[1] & 0xFF : -1;
            return event == UserControl.EventType.PING_REQUEST.id() || event == UserControl.EventType.PING_RESPONSE.id();
        }
    }

    /** What {@link #offer} did. */
    public enum Offer {
        QUEUED,
        /** Over a bound: nothing was queued. */
        FULL,
        /** The queue is closed: the connection is ending. */
        CLOSED
    }

    /** Told when the queue turns writable or unwritable. */
    @FunctionalInterface
    public interface WritabilityListener {
        void writabilityChanged(boolean writable);
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition available = lock.newCondition();
    private final Condition drained = lock.newCondition();
    private final Object notifyLock = new Object();
    private final List<WritabilityListener> listeners = new CopyOnWriteArrayList<>();
    private final ArrayDeque<RtmpMessage> control = new ArrayDeque<>();
    private final ArrayDeque<RtmpMessage> commands = new ArrayDeque<>();
    private final ArrayDeque<RtmpMessage> media = new ArrayDeque<>();
    // Guarded by lock.
    private long bytes;
    private int messages;
    private long mediaBytes;
    private int mediaMessages;
    private boolean writable = true;
    private boolean closed;

    public void addWritabilityListener(WritabilityListener l) {
        listeners.add(l);
    }

    public void removeWritabilityListener(WritabilityListener l) {
        listeners.remove(l);
    }

    // Called on any thread.

    /** Queues {@code m} in its lane if it fits; never waits. */
    public Offer offer(RtmpMessage m) {
        Priority p = Priority.of(m);
        int size = m.length();
        boolean changed;
        lock.lock();
        try {
            if (closed) {
                return Offer.CLOSED;
            }
            if (bytes + size > MAX_QUEUED_BYTES || messages + 1 > MAX_QUEUED_MESSAGES
                    || p == Priority.MEDIA && (mediaBytes + size > MAX_MEDIA_BYTES || mediaMessages + 1 > MAX_MEDIA_MESSAGES)) {
                return Offer.FULL;
            }
            lane(p).addLast(m);
            bytes += size;
            messages++;
            if (p == Priority.MEDIA) {
                mediaBytes += size;
                mediaMessages++;
            }
            changed = writable && bytes > HIGH_WATER_BYTES;
            if (changed) {
                writable = false;
            }
            available.signal();
        } finally {
            lock.unlock();
        }
        if (changed) {
            tellListeners();
        }
        return Offer.QUEUED;
    }

    /** False from above the high water mark until back at the low one. */
    public boolean isWritable() {
        return locked(() -> writable);
    }

    /** Waits until writable, closed or {@code timeoutMs} passed; true if writable. */
    public boolean awaitWritable(long timeoutMs) throws InterruptedException {
        return awaitDrained(timeoutMs, () -> writable, () -> writable && !closed);
    }

    /** Waits until no media is queued or being written (or closed, or {@code timeoutMs}); true if none is. */
    public boolean awaitMediaWritten(long timeoutMs) throws InterruptedException {
        return awaitDrained(timeoutMs, () -> mediaMessages == 0, () -> mediaMessages == 0);
    }

    /**
     * Waits, at most {@code timeoutMs}, until {@code done} holds or the queue is closed (woken by
     * {@code drained}: something written, media dropped, closed); then answers {@code result}.
     * Holds the lock while {@code done} and {@code result} are asked.
     */
    private boolean awaitDrained(long timeoutMs, BooleanSupplier done, BooleanSupplier result)
            throws InterruptedException {
        long left = TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        lock.lock();
        try {
            while (!done.getAsBoolean() && !closed && left > 0) {
                left = drained.awaitNanos(left);
            }
            return result.getAsBoolean();
        } finally {
            lock.unlock();
        }
    }

    /** {@code read} of the queue's state, under the lock. */
    private <T> T locked(Supplier<T> read) {
        lock.lock();
        try {
            return read.get();
        } finally {
            lock.unlock();
        }
    }

    public long queuedBytes() {
        return locked(() -> bytes);
    }

    public int queuedMessages() {
        return locked(() -> messages);
    }

    public boolean isClosed() {
        return locked(() -> closed);
    }

    /** Takes no more offers; {@link #take} returns what is queued, then null. */
    public void close() {
        lock.lock();
        try {
            closed = true;
            available.signalAll();
            drained.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Drops the queued media (a closing connection sends its last commands, not its backlog). */
    public void dropMedia() {
        boolean changed;
        lock.lock();
        try {
            for (RtmpMessage m : media) {
                bytes -= m.length();
                messages--;
                mediaBytes -= m.length();
                mediaMessages--;
            }
            media.clear();
            drained.signalAll();
            changed = becameWritable();
        } finally {
            lock.unlock();
        }
        if (changed) {
            tellListeners();
        }
    }

    // Called on the writer thread.

    /** The next message by priority, waiting for one; null once closed and empty. */
    public RtmpMessage take() throws InterruptedException {
        lock.lock();
        try {
            while (true) {
                for (Priority p : Priority.values()) {
                    RtmpMessage m = lane(p).pollFirst();
                    if (m != null) {
                        return m;
                    }
                }
                if (closed) {
                    return null;
                }
                available.await();
            }
        } finally {
            lock.unlock();
        }
    }

    /** {@code m}, taken earlier, is on the socket: it no longer counts. */
    public void written(RtmpMessage m) {
        boolean changed;
        lock.lock();
        try {
            bytes -= m.length();
            messages--;
            if (Priority.of(m) == Priority.MEDIA) {
                mediaBytes -= m.length();
                mediaMessages--;
            }
            changed = becameWritable();
            drained.signalAll();
        } finally {
            lock.unlock();
        }
        if (changed) {
            tellListeners();
        }
    }

    // Guarded by lock.
    private boolean becameWritable() {
        if (!writable && bytes <= LOW_WATER_BYTES) {
            writable = true;
            drained.signalAll();
            return true;
        }
        return false;
    }

    private ArrayDeque<RtmpMessage> lane(Priority p) {
        return switch (p) {
            case CONTROL -> control;
            case COMMAND -> commands;
            case MEDIA -> media;
        };
    }

    private void tellListeners() {
        synchronized (notifyLock) {
            boolean now = isWritable();
            for (WritabilityListener l : listeners) {
                l.writabilityChanged(now);
            }
        }
    }
}
