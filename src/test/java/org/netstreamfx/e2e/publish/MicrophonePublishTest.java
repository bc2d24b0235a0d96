package org.netstreamfx.e2e.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.netstreamfx.app.Main;
import org.netstreamfx.capture.device.CaptureClock;
import org.netstreamfx.capture.device.Devices;
import org.netstreamfx.capture.device.Microphone;
import org.netstreamfx.capture.device.TestCamera;
import org.netstreamfx.capture.encode.AacSettings;
import org.netstreamfx.capture.encode.H264Settings;
import org.netstreamfx.capture.publish.CameraFeed;
import org.netstreamfx.capture.publish.MicrophoneFeed;
import org.netstreamfx.e2e.fixtures.Tools;
import org.netstreamfx.e2e.rtmp.support.FfmpegReader;
import org.netstreamfx.e2e.rtmp.support.NginxRtmp;
import org.netstreamfx.e2e.support.EngineRun;
import org.netstreamfx.player.net.NetConnection;
import org.netstreamfx.player.net.NetStatusEvent;
import org.netstreamfx.player.net.NetStream;
import org.netstreamfx.testkit.sound.Beeps;
import org.netstreamfx.testkit.sound.SoundServer;
import org.netstreamfx.testkit.sound.SoundServerExtension;

/**
 * A real microphone published to nginx-rtmp: beeps played into the test sound server's default
 * source (the microphone Java Sound's {@code default} device records) reach our player and the
 * ffmpeg CLI one second apart; a microphone that is missing, or lost when the server dies, is a
 * {@code NetStreamFX.Publish.FeedFailed} naming it while the video goes on.
 */
@ExtendWith(SoundServerExtension.class)
class MicrophonePublishTest {
    /** The microphone Java Sound's default device is on the test server (ALSA's pulse plugin). */
    static final String MIC_ID = "sound:default [default]";
    static final int BEEPS = 5;
    /** Beeps one second apart, within this, as received: a loaded 2-core box runs all of it. */
    static final double SPACING_TOLERANCE_S = 0.1;
    /** pacat's buffer: large enough that the loaded box does not run it dry (an underrun inserts silence). */
    static final int FEED_LATENCY_MS = 250;
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

    /** The server's source "name.monitor" as the default source: what {@link #MIC_ID} records. */
    private static String defaultMicrophone(SoundServer server, String name) throws Exception {
        String source = server.addMicrophone(name, 48_000, 1);
        server.setDefaultSource(source);
        return name;
    }

    /** A publisher of the test camera and {@code mic}; the microphone's blocks are counted. */
    private static EnginePublisher publisher(Microphone mic, AtomicLong blocks) throws InterruptedException {
        CaptureClock clock = CaptureClock.system();
        EnginePublisher p = new EnginePublisher(nginx.appUrl("live"), 320, 240, 25);
        p.ns.attachCamera(new CameraFeed(new TestCamera(), H264Settings.of(320, 240, 25, 400), clock));
        MicrophoneFeed feed = new MicrophoneFeed(mic, new AacSettings(44_100, 2, 96), clock);
        feed.setBlockObserver(b -> blocks.incrementAndGet());
        p.ns.attachAudio(feed);
        return p;
    }

    @Test
    void beepsIntoTheMicrophoneReachOurPlayerAndFfmpegOneSecondApart(SoundServer server, @TempDir Path dir)
            throws Exception {
        String sink = defaultMicrophone(server, "nsfx_e2e_mic");
        Path beeps = Beeps.write(dir.resolve("beeps.raw"), 48_000, 1, BEEPS);
        Path received = dir.resolve("ffmpeg.raw");
        AtomicLong blocks = new AtomicLong();
        try (EnginePublisher p = publisher(new Devices().microphone(MIC_ID), blocks);
             EngineRun player = new EngineRun(false, nginx.appUrl("live"))) {
            p.ns.publish("mic1", "live");
            p.await("NetStream.Publish.Start", Duration.ofSeconds(10));
            p.awaitTrue("the microphone's first blocks", Duration.ofSeconds(10), () -> blocks.get() > 10);
            // ffmpeg keeps the stream's timing: aresample's async fills any gap, so a sample's place is its time.
            CompletableFuture<Tools.Result> ffmpeg = CompletableFuture.supplyAsync(() -> Tools.runAllowingFailure(
                    List.of(Tools.ffmpeg().toString(), "-hide_banner", "-nostdin", "-v", "error", "-rw_timeout",
                            "5000000", "-i", nginx.url("live", "mic1"), "-vn", "-af", "aresample=async=1000",
                            "-ac", "1", "-ar", "44100", "-f", "s16le", "-y", received.toString()),
                    Duration.ofSeconds(40)));
            PcmRecordingSink decoded = new PcmRecordingSink();
            player.ns.setAudioSink(decoded);
            player.ns.setBufferTime(0.5);
            player.ns.play("mic1");
            p.awaitTrue("our player decodes the stream's audio", Duration.ofSeconds(15),
                    () -> decoded.samples().length > 44_100 / 2);
            p.awaitTrue("ffmpeg receives the stream", Duration.ofSeconds(15),
                    () -> Files.exists(received) && sizeOf(received) > 44_100);
            Process pacat = server.play(beeps, sink, 48_000, 1, FEED_LATENCY_MS);
            assertTrue(pacat.waitFor(20, TimeUnit.SECONDS), "pacat played the beeps");
            assertEquals(0, pacat.exitValue(), server.describe());
            p.awaitTrue("our player decodes every beep", Duration.ofSeconds(10),
                    () -> onsets(decoded.samples()).size() >= BEEPS);
            p.ns.publish(null);
            p.await("NetStream.Unpublish.Success", Duration.ofSeconds(10));
            Tools.Result r = ffmpeg.get(30, TimeUnit.SECONDS);
            assertEquals(0, r.exitCode(), "ffmpeg ends with the stream: " + r.stderr());

            assertEquals(44_100, decoded.sampleRateHz());
            short[] ours = decoded.samples();
            List<Integer> ourOnsets = onsets(ours);
            List<Integer> ffmpegOnsets = onsets(readMono(received));
            String both = "our player's beeps at " + ourOnsets + ", ffmpeg's at " + ffmpegOnsets + " (44.1 kHz frames)";
            assertBeepsOneSecondApart("our player", ourOnsets, both);
            assertBeepsOneSecondApart("ffmpeg", ffmpegOnsets, both);
            assertTrue(p.events.stream().noneMatch(NetStatusEvent::isError), p.codes().toString());
        }
    }

    private static List<Integer> onsets(short[] mono44k) {
        return Beeps.onsets(mono44k, 1, mono44k.length, 44_100);
    }

    private static void assertBeepsOneSecondApart(String who, List<Integer> onsets, String both) {
        assertEquals(BEEPS, onsets.size(), who + " heard every beep once: " + both);
        List<Double> gaps = Beeps.spacingsS(onsets, 44_100);
        for (double gap : gaps) {
            assertEquals(1.0, gap, SPACING_TOLERANCE_S, who + ": beeps one second apart, gaps " + gaps + "; " + both);
        }
    }

    @Test
    void aSoundServerThatDiesMidPublishIsAFeedFailedNamingTheMicrophoneAndThePictureGoesOn(SoundServer server)
            throws Exception {
        defaultMicrophone(server, "nsfx_e2e_mic_lost");
        AtomicLong blocks = new AtomicLong();
        try (EnginePublisher p = publisher(new Devices().microphone(MIC_ID), blocks);
             EngineRun player = new EngineRun(false, nginx.appUrl("live"))) {
            p.ns.publish("lost1", "live");
            p.await("NetStream.Publish.Start", Duration.ofSeconds(10));
            p.awaitTrue("the microphone's first blocks", Duration.ofSeconds(10), () -> blocks.get() > 10);
            player.ns.setBufferTime(0.5);
            player.ns.play("lost1");
            p.awaitTrue("our player shows the stream", Duration.ofSeconds(15), () -> player.renderedPtsUs.size() > 10);
            server.kill();
            NetStatusEvent failed = p.await("NetStreamFX.Publish.FeedFailed", Duration.ofSeconds(10));
            assertTrue(failed.description().startsWith("Microphone " + MIC_ID + " stopped: The microphone \""
                    + MIC_ID + "\" stopped delivering"), failed.description());
            assertTrue(failed.description().endsWith("Publishing goes on with silence in its place."),
                    failed.description());
            // The picture goes on: silence keeps the audio track running, so players that buffer
            // every track (ours, Flash's) do not stall, and ffmpeg starts on the stream as before.
            int shown = player.renderedPtsUs.size();
            p.awaitTrue("two more seconds of pictures in our player", Duration.ofSeconds(15),
                    () -> player.renderedPtsUs.size() >= shown + 50);
            Tools.Result video = Tools.runAllowingFailure(List.of(Tools.ffmpeg().toString(), "-hide_banner",
                    "-nostdin", "-v", "error", "-rw_timeout", "5000000", "-i", nginx.url("live", "lost1"),
                    "-frames:v", "25", "-f", "null", "-"), Duration.ofSeconds(30));
            assertEquals(0, video.exitCode(), "ffmpeg reads 25 pictures: " + video.stderr());
            assertTrue(p.ns.publishing(), "still publishing");
            assertEquals(1, p.count("NetStreamFX.Publish.FeedFailed"), p.codes().toString());
        } finally {
            server.restart();
        }
    }

    /** {@code nsfx publish --mic <an id that is not there>}: one FeedFailed naming it, the camera on air. */
    @Test
    void nsfxPublishWithAMissingMicrophoneSaysSoAndPublishesTheCamera() throws Exception {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        PrintStream saved = System.out;
        int exit;
        FfmpegReader.Reading reading;
        synchronized (PublishCommandTest.class) {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            try {
                CompletableFuture<Integer> cli = CompletableFuture.supplyAsync(() -> Main.run(new String[] {"publish",
                    nginx.url("live", "nomic1"), "--camera", "test", "--mic", "sound:no such microphone", "--size",
                    "320x240", "--duration", "6"}));
                awaitTrue("Publish.Start printed", Duration.ofSeconds(20),
                        () -> o.toString(StandardCharsets.UTF_8).contains("\"code\":\"NetStream.Publish.Start\""));
                reading = FfmpegReader.read(nginx.url("live", "nomic1"), 1);
                exit = cli.get(30, TimeUnit.SECONDS);
            } finally {
                System.setOut(saved);
            }
        }
        String out = o.toString(StandardCharsets.UTF_8);
        assertEquals(1, exit, "the exit status says a device failed: " + out);
        assertTrue(out.contains("\"code\":\"NetStreamFX.Publish.FeedFailed\",\"level\":\"error\",\"description\":"
                + "\"Microphone sound:no such microphone cannot be published: No microphone \\\"sound:no such "
                + "microphone\\\""), out);
        assertTrue(out.contains("\"code\":\"NetStream.Unpublish.Success\""), "published until --duration: " + out);
        assertTrue(reading.videoFrames() >= 20, "ffmpeg received a second of the camera: " + reading);
        assertEquals(0, reading.audioSamples(), "and no audio: " + reading);
    }

    private static void awaitTrue(String what, Duration limit, java.util.function.BooleanSupplier condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + limit + " waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    private static long sizeOf(Path p) {
        try {
            return Files.size(p);
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    private static short[] readMono(Path raw) throws java.io.IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(raw)).order(ByteOrder.LITTLE_ENDIAN);
        short[] s = new short[b.remaining() / 2];
        b.asShortBuffer().get(s);
        return s;
    }
}
