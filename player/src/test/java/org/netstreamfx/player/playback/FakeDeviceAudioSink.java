package org.netstreamfx.player.playback;

import java.util.ArrayList;
import java.util.List;
import org.netstreamfx.player.sink.AudioSink;

/**
 * A sound device whose play position the test sets, so its position drives the media clock.
 * Like a real line, {@link #open} starts a new line: its position starts again at 0.
 */
final class FakeDeviceAudioSink implements AudioSink {
    private final List<String> opens = new ArrayList<>();
    private long playedFrames;
    private long writtenFrames;
    private int bytesPerFrame = 2;

    @Override
    public void open(int sampleRateHz, int channels) {
        opens.add(sampleRateHz + "Hz");
        bytesPerFrame = 2 * channels;
        playedFrames = 0;
        writtenFrames = 0;
    }

    @Override
    public int write(byte[] pcm, int offset, int length) {
        writtenFrames += length / bytesPerFrame;
        return length;
    }

    /** The device has played {@code frames} since it was opened. */
    void played(long frames) {
        playedFrames = frames;
    }

    List<String> opens() {
        return List.copyOf(opens);
    }

    @Override
    public boolean drivesClock() {
        return true;
    }

    @Override
    public long playedFrames() {
        return playedFrames;
    }

    @Override
    public long queuedFrames() {
        return Math.max(0, writtenFrames - playedFrames);
    }

    @Override
    public void pause() {
    }

    @Override
    public void resume() {
    }

    @Override
    public void flush() {
        playedFrames = 0;
        writtenFrames = 0;
    }

    @Override
    public void setVolume(double volume) {
    }

    @Override
    public void close() {
    }
}
