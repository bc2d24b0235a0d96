package org.netstreamfx.app.ui.player;

import java.util.function.Supplier;
import org.netstreamfx.player.sink.AudioSink;
import org.netstreamfx.player.sink.AudioSinkException;

/**
 * An audio sink that passes everything to a real one and measures the level of what it accepts:
 * the peak and the RMS of the 16-bit little-endian PCM the engine writes (before the volume, so
 * the meter shows the stream, not the speaker), over the window since the last {@link #take()}.
 * The engine calls it on the playback thread; {@link #take()} may be called from any thread.
 *
 * <p>A stream may play more than once through the same sink (a replay, a reconnect): a sink
 * opened again after {@link #close()} gets a new delegate from the supplier.
 */
final class LevelTap implements AudioSink {
    /** Peak and RMS in dBFS (-Infinity for silence or nothing written). */
    record Level(double peakDbfs, double rmsDbfs) {
        static final Level SILENT = new Level(Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY);
    }

    private final Supplier<AudioSink> sinks;
    private volatile AudioSink delegate;
    private volatile boolean closed;
    private volatile double volume = 1.0;
    private final Object lock = new Object();
    private int peak;
    private double sumSquares;
    private long samples;

    LevelTap(Supplier<AudioSink> sinks) {
        this.sinks = sinks;
        this.delegate = sinks.get();
    }

    /** The level of what was written since the last call, then starts a new window. */
    Level take() {
        synchronized (lock) {
            if (samples == 0) {
                return Level.SILENT;
            }
            Level l = new Level(dbfs(peak / 32768.0), dbfs(Math.sqrt(sumSquares / samples) / 32768.0));
            peak = 0;
            sumSquares = 0;
            samples = 0;
            return l;
        }
    }

    /** Measures interleaved signed 16-bit little-endian samples (all channels together). */
    void measure(byte[] pcm, int offset, int length) {
        int p = 0;
        double sum = 0;
        int n = length / 2;
        for (int i = 0; i < n; i++) {
            int s = (short) ((pcm[offset + 2 * i] & 0xff) | (pcm[offset + 2 * i + 1] << 8));
            int a = Math.abs(s);
            if (a > p) {
                p = a;
            }
            sum += (double) s * s;
        }
        synchronized (lock) {
            peak = Math.max(peak, p);
            sumSquares += sum;
            samples += n;
        }
    }

    private static double dbfs(double amplitude) {
        return amplitude <= 0 ? Double.NEGATIVE_INFINITY : 20 * Math.log10(Math.min(1, amplitude));
    }

    @Override
    public void open(int sampleRateHz, int channels) throws AudioSinkException {
        if (closed) {
            AudioSink fresh = sinks.get();
            fresh.setVolume(volume);
            delegate = fresh;
            closed = false;
        }
        delegate.open(sampleRateHz, channels);
    }

    @Override
    public AudioSinkException openFailure() {
        return delegate.openFailure();
    }

    @Override
    public int write(byte[] pcm, int offset, int length) {
        int n = delegate.write(pcm, offset, length);
        if (n > 0) {
            measure(pcm, offset, n);
        }
        return n;
    }

    @Override
    public boolean drivesClock() {
        return delegate.drivesClock();
    }

    @Override
    public long playedFrames() {
        return delegate.playedFrames();
    }

    @Override
    public long queuedFrames() {
        return delegate.queuedFrames();
    }

    @Override
    public long bufferUs() {
        return delegate.bufferUs();
    }

    @Override
    public void pause() {
        delegate.pause();
    }

    @Override
    public void resume() {
        delegate.resume();
    }

    @Override
    public void flush() {
        delegate.flush();
    }

    @Override
    public void setVolume(double volume) {
        this.volume = volume;
        delegate.setVolume(volume);
    }

    @Override
    public String failure() {
        return delegate.failure();
    }

    @Override
    public void close() {
        closed = true;
        delegate.close();
    }
}
