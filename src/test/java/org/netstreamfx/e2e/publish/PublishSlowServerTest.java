package org.netstreamfx.e2e.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.netstreamfx.app.fault.Direction;
import org.netstreamfx.app.fault.FaultProxy;
import org.netstreamfx.e2e.fixtures.Tools;
import org.netstreamfx.e2e.rtmp.support.NginxServer;
import org.netstreamfx.player.rtmp.client.RtmpOptions;

/**
 * Publishing through a proxy that lets 40 kB/s up: the outgoing queue drops non-key video frames
 * (reported, counted in info()), and the audio that reaches nginx has no gap.
 */
class PublishSlowServerTest {
    @RegisterExtension
    static final NginxServer nginx = new NginxServer();

    @Test
    void aSlowLinkDropsNonKeyVideoAndKeepsAudioContinuous(@TempDir Path tmp) throws Exception {
        try (FaultProxy proxy = FaultProxy.start("127.0.0.1", nginx.port());
             EnginePublisher p = new EnginePublisher(proxy.proxiedUrl(nginx.appUrl("live")), 640, 360, 25,
                     RtmpOptions.DEFAULTS, 1200, 2)) {
            proxy.setBandwidthLimit(Direction.UP, 40_000);
            p.ns.setBufferTime(0.5);
            p.ns.publish("slow1", "live");
            p.await("NetStream.Publish.Start", Duration.ofSeconds(10));
            p.await("NetStreamFX.Publish.Dropped", Duration.ofSeconds(15));
            assertTrue(p.ns.info().droppedFrames() > 0, "counted in info(): " + p.ns.info());

            Path audio = tmp.resolve("audio.flv");
            Tools.run(List.of(Tools.ffmpeg().toString(), "-hide_banner", "-nostdin", "-v", "error", "-y",
                    "-rw_timeout", "5000000", "-i", nginx.url("live", "slow1"), "-t", "4", "-map", "0:a", "-c", "copy",
                    audio.toString()), Duration.ofSeconds(60));
            String times = Tools.run(List.of(Tools.ffprobe().toString(), "-v", "error", "-select_streams", "a",
                    "-show_entries", "packet=pts_time", "-of", "csv=p=0", audio.toString()), Duration.ofSeconds(30))
                    .stdout();
            List<Double> pts = new ArrayList<>();
            for (String line : times.strip().split("\\R")) {
                if (!line.isBlank()) {
                    pts.add(Double.parseDouble(line.strip().replace(",", "")));
                }
            }
            assertTrue(pts.size() > 100, "about 4 s of AAC frames, got " + pts.size() + " in " + Files.size(audio) + " bytes");
            double maxGap = 0;
            for (int i = 1; i < pts.size(); i++) {
                maxGap = Math.max(maxGap, pts.get(i) - pts.get(i - 1));
            }
            assertTrue(maxGap < 0.05, "no gap in the audio (1024 samples = 23 ms per frame), largest " + maxGap + " s");
            assertEquals(0, p.count("NetStreamFX.Publish.Stalled"), p.codes().toString());
        }
    }
}
