package org.netstreamfx.e2e.restart;

import org.netstreamfx.player.net.RecordEvents;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.netstreamfx.e2e.rtmp.support.FfmpegReader;
import org.netstreamfx.e2e.rtmp.support.NginxServer;
import org.netstreamfx.player.record.FlvRecorder;
import org.netstreamfx.player.record.FragmentedMp4Recorder;
import org.netstreamfx.testkit.RunsAlone;

/**
 * nginx-rtmp killed (SIGKILL) under two of our publishers, each recording what it publishes, then
 * started again on the same port: the one without reconnect closes at once and its recording ends
 * playable; the one with reconnect republishes (an ffmpeg reader sees frames again) and its
 * recording goes on in the same file, continuous, the time off air marked as a gap.
 */
@RunsAlone
class PublishServerRestartTest {
    /** How soon after the kill Connect.Closed must come: at once (about 0.05 s), bounded loosely for a loaded 2-core machine. */
    static final double CLOSED_WITHIN_S = 5.0;
    @RegisterExtension
    static final NginxServer nginx = new NginxServer();

    @Test
    void reconnectOnRepublishesAndRecordsOnReconnectOffClosesAtOnce(@TempDir Path tmp) throws Exception {
        Path mp4 = tmp.resolve("published.mp4");
        Path flv = tmp.resolve("published.flv");
        try (PublishClient on = new PublishClient("publisher A (reconnect 10, recording MP4)", nginx.appUrl("live"), 10);
             PublishClient off = new PublishClient("publisher B (reconnect off, recording FLV)", nginx.appUrl("live"), 0)) {
            CountingRecorder onFile = new CountingRecorder(new FragmentedMp4Recorder(mp4, Runnable::run, RecordEvents.forwardingTo(on.log::add)));
            CountingRecorder offFile = new CountingRecorder(new FlvRecorder(flv, Runnable::run, RecordEvents.forwardingTo(off.log::add)));
            on.ns.recordPublished(onFile);
            off.ns.recordPublished(offFile);
            on.ns.publish("pub-on", "live");
            off.ns.publish("pub-off", "live");
            for (PublishClient p : List.of(on, off)) {
                p.log.awaitCode("NetStream.Publish.Start", Duration.ofSeconds(15));
                p.log.awaitCode("NetStream.Record.Start", Duration.ofSeconds(15));
            }
            on.log.await("2 s recorded", Duration.ofSeconds(15), () -> onFile.videoPacketsWritten() >= 50);
            on.log.originNow();
            off.log.originNow();
            long killNanos = System.nanoTime();
            nginx.kill();

            off.log.awaitCode("NetConnection.Connect.Closed", Duration.ofSeconds(10));
            off.log.awaitCode("NetStream.Record.Stop", Duration.ofSeconds(10));
            on.log.awaitCode("NetStreamFX.Connect.Reconnecting", Duration.ofSeconds(10));
            nginx.restart();
            double backAfter = (System.nanoTime() - killNanos) / 1e9;
            on.log.await("the stream published again", Duration.ofSeconds(30),
                    () -> on.log.count("NetStream.Publish.Start") == 2);
            double republishedAfter = (System.nanoTime() - killNanos) / 1e9;
            FfmpegReader.Reading reading = FfmpegReader.read(nginx.url("live", "pub-on"), 1.5);
            on.ns.stopRecording();
            on.log.awaitCode("NetStream.Record.Stop", Duration.ofSeconds(10));
            System.out.println(on.log);
            System.out.println(off.log);
            System.out.printf(Locale.ROOT, "server back %.2f s after the kill, republished by %.2f s; an ffmpeg reader "
                    + "got %d frames in %.1f s%n", backAfter, republishedAfter, reading.videoFrames(),
                    reading.wallTime().toMillis() / 1e3);

            double closedAfter = off.log.secondsTo("NetConnection.Connect.Closed");
            assertTrue(closedAfter < CLOSED_WITHIN_S, "Connect.Closed " + closedAfter + " s after the kill");
            assertEquals(List.of("NetStream.Record.Stop", "NetConnection.Connect.Closed"), off.log.codesSinceOrigin(),
                    off.log.toString());
            List<String> after = on.log.codesSinceOrigin();
            assertEquals("NetStreamFX.Connect.Reconnecting", after.get(0), on.log.toString());
            assertTrue(after.indexOf("NetStreamFX.Connect.Reconnected") < after.indexOf("NetStream.Publish.Start"),
                    on.log.toString());
            assertTrue(after.stream().noneMatch(c -> c.equals("NetConnection.Connect.Closed")
                    || c.equals("NetStream.Record.Failed")), on.log.toString());
            assertTrue(reading.videoFrames() >= 10, "an ffmpeg reader of the republished stream decoded "
                    + reading.videoFrames() + " frames");

            RecordingCheck offCheck = check(off, offFile);
            assertTrue(offCheck.gaps().isEmpty(), offCheck.toString());
            RecordingCheck onCheck = check(on, onFile);
            assertEquals(1, onCheck.gaps().size(), onCheck.toString());
            RecordingCheck.Gap gap = onCheck.gaps().get(0);
            assertEquals("reconnect", gap.reason());
            assertEquals("kept", gap.media());
            double reconnectedAfter = on.log.secondsTo("NetStreamFX.Connect.Reconnected");
            assertTrue(Math.abs(gap.durationS() - reconnectedAfter) < 1.0, "off air for " + gap.durationS()
                    + " s in the file; reconnected " + reconnectedAfter + " s after the kill");
        }
    }

    /** Plays without a word from ffprobe/ffmpeg, every frame written decodes, and it lasts the wall time it covers. */
    private static RecordingCheck check(PublishClient p, CountingRecorder file) {
        RecordingCheck check = RecordingCheck.of(file.path());
        System.out.println(check + "; written " + file.videoPacketsWritten() + " video / "
                + file.audioPacketsWritten() + " audio packets");
        assertEquals("", check.errors(), check.toString());
        assertEquals(List.of("video", "audio"), check.streamTypes(), check.toString());
        assertEquals(file.videoPacketsWritten(), check.videoFrames(), check.toString());
        double wall = (p.log.first("NetStream.Record.Stop").monotonicNanos()
                - p.log.first("NetStream.Record.Start").monotonicNanos()) / 1e9;
        assertTrue(Math.abs(check.durationS() - wall) < 1.5, "lasts " + check.durationS() + " s, recorded over "
                + wall + " s: " + check);
        return check;
    }
}
