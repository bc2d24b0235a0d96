package org.netstreamfx.player.sink;

/**
 * Where decoded audio goes. Thread ownership: every method is called on the stream's playback
 * thread.
 */
public interface AudioSink extends AutoCloseable {

    /** Prepares for 16-bit interleaved PCM; may be called again when the format changes. */
    void open(int sampleRateHz, int channels) throws AudioSinkException;

    /** Writes without blocking; returns the bytes accepted (a whole number of frames). */
    int write(byte[] pcm, int offset, int length);

    /**
     * True when this sink plays through a device whose position can drive the media clock;
     * false for a sink that plays nothing (the clock then runs on wall time).
     */
    boolean drivesClock();

    /** Frames played by the device since {@link #open} or {@link #flush}. */
    long playedFrames();

    /** Frames written and not yet played. */
    long queuedFrames();

    void pause();

    void resume();

    /** Discards what is queued (after a seek). */
    void flush();

    /** 0.0 (silent) to 1.0 (as recorded). */
    void setVolume(double volume);

    @Override
    void close();
}
