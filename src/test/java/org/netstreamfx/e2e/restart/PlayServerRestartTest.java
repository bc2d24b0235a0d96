package org.netstreamfx.e2e.restart;

import org.netstreamfx.player.net.RecordEvents;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.netstreamfx.e2e.rtmp.support.FfmpegPublisher;
import org.netstreamfx.e2e.rtmp.support.NginxServer;
import org.netstreamfx.player.record.FlvRecorder;
import org.netstreamfx.player.record.FragmentedMp4Recorder;
import org.netstreamfx.testkit.RunsAlone;

/**
 * nginx-rtmp killed (SIGKILL, master and worker) while our engine plays a live stream from it, then
 * started again on the same port with the publisher back: with reconnect off the connection closes
 * at once; with reconnect on the player reconnects, plays again, and a recording of what it plays
 * goes on in the same file, playable, the gap marked.
 */
@RunsAlone
class PlayServerRestartTest {
    /** How soon after the kill Connect.Closed must come: at once (about 0.05 s), bounded loosely for a loaded 2-core machine. */
    static final double CLOSED_WITHIN_S = 5.0;
    @RegisterExtension
    static final NginxServer nginx = new NginxServer();

    @BeforeEach
    void nginxRuns() {
        if (!nginx.isRunning()) {
            nginx.restart();
        }
    }

    @Test
    void withoutReconnectTheKillIsPlayFailedAndConnectClosedAtOnce() throws Exception {
        try (FfmpegPublisher publisher = FfmpegPublisher.testSource(nginx.url("live", "norestart"));
             PlayClient player = new PlayClient("player (reconnect off)", nginx.appUrl("live"), 0)) {
            publisher.awaitPublishing(Duration.ofSeconds(15));
            player.ns.play("norestart");
            player.awaitMorePictures(25, Duration.ofSeconds(15));
            player.log.originNow();
            nginx.kill();
            player.log.awaitCode("NetConnection.Connect.Closed", Duration.ofSeconds(10));
            long shown = player.pictures.get();
            System.out.println(player.log);
            double closedAfter = player.log.secondsTo("NetConnection.Connect.Closed");
            assertTrue(closedAfter < CLOSED_WITHIN_S, "Connect.Closed " + closedAfter + " s after the kill");
            assertTrue(player.log.codes().containsAll(List.of("NetConnection.Connect.Success", "NetStream.Play.Start")),
                    player.log.toString());
            // The connection's Connect.Closed and the stream's Play.Failed are raised on two threads
            // at the same moment (within 10 ms): either may come first.
            List<String> after = player.log.codesSinceOrigin();
            assertEquals(2, after.size(), player.log.toString());
            assertEquals(java.util.Set.of("NetStream.Play.Failed", "NetConnection.Connect.Closed"),
                    java.util.Set.copyOf(after), player.log.toString());
            assertEquals(0, player.log.count("NetStreamFX.Connect.Reconnecting"));
            nginx.restart();
            try (FfmpegPublisher again = FfmpegPublisher.testSource(nginx.url("live", "norestart"))) {
                again.awaitPublishing(Duration.ofSeconds(15));
                // Nothing comes back by itself: a second of the stream published again shows no picture.
                player.log.await("a second of the republished stream", Duration.ofSeconds(10),
                        () -> again.secondsWritten() > 1.0);
                assertEquals(shown, player.pictures.get(), "pictures after the connection closed");
            }
        }
    }

    @Test
    void withReconnectPlayResumesAndRecordingsGoOnWithTheGapMarked(@TempDir Path tmp) throws Exception {
        Path flv = tmp.resolve("played.flv");
        Path mp4 = tmp.resolve("played.mp4");
        FfmpegPublisher publisher = FfmpegPublisher.testSource(nginx.url("live", "restart"));
        try (PlayClient a = new PlayClient("player A (reconnect 10, recording FLV)", nginx.appUrl("live"), 10);
             PlayClient b = new PlayClient("player B (reconnect 10, recording MP4)", nginx.appUrl("live"), 10)) {
            publisher.awaitPublishing(Duration.ofSeconds(15));
            CountingRecorder flvFile = new CountingRecorder(new FlvRecorder(flv, Runnable::run, RecordEvents.forwardingTo(a.log::add)));
            CountingRecorder mp4File = new CountingRecorder(new FragmentedMp4Recorder(mp4, Runnable::run, RecordEvents.forwardingTo(b.log::add)));
            a.ns.recordPlayed(flvFile);
            b.ns.recordPlayed(mp4File);
            a.ns.play("restart");
            b.ns.play("restart");
            for (PlayClient p : List.of(a, b)) {
                p.log.awaitCode("NetStream.Record.Start", Duration.ofSeconds(15));
                p.awaitMorePictures(40, Duration.ofSeconds(15));
            }
            a.log.originNow();
            b.log.originNow();
            long killNanos = System.nanoTime();
            nginx.kill();
            publisher.close(); // it lost its server too
            for (PlayClient p : List.of(a, b)) {
                p.log.awaitCode("NetStreamFX.Connect.Reconnecting", Duration.ofSeconds(10));
            }
            nginx.restart();
            publisher = FfmpegPublisher.testSource(nginx.url("live", "restart")).awaitPublishing(Duration.ofSeconds(15));
            double backAfter = (System.nanoTime() - killNanos) / 1e9;
            for (PlayClient p : List.of(a, b)) {
                p.log.awaitCode("NetStreamFX.Connect.Reconnected", Duration.ofSeconds(20));
                p.awaitMorePictures(40, Duration.ofSeconds(15)); // the picture moves again
            }
            double picturesAgainAfter = (System.nanoTime() - killNanos) / 1e9;
            for (PlayClient p : List.of(a, b)) {
                p.ns.stopRecording();
            }
            for (PlayClient p : List.of(a, b)) {
                p.log.awaitCode("NetStream.Record.Stop", Duration.ofSeconds(10));
                System.out.println(p.log);
                List<String> after = p.log.codesSinceOrigin();
                assertEquals("NetStreamFX.Connect.Reconnecting", after.get(0), p.log.toString());
                assertTrue(after.indexOf("NetStreamFX.Connect.Reconnected")
                        < after.lastIndexOf("NetStream.Play.Start"), "played again after reconnecting: " + p.log);
                assertTrue(after.stream().noneMatch(c -> c.equals("NetConnection.Connect.Closed")
                        || c.equals("NetStream.Record.Failed") || c.equals("NetStream.Play.Failed")), p.log.toString());
                assertEquals(1, p.log.count("NetStream.Record.Start"), "one recording, one file: " + p.log);
            }
            System.out.printf(java.util.Locale.ROOT, "server back %.2f s after the kill, pictures again by %.2f s%n",
                    backAfter, picturesAgainAfter);
            checkRecording(a, flvFile, backAfter, picturesAgainAfter);
            checkRecording(b, mp4File, backAfter, picturesAgainAfter);
        } finally {
            publisher.close();
        }
    }

    /** The file plays without a word from ffprobe or ffmpeg, holds what was written, lasts as long as it covers, and marks the gap. */
    private static void checkRecording(PlayClient p, CountingRecorder file, double backAfter, double picturesAgainAfter) {
        RecordingCheck check = RecordingCheck.of(file.path());
        System.out.println(check + "; written " + file.videoPacketsWritten() + " video / "
                + file.audioPacketsWritten() + " audio packets");
        assertEquals("", check.errors(), check.toString());
        assertEquals(List.of("video", "audio"), check.streamTypes(), check.toString());
        assertEquals(file.videoPacketsWritten(), check.videoFrames(), "video frames decoded against written: " + check);
        double wall = (p.log.first("NetStream.Record.Stop").monotonicNanos()
                - p.log.first("NetStream.Record.Start").monotonicNanos()) / 1e9;
        assertTrue(Math.abs(check.durationS() - wall) < 2.0, "lasts " + check.durationS() + " s, recorded over "
                + wall + " s of wall time: " + check);
        assertEquals(1, check.gaps().size(), check.toString());
        RecordingCheck.Gap gap = check.gaps().get(0);
        assertEquals("reconnect", gap.reason());
        assertEquals("missing", gap.media());
        assertTrue(gap.durationS() > backAfter - 1.5 && gap.durationS() < picturesAgainAfter + 1.0,
                "a gap of " + gap.durationS() + " s; the server was back " + backAfter + " s after the kill, pictures "
                + picturesAgainAfter + " s after");
        assertTrue(gap.startS() > 1.0 && gap.startS() < check.durationS() - gap.durationS(), check.toString());
    }
}
