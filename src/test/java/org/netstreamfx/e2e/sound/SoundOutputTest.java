package org.netstreamfx.e2e.sound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.netstreamfx.e2e.fixtures.Fixtures;
import org.netstreamfx.e2e.fixtures.Tools;
import org.netstreamfx.player.net.NetConnection;
import org.netstreamfx.player.net.NetStatusEvent;
import org.netstreamfx.player.net.NetStream;
import org.netstreamfx.player.sink.VideoFrame;
import org.netstreamfx.player.sink.VideoSink;
import org.netstreamfx.testkit.RunsAlone;
import org.netstreamfx.testkit.sound.MonitorRecording;
import org.netstreamfx.testkit.sound.SoundServer;
import org.netstreamfx.testkit.sound.SoundServerExtension;

/**
 * The engine's default sound output (Java Sound through ALSA's pulse plugin) against a real
 * PulseAudio server, measured where a person hears it: the sink's monitor.
 *
 * <p>The clip: 25 fps test pattern; audio a 440 Hz tone at -21 dBFS for the first 3 s, then
 * silence to 5 s.
 */
@ExtendWith(SoundServerExtension.class)
@RunsAlone
class SoundOutputTest {
    private static final int RATE = 44100;
    private static final long FRAME_NS = 40_000_000;
    /**
     * What a loaded 2-core machine may add to "within one frame period" (the target, met on a
     * quiet machine: 25-40 ms) while the bug it guards against, a picture frozen until the sound
     * device starts, was 2 s.
     */
    private static final long LOAD_SLACK_NS = 110_000_000;
    /** Silence after pause(): the target is 50 ms; this much is allowed on a loaded machine. */
    private static final int PAUSE_BOUND_MS = 100;
    @TempDir
    static Path dir;
    private static Path clip;

    private final ExecutorService callbacks = Executors.newSingleThreadExecutor();
    private final BlockingQueue<Stamped> events = new LinkedBlockingQueue<>();
    private final List<Long> renderNanos = new CopyOnWriteArrayList<>();
    private final List<Long> renderPts = new CopyOnWriteArrayList<>();
    private NetConnection nc;
    private NetStream ns;

    record Stamped(String code, long nanos, Object details) {}

    @BeforeAll
    static void makeClip() throws Exception {
        clip = dir.resolve("tone-then-silence.mp4");
        Tools.Result r = Tools.run(List.of(Tools.ffmpeg().toString(), "-v", "error", "-y",
                "-f", "lavfi", "-i", "testsrc2=size=320x180:rate=25",
                "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=" + RATE,
                "-af", "volume=enable='gte(t,3)':volume=0", "-ac", "2", "-t", "5",
                "-c:v", "libx264", "-g", "25", "-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", "128k",
                clip.toString()), java.time.Duration.ofSeconds(60));
        assertEquals(0, r.exitCode(), r.stderr());
        assertTrue(Files.size(clip) > 0);
    }

    private void open() {
        nc = new NetConnection(callbacks);
        nc.connect(null);
        ns = new NetStream(nc);
        ns.addNetStatusListener(e -> events.add(new Stamped(e.code(), System.nanoTime(), e.details())));
        ns.setVideoSink(new VideoSink() {
            @Override
            public void render(VideoFrame frame) {
                renderNanos.add(System.nanoTime());
                renderPts.add(frame.ptsUs());
            }
        });
    }

    @AfterEach
    void close() {
        if (ns != null) {
            ns.close();
        }
        if (nc != null) {
            nc.close();
        }
        callbacks.shutdownNow();
    }

    private Stamped await(String code) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            Stamped s = events.poll(100, TimeUnit.MILLISECONDS);
            if (s != null && s.code.equals(code)) {
                return s;
            }
            if (s != null && s.code.contains("Failed")) {
                throw new AssertionError("failed: " + s);
            }
        }
        throw new AssertionError("no " + code + " within 20 s");
    }

    /** Starts recording the output, plays the clip and waits until the playhead passes {@code seconds}. */
    private MonitorRecording recordAndPlayTo(SoundServer server, double seconds) throws Exception {
        MonitorRecording rec = server.record(SoundServer.SINK, RATE);
        open();
        ns.play(clip.toString());
        await("NetStream.Buffer.Full");
        awaitTime(seconds);
        return rec;
    }

    /** Waits until the playhead passes {@code seconds} (media time). */
    private void awaitTime(double seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (ns.time() < seconds) {
            assertTrue(System.nanoTime() < deadline, "playhead stuck at " + ns.time());
            TimeUnit.MILLISECONDS.sleep(5); // polling the playhead, which has no event of its own
        }
    }

    @Test
    void pictureMovesAtBufferFullAndNoFrameIsDroppedAtStart(SoundServer server) throws Exception {
        // The hard case: a device that starts up to 2 s late (an idle null sink). The picture must
        // not wait for it, and no frame may be dropped when the sound joins.
        server.setKeepAlive(false);
        try {
            pictureMovesAtBufferFull();
        } finally {
            server.setKeepAlive(true);
        }
    }

    private void pictureMovesAtBufferFull() throws Exception {
        open();
        ns.play(clip.toString());
        Stamped full = await("NetStream.Buffer.Full");
        awaitTime(1.0);
        // The first frame is the still shown while buffering; the second is due one frame period
        // after Buffer.Full. Allow one more for a loaded machine.
        long second = renderNanos.stream().filter(t -> t > full.nanos).skip(1).findFirst().orElseThrow();
        long afterFullMs = TimeUnit.NANOSECONDS.toMillis(second - full.nanos);
        assertTrue(second - full.nanos <= FRAME_NS + LOAD_SLACK_NS, "the picture moved " + afterFullMs
                + " ms after Buffer.Full; events " + events);
        assertEquals(0, ns.info().droppedFrames(), "frames dropped in the first second; render times after "
                + "Buffer.Full " + renderNanos.stream().map(t -> (t - full.nanos) / 1_000_000).toList() + " pts "
                + renderPts + " " + events);
        assertTrue(events.stream().noneMatch(e -> e.code.startsWith("NetStreamFX.Audio")),
                "no audio warning: " + events);
    }

    @Test
    void soundAndPictureStartTogetherAtBufferFull(SoundServer server) throws Exception {
        MonitorRecording rec = server.record(SoundServer.SINK, RATE);
        open();
        ns.play(clip.toString());
        Stamped full = await("NetStream.Buffer.Full");
        awaitTime(1.0);
        MonitorRecording.Recorded r = rec.stop();
        long soundAt = r.nanosOf(r.onsets(1000, 200).get(0));
        long second = renderNanos.stream().filter(t -> t > full.nanos).findFirst().orElseThrow();
        long soundMs = TimeUnit.NANOSECONDS.toMillis(soundAt - full.nanos);
        long pictureMs = TimeUnit.NANOSECONDS.toMillis(second - full.nanos);
        System.out.println("sound " + soundMs + " ms, picture " + pictureMs + " ms after Buffer.Full");
        assertTrue(Math.abs(soundAt - full.nanos) <= FRAME_NS + LOAD_SLACK_NS, "the sound started " + soundMs
                + " ms after Buffer.Full; " + profile(r, (int) r.indexAt(full.nanos)));
        assertTrue(second - full.nanos <= FRAME_NS + LOAD_SLACK_NS, "the picture moved " + pictureMs + " ms after "
                + "Buffer.Full");
        assertEquals(0, ns.info().droppedFrames(), "frames dropped at the start");
    }

    @Test
    void aSeekFlushesTheDevice(SoundServer server) throws Exception {
        MonitorRecording rec = recordAndPlayTo(server, 1.5);
        // Into the silent part while the tone plays: nothing of the tone may follow Seek.Notify.
        ns.seek(3.5);
        Stamped notify = await("NetStream.Seek.Notify");
        awaitTime(4.2);
        MonitorRecording.Recorded r = rec.stop();
        int n = (int) r.indexAt(notify.nanos);
        int ms = RATE / 1000;
        assertTrue(r.rmsDbfs(n - 300 * ms, n - 100 * ms) > -30, "the tone before the seek");
        assertTrue(r.rmsDbfs(n + 10 * ms, n + 400 * ms) < -80, "nothing from before the seek after Seek.Notify: "
                + r.rmsDbfs(n + 10 * ms, n + 400 * ms) + " dBFS; " + profile(r, n));
    }

    @Test
    void theDefaultOutputFollowsTheSystemsDefault(SoundServer server) throws Exception {
        String other = "nsfx_other_out";
        server.addMicrophone(other, RATE, 2); // a second output (its monitor records it)
        server.run(List.of("pactl", "set-default-sink", other));
        try {
            MonitorRecording onOther = server.record(other, RATE);
            MonitorRecording onFirst = server.record(SoundServer.SINK, RATE);
            open();
            ns.play(clip.toString());
            await("NetStream.Buffer.Full");
            awaitTime(1.5);
            MonitorRecording.Recorded o = onOther.stop();
            MonitorRecording.Recorded f = onFirst.stop();
            assertTrue(o.rmsDbfs(0, o.frames()) > -40, "heard on the system's new default output");
            assertTrue(f.rmsDbfs(0, f.frames()) < -80, "not on the old one");
        } finally {
            server.run(List.of("pactl", "set-default-sink", SoundServer.SINK));
        }
    }

    @Test
    void audioOnlyMediaPlaysOnTheDeviceClock(SoundServer server, @TempDir Path tmp) throws Exception {
        Path m4a = tmp.resolve("tone.m4a");
        Tools.run(List.of(Tools.ffmpeg().toString(), "-v", "error", "-y", "-f", "lavfi", "-i",
                "sine=frequency=440:sample_rate=" + RATE + ":duration=2", "-ac", "2", "-c:a", "aac", m4a.toString()),
                java.time.Duration.ofSeconds(60));
        MonitorRecording rec = server.record(SoundServer.SINK, RATE);
        open();
        long start = System.nanoTime();
        ns.play(m4a.toString());
        await("NetStream.Buffer.Full");
        await("NetStream.Play.Stop");
        long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        MonitorRecording.Recorded r = rec.stop();
        assertTrue(tookMs >= 1900 && tookMs < 6000, "2 s of sound took " + tookMs + " ms: paced by the device");
        assertTrue(ns.time() >= 1.9, "the clock reached the end: " + ns.time());
        assertTrue(r.rmsDbfs(0, r.frames()) > -40, "heard");
        assertTrue(events.stream().noneMatch(e -> e.code.startsWith("NetStreamFX.Audio")), events.toString());
    }

    /** Levels per 100 ms, from 2 s before {@code mark} to the end, for failure messages. */
    private static String profile(MonitorRecording.Recorded r, int mark) {
        StringBuilder b = new StringBuilder("levels per 100 ms from mark-2s: ");
        for (int i = mark - 20 * RATE / 10; i < r.frames(); i += RATE / 10) {
            b.append(Math.round(r.rmsDbfs(i, i + RATE / 10))).append(' ');
        }
        return b.toString();
    }

    @Test
    void volumeActsWithin100MsAndMuteIsSilence(SoundServer server) throws Exception {
        MonitorRecording rec = recordAndPlayTo(server, 1.5); // past the start, whose timing is tested on its own
        long quarterAt = System.nanoTime();
        ns.setVolume(0.25);
        awaitTime(2.1);
        long muteAt = System.nanoTime();
        ns.setVolume(0);
        awaitTime(2.7);
        MonitorRecording.Recorded r = rec.stop();
        int q = (int) r.indexAt(quarterAt);
        int m = (int) r.indexAt(muteAt);
        int ms100 = RATE / 10;
        double full = r.rmsDbfs(q - 4 * ms100, q);
        double quarter = r.rmsDbfs(q + ms100, m);
        double muted = r.rmsDbfs(m + ms100, m + 4 * ms100);
        assertTrue(full > -30, "tone heard at volume 1: " + full + " dBFS; " + profile(r, q) + events);
        assertEquals(-12.04, quarter - full, 1.0, "volume 0.25 from 100 ms after the call: " + quarter
                + " against " + full + " dBFS");
        assertTrue(muted < -80, "volume 0 silent from 100 ms after the call: " + muted + " dBFS");
    }

    @Test
    void pauseSilencesWithin50MsAndResumeGoesOnWhereItStopped(SoundServer server) throws Exception {
        MonitorRecording rec = recordAndPlayTo(server, 1.5);
        long pauseAt = System.nanoTime();
        ns.pause();
        await("NetStream.Pause.Notify");
        long pausedFor = System.nanoTime();
        // Stay paused for 300 ms of recording: a stretch of time is what is tested, no event marks it.
        long pausedUntil = pausedFor + 300_000_000L;
        while (System.nanoTime() < pausedUntil) {
            TimeUnit.MILLISECONDS.sleep(10);
        }
        long resumeAt = System.nanoTime();
        ns.resume();
        await("NetStream.Unpause.Notify");
        awaitTime(2.2);
        MonitorRecording.Recorded rec2 = rec.stop();
        int p = (int) rec2.indexAt(pauseAt);
        int res = (int) rec2.indexAt(resumeAt);
        int ms = RATE / 1000;
        assertTrue(rec2.rmsDbfs(p - 200 * ms, p) > -30, "tone before the pause");
        StringBuilder around = new StringBuilder("levels per 10 ms from pause(): ");
        for (int i = p; i < Math.min(res, p + 150 * ms); i += 10 * ms) {
            around.append(Math.round(rec2.rmsDbfs(i, i + 10 * ms))).append(' ');
        }
        System.out.println(around);
        // The target is silence within 50 ms of pause() (measured: 10 to 30 ms); the test allows
        // what a loaded 2-core machine adds to the command's way to the playback thread.
        // (The window ends 50 ms before resume(): the recording's map to the JVM's clock may be a few
        // ms off, and the sound after resume() is not what is tested here.)
        assertTrue(rec2.rmsDbfs(p + PAUSE_BOUND_MS * ms, res - 50 * ms) < -80, "silent from " + PAUSE_BOUND_MS
                + " ms after pause() until resume(): " + rec2.rmsDbfs(p + PAUSE_BOUND_MS * ms, res - 50 * ms)
                + " dBFS; " + around);
        assertTrue(rec2.rmsDbfs(res + 150 * ms, res + 400 * ms) > -30, "tone again after resume()");
    }

    @Test
    void aSoundServerThatGoesAwayIsAWarningAndPlaybackGoesOn(SoundServer server) throws Exception {
        open();
        ns.play(clip.toString());
        await("NetStream.Buffer.Full");
        awaitTime(1.0);
        server.kill();
        Stamped lost;
        try {
            lost = await("NetStreamFX.Audio.DeviceLost");
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + " time " + ns.time() + " " + events, e);
        }
        assertTrue(lost.nanos > 0);
        await("NetStream.Play.Stop"); // the rest of the clip plays on the wall clock, no hang
        assertTrue(ns.time() >= 4.9, "played to the end: " + ns.time());
        server.restart();
        // The next play uses the device again.
        events.clear();
        MonitorRecording rec = server.record(SoundServer.SINK, RATE);
        long start = System.nanoTime();
        ns.play(clip.toString());
        await("NetStream.Buffer.Full");
        awaitTime(2.5);
        MonitorRecording.Recorded r = rec.stop();
        int s = (int) r.indexAt(start);
        assertTrue(r.rmsDbfs(s, r.frames()) > -30, "heard again after the server came back: " + profile(r, s)
                + events + " " + server.describe());
        // The device works again: no NoDevice or DeviceLost. (An Underrun is a loaded machine
        // starving the device for a moment, which it reports truthfully; it is not tested here.)
        assertTrue(events.stream().noneMatch(e -> e.code.equals("NetStreamFX.Audio.NoDevice")
                || e.code.equals("NetStreamFX.Audio.DeviceLost")), events.toString());
    }
}
