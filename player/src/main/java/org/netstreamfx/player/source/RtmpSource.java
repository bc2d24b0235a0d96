package org.netstreamfx.player.source;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.netstreamfx.player.flv.FlvTagType;
import org.netstreamfx.player.media.TrackFormat;
import org.netstreamfx.player.rtmp.message.AggregateMessage;
import org.netstreamfx.player.rtmp.message.MessageType;
import org.netstreamfx.player.rtmp.message.RtmpMessage;
import org.netstreamfx.player.wire.WireFormatException;

/**
 * The media of one RTMP NetStream as a {@link MediaSource}: audio (8), video (9), data (18, 15)
 * and aggregate (22) messages, whose bodies are FLV tag bodies (RTMP spec 7.1.5, 7.1.2, 7.1.6), go
 * through the same converter, buffer, decoders and clock as FLV files.
 *
 * <p>Thread ownership: {@link #offer}, {@link #end}, {@link #fail} and {@link #reset} are called
 * on the connection's reader thread; everything else on the stream's demux thread. The queue
 * between them is bounded ({@link #MAX_QUEUED_BYTES}).
 */
public final class RtmpSource implements TagSource {
    /** Received and not yet demuxed: beyond this the player is not keeping up, and says so. */
    public static final long MAX_QUEUED_BYTES = 64L * 1024 * 1024;
    /** Media time after the first media message by which a track must have its configuration. */
    private static final long PROBE_MS = 3_000;

    private final String displayName;
    /** False when the play asked for a recorded stream; true while it may be live (start -2, -1). */
    private final boolean mayBeLive;
    private volatile boolean recordedSignal;
    /** The server said a publisher publishes this stream (PublishNotify): live, whatever onMetaData says. */
    private volatile boolean publishedSignal;
    private boolean live;
    private final FlvTagConverter converter = new FlvTagConverter();
    private final Object lock = new Object();
    /** Media messages, and {@link TimelineMark}s where the server said a new publisher starts. */
    private final ArrayDeque<Object> queue = new ArrayDeque<>();
    private final ArrayDeque<SourceItem> ready = new ArrayDeque<>();
    private volatile Consumer<LiveTimeline.LiveDiscontinuity> discontinuityListener = d -> { };
    /** Demux thread only: unwraps timestamps and joins a live stream's timelines. */
    private final LiveTimeline timeline = new LiveTimeline(d -> discontinuityListener.accept(d));

    // Guarded by lock.
    private long queuedBytes;
    private long receivedBytes;
    private boolean ended;
    private IOException failure;
    private boolean closed;
    private boolean awaitingSeek;
    private boolean wakeReader;

    /** Where the server said the timeline starts again (a new publisher). */
    private record TimelineMark(String reason) {
    }

    /**
     * @param mayBeLive false when the play asked for a recorded stream; true when it may be live
     *                  (start -2: live if published, else recorded; -1: live only). The server
     *                  then decides: StreamIsRecorded, or an onMetaData with a duration, means
     *                  recorded.
     */
    public RtmpSource(String displayName, boolean mayBeLive) {
        this.displayName = displayName;
        this.mayBeLive = mayBeLive;
        this.live = mayBeLive;
    }

    /** The server sent StreamIsRecorded for this stream. Called on the reader thread. */
    public void markRecorded() {
        recordedSignal = true;
    }

    /**
     * Reports each joined timeline ({@link LiveTimeline.LiveDiscontinuity}), on the demux thread, when the
     * first message of the new timeline is read.
     */
    public void setDiscontinuityListener(Consumer<LiveTimeline.LiveDiscontinuity> listener) {
        this.discontinuityListener = listener == null ? d -> { } : listener;
    }

    // Called on the connection's reader thread.

    /**
     * The server said a publisher stopped or started (UnpublishNotify, PublishNotify): media after
     * this belongs to a new timeline, which may start anywhere (a new encoder starts at 0). Queued
     * in order with the media, so what the old publisher sent still plays on its own timeline.
     */
    public void newTimeline(String reason, boolean published) {
        if (!mayBeLive) {
            return;
        }
        publishedSignal |= published;
        synchronized (lock) {
            if (closed || ended || failure != null) {
                return;
            }
            queue.addLast(new TimelineMark(reason));
            lock.notifyAll();
        }
    }

    /** A message of this stream: media and data are queued, anything else is ignored. */
    public void offer(RtmpMessage m) {
        MessageType t = m.type();
        if (t != MessageType.AUDIO && t != MessageType.VIDEO && t != MessageType.DATA_AMF0
                && t != MessageType.DATA_AMF3 && t != MessageType.AGGREGATE) {
            return;
        }
        synchronized (lock) {
            if (closed || ended || failure != null) {
                return;
            }
            receivedBytes += m.length();
            if (awaitingSeek && t != MessageType.DATA_AMF0 && t != MessageType.DATA_AMF3) {
                return; // media sent before the server carried out our seek
            }
            if (queuedBytes + m.length() > MAX_QUEUED_BYTES) {
                failure = new IOException("RTMP receive queue is " + (queuedBytes + m.length())
                        + " bytes, over the limit of " + MAX_QUEUED_BYTES + ": the player is not keeping up with "
                        + displayName);
                queue.clear();
                queuedBytes = 0;
                lock.notifyAll();
                return;
            }
            queue.addLast(m);
            queuedBytes += m.length();
            lock.notifyAll();
        }
    }

    /** No more media will come: what is queued plays out, then the stream ends. */
    public void end() {
        synchronized (lock) {
            ended = true;
            lock.notifyAll();
        }
    }

    /** The connection broke: the next read reports it. */
    public void fail(IOException e) {
        synchronized (lock) {
            if (failure == null) {
                failure = e;
            }
            lock.notifyAll();
        }
    }

    /** Play.Reset, or the server has carried out a seek: what was queued before is stale. */
    public void reset() {
        synchronized (lock) {
            restartQueue(false);
        }
    }

    /**
     * What was queued is stale: the stream goes on with what comes next, or, with
     * {@code awaitSeek}, with what comes after the server's answer to our seek. Holds {@link #lock}.
     */
    private void restartQueue(boolean awaitSeek) {
        queue.clear();
        queuedBytes = 0;
        ended = false;
        awaitingSeek = awaitSeek;
        lock.notifyAll();
    }

    // Called on the demux thread.

    /**
     * Waits for the codec configurations. With onMetaData (servers pass on the publisher's), the
     * tracks it names (videocodecid, audiocodecid) are awaited; without it, both, until
     * {@link #PROBE_MS} of media has arrived; in any case the first media packet, whose timestamp
     * is where the stream's timeline starts. Messages read meanwhile are kept and played.
     */
    @Override
    public SourceDescription open() throws IOException {
        Map<String, Object> meta = null;
        List<Object> held = new ArrayList<>();
        Long firstMediaMs = null;
        long lastMediaMs = 0;
        while (!settled(meta, firstMediaMs, lastMediaMs)) {
            // No time limit: a live stream nobody publishes yet is waited for, as Flash does,
            // until media arrives, the server ends the play, or the stream is closed.
            Object next = take();
            if (next == null) {
                break;
            }
            if (next instanceof TimelineMark mark) {
                held.add(mark);
                continue;
            }
            RtmpMessage m = (RtmpMessage) next;
            for (RtmpMessage part : parts(m)) {
                long ts = timeline.unwrap(part.timestampMs());
                FlvTagConverter.Kind kind = converter.inspect(tagType(part.type()), ts, part.payload());
                if (kind == FlvTagConverter.Kind.DATA) {
                    Map<String, Object> md = FlvTagConverter.metaDataOf(
                            converter.data(0, part.payload(), part.type() == MessageType.DATA_AMF3));
                    if (md != null && meta == null) {
                        meta = md; // describes the tracks; still delivered to the client as sent
                    }
                } else if (kind == FlvTagConverter.Kind.PACKET) {
                    firstMediaMs = firstMediaMs == null ? ts : firstMediaMs;
                    lastMediaMs = ts;
                }
                held.add(part);
            }
        }
        long timelineStartMs = firstMediaMs == null ? 0 : firstMediaMs;
        converter.startAt(timelineStartMs);
        if (meta != null) {
            converter.applyMetaData(meta);
        }
        timeline.startAt(timelineStartMs);
        for (Object h : held) {
            if (h instanceof TimelineMark mark) {
                timeline.markNewTimeline(mark.reason());
                continue;
            }
            SourceItem item = convert((RtmpMessage) h);
            if (item != null) {
                ready.add(item);
            }
        }
        List<TrackFormat> tracks = new ArrayList<>();
        if (converter.video() != null) {
            tracks.add(converter.video());
        }
        if (converter.audio() != null) {
            tracks.add(converter.audio());
        }
        if (tracks.isEmpty()) {
            IOException f;
            synchronized (lock) {
                f = failure;
            }
            if (f != null) {
                throw f;
            }
            throw new UnsupportedMediaException("The stream " + displayName + " ended before any playable audio or "
                    + "video arrived" + (converter.ignored().isEmpty() ? ""
                    : "; found: " + String.join(", ", converter.ignored())));
        }
        Map<String, Object> shown = meta == null ? Map.of() : meta;
        boolean hasDuration = shown.get("duration") instanceof Number n && n.doubleValue() > 0;
        // An encoder that knows its input's length (ffmpeg publishing a file) puts it in
        // onMetaData; a PublishNotify still says the stream is live.
        live = mayBeLive && !recordedSignal && (!hasDuration || publishedSignal);
        long durationUs = !live && shown.get("duration") instanceof Number n && n.doubleValue() > 0
                ? Math.round(n.doubleValue() * 1e6) : -1;
        return new SourceDescription("rtmp", durationUs, tracks, converter.ignored(), shown, !live);
    }

    private boolean settled(Map<String, Object> meta, Long firstMediaMs, long lastMediaMs) {
        if (firstMediaMs == null) {
            return false; // the timeline starts at the first frame, so wait for one
        }
        boolean video = converter.video() != null;
        boolean audio = converter.audio() != null;
        if (meta != null && (video || audio)) {
            boolean videoDone = video || !meta.containsKey("videocodecid");
            boolean audioDone = audio || !meta.containsKey("audiocodecid");
            if (videoDone && audioDone) {
                return true;
            }
        }
        if (video && audio) {
            return true;
        }
        return (video || audio) && lastMediaMs - firstMediaMs > PROBE_MS;
    }

    @Override
    public SourceItem read() throws IOException {
        while (true) {
            SourceItem r = ready.pollFirst();
            if (r != null) {
                return r;
            }
            Object next = take();
            if (next == null) {
                return null;
            }
            if (next instanceof TimelineMark mark) {
                timeline.markNewTimeline(mark.reason());
                continue;
            }
            for (RtmpMessage part : parts((RtmpMessage) next)) {
                SourceItem item = convert(part);
                if (item != null) {
                    ready.add(item);
                }
            }
        }
    }

    private SourceItem convert(RtmpMessage part) throws WireFormatException {
        FlvTagType type = tagType(part.type());
        long ts = live ? timeline.liveTimestamp(type, part.timestampMs()) : timeline.unwrap(part.timestampMs());
        FlvTagConverter.Kind kind = converter.inspect(type, ts, part.payload());
        if (kind == FlvTagConverter.Kind.DATA) {
            return converter.data(ts, part.payload(), part.type() == MessageType.DATA_AMF3);
        }
        return kind == FlvTagConverter.Kind.PACKET ? converter.packet(type, ts, part.payload()) : null;
    }

    private static List<RtmpMessage> parts(RtmpMessage m) throws WireFormatException {
        return m.type() == MessageType.AGGREGATE ? AggregateMessage.split(m) : List.of(m);
    }

    private static FlvTagType tagType(MessageType t) {
        return switch (t) {
            case AUDIO -> FlvTagType.AUDIO;
            case VIDEO -> FlvTagType.VIDEO;
            default -> FlvTagType.SCRIPT_DATA;
        };
    }

    /**
     * The next queued message or {@link TimelineMark}, waiting for one; null once the stream has
     * ended or was closed.
     */
    private Object take() throws IOException {
        synchronized (lock) {
            while (true) {
                if (failure != null) {
                    throw failure;
                }
                if (closed) {
                    return null;
                }
                Object m = queue.pollFirst();
                if (m instanceof RtmpMessage message) {
                    queuedBytes -= message.length();
                }
                if (m != null) {
                    return m;
                }
                if (ended) {
                    return null;
                }
                if (wakeReader) {
                    wakeReader = false;
                    throw new ReadWokenException(displayName);
                }
                try {
                    lock.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("Interrupted while waiting for " + displayName);
                }
            }
        }
    }

    /**
     * The local side of a server-side seek: what was queued and read ahead is stale, and media
     * arriving from now until the server's answer ({@link #reset}) is dropped. The RTMP seek
     * command itself is the RTMP play control's to send, once this flush is done; the source
     * never calls out for it.
     */
    @Override
    public void seek(long timeUs) throws IOException {
        if (live) {
            throw new IOException(displayName + " is live: it cannot be sought");
        }
        synchronized (lock) {
            restartQueue(true);
        }
        ready.clear();
    }

    /** A seek is waiting: a read with nothing queued returns at once (the server may be paused). */
    @Override
    public void wakeReader() {
        synchronized (lock) {
            wakeReader = true;
            lock.notifyAll();
        }
    }

    @Override
    public OptionalLong seekableUntilUs() {
        return OptionalLong.empty();
    }

    @Override
    public FlvTagConverter converter() {
        return converter;
    }

    @Override
    public long bytesLoaded() {
        synchronized (lock) {
            return receivedBytes;
        }
    }

    @Override
    public long bytesTotal() {
        return -1;
    }

    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            queue.clear();
            queuedBytes = 0;
            lock.notifyAll();
        }
    }
}
