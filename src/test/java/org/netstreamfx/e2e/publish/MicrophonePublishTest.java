package org.netstreamfx.e2e.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.netstreamfx.app.Main;
import org.netstreamfx.capture.device.CaptureClock;
import org.netstreamfx.capture.device.Devices;
import org.netstreamfx.capture.device.Microphone;
import org.netstreamfx.capture.device.TestCamera;
import org.netstreamfx.capture.device.VideoFormat;
import org.netstreamfx.capture.encode.AacSettings;
import org.netstreamfx.capture.encode.H264Settings;
import org.netstreamfx.capture.feed.CameraFeed;
import org.netstreamfx.capture.feed.MicrophoneFeed;
import org.netstreamfx.e2e.fixtures.Tools;
import org.netstreamfx.e2e.rtmp.support.FfmpegReader;
import org.netstreamfx.e2e.rtmp.support.NginxServer;
import org.netstreamfx.e2e.support.EngineRun;
import org.netstreamfx.player.net.NetStatusEvent;
import org.netstreamfx.testkit.RunsAlone;
import org.netstreamfx.testkit.sound.Beeps;
import org.netstreamfx.testkit.sound.SoundServer;
import org.netstreamfx.testkit.sound.SoundServerExtension;

/**
 * A real microphone published to nginx-rtmp: beeps played into the test sound server's default
 * source (the microphone Java Sound's {@code default} device records) reach our player and the
 * ffmpeg CLI one second apart; a microphone that is missing, or lost when the server dies, is a
 * {@code NetStreamFX.Publish.FeedFailed} naming it while the picture goes on.
 */
@ExtendWith(SoundServerExtension.class)
@RunsAlone
class MicrophonePublishTest {
    /** The microphone Java Sound's default device is on the test server (ALSA's pulse plugin). */
    static final String MIC_ID = "sound:default [default]";
    static final int BEEPS = 5;
    static final int RATE_HZ = 44_100;
    /** Beeps one second apart, within this, as received: a loaded 2-core box runs all of it. */
    static final double SPACING_TOLERANCE_S = 0.1;
    /** pacat's buffer: large enough that the loaded box does not run it dry (an underrun inserts silence). */
    static final int FEED_LATENCY_MS = 1000;
    /** How much more a reader decodes after the last beep was played before it is read: the live delay and more. */
    static final int AFTER_LAST_BEEP_FRAMES = RATE_HZ * 3 / 2;
    @RegisterExtension
    static final NginxServer nginx = new NginxServer();

    /** Makes a source "name.monitor" the server's default: what {@link #MIC_ID} records. Returns its sink. */
    private static String defaultMicrophone(SoundServer server, String name) throws IOException {
        server.setDefaultSource(server.addMicrophone(name, 48_000, 1));
        return name;
    }

    /** A publisher of the test camera and {@code mic}; the microphone's blocks are counted. */
    private static EnginePublisher publisher(Microphone mic, Tally blocks) throws InterruptedException {
        CaptureClock clock = CaptureClock.system();
        EnginePublisher p = new EnginePublisher(nginx.appUrl("live"), 320, 240, 25);
        p.ns.attachCamera(new CameraFeed(new TestCamera(), H264Settings.of(320, 240, 25, 400), clock));
        MicrophoneFeed feed = new MicrophoneFeed(mic, new AacSettings(RATE_HZ, 2, 96), clock);
        feed.setBlockObserver(b -> blocks.add(1));
        p.ns.attachAudio(feed);
        return p;
    }

    @Test
    void beepsIntoTheMicrophoneReachOurPlayerAndFfmpegOneSecondApart(SoundServer server, @TempDir Path dir)
            throws Exception {
        String sink = defaultMicrophone(server, "nsfx_e2e_mic");
        Path beeps = Beeps.write(dir.resolve("beeps.raw"), 48_000, 1, BEEPS);
        Tally blocks = new Tally();
        try (EnginePublisher p = publisher(new Devices().microphone(MIC_ID), blocks);
             EngineRun player = new EngineRun(false, nginx.appUrl("live"))) {
            p.ns.publish("mic1", "live");
            p.await("NetStream.Publish.Start", Duration.ofSeconds(10));
            blocks.awaitAtLeast(10, Duration.ofSeconds(10), "the microphone's first blocks");
            // ffmpeg keeps the stream's timing: aresample's async fills any gap, so a sample's place is its time.
            PcmReader ffmpeg = new PcmReader(List.of(Tools.ffmpeg().toString(), "-hide_banner", "-nostdin", "-v",
                    "error", "-rw_timeout", "5000000", "-i", nginx.url("live", "mic1"), "-vn", "-af",
                    "aresample=async=1000", "-ac", "1", "-ar", Integer.toString(RATE_HZ), "-f", "s16le", "-"));
            LoopbackProbe decoded = new LoopbackProbe(CaptureClock.system(), new VideoFormat(320, 240, 25));
            player.ns.setAudioSink(decoded.audio);
            player.ns.setBufferTime(0.5);
            player.ns.play("mic1");
            decoded.samplesWritten.awaitAtLeast(RATE_HZ / 2, Duration.ofSeconds(15), "our player decoding the stream's audio");
            ffmpeg.bytes.awaitAtLeast(RATE_HZ, Duration.ofSeconds(15), "ffmpeg decoding the stream's audio");

            Process pacat = server.play(beeps, sink, 48_000, 1, FEED_LATENCY_MS);
            assertTrue(pacat.waitFor(20, TimeUnit.SECONDS), "pacat played the beeps");
            assertEquals(0, pacat.exitValue(), server.describe());
            decoded.samplesWritten.awaitAtLeast(decoded.samplesWritten.get() + AFTER_LAST_BEEP_FRAMES, Duration.ofSeconds(10),
                    "our player decoding past the last beep");
            ffmpeg.bytes.awaitAtLeast(ffmpeg.bytes.get() + 2L * AFTER_LAST_BEEP_FRAMES, Duration.ofSeconds(10),
                    "ffmpeg decoding past the last beep");
            p.ns.publish(null);
            p.await("NetStream.Unpublish.Success", Duration.ofSeconds(10));
            short[] theirs = ffmpeg.finish(Duration.ofSeconds(20));

            assertEquals(RATE_HZ, decoded.sampleRateHz());
            List<Integer> ourOnsets = onsets(decoded.leftChannel());
            List<Integer> ffmpegOnsets = onsets(theirs);
            String both = "our player's beeps at " + ourOnsets + ", ffmpeg's at " + ffmpegOnsets + " (44.1 kHz frames)";
            System.err.println("MicrophonePublishTest: " + both + "; gaps (s) ours " + Beeps.spacingsS(ourOnsets, RATE_HZ)
                    + ", ffmpeg's " + Beeps.spacingsS(ffmpegOnsets, RATE_HZ));
            assertBeepsOneSecondApart("our player", ourOnsets, both);
            assertBeepsOneSecondApart("ffmpeg", ffmpegOnsets, both);
            assertTrue(p.events.stream().noneMatch(NetStatusEvent::isError), p.codes().toString());
        }
    }

    private static List<Integer> onsets(short[] mono) {
        return Beeps.onsets(mono, 1, mono.length, RATE_HZ);
    }

    private static void assertBeepsOneSecondApart(String who, List<Integer> onsets, String both) {
        assertEquals(BEEPS, onsets.size(), who + " heard every beep once: " + both);
        List<Double> gaps = Beeps.spacingsS(onsets, RATE_HZ);
        for (double gap : gaps) {
            assertEquals(1.0, gap, SPACING_TOLERANCE_S, who + ": beeps one second apart, gaps " + gaps + "; " + both);
        }
    }

    @Test
    void aSoundServerThatDiesMidPublishIsAFeedFailedNamingTheMicrophoneAndThePictureGoesOn(SoundServer server)
            throws Exception {
        defaultMicrophone(server, "nsfx_e2e_mic_lost");
        Tally blocks = new Tally();
        Tally shown = new Tally();
        try (EnginePublisher p = publisher(new Devices().microphone(MIC_ID), blocks);
             EngineRun player = new EngineRun(false, nginx.appUrl("live"))) {
            p.ns.publish("lost1", "live");
            p.await("NetStream.Publish.Start", Duration.ofSeconds(10));
            blocks.awaitAtLeast(10, Duration.ofSeconds(10), "the microphone's first blocks");
            player.ns.setVideoSink(frame -> shown.add(1));
            player.ns.setBufferTime(0.5);
            player.ns.play("lost1");
            shown.awaitAtLeast(10, Duration.ofSeconds(15), "our player showing the stream");
            server.kill();
            NetStatusEvent failed = p.await("NetStreamFX.Publish.FeedFailed", Duration.ofSeconds(10));
            assertTrue(failed.description().startsWith("Microphone " + MIC_ID + " stopped: The microphone \""
                    + MIC_ID + "\" stopped delivering"), failed.description());
            assertTrue(failed.description().endsWith("Publishing goes on with silence in its place."),
                    failed.description());
            // The picture goes on: silence keeps the audio track running, so players that buffer
            // every track (ours, Flash's) do not stall, and ffmpeg starts on the stream as before.
            shown.awaitAtLeast(shown.get() + 50, Duration.ofSeconds(15), "two more seconds of pictures in our player");
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
        PrintedLines printed = new PrintedLines("\"code\":\"NetStream.Publish.Start\"");
        PrintStream saved = System.out;
        int exit;
        FfmpegReader.Reading reading;
        synchronized (PublishCommandTest.class) {
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            try {
                CompletableFuture<Integer> cli = CompletableFuture.supplyAsync(() -> Main.run(new String[] {"publish",
                    nginx.url("live", "nomic1"), "--camera", "test", "--mic", "sound:no such microphone", "--size",
                    "320x240", "--duration", "8"}));
                printed.seen.get(20, TimeUnit.SECONDS);
                reading = FfmpegReader.read(nginx.url("live", "nomic1"), 1);
                exit = cli.get(30, TimeUnit.SECONDS);
            } finally {
                System.setOut(saved);
            }
        }
        String out = printed.text();
        assertEquals(1, exit, "the exit status says a device failed: " + out);
        assertTrue(out.contains("\"code\":\"NetStreamFX.Publish.FeedFailed\",\"level\":\"error\",\"description\":"
                + "\"Microphone sound:no such microphone cannot be published: No microphone \\\"sound:no such "
                + "microphone\\\""), out);
        assertTrue(out.contains("\"code\":\"NetStream.Unpublish.Success\""), "published until --duration: " + out);
        assertTrue(reading.videoFrames() >= 20, "ffmpeg received a second of the camera: " + reading);
        assertEquals(0, reading.audioSamples(), "and no audio: " + reading);
    }

    /** What the command line prints, and a future completed when a line holds {@code awaited}. */
    private static final class PrintedLines extends OutputStream {
        final CompletableFuture<Void> seen = new CompletableFuture<>();
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final String awaited;

        PrintedLines(String awaited) {
            this.awaited = awaited;
        }

        @Override
        public synchronized void write(int b) {
            bytes.write(b);
            if (b == '\n' && text().contains(awaited)) {
                seen.complete(null);
            }
        }

        synchronized String text() {
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }

    /** The ffmpeg CLI decoding to raw 16-bit mono on its stdout, read as it comes. */
    private static final class PcmReader {
        final Tally bytes = new Tally();
        private final ByteArrayOutputStream pcm = new ByteArrayOutputStream();
        private final Process process;
        private final CompletableFuture<String> stderr;
        private final Thread reader;

        PcmReader(List<String> command) throws IOException {
            process = new ProcessBuilder(command).start();
            stderr = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
            reader = new Thread(this::read, "ffmpeg-pcm-reader");
            reader.start();
        }

        private void read() {
            byte[] buf = new byte[8192];
            try (InputStream in = process.getInputStream()) {
                for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                    synchronized (pcm) {
                        pcm.write(buf, 0, n);
                    }
                    bytes.add(n);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Waits for ffmpeg to end (the stream ended) and returns every sample it decoded. */
        short[] finish(Duration limit) throws Exception {
            if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("ffmpeg did not end within " + limit + " after the stream ended");
            }
            reader.join(limit.toMillis());
            assertEquals(0, process.exitValue(), "ffmpeg: " + stderr.get(5, TimeUnit.SECONDS));
            ByteBuffer b;
            synchronized (pcm) {
                b = ByteBuffer.wrap(pcm.toByteArray()).order(ByteOrder.LITTLE_ENDIAN);
            }
            short[] s = new short[b.remaining() / 2];
            b.asShortBuffer().get(s);
            return s;
        }

        private static String readAll(InputStream in) {
            try (in) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
