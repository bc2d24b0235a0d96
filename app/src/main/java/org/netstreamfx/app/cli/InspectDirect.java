package org.netstreamfx.app.cli;

import java.io.IOException;
import org.netstreamfx.player.health.HealthAnalyzer;
import org.netstreamfx.player.health.HealthReport;
import org.netstreamfx.player.source.MediaSource;
import org.netstreamfx.player.source.SourceDescription;
import org.netstreamfx.player.source.SourceItem;
import org.netstreamfx.player.source.Sources;

/**
 * {@code nsfx inspect --no-decode}: the source read directly (any address {@link Sources} opens:
 * a file or http(s); {@link InspectRtmp} hands it an RTMP stream's source), with no decoder, each item to the analyzer as it is read, until the end or
 * {@code limitUs} of stream time; cheap enough for a 1080p60 stream on a small machine.
 */
final class InspectDirect {
    private InspectDirect() {
    }

    static HealthReport run(String address, HealthAnalyzer analyzer, long limitUs) throws IOException {
        return read(Sources.open(address), analyzer, limitUs);
    }

    /** {@code source} opened and read to its end or {@code limitUs} of stream time, then closed. */
    static HealthReport read(MediaSource opened, HealthAnalyzer analyzer, long limitUs) throws IOException {
        try (MediaSource source = opened) {
            SourceDescription d = source.open();
            long firstUs = Long.MIN_VALUE;
            for (SourceItem item = source.read(); item != null; item = source.read()) {
                analyzer.item(d, item, System.nanoTime());
                if (firstUs == Long.MIN_VALUE) {
                    firstUs = item.ptsUs();
                }
                if (item.ptsUs() - firstUs >= limitUs) {
                    break;
                }
            }
            return analyzer.report();
        }
    }
}
