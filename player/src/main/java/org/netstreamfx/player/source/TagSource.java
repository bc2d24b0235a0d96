package org.netstreamfx.player.source;

import java.util.List;
import org.netstreamfx.player.media.StreamTrack;

/**
 * A source whose items are FLV tags (a file or an RTMP stream): what it knows of the stream's
 * tracks and of skipped ModEx entries is what its {@link FlvTagConverter} has seen.
 */
interface TagSource extends MediaSource {
    /** The converter that reads this source's tags. */
    FlvTagConverter converter();

    @Override
    default List<StreamTrack> streamTracks() {
        return converter().tracks();
    }

    @Override
    default long skippedModExEntries() {
        return converter().skippedModEx();
    }
}
