package org.netstreamfx.e2e.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.netstreamfx.capture.device.CaptureClock;
import org.netstreamfx.capture.device.VideoFormat;
import org.netstreamfx.e2e.rtmp.support.NginxServer;
import org.netstreamfx.e2e.support.EngineRun;
import org.netstreamfx.player.rtmp.client.RtmpOptions;
import org.netstreamfx.testkit.RunsAlone;

/**
 * Issue #4: publish the test camera and the tone to nginx-rtmp, play it back with our own player
 * (bufferTime 0), and read the frame counter in every picture shown: the end-to-end delay, frames
 * neither duplicated nor mislabelled, and the tone's beeps in sync with the counter's seconds.
 */
@RunsAlone
class LoopbackDelayTest {
    private static final int FPS = 25;
    private static final long FRAME_US = 1_000_000 / FPS;
    private static final VideoFormat CAMERA = new VideoFormat(320, 240, FPS);
    /**
     * A generous bound for a loaded 2-core CI machine. On a quiet one the delay is about 0.1 s,
     * wherever in a GOP the player joins (the test below).
     */
    private static final long MAX_DELAY_US = 3_000_000;
    /** How long the player watches. */
    private static final Duration WATCH = Duration.ofSeconds(8);
    /** The largest A/V sync error accepted, in µs (AAC's priming alone puts audio about 23 ms late). */
    private static final long MAX_AV_SYNC_US = 60_000;

    @RegisterExtension
    static final NginxServer nginx = new NginxServer();

    @Test
    void ourPlayerReadsTheCounterOfEveryFrameWithItsTimestampAndTheDelayAndTheBeepsInSync() throws Exception {
        LoopbackProbe probe = publishAndWatch("loop1", 1, Duration.ZERO, WATCH);
        List<LoopbackProbe.Shown> shown = probe.shown();
        List<LoopbackProbe.Shown> read = probe.readFrames();
        String summary = "shown " + shown.size() + ", read " + read.size() + "; median delay " + probe.meter.medianUs()
                + " µs, p95 " + probe.meter.p95Us() + " µs";
        System.out.println("[LoopbackDelayTest] " + summary);

        // Most pictures carry a readable counter, and about as many as the camera made in that time.
        assertTrue(read.size() >= 0.95 * shown.size(), "most frames are readable: " + summary);
        assertTrue(read.size() >= 0.6 * FPS * WATCH.toSeconds(), "frames keep coming: " + summary);

        // The counter only goes up: no frame shown twice, none out of order.
        for (int i = 1; i < read.size(); i++) {
            assertTrue(read.get(i).frame() > read.get(i - 1).frame(),
                    "frame " + read.get(i).frame() + " shown after frame " + read.get(i - 1).frame()
                            + " (picture " + i + ")");
        }

        // The delay is positive and bounded.
        assertTrue(probe.meter.medianUs() > 0, summary);
        assertTrue(probe.meter.p95Us() < MAX_DELAY_US, summary);
        assertTrue(read.stream().allMatch(s -> s.delayUs() >= 0 && s.delayUs() < 2 * MAX_DELAY_US), summary);

        // The stream timestamp of each picture is the time of the frame the counter names: frame
        // n is shown at n/fps after the first, so no picture is a duplicate or carries another's time.
        LoopbackProbe.Shown first = read.get(0);
        for (LoopbackProbe.Shown s : read) {
            long expectedUs = (s.frame() - first.frame()) * 1_000_000L / FPS;
            long actualUs = s.ptsUs() - first.ptsUs();
            assertTrue(Math.abs(actualUs - expectedUs) <= FRAME_US / 2, "frame " + s.frame() + " has timestamp "
                    + actualUs + " µs after frame " + first.frame() + "'s, expected " + expectedUs + " µs");
        }

        assertBeepsPlayWithTheCounterSeconds(probe);
    }

    /**
     * With bufferTime 0 a live player should show the newest frames, whatever the keyframe
     * interval: the delay is encoding, the server and the network, a few hundred ms here.
     *
     * <p>A player that joins between keyframes gets audio at once and video only from the next
     * keyframe. It used to resume its clock from that first audio, so the wait (up to a keyframe
     * interval) stayed in the delay and in bufferLength for the whole session: 2.03 s with
     * keyframes every 2 s. Now a live stream starts at its newest data (NetStreamFX.Live.Join).
     * This test joins 2.3 s into a 2 s GOP (just after the second keyframe), so the player waits
     * about 1.7 s for the third, and the delay must still be well under a second.
     */
    @Test
    void withBufferTimeZeroOurPlayerStaysNearTheLiveEdgeWhateverTheKeyframeInterval() throws Exception {
        LoopbackProbe probe = publishAndWatch("edge1", 2, Duration.ofMillis(2300), Duration.ofSeconds(4));
        assertTrue(probe.readFrames().size() >= FPS * 2, "frames shown: " + probe.readFrames().size());
        assertTrue(probe.meter.medianUs() < 1_000_000, "median delay " + probe.meter.medianUs()
                + " µs with keyframes every 2 s: the player waits for a keyframe and never catches up");
    }

    /**
     * Publishes the test camera and the tone as {@code name} (a keyframe every {@code keyintS}),
     * plays it {@code joinAfter} after Publish.Start with our player at bufferTime 0, and watches
     * {@code watch} of it after the first readable counter.
     */
    private static LoopbackProbe publishAndWatch(String name, double keyintS, Duration joinAfter, Duration watch)
            throws Exception {
        CaptureClock clock = CaptureClock.system();
        LoopbackProbe probe = new LoopbackProbe(clock, CAMERA);
        try (EnginePublisher p = new EnginePublisher(nginx.appUrl("live"), CAMERA.width(), CAMERA.height(), FPS,
                RtmpOptions.DEFAULTS, 600, keyintS, clock);
             EngineRun run = new EngineRun(false, nginx.appUrl("live"))) {
            p.ns.publish(name, "live");
            p.await("NetStream.Publish.Start", Duration.ofSeconds(10));
            // The player joins a stream that has been on air joinAfter, counted in captured pictures.
            p.awaitMoreFrames(joinAfter.toMillis() * FPS / 1000, joinAfter.plusSeconds(20));
            run.ns.setVideoSink(probe.video);
            run.ns.setAudioSink(probe.audio);
            run.ns.setBufferTime(0);
            run.ns.play(name);
            p.awaitTrue("our player shows the first counter", Duration.ofSeconds(15),
                    () -> !probe.readFrames().isEmpty());
            long watchUntilUs = clock.nowUs() + watch.toNanos() / 1000;
            p.awaitTrue("our player plays " + watch, watch.plusSeconds(5), () -> clock.nowUs() >= watchUntilUs);
            System.out.println("[LoopbackDelayTest] " + name + ": bufferLength " + run.ns.bufferLength() + " s, "
                    + run.ns.info());
            assertTrue(run.escaped.isEmpty(), run.escaped.toString());
            assertTrue(run.codes().contains("NetStream.Play.Start"), run.codes().toString());
        }
        return probe;
    }

    /**
     * The tone beeps at each whole second of the camera's clock, when the counter crosses a
     * multiple of the frame rate: after the round trip the beep is played as late as the pictures
     * are shown (the A/V sync error), within {@value #MAX_AV_SYNC_US} µs. Both are timed on the
     * camera's clock when the sinks receive them: the audio sink plays nothing, so the player
     * hands each PCM chunk over at its presentation time, as it does each picture.
     */
    private static void assertBeepsPlayWithTheCounterSeconds(LoopbackProbe probe) {
        assertEquals(44_100, probe.sampleRateHz(), "the tone's rate through AAC and back");
        // The beep is 0.5 of full scale, the tone under it 0.1: onsets at 0.3 after 500 ms of tone.
        List<Long> onsets = probe.beepOnsetsUs(0.3, 500);
        long videoDelayUs = probe.meter.medianUs();
        List<Long> audioDelaysUs = new ArrayList<>();
        for (long onsetUs : onsets) {
            long second = Math.round((onsetUs - videoDelayUs) / 1e6);
            audioDelaysUs.add(onsetUs - second * 1_000_000L);
        }
        String seen = "beeps heard " + audioDelaysUs + " µs after their second, pictures shown " + videoDelayUs
                + " µs after their capture (median)";
        System.out.println("[LoopbackDelayTest] " + seen);
        assertTrue(onsets.size() >= WATCH.toSeconds() - 2, "a beep each second: " + seen);
        // The beeps are one second apart, as captured.
        for (int i = 1; i < onsets.size(); i++) {
            long gapUs = onsets.get(i) - onsets.get(i - 1);
            assertTrue(Math.abs(gapUs - 1_000_000) < 100_000 || gapUs > 1_900_000, "beep gap " + gapUs + ": " + seen);
        }
        List<Long> sorted = audioDelaysUs.stream().sorted().toList();
        long medianAudioDelayUs = sorted.get(sorted.size() / 2);
        long syncErrorUs = medianAudioDelayUs - videoDelayUs;
        assertTrue(Math.abs(syncErrorUs) <= MAX_AV_SYNC_US, "A/V sync error " + syncErrorUs + " µs: " + seen);
    }
}
