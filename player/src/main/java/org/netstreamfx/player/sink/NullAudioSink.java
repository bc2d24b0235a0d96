package org.netstreamfx.player.sink;

/** Plays nothing: for machines without a sound device, headless runs and --no-audio. */
public final class NullAudioSink implements AudioSink {
    private int bytesPerFrame = 4;
    private long written;

    @Override
    public void open(int sampleRateHz, int channels) {
        bytesPerFrame = 2 * channels;
    }

    @Override
    public int write(byte[] pcm, int offset, int length) {
        int frames = length / bytesPerFrame;
        written += frames;
        return frames * bytesPerFrame;
    }

    @Override
    public boolean drivesClock() {
        return false;
    }

    @Override
    public long playedFrames() {
        return written;
    }

    @Override
    public long queuedFrames() {
        return 0;
    }

    @Override
    public void pause() {
        // Nothing plays, nothing to pause.
    }

    @Override
    public void resume() {
        // Nothing plays, nothing to resume.
    }

    @Override
    public void flush() {
        written = 0;
    }

    @Override
    public void setVolume(double volume) {
        // Silent at any volume.
    }

    @Override
    public void close() {
        // Holds no resources.
    }
}
