package org.netstreamfx.player.record;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.netstreamfx.player.media.MediaPacket;
import org.netstreamfx.player.media.TrackFormat;
import org.netstreamfx.player.media.TrackKind;

/**
 * What every recorder shares: the IDLE → RECORDING → STOPPED | FAILED states, the timeline (start
 * at the first keyframe, rebase to 0, skip what goes backwards), and turning any I/O failure into
 * one Record.Failed event instead of an exception. Subclasses only write.
 *
 * <p>Thread ownership: the public methods are synchronized; the abstract ones are called with the
 * lock held.
 */
abstract class AbstractRecorder implements Recorder {
    private final Path path;
    private final Executor events;
    private final RecordListener listener;
    private final Map<Integer, TrackFormat> tracks = new HashMap<>();
    private final Map<Integer, Long> lastDtsUs = new HashMap<>();
    private State state = State.IDLE;
    private boolean hasVideo;
    private boolean timelineStarted;
    private long baseDtsUs;
    private long latestTimeUs;
    private long endUs;
    private long written;
    private long skipped;
    private final RecordedGaps gaps = new RecordedGaps();

    AbstractRecorder(Path path, Executor events, RecordListener listener) {
        this.path = Objects.requireNonNull(path, "path");
        this.events = Objects.requireNonNull(events, "events");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** Opens the file and writes what comes before the first packet. */
    abstract void open(List<TrackFormat> tracks) throws IOException;

    /** Writes one packet; times are rebased (≥ 0, dts increasing per track). */
    abstract void writePacket(TrackFormat track, MediaPacket packet, long ptsUs, long dtsUs) throws IOException;

    /** Writes a data message at {@code timeUs}; returns false when the format has no place for it. */
    abstract boolean writeScript(String name, List<?> args, long timeUs) throws IOException;

    /**
     * Overwrites the reserved {@code gaps} field ({@link RecordedGaps#field()}) with {@code field};
     * a format without the field keeps the gaps in {@link #gaps()} only.
     */
    void writeGaps(byte[] field) throws IOException {
    }

    /** Completes the file after the last packet; {@code durationUs} is the end of the latest packet. */
    abstract void finish(long durationUs) throws IOException;

    /** Frees the file and native resources, whatever state they are in. Must not throw. */
    abstract void release();

    @Override
    public final synchronized void start(List<TrackFormat> trackList) {
        if (state != State.IDLE) {
            throw new IllegalStateException("a recorder starts once; this one is " + state);
        }
        if (trackList.isEmpty()) {
            throw new IllegalArgumentException("nothing to record: no tracks");
        }
        Set<Integer> seen = new HashSet<>();
        for (TrackFormat t : trackList) {
            if (!seen.add(t.index())) {
                throw new IllegalArgumentException("track index " + t.index() + " appears twice");
            }
            tracks.put(t.index(), t);
            hasVideo |= t.kind() == TrackKind.VIDEO;
        }
        try {
            open(List.copyOf(trackList));
        } catch (IOException | RuntimeException e) {
            state = State.FAILED;
            release();
            report(RecordStatus.Kind.FAILED, "Cannot record to " + path + ": " + reason(e)
                    + ". The stream goes on without recording.");
            return;
        }
        state = State.RECORDING;
        report(RecordStatus.Kind.STARTED, "Recording to " + path + ".");
    }

    @Override
    public final synchronized void write(MediaPacket packet) {
        if (state != State.RECORDING) {
            return;
        }
        TrackFormat track = tracks.get(packet.trackIndex());
        if (track == null) {
            skipped++;
            return;
        }
        if (!timelineStarted) {
            if (hasVideo && (track.kind() != TrackKind.VIDEO || !packet.keyframe())) {
                skipped++;
                return;
            }
            baseDtsUs = packet.dtsUs();
            timelineStarted = true;
        }
        long dts = packet.dtsUs() - baseDtsUs;
        long pts = Math.max(dts, packet.ptsUs() - baseDtsUs);
        Long last = lastDtsUs.get(track.index());
        if (dts < 0 || (last != null && dts <= last)) {
            skipped++;
            return;
        }
        try {
            writePacket(track, packet, pts, dts);
        } catch (IOException | RuntimeException e) {
            fail(e);
            return;
        }
        lastDtsUs.put(track.index(), dts);
        latestTimeUs = Math.max(latestTimeUs, dts);
        endUs = Math.max(endUs, pts + Math.max(0, packet.durationUs()));
        written++;
    }

    @Override
    public final synchronized void writeData(String name, List<?> args) {
        if (state != State.RECORDING) {
            return;
        }
        try {
            if (!writeScript(name, args, timelineStarted ? latestTimeUs : 0)) {
                skipped++;
            }
        } catch (IOException | RuntimeException e) {
            fail(e);
        }
    }

    @Override
    public final synchronized void markGap(long startUs, long lengthUs, String reason, boolean mediaKept) {
        if (state != State.RECORDING || !timelineStarted || lengthUs <= 0) {
            return;
        }
        gaps.add(new RecordedGaps.Gap(Math.max(0, startUs - baseDtsUs), lengthUs, reason, mediaKept));
        try {
            writeGaps(gaps.field());
        } catch (IOException | RuntimeException e) {
            fail(e);
        }
    }

    /** The gaps marked so far, on the file's timeline. */
    public final synchronized List<RecordedGaps.Gap> gaps() {
        return gaps.list();
    }

    @Override
    public final synchronized void stop() {
        if (state != State.RECORDING) {
            return;
        }
        try {
            finish(endUs);
        } catch (IOException | RuntimeException e) {
            fail(e);
            return;
        }
        release();
        state = State.STOPPED;
        report(RecordStatus.Kind.STOPPED, "Stopped recording to " + path + " (" + written + " packets, "
                + String.format(java.util.Locale.ROOT, "%.2f", endUs / 1e6) + " s).");
    }

    private void fail(Exception e) {
        state = State.FAILED;
        release();
        report(RecordStatus.Kind.FAILED, "Recording to " + path + " failed after " + written
                + " packets: " + reason(e) + ". The file holds what was written before; the stream goes on "
                + "without recording.");
    }

    /** A failure in words: "No space left on device", "permission denied". */
    static String reason(Throwable e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        if (e instanceof NotDirectoryException) {
            return "a part of the path is not a folder";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    private void report(RecordStatus.Kind kind, String description) {
        RecordStatus event = new RecordStatus(kind, description, path.toString(), System.nanoTime());
        try {
            events.execute(() -> listener.onRecordStatus(event));
        } catch (RejectedExecutionException e) {
            // The owner shut its executor down: nobody is listening any more, and the media path
            // must not see an exception for that.
        }
    }

    @Override
    public final synchronized State state() {
        return state;
    }

    @Override
    public final Path path() {
        return path;
    }

    @Override
    public final synchronized long packetsWritten() {
        return written;
    }

    @Override
    public final synchronized long packetsSkipped() {
        return skipped;
    }
}
