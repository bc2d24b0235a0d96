package org.netstreamfx.player.publish;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
 * <p><b>Renditions.</b> A multitrack feed's video tracks (Enhanced RTMP trackIds) are dropped
 * one after another as the congestion grows, in the {@link #setDropOrder drop order}: the highest
 * bit rate first, track 0 (the default, which legacy players see) last. With n tracks, the track
 * at place r (1 the first to go, n track 0) is dropped once the span passes r/n of the bound; a
 * single track is dropped at the bound, as it always was. Each track drops until its own next
 * keyframe, so none is ever left in the middle of a GOP, and the others go on meanwhile. Frames
 * dropped are counted per track.
 *
 * <p>Threads: {@link #offer} is called by the feeds' threads and the caller of send(); {@link
 * #poll} by the stream's sender thread. All state is guarded by this object's monitor.
 */
final class PublishQueue {
    /** One message to send. {@code kind} is null for data and command messages; {@code trackId} the video track's. */
    record Item(TrackKind kind, int trackId, long dtsUs, boolean keyframe, RtmpMessage message) {
        /** A message of track 0. */
        Item(TrackKind kind, long dtsUs, boolean keyframe, RtmpMessage message) {
            this(kind, 0, dtsUs, keyframe, message);
        }
    }

    /** What {@link #offer} did with an item. */
    enum Offer {
        QUEUED,
        /** Dropped, and the first of a run: ask the encoder for a keyframe and tell the user. */
        DROPPED_FIRST,
        DROPPED
    }

    /** One video track's drop state. */
    private static final class Track {
        /** Dropping up to the next keyframe. */
        boolean skipping;
        /** The skip's first frame was dropped (and reported). */
        boolean runStarted;
        long dropped;
        long sent;
    }

    private final Deque<Item> items = new ArrayDeque<>();
    private final Map<Integer, Track> tracks = new TreeMap<>();
    /** Video trackIds, the first to be dropped first; track 0 alone until told otherwise. */
    private List<Integer> dropOrder = List.of(0);
    private long limitUs;
    private long droppedFrames;
    private long queuedBytes;
    private boolean closed;

    PublishQueue(long limitUs) {
        this.limitUs = limitUs;
    }

    synchronized void setLimitUs(long us) {
        limitUs = us;
    }

    /**
     * The video tracks in the order they are given up when the network cannot keep up: the
     * highest bit rate first, track 0 last. A track not listed is dropped at the bound.
     */
    synchronized void setDropOrder(List<Integer> trackIds) {
        dropOrder = List.copyOf(trackIds);
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
            Track t = tracks.computeIfAbsent(item.trackId(), id -> new Track());
            if (item.keyframe()) {
                t.skipping = false;
            } else if (t.skipping) {
                return drop(t);
            } else if (!writable && spanWith(item.dtsUs()) > boundUs(item.trackId())) {
                t.skipping = true;
                t.runStarted = false;
                return drop(t);
            }
        }
        items.addLast(item);
        queuedBytes += item.message().length();
        notifyAll();
        return Offer.QUEUED;
    }

    private Offer drop(Track t) {
        t.dropped++;
        droppedFrames++;
        if (t.runStarted) {
            return Offer.DROPPED;
        }
        t.runStarted = true;
        return Offer.DROPPED_FIRST;
    }

    /** The span over which {@code trackId}'s frames are dropped: its place r of n in the drop order, r/n of the limit. */
    private long boundUs(int trackId) {
        int place = dropOrder.indexOf(trackId);
        if (place < 0) {
            return limitUs;
        }
        return limitUs * (place + 1) / dropOrder.size();
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

    /** A video frame of {@code trackId} went to the connection. */
    synchronized void countSent(int trackId) {
        tracks.computeIfAbsent(trackId, id -> new Track()).sent++;
    }

    /** The video frames of {@code trackId} sent, and those the drop policy dropped. */
    synchronized TrackFigures trackFigures(int trackId) {
        Track t = tracks.get(trackId);
        return t == null ? new TrackFigures(trackId, 0, 0) : new TrackFigures(trackId, t.sent, t.dropped);
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
