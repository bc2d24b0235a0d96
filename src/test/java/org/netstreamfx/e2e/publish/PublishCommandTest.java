package org.netstreamfx.e2e.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.netstreamfx.app.Main;
import org.netstreamfx.e2e.fixtures.Ffprobe;
import org.netstreamfx.e2e.rtmp.support.Ffmpeg8Ingest;
import org.netstreamfx.e2e.rtmp.support.FfmpegReader;
import org.netstreamfx.e2e.rtmp.support.NginxServer;
import org.netstreamfx.testkit.RunsAlone;

/** {@code nsfx publish} against nginx-rtmp: what it prints, how it exits, the key never shown. */
@RunsAlone
class PublishCommandTest {
    @RegisterExtension
    static final NginxServer nginx = new NginxServer();

    /** Runs {@code nsfx args...} in this JVM; stdout and the exit status. */
    private record Run(int exit, String out) {
    }

    private static CompletableFuture<Run> nsfx(String... args) {
        return nsfx(new ByteArrayOutputStream(), args);
    }

    /** The same, its stdout written to {@code o} as it comes (ByteArrayOutputStream is synchronized). */
    private static CompletableFuture<Run> nsfx(ByteArrayOutputStream o, String... args) {
        return CompletableFuture.supplyAsync(() -> {
            PrintStream saved = System.out;
            int exit;
            synchronized (PublishCommandTest.class) {
                System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
                try {
                    exit = Main.run(args);
                } finally {
                    System.setOut(saved);
                }
            }
            return new Run(exit, o.toString(StandardCharsets.UTF_8));
        });
    }

    @Test
    void publishesForTheDurationThenUnpublishesAndExits0WithTheKeyMaskedAndALocalRecording(@TempDir Path tmp)
            throws Exception {
        String key = "secret-key-4711";
        Path local = tmp.resolve("local.flv");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CompletableFuture<Run> cli = nsfx(out, "publish", nginx.url("live", key), "--camera", "test", "--mic", "tone",
                "--size", "320x240", "--fps", "25", "--keyint", "1", "--duration", "6", "--record", local.toString());
        // On air: its stats line (every second) shows bytes sent after Publish.Start.
        awaitOutput(out, cli, "(?s).*NetStream\\.Publish\\.Start.*\"bytesSent\":[1-9][0-9]{4,}.*");
        Ffprobe.Probe probe = FfmpegReader.probe(nginx.url("live", key));
        assertEquals("h264", probe.video().orElseThrow().codecName());
        assertEquals(320, probe.video().orElseThrow().width());
        assertEquals("aac", probe.audio().orElseThrow().codecName());
        Run run = cli.get(40, TimeUnit.SECONDS);
        assertEquals(0, run.exit(), run.out());
        assertTrue(run.out().contains("\"code\":\"NetConnection.Connect.Success\""), run.out());
        assertTrue(run.out().contains("\"code\":\"NetStream.Publish.Start\""), run.out());
        assertTrue(run.out().contains("\"code\":\"NetStream.Unpublish.Success\""), run.out());
        assertTrue(run.out().contains("\"type\":\"stats\""), run.out());
        assertTrue(run.out().matches("(?s).*\"fps\":2[0-9](\\.[0-9])?,\"kbps\":[1-9].*"),
                "about 25 fps and some kbit/s sent: " + run.out());
        assertFalse(run.out().contains(key), "the stream key is masked: " + run.out());
        assertTrue(run.out().contains("\"code\":\"NetStream.Record.Start\""), run.out());
        assertTrue(run.out().contains("\"code\":\"NetStream.Record.Stop\""), run.out());
        Ffprobe.Probe recorded = Ffprobe.probe(local);
        assertEquals("h264", recorded.video().orElseThrow().codecName());
        assertEquals("aac", recorded.audio().orElseThrow().codecName());
        assertTrue(recorded.duration() > 4.0, "recorded " + recorded.duration() + " s");
        double onAirS = eventTime(run.out(), "NetStream.Unpublish.Success") - eventTime(run.out(), "NetStream.Publish.Start");
        assertTrue(onAirS >= 6.0, "--duration is time on air, from Publish.Start: " + onAirS + " s; " + run.out());
    }

    /** The {@code "t"} of the first JSON line with {@code code}. */
    private static double eventTime(String out, String code) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{\"t\":([0-9.]+),\"type\":\"status\",\"code\":\""
                + java.util.regex.Pattern.quote(code) + "\"").matcher(out);
        if (!m.find()) {
            throw new AssertionError("no " + code + " in " + out);
        }
        return Double.parseDouble(m.group(1));
    }

    private static void awaitOutput(ByteArrayOutputStream out, CompletableFuture<Run> cli, String regex)
            throws Exception {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!out.toString(StandardCharsets.UTF_8).matches(regex)) {
            if (cli.isDone()) {
                throw new AssertionError("nsfx ended first: " + cli.get());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("nsfx printed no " + regex + " within 20 s: " + out);
            }
            try {
                cli.get(50, TimeUnit.MILLISECONDS); // ends the wait early if nsfx exits
            } catch (java.util.concurrent.TimeoutException stillRunning) {
                // read its output again
            }
        }
    }

    @Test
    void anUnwritableRecordingGivesRecordFailedWhilePublishingGoesOnAndExits1() throws Exception {
        Run run = nsfx("publish", nginx.url("live", "rec-fail"), "--size", "160x120", "--duration", "3",
                "--record", "/nonexistent-dir/sub/x.flv").get(40, TimeUnit.SECONDS);
        assertEquals(1, run.exit(), run.out());
        assertTrue(run.out().contains("\"code\":\"NetStream.Record.Failed\""), run.out());
        assertTrue(run.out().contains("\"code\":\"NetStream.Publish.Start\""), run.out());
        assertTrue(run.out().contains("\"code\":\"NetStream.Unpublish.Success\""), "publishing went on: " + run.out());
    }

    @Test
    void aSecondPublishOfTheSameNameGetsBadNameAndExits1() throws Exception {
        try (EnginePublisher first = new EnginePublisher(nginx.appUrl("live"), 160, 120, 15)) {
            first.ns.publish("taken-name", "live");
            first.await("NetStream.Publish.Start", Duration.ofSeconds(10));
            Run run = nsfx("publish", nginx.url("live", "taken-name"), "--size", "160x120", "--duration", "10")
                    .get(40, TimeUnit.SECONDS);
            assertEquals(1, run.exit(), run.out());
            assertTrue(run.out().contains("\"code\":\"NetStream.Publish.BadName\""), run.out());
            assertFalse(run.out().contains("NetStream.Publish.Start"), run.out());
            assertFalse(run.out().contains("taken-name"), run.out());
        }
    }

    /**
     * {@code --video-codec vp9 --audio-codec opus --encoder auto} to FFmpeg 8: the encoder event
     * names libvpx-vp9 (the hardware VP9 encoders tried first, where the natives have them, in
     * fallbackFrom), and FFmpeg 8 records VP9 and Opus.
     */
    @Test
    void videoAndAudioCodecOptionsPublishVp9AndOpusAndPrintTheEncoderUsed(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("vp9-opus.mkv");
        try (Ffmpeg8Ingest ingest = Ffmpeg8Ingest.record(out, Duration.ofSeconds(30))) {
            Run run = nsfx("publish", ingest.appUrl() + "/" + Ffmpeg8Ingest.STREAM, "--size", "320x180", "--keyint", "1",
                    "--duration", "3", "--video-codec", "vp9", "--audio-codec", "opus", "--encoder", "auto")
                    .get(40, TimeUnit.SECONDS);
            assertEquals(0, run.exit(), run.out());
            assertTrue(run.out().matches("(?s).*\"code\":\"NetStreamFX\\.Publish\\.Encoder\".*\"encoder\":\"libvpx-vp9\""
                    + ".*\"hardware\":false.*"), run.out());
            assertTrue(ingest.awaitExit(Duration.ofSeconds(20)), ingest.describe());
            String streams = String.join("\n", Ffmpeg8Ingest.streams(out));
            assertTrue(streams.contains("Video: vp9") && streams.contains("320x180"), streams + "\n" + ingest.describe());
            assertTrue(streams.contains("Audio: opus") && streams.contains("48000 Hz"), streams + "\n" + ingest.describe());
        }
    }

    @Test
    void anUnknownCodecIsABadArgument() throws Exception {
        Run run = nsfx("publish", nginx.url("live", "bad-codec"), "--video-codec", "vp8").get(40, TimeUnit.SECONDS);
        assertEquals(2, run.exit(), run.out());
    }
}
