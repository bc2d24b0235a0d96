package org.netstreamfx.app.ui.player;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.netstreamfx.player.sink.AudioSink;
import org.netstreamfx.player.sink.NullAudioSink;

/** The level tap: what it measures, that it passes everything on, and a new output after close. */
class LevelTapTest {
    private static byte[] sine(double amplitude, int frames, int channels) {
        byte[] pcm = new byte[frames * channels * 2];
        for (int i = 0; i < frames; i++) {
            short s = (short) Math.round(amplitude * 32767 * Math.sin(2 * Math.PI * 440 * i / 44100.0));
            for (int c = 0; c < channels; c++) {
                int at = (i * channels + c) * 2;
                pcm[at] = (byte) s;
                pcm[at + 1] = (byte) (s >> 8);
            }
        }
        return pcm;
    }

    @Test
    void measuresPeakAndRmsOfWhatItPassesOn() throws Exception {
        NullAudioSink out = new NullAudioSink();
        LevelTap tap = new LevelTap(() -> out);
        tap.open(44100, 2);
        byte[] pcm = sine(0.5, 4410, 2);
        assertEquals(pcm.length, tap.write(pcm, 0, pcm.length));
        LevelTap.Level l = tap.take();
        assertEquals(-6.0, l.peakDbfs(), 0.1);
        assertEquals(-9.0, l.rmsDbfs(), 0.1);
        assertEquals(LevelTap.Level.SILENT, tap.take(), "a new window after each take");
        byte[] silence = new byte[400];
        tap.write(silence, 0, silence.length);
        assertEquals(Double.NEGATIVE_INFINITY, tap.take().rmsDbfs());
    }

    /** A null output that remembers its volume. */
    static final class VolumeSink implements AudioSink {
        final NullAudioSink out = new NullAudioSink();
        double volume = 1;

        @Override
        public void open(int sampleRateHz, int channels) {
            out.open(sampleRateHz, channels);
        }

        @Override
        public int write(byte[] pcm, int offset, int length) {
            return out.write(pcm, offset, length);
        }

        @Override
        public boolean drivesClock() {
            return false;
        }

        @Override
        public long playedFrames() {
            return out.playedFrames();
        }

        @Override
        public long queuedFrames() {
            return 0;
        }

        @Override
        public void pause() {
        }

        @Override
        public void resume() {
        }

        @Override
        public void flush() {
        }

        @Override
        public void setVolume(double v) {
            volume = v;
        }

        @Override
        public void close() {
        }
    }

    @Test
    void aSinkOpenedAgainAfterCloseGetsANewOutputWithTheVolume() throws Exception {
        List<VolumeSink> made = new ArrayList<>();
        LevelTap tap = new LevelTap(() -> {
            VolumeSink s = new VolumeSink();
            made.add(s);
            return s;
        });
        tap.open(44100, 2);
        tap.setVolume(0.25);
        tap.close();
        tap.open(48000, 1);
        assertEquals(2, made.size(), "a replay through the same stream gets a new output");
        assertEquals(0.25, made.get(1).volume);
        assertEquals(4, tap.write(new byte[4], 0, 4));
    }
}
