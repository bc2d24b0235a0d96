package org.netstreamfx.player.sink;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.SourceDataLine;

/**
 * Plays through the default javax.sound output line. The line's frame position drives the media
 * clock. Volume is applied to the samples, so it works on lines without a gain control.
 */
public final class JavaSoundAudioSink implements AudioSink {
    /** How much audio the line buffers: enough to ride out a busy moment, small for A/V sync. */
    private static final int LINE_BUFFER_MS = 200;

    private SourceDataLine line;
    private int bytesPerFrame = 4;
    private long framesAtFlush;
    private long written;
    private double volume = 1.0;
    private byte[] scratch = new byte[0];

    @Override
    public void open(int sampleRateHz, int channels) throws AudioSinkException {
        close();
        AudioFormat format = new AudioFormat(sampleRateHz, 16, channels, true, false);
        try {
            SourceDataLine l = AudioSystem.getSourceDataLine(format);
            int bufferBytes = sampleRateHz * 2 * channels * LINE_BUFFER_MS / 1000;
            l.open(format, bufferBytes);
            l.start();
            line = l;
            bytesPerFrame = 2 * channels;
            framesAtFlush = 0;
            written = 0;
        } catch (LineUnavailableException | IllegalArgumentException | SecurityException e) {
            throw new AudioSinkException("No audio output for " + sampleRateHz + " Hz " + channels
                    + " ch 16-bit: " + e.getMessage(), e);
        }
    }

    @Override
    public int write(byte[] pcm, int offset, int length) {
        int room = line.available();
        int n = Math.min(room, length) / bytesPerFrame * bytesPerFrame;
        if (n <= 0) {
            return 0;
        }
        byte[] out = pcm;
        int off = offset;
        if (volume < 0.999) {
            if (scratch.length < n) {
                scratch = new byte[n];
            }
            for (int i = 0; i < n; i += 2) {
                int s = (short) ((pcm[offset + i] & 0xFF) | (pcm[offset + i + 1] << 8));
                int v = (int) Math.round(s * volume);
                scratch[i] = (byte) v;
                scratch[i + 1] = (byte) (v >> 8);
            }
            out = scratch;
            off = 0;
        }
        int w = line.write(out, off, n);
        written += w / bytesPerFrame;
        return w;
    }

    @Override
    public boolean drivesClock() {
        return true;
    }

    @Override
    public long playedFrames() {
        return line == null ? 0 : line.getLongFramePosition() - framesAtFlush;
    }

    @Override
    public long queuedFrames() {
        return Math.max(0, written - playedFrames());
    }

    @Override
    public void pause() {
        if (line != null) {
            line.stop();
        }
    }

    @Override
    public void resume() {
        if (line != null) {
            line.start();
        }
    }

    @Override
    public void flush() {
        if (line != null) {
            line.flush();
            framesAtFlush = line.getLongFramePosition();
            written = 0;
        }
    }

    @Override
    public void setVolume(double volume) {
        this.volume = Math.max(0, Math.min(1, volume));
    }

    @Override
    public void close() {
        if (line != null) {
            line.stop();
            line.close();
            line = null;
        }
    }
}
