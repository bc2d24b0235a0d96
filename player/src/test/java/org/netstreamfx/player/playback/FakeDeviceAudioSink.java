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
    private long bufferFrames = Long.MAX_VALUE;
    private String failure;
    private org.netstreamfx.player.sink.AudioSinkException openFailure;
    private long flushes;

    private int sampleRateHz = 48_000;

    @Override
    public long bufferUs() {
        return bufferFrames == Long.MAX_VALUE ? 0 : bufferFrames * 1_000_000L / sampleRateHz;
    }

    @Override
    public void open(int sampleRateHz, int channels) {
        this.sampleRateHz = sampleRateHz;
        opens.add(sampleRateHz + "Hz");
        bytesPerFrame = 2 * channels;
        playedFrames = 0;
        writtenFrames = 0;
    }

    @Override
    public int write(byte[] pcm, int offset, int length) {
        long frames = Math.min(length / bytesPerFrame, Math.max(0, bufferFrames - queuedFrames()));
        writtenFrames += frames;
        return (int) frames * bytesPerFrame;
    }

    /** Frames written since the last open or flush (silence that primed the device too). */
    long writtenFrames() {
        return writtenFrames;
    }

    /** The device holds at most this many frames (a full buffer refuses more). */
    void bufferFrames(long frames) {
        bufferFrames = frames;
    }

    /** The device stops working, saying {@code why}. */
    void fail(String why) {
        failure = why;
    }

    /** The background open fails. */
    void failOpen(String why) {
        openFailure = new org.netstreamfx.player.sink.AudioSinkException(why, null);
    }

    long flushes() {
        return flushes;
    }

    @Override
    public String failure() {
        return failure;
    }

    @Override
    public org.netstreamfx.player.sink.AudioSinkException openFailure() {
        return openFailure;
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
        flushes++;
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
