package org.netstreamfx.player.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.netstreamfx.player.source.SourceDescription;

/**
 * A listener that reads {@link NetStream#description()} on NetStream.Play.Start finds what the
 * source opened with, and onMetaData comes after Play.Start, as in Flash. The events are handed
 * on the thread that makes them (a direct executor), so a description set after the event was
 * sent is missed every time, not 1 run in 300 as with the desktop's FX thread (CI saw an
 * audio-only file shown as "Open a file or a URL" that way).
 */
class PlayStartDescriptionTest {
    @Test
    void theDescriptionIsSetWhenPlayStartIsToldAndOnMetaDataFollows() throws Exception {
        NetConnection nc = new NetConnection(Runnable::run);
        nc.connect(null);
        NetStream ns = new NetStream(nc);
        List<String> order = new CopyOnWriteArrayList<>();
        SourceDescription[] atStart = new SourceDescription[1];
        CountDownLatch metaData = new CountDownLatch(1);
        ns.addNetStatusListener(e -> {
            if (e.is(NetStatusCode.NETSTREAM_PLAY_START)) {
                atStart[0] = ns.description();
                order.add("Play.Start");
            }
        });
        ns.setClient(new NetStreamClient() {
            @Override
            public void onMetaData(Map<String, Object> info) {
                order.add("onMetaData");
                metaData.countDown();
            }
        });
        try {
            ns.play(RateMedia.beeps().toString());
            assertTrue(metaData.await(20, TimeUnit.SECONDS), "onMetaData within 20 s: " + order);
            assertNotNull(atStart[0], "the description is there when Play.Start is told");
            assertTrue(atStart[0].durationUs() > 0, "the file's own description: " + atStart[0]);
            assertEquals(List.of("Play.Start", "onMetaData"), order.subList(0, 2));
        } finally {
            ns.close();
            nc.close();
        }
    }
}
