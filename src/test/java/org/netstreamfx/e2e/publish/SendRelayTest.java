package org.netstreamfx.e2e.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.netstreamfx.e2e.rtmp.support.ScriptedRelay;
import org.netstreamfx.e2e.support.EngineRun;
import org.netstreamfx.player.net.NetStatusEvent;
import org.netstreamfx.player.net.NetStreamClient;

/**
 * send() reaches every subscriber (issue #4). nginx-rtmp relays no data message but
 * {@code @setDataFrame onMetaData} (arut/nginx-rtmp-module#481, #706), so this goes through a
 * {@link ScriptedRelay} that forwards data as Flash Media Server, Wowza and SRS do: our engine
 * publishes the test camera and the tone, two of our players play, and each one's client gets
 * exactly what was sent, in its place among the frames.
 */
class SendRelayTest {
    private static final int FPS = 15;
    private static final Map<String, Object> CHAT = Map.of("from", "tester", "n", 1.0);
    private static final Map<String, Object> CUE = Map.of("name", "cue1", "time", 1.5, "type", "event",
            "parameters", Map.of("slide", "2", "nested", Map.of("x", -3.25)));
    private static final Map<String, Object> META = Map.of("width", 160.0, "height", 120.0, "videocodecid", 7.0,
            "audiocodecid", 10.0, "title", "update");

    /** One subscriber: an EngineRun whose client records the data handlers and the frames shown by then. */
    private static final class Subscriber implements AutoCloseable {
        final EngineRun run;
        final List<List<Object>> chats = new CopyOnWriteArrayList<>();
        final List<Map<String, Object>> cues = new CopyOnWriteArrayList<>();
        final List<Map<String, Object>> metas = new CopyOnWriteArrayList<>();
        /** How many frames had been rendered when onChat was called. */
        volatile int renderedAtChat = -1;

        Subscriber(ScriptedRelay relay, String name) {
            run = new EngineRun(false, relay.appUrl("live"));
            run.ns.setClient(new NetStreamClient() {
                @Override
                public void onMetaData(Map<String, Object> info) {
                    metas.add(info);
                }

                @Override
                public void onCuePoint(Map<String, Object> info) {
                    cues.add(info);
                }

                @Override
                public boolean onData(String handler, List<Object> args) {
                    if (!handler.equals("onChat")) {
                        return false;
                    }
                    renderedAtChat = run.renderedPtsUs.size();
                    chats.add(args);
                    return true;
                }
            });
            run.ns.setBufferTime(0.3);
            run.ns.play(name);
        }

        /**
         * The stream timestamps (ms) of the frames rendered before onChat, and of those after it: the
         * player counts time from the first media timestamp it got ({@code startMs}).
         */
        List<List<Long>> framesAroundChat(long startMs) {
            List<Long> ms;
            synchronized (run.renderedPtsUs) {
                ms = run.renderedPtsUs.stream().map(us -> us / 1000 + startMs).toList();
            }
            return List.of(ms.subList(0, renderedAtChat), ms.subList(renderedAtChat, ms.size()));
        }

        List<NetStatusEvent> noHandler() {
            return run.events.stream().filter(e -> e.code().equals("NetStreamFX.Client.NoHandler")).toList();
        }

        @Override
        public void close() {
            run.close();
        }
    }

    private static List<Long> tail(List<Long> l) {
        return l.subList(Math.max(0, l.size() - 4), l.size());
    }

    private static List<Long> head(List<Long> l) {
        return l.subList(0, Math.min(4, l.size()));
    }

    /** The second subscriber, once the first plays (so the relay's player order is theirs). */
    private static Subscriber afterFirst(ScriptedRelay relay, EnginePublisher p,
            java.util.function.Supplier<Subscriber> second) throws InterruptedException {
        p.awaitTrue("the first subscriber plays", Duration.ofSeconds(10), () -> relay.players() == 1);
        return second.get();
    }

    @Test
    void sentDataReachesEverySubscribersClientWithItsArgumentsAndInItsPlaceAmongTheFrames() throws Exception {
        try (ScriptedRelay relay = new ScriptedRelay();
             EnginePublisher p = new EnginePublisher(relay.appUrl("live"), 160, 120, FPS)) {
            p.ns.publish("chat1", "live");
            p.await("NetStream.Publish.Start", Duration.ofSeconds(10));
            try (Subscriber a = new Subscriber(relay, "chat1");
                 Subscriber b = afterFirst(relay, p, () -> new Subscriber(relay, "chat1"))) {
                List<Subscriber> both = List.of(a, b);
                for (Subscriber s : both) {
                    p.awaitTrue("a subscriber shows frames", Duration.ofSeconds(10),
                            () -> s.run.renderedPtsUs.size() >= FPS / 2);
                }
                p.ns.send("onChat", "hello", CHAT);
                p.ns.send("onCuePoint", CUE);
                p.ns.send("@setDataFrame", "onMetaData", META);
                p.ns.send("onNobodyListens", "ignored", 2.0);
                for (Subscriber s : both) {
                    p.awaitTrue("the sent data reaches a subscriber", Duration.ofSeconds(5), () -> !s.chats.isEmpty()
                            && !s.cues.isEmpty() && s.metas.contains(META) && !s.noHandler().isEmpty()
                            && s.run.renderedPtsUs.size() >= s.renderedAtChat + FPS / 2);
                }

                List<ScriptedRelay.Relayed> relayed = relay.relayed();
                ScriptedRelay.Relayed chat = relayed.stream().filter(r -> r.handler().equals("onChat")).findFirst()
                        .orElseThrow(() -> new AssertionError("the relay forwarded no onChat: " + relayed));
                long chatTs = chat.timestampMs();
                assertTrue(relayed.stream().anyMatch(r -> r.handler().equals("onMetaData")), relayed.toString());
                for (int i = 0; i < both.size(); i++) {
                    Subscriber s = both.get(i);
                    assertEquals(List.of(List.of("hello", CHAT)), s.chats, "onChat, exactly as sent, once");
                    assertEquals(List.of(CUE), s.cues, "onCuePoint with its nested parameters");
                    assertEquals(META, s.metas.get(s.metas.size() - 1), "the metadata update is the last onMetaData");
                    List<NetStatusEvent> missing = s.noHandler();
                    assertEquals(1, missing.size(), missing.toString());
                    assertEquals("onNobodyListens", missing.get(0).details(), missing.get(0).toString());
                    // At its timestamp among the media: every frame with an earlier timestamp was shown
                    // before it, and it was not held back long after its time (stream timestamps).
                    List<List<Long>> around = s.framesAroundChat(relay.firstMediaMs(i));
                    String where = "onChat at " + chatTs + " ms (on the wire " + chat + "); frames shown before it "
                            + tail(around.get(0)) + ", after it " + head(around.get(1));
                    assertTrue(around.get(1).stream().allMatch(ms -> ms >= chatTs), where);
                    assertTrue(!around.get(0).isEmpty() && around.get(0).get(around.get(0).size() - 1) <= chatTs + 500,
                            where);
                    assertTrue(s.run.escaped.isEmpty(), s.run.escaped.toString());
                    assertTrue(s.run.codes().contains("NetStream.Play.Start"), s.run.codes().toString());
                }
                assertEquals(2, relay.players());
            }
            assertTrue(relay.errors().isEmpty(), relay.errors().toString());
            assertEquals(List.of("NetStream.Publish.Start"), p.codes(), "the publisher saw nothing else");
        }
    }
}
