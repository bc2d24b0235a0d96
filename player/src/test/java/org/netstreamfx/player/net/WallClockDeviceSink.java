package org.netstreamfx.player.net;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.netstreamfx.player.sink.AudioSink;

/**
 * A sound device that plays on the wall clock: what is written plays at its sample rate, from the
 * first write, after what it already holds; it holds at most {@code bufferMs}; pause stops it; a
 * device that ran dry starts again where it is fed. It keeps every frame it played, with the
 * wall time at which each write began to play, so a test can hear when each sound was heard.
 */
final class WallClockDeviceSink implements AudioSink {
    /** A run of written frames: its first frame's index in {@link #pcm} and when it began to play. */
    record Write(long firstFrame, long frames, long playsAtNanos) {
    }

    private final long bufferMs;
    private int rate = 44_100;
    private int channels = 2;
    private long written;
    private long playedBase;
    private long startNanos = -1;
    private boolean paused;
    private final ByteArrayOutputStream pcm = new ByteArrayOutputStream();
    private final List<Write> writes = new ArrayList<>();

    WallClockDeviceSink(long bufferMs) {
        this.bufferMs = bufferMs;
    }

    @Override
    public synchronized void open(int sampleRateHz, int ch) {
        rate = sampleRateHz;
        channels = ch;
        written = 0;
        playedBase = 0;
        startNanos = -1;
    }

    private long playedNow(long now) {
        if (startNanos < 0) {
            return playedBase;
        }
        return Math.min(written, playedBase + (now - startNanos) * rate / 1_000_000_000L);
    }

    @Override
    public synchronized int write(byte[] data, int offset, int length) {
        long now = System.nanoTime();
        long played = playedNow(now);
        if (startNanos >= 0 && played >= written) { // ran dry: it starts again with this sound
            playedBase = played;
            startNanos = now;
        }
        int bytesPerFrame = 2 * channels;
        long room = bufferMs * rate / 1000 - (written - played);
        long frames = Math.max(0, Math.min(length / bytesPerFrame, room));
        if (frames == 0) {
            return 0;
        }
        if (startNanos < 0 && !paused) {
            playedBase = played;
            startNanos = now;
        }
        long queued = written - playedNow(now);
        writes.add(new Write(pcm.size() / bytesPerFrame, frames, now + queued * 1_000_000_000L / rate));
        pcm.write(data, offset, (int) frames * bytesPerFrame);
        written += frames;
        return (int) frames * bytesPerFrame;
    }

    @Override
    public boolean drivesClock() {
        return true;
    }

    @Override
    public synchronized long playedFrames() {
        return playedNow(System.nanoTime());
    }

    @Override
    public synchronized long queuedFrames() {
        return written - playedNow(System.nanoTime());
    }

    @Override
    public long bufferUs() {
        return bufferMs * 1000;
    }

    @Override
    public synchronized void pause() {
        playedBase = playedNow(System.nanoTime());
        startNanos = -1;
        paused = true;
    }

    @Override
    public synchronized void resume() {
        paused = false;
        if (written > playedBase) {
            startNanos = System.nanoTime();
        }
    }

    /** What it held and had not played is never heard: it is cut from the recording. */
    @Override
    public synchronized void flush() {
        long played = playedNow(System.nanoTime());
        long unplayed = written - played;
        int bytesPerFrame = 2 * channels;
        byte[] all = pcm.toByteArray();
        int keep = (int) (all.length - unplayed * bytesPerFrame);
        pcm.reset();
        pcm.write(all, 0, keep);
        long keptFrames = keep / bytesPerFrame;
        writes.removeIf(w -> w.firstFrame() >= keptFrames);
        written = 0;
        playedBase = 0;
        startNanos = -1;
    }

    @Override
    public void setVolume(double volume) {
    }

    @Override
    public void close() {
    }

    synchronized int sampleRate() {
        return rate;
    }

    synchronized int channels() {
        return channels;
    }

    /** Every frame written and not flushed, 16-bit interleaved. */
    synchronized byte[] pcm() {
        return pcm.toByteArray();
    }

    /** When frame {@code index} of {@link #pcm} was heard (ns, System.nanoTime), or -1. */
    synchronized long heardAtNanos(long index) {
        for (int i = writes.size() - 1; i >= 0; i--) {
            Write w = writes.get(i);
            if (index >= w.firstFrame() && index < w.firstFrame() + w.frames()) {
                return w.playsAtNanos() + (index - w.firstFrame()) * 1_000_000_000L / rate;
            }
        }
        return -1;
    }
}
