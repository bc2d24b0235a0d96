package org.netstreamfx.player.net;

import java.nio.file.Path;
import java.util.Locale;
import org.netstreamfx.player.media.MediaPacket;
import org.netstreamfx.player.media.TrackFormat;
import org.netstreamfx.player.media.TrackKind;
import org.netstreamfx.player.playback.StreamPipeline;
import org.netstreamfx.player.record.FlvRecorder;
import org.netstreamfx.player.record.FragmentedMp4Recorder;
import org.netstreamfx.player.record.RecordListener;
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
 *   <li>Data messages other than onMetaData go in where the format has room (FLV script tags); the
 *       recorder writes its own onMetaData.
 *   <li>The end of the stream stops the recording (Record.Stop).
 * </ul>
 *
 * The recorder reports Record.Start/Stop/Failed itself; a recorder that throws anyway is reported
 * here as Record.Failed and dropped. Neither ever stops playback.
 *
 * <p>Thread ownership: {@link #item} and {@link #seeked} on the demux thread, {@link #stop()} on
 * any; synchronized.
 */
final class PlayRecording implements StreamPipeline.Tap {
    /** Where a splice puts the keyframe after the last packet when no frame spacing was seen. */
    static final long DEFAULT_GAP_US = 40_000;
    /** Frame spacings above this are not taken as the stream's (a gap, not a frame). */
    static final long MAX_GAP_US = 1_000_000;

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

    /** @param failures hears the Record.Failed of a recorder that throws */
    PlayRecording(Recorder recorder, RecordListener failures) {
        this.recorder = recorder;
        this.failures = failures;
    }

    /** An FLV recorder for a name ending in .flv, else a fragmented MP4 one, reporting to {@code listener}. */
    static Recorder recorderFor(Path file, RecordListener listener) {
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
                if (!m.handler().equals("onMetaData")) {
                    recorder.writeData(m.handler(), m.args());
                }
            } else if (item instanceof SourcePacket sp) {
                packet(sp.packet());
            }
        } catch (RuntimeException e) {
            failed(e);
        }
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
            failures.onRecordStatus(NetStatusEvent.of(NetStatusCode.NETSTREAM_RECORD_FAILED, "Cannot record to "
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
            offsetUs = lastDtsUs == Long.MIN_VALUE ? 0 : lastDtsUs + gapUs - p.dtsUs();
            splice = false;
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
        failures.onRecordStatus(NetStatusEvent.of(NetStatusCode.NETSTREAM_RECORD_FAILED, "Recording to "
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
