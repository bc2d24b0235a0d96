package org.netstreamfx.player.playback;

import java.util.ArrayList;
import java.util.List;
import org.netstreamfx.player.sink.AudioSink;

/**
 * A sink with no device (it does not drive the clock) that records each write as
 * "firstSample+frames@fakeMs": which sample value came first, how many frames, and when.
 */
final class RecordingAudioSink implements AudioSink {
    private final FakeTime time;
    private final List<String> writes = new ArrayList<>();
    private long written;

    RecordingAudioSink(FakeTime time) {
        this.time = time;
    }

    @Override
    public void open(int sampleRateHz, int channels) {
    }

    @Override
    public int write(byte[] pcm, int offset, int length) {
        writes.add(TestAudio.sampleAt(pcm, offset) + "+" + length / 2 + "@" + time.nowMs());
        written += length / 2;
        return length;
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
    }

    @Override
    public void resume() {
    }

    @Override
    public void flush() {
        written = 0;
    }

    @Override
    public void setVolume(double volume) {
    }

    @Override
    public void close() {
    }

    List<String> writes() {
        return List.copyOf(writes);
    }
}
