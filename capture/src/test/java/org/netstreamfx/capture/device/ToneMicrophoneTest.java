package org.netstreamfx.capture.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ToneMicrophoneTest {

    /** Blocks copied out of the listener, with the clock when each arrived. */
    static final class Blocks implements AudioBlockListener {
        record Seen(long captureTimeUs, short[] samples, int frames, AudioLevel level, long arrivedUs) {
        }

        final List<Seen> seen = new ArrayList<>();
        final CompletableFuture<List<Seen>> done = new CompletableFuture<>();
        private final int wanted;
        private final CaptureClock clock;

        Blocks(int wanted, CaptureClock clock) {
            this.wanted = wanted;
            this.clock = clock;
        }

        @Override
        public void onAudio(AudioBlock block) {
            if (seen.size() < wanted) {
                seen.add(new Seen(block.captureTimeUs(), block.samples().clone(), block.frames(), block.level(),
                        clock.nowUs()));
                if (seen.size() == wanted) {
                    done.complete(List.copyOf(seen));
                }
            }
        }

        @Override
        public void onCaptureFailed(DeviceException failure) {
            done.completeExceptionally(failure);
        }
    }

    @ParameterizedTest
    @CsvSource({"48000, 1", "44100, 2"})
    void beepsStartOnWholeSecondsOfTheClockAndTheSineMetersMinus20(int rate, int channels) throws Exception {
        CaptureClock clock = new JumpingClock(2_345_678);
        PcmFormat format = new PcmFormat(rate, channels);
        Blocks blocks = new Blocks(300, clock); // 3 s of 10 ms blocks
        List<Blocks.Seen> seen;
        try (AudioCapture capture = new ToneMicrophone().open(format, clock, blocks)) {
            assertEquals(format, capture.format());
            seen = blocks.done.get(30, TimeUnit.SECONDS);
        }
        int frames = rate / 100;
        long firstSample = Math.floorDiv(2_345_678L * rate + 999_999, 1_000_000L);
        short[] left = new short[seen.size() * frames];
        for (int b = 0; b < seen.size(); b++) {
            Blocks.Seen block = seen.get(b);
            assertEquals(frames, block.frames());
            assertEquals(format.sampleTimeUs(firstSample + (long) b * frames), block.captureTimeUs(),
                    "block " + b + " stamped with its first sample's time");
            for (int i = 0; i < frames; i++) {
                left[b * frames + i] = block.samples()[i * channels];
                if (channels == 2) {
                    assertEquals(block.samples()[i * 2], block.samples()[i * 2 + 1]);
                }
            }
        }

        // Beep onsets by RMS over 10 ms windows aligned to the clock (sample index multiple of rate/100).
        List<Long> onsetsUs = new ArrayList<>();
        int beepWindows = 0;
        boolean loud = false;
        long window0 = Math.floorDiv(firstSample + frames - 1, frames) * frames;
        for (long w = window0; w + frames <= firstSample + left.length; w += frames) {
            double rms = AudioLevel.measure(left, (int) (w - firstSample), frames).rmsDbfs();
            boolean nowLoud = rms > -15;
            if (nowLoud && !loud) {
                onsetsUs.add(format.sampleTimeUs(w));
            }
            beepWindows += nowLoud ? 1 : 0;
            loud = nowLoud;
        }
        assertEquals(List.of(3_000_000L, 4_000_000L, 5_000_000L), onsetsUs);
        assertEquals(30, beepWindows, "each beep lasts 100 ms");

        // The meter on blocks of plain sine: peak -20 dBFS, RMS -23 dBFS (sine RMS is peak - 3 dB).
        int sineBlocks = 0;
        for (Blocks.Seen block : seen) {
            long inSecondUs = block.captureTimeUs() % 1_000_000;
            if (inSecondUs >= 110_000 && inSecondUs < 980_000) {
                assertEquals(-20.0, block.level().peakDbfs(), 0.1);
                assertEquals(-23.0, block.level().rmsDbfs(), 0.1);
                sineBlocks++;
            }
        }
        assertTrue(sineBlocks > 200, "measured " + sineBlocks + " sine blocks");
    }

    @Test
    void deliversEachBlockAfterItsEndOnTheRealClock() throws Exception {
        CaptureClock clock = CaptureClock.system();
        Blocks blocks = new Blocks(20, clock);
        List<Blocks.Seen> seen;
        try (AudioCapture capture = new ToneMicrophone().open(new PcmFormat(48000, 1), clock, blocks)) {
            seen = blocks.done.get(30, TimeUnit.SECONDS);
        }
        for (int b = 0; b < seen.size(); b++) {
            Blocks.Seen block = seen.get(b);
            assertTrue(block.arrivedUs() >= block.captureTimeUs() + 10_000, "a block arrives once recorded");
            if (b > 0) {
                assertEquals(10_000, block.captureTimeUs() - seen.get(b - 1).captureTimeUs());
            }
        }
    }

    @Test
    void theMeterReadsFullScaleAndSilence() {
        short[] square = {32767, -32768, 32767, -32768};
        AudioLevel full = AudioLevel.measure(square, 0, 4);
        assertEquals(0.0, full.peakDbfs(), 0.01);
        assertEquals(0.0, full.rmsDbfs(), 0.01);
        AudioLevel silence = AudioLevel.measure(new short[8], 0, 8);
        assertEquals(AudioLevel.SILENCE_DBFS, silence.peakDbfs());
        assertEquals(AudioLevel.SILENCE_DBFS, silence.rmsDbfs());
    }
}
