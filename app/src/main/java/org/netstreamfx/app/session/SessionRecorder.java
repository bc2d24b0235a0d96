package org.netstreamfx.app.session;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.netstreamfx.player.net.NetStatusEvent;
import org.netstreamfx.player.net.NetStatusListener;
import org.netstreamfx.player.util.Redact;

/**
 * A session's timeline, in memory: every NetStatusEvent, every client callback, stats samples
 * and (on demand) raw RTMP control events, each as an {@link EventLine} with {@code t} in seconds
 * since the session started. Bounded: past {@link #capacity()} entries the oldest are dropped and
 * counted ({@link #dropped()}).
 *
 * <p>Secrets never enter an entry: URLs have their passwords and query values masked as the line
 * is built, and every string registered with {@link #addSecret} (a stream key) is replaced by
 * {@value Redact#MASK} when recorded and again in every export and copy.
 *
 * <p>Thread-safe: the engine's callback thread and a stats timer may record while the UI reads.
 * Entry listeners run on the thread that records, after the entry is stored.
 */
public final class SessionRecorder implements NetStatusListener {
    /** Entries kept by default. */
    public static final int DEFAULT_CAPACITY = 100_000;

    private final long startNanos;
    private final int capacity;
    private final EventLines lines = new EventLines();
    private final ArrayDeque<SessionEntry> entries = new ArrayDeque<>();
    private final Set<String> secrets = new LinkedHashSet<>();
    private final List<Consumer<SessionEntry>> listeners = new CopyOnWriteArrayList<>();
    private long nextSeq;
    private long dropped;

    /** A session that started at {@code startNanos} ({@link System#nanoTime()} scale), keeping {@link #DEFAULT_CAPACITY}. */
    public SessionRecorder(long startNanos) {
        this(startNanos, DEFAULT_CAPACITY);
    }

    public SessionRecorder(long startNanos, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1: " + capacity);
        }
        this.startNanos = startNanos;
        this.capacity = capacity;
    }

    // Called on the engine's callback thread (or any recording thread).

    /** Records a NetStatusEvent at its own time; a recorder is itself a listener. */
    @Override
    public void onNetStatus(NetStatusEvent event) {
        record(event.monotonicNanos(), EventLine.status(seconds(event.monotonicNanos()), event), null);
    }

    /** Records a client callback ({@code onMetaData}, {@code onCuePoint}, any handler) with its data. */
    public void callback(String handler, Object data, long nanos) {
        record(nanos, EventLine.callback(seconds(nanos), Objects.requireNonNull(handler, "handler"), data), null);
    }

    /** Records a stats sample. */
    public void stats(StatsSample sample, long nanos) {
        record(nanos, EventLine.stats(seconds(nanos), sample.fields()), sample);
    }

    /** Records a raw RTMP control event (StreamBegin, StreamEOF, StreamDry, SetBufferLength, Acknowledgement, SetChunkSize …). */
    public void control(String event, Object data, long nanos) {
        record(nanos, EventLine.control(seconds(nanos), Objects.requireNonNull(event, "event"), data), null);
    }

    private double seconds(long nanos) {
        return EventLines.seconds(nanos, startNanos);
    }

    private void record(long nanos, EventLine raw, StatsSample sample) {
        SessionEntry entry;
        synchronized (this) {
            EventLine line = secrets.isEmpty() ? raw : raw.mapStrings(this::maskSecrets);
            entry = new SessionEntry(nextSeq++, nanos, line, sample, lines.json(line.payload()));
            if (entries.size() == capacity) {
                entries.pollFirst();
                dropped++;
            }
            entries.addLast(entry);
        }
        for (Consumer<SessionEntry> l : listeners) {
            l.accept(entry);
        }
    }

    // Called on any thread.

    /**
     * Registers a secret (a stream key, a token) that must never appear in an entry, an export or
     * a copy. Entries recorded before still hold it in memory, but every export and copy masks it.
     */
    public synchronized void addSecret(String secret) {
        if (secret != null && !secret.isEmpty()) {
            secrets.add(secret);
        }
    }

    String maskSecrets(String text) {
        String s = text;
        synchronized (this) {
            for (String secret : secrets) {
                s = Redact.secret(s, secret);
            }
        }
        return s;
    }

    public void addEntryListener(Consumer<SessionEntry> l) {
        listeners.add(Objects.requireNonNull(l, "listener"));
    }

    public void removeEntryListener(Consumer<SessionEntry> l) {
        listeners.remove(l);
    }

    /** Every entry kept, oldest first (a copy). */
    public synchronized List<SessionEntry> entries() {
        return new ArrayList<>(entries);
    }

    /** The entries {@code filter} shows, oldest first. */
    public List<SessionEntry> entries(EntryFilter filter) {
        List<SessionEntry> out = new ArrayList<>();
        for (SessionEntry e : entries()) {
            if (filter.matches(e)) {
                out.add(e);
            }
        }
        return out;
    }

    /** Entries kept now. */
    public synchronized int size() {
        return entries.size();
    }

    /** Entries dropped, oldest first, to stay within {@link #capacity()}. */
    public synchronized long dropped() {
        return dropped;
    }

    public int capacity() {
        return capacity;
    }

    public long startNanos() {
        return startNanos;
    }

    /** Forgets every entry (the dropped count too); secrets stay registered. */
    public synchronized void clear() {
        entries.clear();
        dropped = 0;
    }

    /**
     * One entry as readable text, as {@code nsfx play --events text} prints it, plus a status
     * event's details as JSON: {@code "0.410  status  NetStream.Seek.Notify  Seeked.  details=3.0"}.
     */
    public String copyAsText(SessionEntry entry) {
        EventLine line = entry.line();
        String text = lines.text(line).strip();
        if (line.kind() == EventLine.Kind.STATUS && line.payload() != null) {
            text += "  details=" + lines.json(line.payload());
        }
        return maskSecrets(text);
    }

    /** The exporter of this session. */
    public SessionExport export() {
        return new SessionExport(this, lines);
    }
}
