package org.netstreamfx.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.netstreamfx.e2e.fixtures.Fixtures;
import org.netstreamfx.e2e.fixtures.Fixtures.AudioCodec;
import org.netstreamfx.e2e.fixtures.Fixtures.Container;
import org.netstreamfx.e2e.fixtures.Fixtures.VideoCodec;
import org.netstreamfx.e2e.fixtures.Flv;
import org.netstreamfx.e2e.support.EngineRun;
import org.netstreamfx.player.amf.Amf0Writer;
import org.netstreamfx.player.amf.AmfValues;

/** Script data carried in an FLV reaches the client at its time: onCuePoint, onTextData. */
class ScriptDataTest {

    /** An FLV script tag (FLV spec E.4.4): handler name and one argument, in AMF0. */
    private static byte[] scriptTag(int timestampMs, String handler, Map<String, Object> arg) {
        byte[] body = Amf0Writer.encode(AmfValues.of(handler), AmfValues.of(arg));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(Flv.TYPE_SCRIPT);
        out.write(body.length >>> 16);
        out.write(body.length >>> 8);
        out.write(body.length);
        out.write(timestampMs >>> 16);
        out.write(timestampMs >>> 8);
        out.write(timestampMs);
        out.write(timestampMs >>> 24);
        out.write(0);
        out.write(0);
        out.write(0);
        out.writeBytes(body);
        int previousTagSize = Flv.TAG_HEADER_SIZE + body.length;
        out.write(previousTagSize >>> 24);
        out.write(previousTagSize >>> 16);
        out.write(previousTagSize >>> 8);
        out.write(previousTagSize);
        return out.toByteArray();
    }

    /** The fixture FLV with script tags inserted before the first media tag at or after each time. */
    private static Path withScriptTags(Path flv, Map<Integer, byte[]> tagsByTime, Path out) throws Exception {
        byte[] src = Files.readAllBytes(flv);
        List<Flv.Tag> tags = Flv.tags(flv);
        ByteArrayOutputStream result = new ByteArrayOutputStream();
        int copied = (int) tags.get(0).offset();
        result.write(src, 0, copied);
        var pending = new java.util.TreeMap<>(tagsByTime);
        for (Flv.Tag tag : tags) {
            while (!pending.isEmpty() && pending.firstKey() <= tag.timestamp()) {
                result.writeBytes(pending.pollFirstEntry().getValue());
            }
            int end = (int) tag.dataEnd() + 4;
            result.write(src, (int) tag.offset(), end - (int) tag.offset());
        }
        Files.write(out, result.toByteArray());
        return out;
    }

    @Test
    void cuePointsAndTextDataArriveAtTheirTimes() throws Exception {
        Path flv = Fixtures.make(Container.FLV, VideoCodec.H264, AudioCodec.AAC_LC, 3.0);
        Map<String, Object> cue = new LinkedHashMap<>();
        cue.put("name", "chapter-2");
        cue.put("time", 1.0);
        cue.put("type", "navigation");
        cue.put("parameters", Map.of("title", "Second chapter"));
        Map<String, Object> text = new LinkedHashMap<>();
        text.put("text", "Hello, subtitles");
        text.put("trackid", 1.0);
        Path file = withScriptTags(flv, Map.of(1000, scriptTag(1000, "onCuePoint", cue),
                2000, scriptTag(2000, "onTextData", text)), flv.resolveSibling("with-cues.flv"));

        try (EngineRun run = new EngineRun(false)) {
            List<Object[]> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
            run.ns.setClient(new org.netstreamfx.player.net.NetStreamClient() {
                @Override
                public void onCuePoint(Map<String, Object> info) {
                    seen.add(new Object[] {"onCuePoint", info, run.ns.time()});
                }

                @Override
                public void onTextData(Map<String, Object> info) {
                    seen.add(new Object[] {"onTextData", info, run.ns.time()});
                }

                @Override
                public void onPlayStatus(Map<String, Object> info) {
                    seen.add(new Object[] {"onPlayStatus", info, run.ns.time()});
                }
            });
            run.ns.addNetStatusListener(e -> {
                if (e.code().equals("NetStream.Play.Stop")) {
                    synchronized (seen) {
                        seen.notifyAll();
                    }
                }
            });
            run.ns.play(file.toString());
            long deadline = System.nanoTime() + 15_000_000_000L;
            while (seen.stream().noneMatch(s -> s[0].equals("onPlayStatus")) && System.nanoTime() < deadline) {
                synchronized (seen) {
                    seen.wait(100);
                }
            }
            assertEquals(List.of("onCuePoint", "onTextData", "onPlayStatus"), seen.stream().map(s -> s[0]).toList());
            @SuppressWarnings("unchecked")
            Map<String, Object> gotCue = (Map<String, Object>) seen.get(0)[1];
            assertEquals("chapter-2", gotCue.get("name"));
            assertEquals("navigation", gotCue.get("type"));
            assertEquals(Map.of("title", "Second chapter"), gotCue.get("parameters"));
            double cueAt = (Double) seen.get(0)[2];
            assertTrue(cueAt >= 0.95 && cueAt < 1.3, "onCuePoint delivered at its time, not " + cueAt);
            @SuppressWarnings("unchecked")
            Map<String, Object> gotText = (Map<String, Object>) seen.get(1)[1];
            assertEquals("Hello, subtitles", gotText.get("text"));
            double textAt = (Double) seen.get(1)[2];
            assertTrue(textAt >= 1.95 && textAt < 2.3, "onTextData delivered at its time, not " + textAt);
        }
    }
}
