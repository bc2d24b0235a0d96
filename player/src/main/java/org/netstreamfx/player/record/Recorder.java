package org.netstreamfx.player.record;

import java.nio.file.Path;
import java.util.List;
import org.netstreamfx.player.media.MediaPacket;
import org.netstreamfx.player.media.TrackFormat;

/**
 * Records a stream to a local file: what a NetStream publishes, or any stream it plays.
 *
 * <p>A recorder never throws into the media path that feeds it. When the file cannot be opened or
 * a write fails (unwritable path, full disk), it reports {@code NetStream.Record.Failed} with a
 * description through its {@link RecordListener}, releases the file, and from then on
 * {@link #write} and {@link #writeData} return at once: the stream goes on without recording.
 * Successful starts and stops are reported as {@code NetStream.Record.Start} and
 * {@code NetStream.Record.Stop}.
 *
 * <p>The recording starts at the first video keyframe (or the first audio packet when there is no
 * video track): packets before it could not be decoded. Times are rebased so the file starts at 0.
 * A packet whose decode time does not increase on its track is skipped and counted.
 *
 * <p>Thread ownership: every method may be called from any thread; calls are serialised. The
 * media path's thread does the file writes, which go to the operating system as they are made
 * (no fsync), so a killed process leaves what was written.
 */
public interface Recorder extends AutoCloseable {

    /** What a recorder is doing. */
    enum State { IDLE, RECORDING, STOPPED, FAILED }

    /**
     * Opens the file for these tracks (codec, its configuration: avcC, hvcC, av1C, vpcC,
     * AudioSpecificConfig, OpusHead, FLAC STREAMINFO; geometry), each packet
     * naming its track by {@link TrackFormat#index()}. Reports Record.Start, or Record.Failed.
     *
     * @throws IllegalStateException when called twice
     * @throws IllegalArgumentException when {@code tracks} is empty or repeats an index
     */
    void start(List<TrackFormat> tracks);

    /**
     * Writes one packet (length-prefixed H.264/HEVC, AV1 temporal units, VP9 frames, raw AAC,
     * Opus, FLAC, AC-3, E-AC-3 or MP3 frames); times in µs on the stream's timeline.
     */
    void write(MediaPacket packet);

    /**
     * Writes a script data message (onCuePoint, onTextData, a custom handler) at the time of the
     * latest packet. Formats without script data (MP4) count it as skipped.
     */
    void writeData(String name, List<?> args);

    /**
     * Marks a gap on the stream's timeline (the same time base as {@link #write}'s packets):
     * {@code lengthUs} from {@code startUs}, for {@code reason} (e.g. {@code reconnect}), the media
     * of that span missing from the file or, with {@code mediaKept}, in it but not sent. Recorders
     * that keep the gaps write them to the file's {@code gaps} metadata ({@link RecordedGaps});
     * the default does nothing. Ignored before the first packet is written.
     */
    default void markGap(long startUs, long lengthUs, String reason, boolean mediaKept) {
    }

    /** Finishes the file and reports Record.Stop; does nothing when not recording. */
    void stop();

    State state();

    Path path();

    /** Packets written to the file. */
    long packetsWritten();

    /** Packets and data messages not written: before the first keyframe, out of order, unknown track. */
    long packetsSkipped();

    @Override
    default void close() {
        stop();
    }
}
