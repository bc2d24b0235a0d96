package org.netstreamfx.player.playback;

import org.netstreamfx.player.source.SourceDescription;
import org.netstreamfx.player.source.SourceItem;

/**
 * Two taps on one pipeline (a recording and a health analysis): each hears every item and seek,
 * the first before the second.
 */
public final class TeeTap implements PipelineTap {
    private final PipelineTap first;
    private final PipelineTap second;

    private TeeTap(PipelineTap first, PipelineTap second) {
        this.first = first;
        this.second = second;
    }

    /** Both taps, or the one that is not null, or null. */
    public static PipelineTap of(PipelineTap first, PipelineTap second) {
        if (first == null) {
            return second;
        }
        return second == null ? first : new TeeTap(first, second);
    }

    @Override
    public void item(SourceDescription description, SourceItem item) {
        first.item(description, item);
        second.item(description, item);
    }

    @Override
    public void seeked(long targetUs) {
        first.seeked(targetUs);
        second.seeked(targetUs);
    }
}
