package org.netstreamfx.e2e.publish;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.netstreamfx.player.sink.AudioSink;

/**
 * Our player's decoded audio, kept: an {@link AudioSink} that plays nothing (the clock runs on
 * wall time, as with the null sink) and keeps every sample written, mixed down to mono.
 * Thread ownership: written on the playback thread, read by the test through synchronized copies.
 */
final class PcmRecordingSink implements AudioSink {
    /** The most kept (a test run, not a recording): 60 s at 48 kHz mono. */
    static final int MAX_BYTES = 60 * 48_000 * 2;

    private final ByteArrayOutputStream mono = new ByteArrayOutputStream();
    private int channels = 2;
    private int sampleRateHz;
    private long written;
    /** Samples kept, for waiting on. */
    final Tally kept = new Tally();

    @Override
    public synchronized void open(int sampleRateHz, int channels) {
        this.sampleRateHz = sampleRateHz;
        this.channels = channels;
    }

    @Override
    public synchronized int write(byte[] pcm, int offset, int length) {
        int frameBytes = 2 * channels;
        int frames = length / frameBytes;
        ByteBuffer in = ByteBuffer.wrap(pcm, offset, frames * frameBytes).order(ByteOrder.LITTLE_ENDIAN);
        for (int f = 0; f < frames && mono.size() < MAX_BYTES; f++) {
            int sum = 0;
            for (int c = 0; c < channels; c++) {
                sum += in.getShort();
            }
            short s = (short) (sum / channels);
            mono.write(s & 0xFF);
            mono.write((s >> 8) & 0xFF);
        }
        written += frames;
        kept.add(frames);
        return frames * frameBytes;
    }

    /** The samples kept so far, mono. */
    synchronized short[] samples() {
        ByteBuffer b = ByteBuffer.wrap(mono.toByteArray()).order(ByteOrder.LITTLE_ENDIAN);
        short[] s = new short[b.remaining() / 2];
        b.asShortBuffer().get(s);
        return s;
    }

    synchronized int sampleRateHz() {
        return sampleRateHz;
    }

    @Override
    public boolean drivesClock() {
        return false;
    }

    @Override
    public synchronized long playedFrames() {
        return written;
    }

    @Override
    public long queuedFrames() {
        return 0;
    }

    @Override
    public void pause() {
        // Plays nothing.
    }

    @Override
    public void resume() {
        // Plays nothing.
    }

    @Override
    public synchronized void flush() {
        written = 0; // What was decoded stays: the test reads it all.
    }

    @Override
    public void setVolume(double volume) {
        // Keeps the samples as decoded.
    }

    @Override
    public void close() {
        // Holds no resources.
    }
}
