package org.netstreamfx.player.session;

import java.nio.file.Path;
import java.util.Locale;
import java.util.function.LongSupplier;
import org.netstreamfx.player.media.MediaPacket;
import org.netstreamfx.player.media.TrackFormat;
import org.netstreamfx.player.media.TrackKind;
import org.netstreamfx.player.playback.StreamPipeline;
import org.netstreamfx.player.playback.PipelineTap;
import org.netstreamfx.player.record.FlvRecorder;
import org.netstreamfx.player.record.FragmentedMp4Recorder;
import org.netstreamfx.player.record.RecordListener;
import org.netstreamfx.player.record.RecordStatus;
import org.netstreamfx.player.record.Recorder;
import org.netstreamfx.player.source.DataMessage;
import org.netstreamfx.player.source.SourceDescription;
import org.netstreamfx.player.source.SourceItem;
import org.netstreamfx.player.source.SourcePacket;

/**
 * A local recording of what a NetStream plays: the packets the source yields, still compressed,
 * teed from the {@link StreamPipeline} before the decoders, to a {@link Recorder} (FLV or
 * fragmented MP4). Works alike for files, downloads and RTMP.
 *
 * <ul>
 *   <li>The recorder starts on the first item with the source's tracks (codec configuration from
 *       the description), and writes from the first video keyframe on, so a recording begun
 *       mid-stream is playable from its first frame.
 *   <li>A seek splices: packets are dropped up to the first video keyframe after it (the first
 *       packet for audio only), which is then placed one frame after the last packet written. The
 *       file is what was watched, in order, with time increasing; it does not jump.
 *   <li>Pause changes nothing: the file has no gap. A live stream keeps its own timestamps.
 *   <li>An RTMP reconnect ({@link #reconnected()}) goes on in the same file: the replay's packets
 *       are spliced like a seek's, but the first keyframe is placed as far after the last packet
 *       as the wall clock says the stream was away (at least one frame), whatever timestamps the
 *       server or a new publisher starts again from, so the file's duration is the time it
 *       covers; the span is marked as a gap ({@link Recorder#markGap}, reason {@code reconnect},
 *       media missing). Packets still coming from the session before the reconnect are ignored.
 *   <li>Data messages other than onMetaData and {@code |RtmpSampleAccess} go in where the format
 *       has room (FLV script tags); the recorder writes its own onMetaData.
 *   <li>The end of the stream stops the recording (Record.Stop).
 *   <li>An Enhanced RTMP track switch to a track of another configuration ends the recording
 *       there (Record.Stop, then Record.Failed saying why): a file keeps one per track.
 * </ul>
 *
 * The recorder reports Record.Start/Stop/Failed itself; a recorder that throws anyway is reported
 * here as Record.Failed and dropped. Neither ever stops playback.
 *
 * <p>Thread ownership: {@link #item} and {@link #seeked} on the demux thread, {@link #stop()} and
 * {@link #reconnected()} on any; synchronized.
 */
public final class PlayRecording implements PipelineTap {
    /** Where a splice puts the keyframe after the last packet when no frame spacing was seen. */
    static final long DEFAULT_GAP_US = 40_000;
    /** Frame spacings above this are not taken as the stream's (a gap, not a frame). */
    static final long MAX_GAP_US = 1_000_000;
    /**
     * Data messages not written: onMetaData (the recorder writes its own) and the protocol's
     * {@code |RtmpSampleAccess} (a server's permission, not content; a server sends it at each
     * play, so after a reconnect it would land mid-file, where FFmpeg 5.1's flv demuxer makes a
     * stream of it and ffprobe -count_frames crashes).
     */
    static final java.util.Set<String> NOT_RECORDED = java.util.Set.of("onMetaData", "|RtmpSampleAccess");

    private final Recorder recorder;
    private final RecordListener failures;
    private boolean started;
    private boolean done;
    private boolean splice;
    private int leadTrack = -1;
    private boolean leadIsVideo;
    private long offsetUs;
    private long lastDtsUs = Long.MIN_VALUE;
    private long lastLeadDtsUs = Long.MIN_VALUE;
    private long gapUs = DEFAULT_GAP_US;
    private final LongSupplier nanoTime;
    /** Which session's taps are heard: {@link #reconnected()} moves on to the next. */
    private int generation;
    private boolean reconnectSplice;
    private long lastWriteNanos;
    private long gapStartUs;
    private long gapLengthUs;

    /** @param failures hears the Record.Failed of a recorder that throws */
    public PlayRecording(Recorder recorder, RecordListener failures) {
        this(recorder, failures, System::nanoTime);
    }

    /** For tests: the wall clock read as {@code nanoTime}. */
    PlayRecording(Recorder recorder, RecordListener failures, LongSupplier nanoTime) {
        this.recorder = recorder;
        this.failures = failures;
        this.nanoTime = nanoTime;
    }

    /** A tap for the session that plays now; it goes quiet after {@link #reconnected()}. */
    synchronized PipelineTap newTap() {
        int mine = generation;
        PlayRecording r = this;
        return new PipelineTap() {
            @Override
            public void item(SourceDescription description, SourceItem item) {
                synchronized (r) {
                    if (r.generation == mine) {
                        r.item(description, item);
                    }
                }
            }

            @Override
            public void seeked(long targetUs) {
                synchronized (r) {
                    if (r.generation == mine) {
                        r.seeked(targetUs);
                    }
                }
            }
        };
    }

    /**
     * The connection came back and the stream is played again in a new session: what the old
     * session still yields is ignored, and the next session's first keyframe goes after a gap
     * as long as the stream was away.
     */
    synchronized void reconnected() {
        generation++;
        if (started && !done) {
            splice = true;
            reconnectSplice = true;
        }
    }

    /** An FLV recorder for a name ending in .flv, else a fragmented MP4 one, reporting to {@code listener}. */
    public static Recorder recorderFor(Path file, RecordListener listener) {
        boolean flv = file.getFileName() != null
                && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".flv");
        return flv ? new FlvRecorder(file, Runnable::run, listener)
                : new FragmentedMp4Recorder(file, Runnable::run, listener);
    }

    // Called on the demux thread.

    @Override
    public synchronized void item(SourceDescription description, SourceItem item) {
        if (done) {
            return;
        }
        try {
            if (item == null) {
                stop();
                return;
            }
            if (!started && !begin(description)) {
                return;
            }
            if (item instanceof DataMessage m) {
                if (!NOT_RECORDED.contains(m.handler())) {
                    recorder.writeData(m.handler(), m.args());
                }
            } else if (item instanceof SourcePacket sp) {
                if (sp.newFormat() != null && !recorded(description, sp)) {
                    endAtTrackSwitch(sp);
                    return;
                }
                packet(sp.packet());
            }
        } catch (RuntimeException e) {
            failed(e);
        }
    }

    /** True when the packet's new format is the one its track was recorded with (a switch back, or none). */
    private static boolean recorded(SourceDescription d, SourcePacket sp) {
        return d.tracks().stream().anyMatch(t -> t.equals(sp.newFormat()));
    }

    /**
     * Another Enhanced RTMP track of a kind plays from here (a track switch): a file holds one
     * configuration per track, so the recording ends before the new track's first packet, saying
     * why; what is recorded so far is a whole file.
     */
    private void endAtTrackSwitch(SourcePacket sp) {
        String at = String.format(Locale.ROOT, "%.3f", sp.ptsUs() / 1e6);
        stop();
        failures.onRecordStatus(new RecordStatus(RecordStatus.Kind.FAILED, "The recording to " + recorder.path()
                + " ends at " + at + " s: another " + sp.newFormat().kind().name().toLowerCase(Locale.ROOT)
                + " track (" + sp.newFormat().codec().displayName() + ") plays from there, and a file keeps one "
                + "configuration per track; record again to keep the new track.", recorder.path().toString(),
                System.nanoTime()));
    }

    @Override
    public synchronized void seeked(long targetUs) {
        splice = started;
    }

    private boolean begin(SourceDescription d) {
        started = true;
        leadIsVideo = d.track(TrackKind.VIDEO).isPresent();
        leadTrack = d.track(TrackKind.VIDEO).or(() -> d.track(TrackKind.AUDIO)).map(TrackFormat::index).orElse(-1);
        if (d.tracks().isEmpty()) {
            done = true;
            failures.onRecordStatus(new RecordStatus(RecordStatus.Kind.FAILED, "Cannot record to "
                    + recorder.path() + ": the stream has no audio or video track.", recorder.path().toString(),
                    System.nanoTime()));
            return false;
        }
        recorder.start(d.tracks());
        if (recorder.state() != Recorder.State.RECORDING) {
            done = true; // Record.Failed reported by the recorder
            return false;
        }
        return true;
    }

    private void packet(MediaPacket p) {
        boolean lead = p.trackIndex() == leadTrack;
        if (splice) {
            if (!lead || (leadIsVideo && !p.keyframe())) {
                return;
            }
            long awayUs = 0;
            if (reconnectSplice && lastDtsUs != Long.MIN_VALUE) {
                awayUs = Math.max(gapUs, (nanoTime.getAsLong() - lastWriteNanos) / 1000);
            }
            offsetUs = lastDtsUs == Long.MIN_VALUE ? 0 : lastDtsUs + Math.max(gapUs, awayUs) - p.dtsUs();
            if (awayUs > gapUs) {
                // The gap runs from the end of the last frame to this keyframe.
                gapStartUs = lastDtsUs + gapUs;
                gapLengthUs = awayUs - gapUs;
            }
            splice = false;
            reconnectSplice = false;
            lastLeadDtsUs = Long.MIN_VALUE;
        }
        long dts = p.dtsUs() + offsetUs;
        if (lead) {
            long delta = dts - lastLeadDtsUs;
            if (lastLeadDtsUs != Long.MIN_VALUE && delta > 0 && delta <= MAX_GAP_US) {
                gapUs = delta;
            }
            lastLeadDtsUs = dts;
        }
        recorder.write(new MediaPacket(p.trackIndex(), p.ptsUs() + offsetUs, dts, p.durationUs(), p.keyframe(),
                p.data()));
        lastDtsUs = Math.max(lastDtsUs, dts);
        lastWriteNanos = nanoTime.getAsLong();
        if (gapLengthUs > 0) {
            recorder.markGap(gapStartUs, gapLengthUs, "reconnect", false);
            gapLengthUs = 0;
        }
        if (recorder.state() == Recorder.State.FAILED) {
            done = true;
        }
    }

    private void failed(RuntimeException e) {
        done = true;
        try {
            recorder.close();
        } catch (RuntimeException again) {
            // Already reported below; the stream must go on.
        }
        failures.onRecordStatus(new RecordStatus(RecordStatus.Kind.FAILED, "Recording to "
                + recorder.path() + " failed: " + e + ". The stream goes on without recording.",
                recorder.path().toString(), System.nanoTime()));
    }

    // Called on any thread.

    /** Finishes the file (Record.Stop) when recording; after this nothing more is written. */
    synchronized void stop() {
        if (done) {
            return;
        }
        done = true;
        try {
            if (started) {
                recorder.stop();
            } else {
                recorder.close();
            }
        } catch (RuntimeException e) {
            failed(e);
        }
    }

    Recorder recorder() {
        return recorder;
    }
}
