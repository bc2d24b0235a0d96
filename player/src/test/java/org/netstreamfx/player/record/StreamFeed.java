package org.netstreamfx.player.record;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.netstreamfx.player.media.MediaPacket;
import org.netstreamfx.player.media.TrackFormat;
import org.netstreamfx.player.source.DataMessage;
import org.netstreamfx.player.source.MediaSource;
import org.netstreamfx.player.source.SourceDescription;
import org.netstreamfx.player.source.SourceItem;
import org.netstreamfx.player.source.SourcePacket;
import org.netstreamfx.player.source.Sources;

/** Everything a source yields, read with the player's own demuxers: what a recorder is fed. */
final class StreamFeed {
    final List<TrackFormat> tracks;
    final List<SourceItem> items = new ArrayList<>();

    private StreamFeed(List<TrackFormat> tracks) {
        this.tracks = tracks;
    }

    static StreamFeed read(String address) throws IOException {
        try (MediaSource source = Sources.open(address)) {
            SourceDescription d = source.open();
            StreamFeed feed = new StreamFeed(d.tracks());
            SourceItem item;
            while ((item = source.read()) != null) {
                feed.items.add(item);
            }
            return feed;
        }
    }

    /** Feeds every packet and data message to the recorder. */
    void into(Recorder recorder) {
        for (SourceItem item : items) {
            if (item instanceof SourcePacket p) {
                recorder.write(p.packet());
            } else if (item instanceof DataMessage m) {
                recorder.writeData(m.handler(), m.args());
            }
        }
    }

    List<MediaPacket> packets(int trackIndex) {
        List<MediaPacket> out = new ArrayList<>();
        for (SourceItem item : items) {
            if (item instanceof SourcePacket p && p.packet().trackIndex() == trackIndex) {
                out.add(p.packet());
            }
        }
        return out;
    }
}
