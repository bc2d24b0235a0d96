package org.netstreamfx.testkit.sound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(SoundServerExtension.class)
class SoundServerTest {

    /** 0.3 s of silence, then 0.2 s of a 1 kHz tone at half scale, stereo 44.1 kHz. */
    private static Path toneFile(Path dir) throws Exception {
        int rate = 44100;
        ByteBuffer b = ByteBuffer.allocate(rate / 2 * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < rate / 2; i++) {
            short s = i < rate * 3 / 10 ? 0 : (short) (16384 * Math.sin(2 * Math.PI * 1000 * i / rate));
            b.putShort(s).putShort(s);
        }
        Path f = dir.resolve("tone.raw");
        Files.write(f, b.array());
        return f;
    }

    @Test
    void whatIsPlayedIntoTheSinkIsRecordedFromItsMonitorInRealTime(SoundServer server, @TempDir Path dir)
            throws Exception {
        Path tone = toneFile(dir);
        MonitorRecording rec = server.record(SoundServer.SINK, 44100);
        long before = System.nanoTime();
        Process p = server.play(tone, SoundServer.SINK, 44100, 2);
        assertTrue(p.waitFor(20, TimeUnit.SECONDS), "pacat ended");
        long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - before);
        MonitorRecording.Recorded r = rec.stop();
        assertEquals(0, p.exitValue(), server.describe());
        // Paced like a sound card: half a second of audio takes at least that long to play.
        assertTrue(elapsedMs >= 450, "played 0.5 s in " + elapsedMs + " ms");
        List<Integer> onsets = r.onsets(4000, 100);
        assertEquals(1, onsets.size(), "one tone onset: " + onsets);
        int at = onsets.get(0);
        // The median of the tone's 10 ms levels: a loaded machine may starve pacat for a block or
        // two (a dropout), which says nothing about the level of what is played.
        List<Double> blocks = new java.util.ArrayList<>();
        for (int b = at + 441; b + 441 <= at + 441 * 10; b += 441) { // what is recorded before pacat ends
            blocks.add(r.rmsDbfs(b, b + 441));
        }
        java.util.Collections.sort(blocks);
        double level = blocks.get(blocks.size() / 2);
        // A half-scale sine is -9 dBFS RMS.
        assertEquals(-9.0, level, 0.5, "tone level; 10 ms blocks: " + blocks);
        assertTrue(r.rmsDbfs(Math.max(0, at - 4410), at - 441) < -60, "silence before the tone");
    }

    @Test
    void aClickWrittenAtAKnownTimeIsRecordedWithinAFewMillisecondsOfIt(SoundServer server) throws Exception {
        RecorderCalibration.Result r = RecorderCalibration.measure(server, 8);
        System.out.println("recorder calibration: " + r);
        assertTrue(r.delaysMs().size() >= 6, "clicks found: " + r);
        // The click leaves the sink at most pacat's latency and one sink block (5 ms each) after
        // it is written; the recording's envelope puts it up to one block early.
        assertTrue(r.medianMs() > -RecorderCalibration.PACAT_LATENCY_MS - 5 && r.medianMs() < 15, r.toString());
        long agreeing = r.delaysMs().stream().filter(d -> Math.abs(d - r.medianMs()) < 5).count();
        assertTrue(agreeing >= 6, "clicks within 5 ms of the median: " + r);
    }

    @Test
    void aSecondSinkIsAMicrophoneSource(SoundServer server) throws Exception {
        String source = server.addMicrophone("nsfx_mic_probe", 48000, 1);
        assertEquals("nsfx_mic_probe.monitor", source);
        assertTrue(server.describe().contains(source), server.describe());
    }
}
