package org.netstreamfx.player.sink;

/**
 * Where decoded audio goes. Thread ownership: every method is called on the stream's playback
 * thread.
 */
public interface AudioSink extends AutoCloseable {

    /**
     * Prepares for 16-bit interleaved PCM; may be called again when the format changes. A sink
     * may open its device in the background: it then takes nothing until the device is there,
     * and an open that failed is {@link #openFailure()}.
     */
    void open(int sampleRateHz, int channels) throws AudioSinkException;

    /** Why a background open of the device failed; null while it has not (or worked). */
    default AudioSinkException openFailure() {
        return null;
    }

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

    /**
     * How much audio the device holds when its buffer is full (µs); 0 when it has none. A device
     * that starts only with a full buffer needs at least this much handed to it ahead.
     */
    default long bufferUs() {
        return 0;
    }

    void pause();

    void resume();

    /** Discards what is queued (after a seek). */
    void flush();

    /** 0.0 (silent) to 1.0 (as recorded). Any thread may call it; it acts on what is written next. */
    void setVolume(double volume);

    /**
     * Null while the device works; once it has stopped working for good (unplugged, its sound
     * server gone), a sentence that says so. The player then carries on without it.
     */
    default String failure() {
        return null;
    }

    @Override
    void close();
}
