package org.netstreamfx.e2e.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netstreamfx.e2e.fixtures.Ffprobe;
import org.netstreamfx.e2e.fixtures.Tools;
import org.netstreamfx.e2e.rtmp.support.FfmpegReader;
import org.netstreamfx.e2e.rtmp.support.NginxRtmp;

/** Our engine publishes the test camera and the tone to nginx-rtmp; ffprobe and ffmpeg read it back. */
class PublishToNginxTest {
    private static NginxRtmp nginx;

    @BeforeAll
    static void startNginx(@TempDir Path work) {
        nginx = NginxRtmp.start(work);
    }

    @AfterAll
    static void stopNginx() {
        if (nginx != null) {
            nginx.close();
        }
    }

    @Test
    void ffprobeSeesH264AndAacAtTheAskedSizeAndRateWithOnMetaData() throws Exception {
        try (EnginePublisher p = new EnginePublisher(nginx.appUrl("live"), 320, 240, 25)) {
            p.ns.publish("probe1", "live");
            p.await("NetStream.Publish.Start", Duration.ofSeconds(10));
            Thread.sleep(1500);
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
}
