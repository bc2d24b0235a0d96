package org.netstreamfx.player.playback;

import org.netstreamfx.player.source.SourceDescription;
import org.netstreamfx.player.source.SourceItem;

/**
 * Sees what the source yields, still compressed, before the decoders: for recording what is
 * played. Called on the demux thread, in file order; must not block for long nor throw.
 */
public interface PipelineTap {
    /** A packet or data message of {@code description}'s tracks; null at the end of the stream. */
    void item(SourceDescription description, SourceItem item);

    /** A seek to {@code targetUs} is done: the next items come from there. */
    void seeked(long targetUs);
}
