package org.netstreamfx.player.health;

import org.netstreamfx.player.clock.TimeSource;
import org.netstreamfx.player.playback.PipelineTap;
import org.netstreamfx.player.source.SourceDescription;
import org.netstreamfx.player.source.SourceItem;

/**
 * A {@link HealthAnalyzer} on a playing stream's pipeline: every item the source yields, timed by
 * {@code time} as it arrives, and every seek. Never throws into the pipeline: an analyzer that
 * fails stops analysing, playback goes on.
 */
public final class HealthTap implements PipelineTap {
    /** Set once the analyzer threw: it is left alone from then on. */
    private volatile boolean failed;
    private final HealthAnalyzer analyzer;
    private final TimeSource time;

    public HealthTap(HealthAnalyzer analyzer, TimeSource time) {
        this.analyzer = java.util.Objects.requireNonNull(analyzer, "analyzer");
        this.time = java.util.Objects.requireNonNull(time, "time");
    }

    public HealthAnalyzer analyzer() {
        return analyzer;
    }

    @Override
    public void item(SourceDescription description, SourceItem item) {
        if (failed) {
            return;
        }
        try {
            analyzer.item(description, item, time.nanoTime());
        } catch (RuntimeException e) {
            failed = true; // health is a diagnosis: it must never stop what plays
        }
    }

    @Override
    public void seeked(long targetUs) {
        if (!failed) {
            analyzer.seeked(targetUs);
        }
    }
}
