package org.netstreamfx.player.source;

import java.io.IOException;
import java.util.List;
import java.util.OptionalLong;
import org.netstreamfx.player.media.StreamTrack;
import org.netstreamfx.player.media.TrackKind;

/**
 * A demuxer: opens a stream, reports its tracks, then yields packets and data messages in order.
 *
 * <p>Thread ownership: every method is called on the stream's demux thread, except
 * {@link #bytesLoaded()}, {@link #bytesTotal()}, {@link #wakeReader()}, {@link #selectTrack},
 * {@link #playingTrack} and {@link #close()}, which
 * may be called from any thread (close() unblocks a read that waits for data).
 */
public interface MediaSource extends AutoCloseable {

    /**
     * Opens the stream and probes it. Throws {@link StreamNotFoundException} when there is nothing
     * at the address, {@link UnsupportedMediaException} when the data is not media we can play, and
     * {@link org.netstreamfx.player.wire.WireFormatException} when the data is malformed.
     */
    SourceDescription open() throws IOException;

    /** The next item, or null at the end of the stream. */
    SourceItem read() throws IOException;

    /** Positions the source on the keyframe at or before {@code timeUs}. */
    void seek(long timeUs) throws IOException;

    /**
     * For progressive downloads, the last time that can be reached by a seek with the data loaded
     * so far; empty when the whole stream is reachable.
     */
    OptionalLong seekableUntilUs();

    long bytesLoaded();

    /**
     * A debug figure: how many Enhanced RTMP ModEx entries of a type this player does not know
     * (only TimestampOffsetNano is defined) were skipped so far; 0 for sources that have none.
     * Any thread may read it.
     */
    default long skippedModExEntries() {
        return 0;
    }

    /**
     * Every audio and video track the stream carries so far (an Enhanced RTMP multitrack stream has
     * several of a kind; the engine plays one of each); empty for sources that do not list them.
     * The same list object until the listing changes. Any thread may read it.
     */
    default List<StreamTrack> streamTracks() {
        return List.of();
    }

    /**
     * Plays Enhanced RTMP track {@code trackId} of {@code kind} (see {@link #streamTracks()}) from
     * its next packet a decoder can start from; the first packet of it carries its format
     * ({@link SourcePacket#newFormat()}). Sources with one track of a kind ignore it. Any thread.
     */
    default void selectTrack(TrackKind kind, int trackId) {
    }

    /** The id of the track of {@code kind} that plays, or -1 when none does or the source does not say. Any thread. */
    default int playingTrack(TrackKind kind) {
        return -1;
    }

    /** The total size in bytes, or -1 when unknown. */
    long bytesTotal();

    /**
     * Makes a {@link #read()} that waits for data give up at once with a
     * {@link ReadWokenException}, so that the demux thread can carry out a seek even when nothing
     * arrives (an RTMP server that paused its stream sends nothing until it hears the seek). A
     * source whose reads never wait on the network ignores it.
     */
    default void wakeReader() {
    }

    @Override
    void close();
}
