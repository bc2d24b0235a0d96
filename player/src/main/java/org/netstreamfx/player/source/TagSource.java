package org.netstreamfx.player.source;

import java.util.List;
import org.netstreamfx.player.media.StreamTrack;
import org.netstreamfx.player.media.TrackKind;

/**
 * A source whose items are FLV tags (a file or an RTMP stream): what it knows of the stream's
 * tracks and of skipped ModEx entries is what its {@link FlvTagConverter} has seen, and the
 * converter plays the track of each kind that is selected.
 */
interface TagSource extends MediaSource {
    /** The converter that reads this source's tags. */
    FlvTagConverter converter();

    @Override
    default List<StreamTrack> streamTracks() {
        return converter().tracks();
    }

    @Override
    default void selectTrack(TrackKind kind, int trackId) {
        converter().selectTrack(kind, trackId);
    }

    @Override
    default int playingTrack(TrackKind kind) {
        return converter().playingTrack(kind);
    }

    @Override
    default long skippedModExEntries() {
        return converter().skippedModEx();
    }
}
