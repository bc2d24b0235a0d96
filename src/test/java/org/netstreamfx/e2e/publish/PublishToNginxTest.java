package org.netstreamfx.e2e.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.netstreamfx.e2e.fixtures.Ffprobe;
import org.netstreamfx.e2e.fixtures.Tools;
import org.netstreamfx.e2e.rtmp.support.FfmpegReader;
import org.netstreamfx.e2e.rtmp.support.NginxServer;
import org.netstreamfx.e2e.support.EngineRun;
import org.netstreamfx.player.net.NetStatusEvent;
import org.netstreamfx.player.net.NetStreamClient;
import org.netstreamfx.player.net.StatusLevel;

/** Our engine publishes the test camera and the tone to nginx-rtmp; ffprobe and ffmpeg read it back. */
class PublishToNginxTest {
    @RegisterExtension
    static final NginxServer nginx = new NginxServer();

    @Test
    void ffprobeSeesH264AndAacAtTheAskedSizeAndRateWithOnMetaData() throws Exception {
        try (EnginePublisher p = new EnginePublisher(nginx.appUrl("live"), 320, 240, 25)) {
            p.ns.publish("probe1", "live");
            p.await("NetStream.Publish.Start", Duration.ofSeconds(10));
            p.awaitMoreFrames(25, Duration.ofSeconds(20)); // a second of stream, with its keyframes, at nginx
            Ffprobe.Probe probe = FfmpegReader.probe(nginx.url("live", "probe1"));
            Ffprobe.Stream video = probe.video().orElseThrow(() -> new AssertionError("no video: " + probe));
            Ffprobe.Stream audio = probe.audio().orElseThrow(() -> new AssertionError("no audio: " + probe));
            assertEquals("h264", video.codecName());
            assertEquals(320, video.width());
            assertEquals(240, video.height());
            assertEquals(25.0, video.avgFrameRateValue(), 0.5, "frame rate " + video.avgFrameRate());
            assertEquals("aac", audio.codecName());
            assertEquals(44_100, audio.sampleRate());
            assertEquals(2, audio.channels());

            Tools.Result tags = Tools.run(List.of(Tools.ffprobe().toString(), "-v", "error", "-rw_timeout", "5000000",
                    "-show_entries", "format_tags", "-of", "default", nginx.url("live", "probe1")),
                    Duration.ofSeconds(30));
            assertTrue(tags.stdout().contains("encoder=NetStreamFX"), "the server's onMetaData: " + tags.stdout());

            Tools.Result decode = Tools.runAllowingFailure(List.of(Tools.ffmpeg().toString(), "-hide_banner",
                    "-nostdin", "-v", "error", "-rw_timeout", "5000000", "-i", nginx.url("live", "probe1"), "-t", "3",
                    "-f", "null", "-"), Duration.ofSeconds(40));
            assertEquals(0, decode.exitCode(), decode.stderr());
            assertEquals("", decode.stderr().strip(), "ffmpeg decodes with no errors");

            p.ns.publish(null);
            p.await("NetStream.Unpublish.Success", Duration.ofSeconds(10));
            assertEquals(List.of("NetStream.Publish.Start", "NetStream.Unpublish.Success"), p.codes());
        }
    }

    /**
     * Our player plays what we publish, with the publisher's onMetaData. nginx-rtmp relays no data
     * message but {@code @setDataFrame onMetaData} (it keeps it and gives it to each subscriber), so
     * send() is checked with that handler: a metadata update sent on demand reaches the next player.
     */
    @Test
    void ourPlayerPlaysThePublishedStreamAndASentMetaDataUpdateReachesTheNextSubscriber() throws Exception {
        try (EnginePublisher p = new EnginePublisher(nginx.appUrl("live"), 320, 240, 25)) {
            p.ns.publish("back1", "live");
            p.await("NetStream.Publish.Start", Duration.ofSeconds(10));
            List<Map<String, Object>> meta = play(p, "back1");
            assertEquals(320.0, ((Number) meta.get(0).get("width")).doubleValue());
            assertEquals(7.0, ((Number) meta.get(0).get("videocodecid")).doubleValue());
            assertEquals(10.0, ((Number) meta.get(0).get("audiocodecid")).doubleValue());

            p.ns.send("@setDataFrame", "onMetaData", Map.of("width", 320.0, "height", 240.0, "videocodecid", 7.0,
                    "audiocodecid", 10.0, "title", "second"));
            // The update goes out in order with the media: once pictures captured after it have been sent
            // (a few more frames), nginx has it.
            long sentBefore = p.ns.info().byteCount();
            p.awaitMoreFrames(5, Duration.ofSeconds(10));
            p.awaitTrue("media sent after the update", Duration.ofSeconds(10),
                    () -> p.ns.info().byteCount() > sentBefore);
            List<Map<String, Object>> again = play(p, "back1");
            assertEquals("second", again.get(0).get("title"), "the update sent with send(): " + again);
        }
    }

    /** Plays {@code name} with our player until a second of video is shown; the onMetaData it got. */
    private static List<Map<String, Object>> play(EnginePublisher p, String name) throws Exception {
        try (EngineRun run = new EngineRun(false, nginx.appUrl("live"))) {
            List<Map<String, Object>> meta = new CopyOnWriteArrayList<>();
            run.ns.setClient(new NetStreamClient() {
                @Override
                public void onMetaData(Map<String, Object> info) {
                    meta.add(info);
                }
            });
            run.ns.setBufferTime(0.5);
            run.ns.play(name);
            p.awaitTrue("our player shows a second of video", Duration.ofSeconds(20),
                    () -> run.renderedPtsUs.size() >= 25);
            p.awaitTrue("onMetaData reaches the player", Duration.ofSeconds(5), () -> !meta.isEmpty());
            assertTrue(run.escaped.isEmpty(), run.escaped.toString());
            assertTrue(run.codes().contains("NetStream.Play.Start"), run.codes().toString());
            return meta;
        }
    }

    @Test
    void aSecondPublishOfTheSameNameGetsBadName() throws Exception {
        try (EnginePublisher first = new EnginePublisher(nginx.appUrl("live"), 160, 120, 15);
             EnginePublisher second = new EnginePublisher(nginx.appUrl("live"), 160, 120, 15)) {
            first.ns.publish("dup1", "live");
            first.await("NetStream.Publish.Start", Duration.ofSeconds(10));
            second.ns.publish("dup1", "live");
            NetStatusEvent bad = second.await("NetStream.Publish.BadName", Duration.ofSeconds(10));
            assertEquals(StatusLevel.ERROR, bad.level());
            assertEquals("Already publishing", bad.description(), "nginx-rtmp's words, verbatim: " + bad.info());
            assertTrue(!second.codes().contains("NetStream.Publish.Start"), second.codes().toString());
            // The first publisher is not disturbed: 12 more of its pictures (about half a second) and no event.
            first.awaitMoreFrames(12, Duration.ofSeconds(10));
            assertEquals(List.of("NetStream.Publish.Start"), first.codes());
        }
    }

    @Test
    void theRecordApplicationLeavesAPlayableFlv() throws Exception {
        try (EnginePublisher p = new EnginePublisher(nginx.appUrl("record"), 320, 240, 25)) {
            p.ns.publish("rec1", "live");
            p.await("NetStream.Publish.Start", Duration.ofSeconds(10));
            p.awaitMoreFrames(75, Duration.ofSeconds(30)); // three seconds of stream
            p.ns.publish(null);
            p.await("NetStream.Unpublish.Success", Duration.ofSeconds(10));
        }
        Path flv = nginx.recordDir().resolve("rec1.flv");
        assertTrue(Files.size(flv) > 10_000, "nginx recorded " + Files.size(flv) + " bytes");
        Ffprobe.Probe probe = Ffprobe.probe(flv);
        assertEquals("h264", probe.video().orElseThrow().codecName());
        assertEquals("aac", probe.audio().orElseThrow().codecName());
        assertTrue(probe.duration() > 2.0, "recorded " + probe.duration() + " s");
        Tools.Result decode = Tools.runAllowingFailure(List.of(Tools.ffmpeg().toString(), "-hide_banner", "-nostdin",
                "-v", "error", "-i", flv.toString(), "-f", "null", "-"), Duration.ofSeconds(30));
        assertEquals("", decode.stderr().strip(), "the recording decodes with no errors");
    }
}
