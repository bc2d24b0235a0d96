package org.netstreamfx.player.publish;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;
import org.netstreamfx.player.media.TrackKind;
import org.netstreamfx.player.rtmp.message.RtmpMessage;

/**
 * The outgoing queue of a publishing stream. How much may wait is bounded by time: the span of
 * decode times between the oldest and the newest media message queued. When a non-key video frame
 * would go over the bound, it is dropped, and so is every video frame after it up to the next
 * keyframe (a P-frame without its reference cannot be decoded), when the connection says it is
 * not writable (its outbound queue above the high water mark). Audio, keyframes, sequence headers
 * and data messages are never dropped.
 *
 * <p>Threads: {@link #offer} is called by the feeds' threads and the caller of send(); {@link
 * #poll} by the stream's sender thread. All state is guarded by this object's monitor.
 */
final class PublishQueue {
    /** One message to send. {@code kind} is null for data and command messages. */
    record Item(TrackKind kind, long dtsUs, boolean keyframe, RtmpMessage message) {
    }

    /** What {@link #offer} did with an item. */
    enum Offer {
        QUEUED,
        /** Dropped, and the first of a run: ask the encoder for a keyframe and tell the user. */
        DROPPED_FIRST,
        DROPPED
    }

    private final Deque<Item> items = new ArrayDeque<>();
    private long limitUs;
    private boolean skipping;
    private long droppedFrames;
    private long queuedBytes;
    private boolean closed;

    PublishQueue(long limitUs) {
        this.limitUs = limitUs;
    }

    synchronized void setLimitUs(long us) {
        limitUs = us;
    }

    /** {@link #offer(Item, boolean)} with the connection taken as not writable: the span alone decides. */
    synchronized Offer offer(Item item) {
        return offer(item, false);
    }

    /**
     * Queues {@code item}, or drops it: a non-key video frame over the span limit is dropped (and
     * the run after it) only while the connection is not {@code writable} (above its high water
     * mark): while it is writable, the sender is taking the queue down anyway.
     */
    synchronized Offer offer(Item item, boolean writable) {
        if (item.kind() == TrackKind.VIDEO) {
            if (item.keyframe()) {
                skipping = false;
            } else if (skipping) {
                droppedFrames++;
                return Offer.DROPPED;
            } else if (!writable && spanWith(item.dtsUs()) > limitUs) {
                skipping = true;
                droppedFrames++;
                return Offer.DROPPED_FIRST;
            }
        }
        items.addLast(item);
        queuedBytes += item.message().length();
        notifyAll();
        return Offer.QUEUED;
    }

    /** The span the queue would have with a media message at {@code dtsUs} added. */
    private long spanWith(long dtsUs) {
        for (Item i : items) {
            if (i.kind() != null) {
                return dtsUs - i.dtsUs();
            }
        }
        return 0;
    }

    /** The next item, waiting up to {@code timeoutMs}; null on time-out or once closed and empty. */
    synchronized Item poll(long timeoutMs) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (items.isEmpty() && !closed) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return null;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        Item i = items.pollFirst();
        if (i != null) {
            queuedBytes -= i.message().length();
        }
        return i;
    }

    /** Wakes the sender; what is queued may still be taken. */
    synchronized void close() {
        closed = true;
        notifyAll();
    }

    /** A message the connection refused (too big for its queue): counted with the drops. */
    synchronized void countRefused() {
        droppedFrames++;
    }

    synchronized void clear() {
        items.clear();
        queuedBytes = 0;
    }

    synchronized long droppedFrames() {
        return droppedFrames;
    }

    synchronized int length() {
        return items.size();
    }

    synchronized long queuedBytes() {
        return queuedBytes;
    }

    /** The decode-time span of the queued media, microseconds. */
    synchronized long spanUs() {
        Item first = null;
        Item last = null;
        for (Item i : items) {
            if (i.kind() != null) {
                if (first == null) {
                    first = i;
                }
                last = i;
            }
        }
        return first == null ? 0 : last.dtsUs() - first.dtsUs();
    }
}
