package org.netstreamfx.player.playback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.netstreamfx.player.source.SourceDescription;
import org.netstreamfx.player.source.SourceItem;

/** A recording's tap and the health analysis' on one pipeline: both hear every item and seek, in order. */
class TeeTapTest {

    private static PipelineTap named(String name, List<String> heard) {
        return new PipelineTap() {
            @Override
            public void item(SourceDescription description, SourceItem item) {
                heard.add(name + " item");
            }

            @Override
            public void seeked(long targetUs) {
                heard.add(name + " seek " + targetUs);
            }
        };
    }

    @Test
    void bothTapsHearEverythingTheFirstFirst() {
        List<String> heard = new ArrayList<>();
        PipelineTap record = named("record", heard);
        PipelineTap health = named("health", heard);
        PipelineTap both = TeeTap.of(record, health);
        both.item(null, null);
        both.seeked(5);
        assertEquals(List.of("record item", "health item", "record seek 5", "health seek 5"), heard);
        assertSame(record, TeeTap.of(record, null));
        assertSame(health, TeeTap.of(null, health));
        assertNull(TeeTap.of(null, null));
    }
}
