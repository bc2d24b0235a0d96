package org.netstreamfx.e2e.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.netstreamfx.e2e.fixtures.Ffprobe;
import org.netstreamfx.e2e.rtmp.support.NginxServer;

/** kill -9 of {@code nsfx publish --record x.mp4} leaves a fragmented MP4 that plays to near the kill. */
class PublishKillRecordingTest {
    @RegisterExtension
    static final NginxServer nginx = new NginxServer();

    @Test
    void aKilledPublisherLeavesAFragmentedMp4ThatPlaysToWithin2SecondsOfTheKill(@TempDir Path tmp) throws Exception {
        Path mp4 = tmp.resolve("local.mp4");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                "org.netstreamfx.app.Main", "publish", nginx.url("live", "killed"), "--size", "320x240",
                "--keyint", "1", "--stats-interval", "0", "--record", mp4.toString())
                .redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            String line;
            long recordingSince = 0;
            while ((line = out.readLine()) != null) {
                if (line.contains("NetStream.Record.Start")) {
                    recordingSince = System.nanoTime();
                    break;
                }
            }
            assertTrue(recordingSince != 0, "the child never reported Record.Start");
            // Not a wait for an event: the recording's length before the kill, measured below (recordedFor).
            Thread.sleep(5000);
            double recordedFor = (System.nanoTime() - recordingSince) / 1e9;
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no unpublish, no trailer
            assertTrue(child.waitFor(10, TimeUnit.SECONDS));
            Ffprobe.Probe probe = Ffprobe.probe(mp4);
            assertEquals("h264", probe.video().orElseThrow().codecName());
            assertEquals("aac", probe.audio().orElseThrow().codecName());
            assertTrue(probe.duration() > recordedFor - 2.0 && probe.duration() <= recordedFor + 0.5,
                    "plays " + probe.duration() + " s of the " + recordedFor + " s recorded before the kill");
        } finally {
            child.destroyForcibly();
        }
    }
}
