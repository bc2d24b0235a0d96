package org.netstreamfx.player.playback;

import java.util.ArrayDeque;
import org.netstreamfx.player.sink.AudioChunk;
import org.netstreamfx.player.sink.VideoFrame;
import org.netstreamfx.player.source.DataMessage;

/** A feed whose tracks, data messages and end the test controls. */
final class ScriptedFeed implements PlaybackFeed {
    final ScriptedTrack<VideoFrame> video;
    final ScriptedTrack<AudioChunk> audio;
    private final ArrayDeque<DataMessage> data = new ArrayDeque<>();
    private boolean sourceEnded;
    private long playheadUs = Long.MIN_VALUE;

    private ScriptedFeed(boolean hasVideo, boolean hasAudio) {
        this.video = hasVideo ? new ScriptedTrack<>() : null;
        this.audio = hasAudio ? new ScriptedTrack<>() : null;
    }

    static ScriptedFeed videoOnly() {
        return new ScriptedFeed(true, false);
    }

    static ScriptedFeed audioOnly() {
        return new ScriptedFeed(false, true);
    }

    static ScriptedFeed audioAndVideo() {
        return new ScriptedFeed(true, true);
    }

    /** Adds {@code count} decoded video frames of {@code frameMs} each, the first at {@code fromMs}. */
    ScriptedFeed videoFrames(long fromMs, int count, long frameMs) {
        for (int i = 0; i < count; i++) {
            video.add(new TestVideoFrame((fromMs + i * frameMs) * 1000, frameMs * 1000));
        }
        return this;
    }

    /** Adds {@code count} decoded audio chunks of {@code chunkMs} each, the first at {@code fromMs}. */
    ScriptedFeed audioChunks(long fromMs, int count, long chunkMs) {
        for (int i = 0; i < count; i++) {
            audio.add(TestAudio.chunk(fromMs + i * chunkMs, chunkMs));
        }
        return this;
    }

    void addData(DataMessage m) {
        data.addLast(m);
    }

    /** The source delivered its last packet. */
    void endSource() {
        sourceEnded = true;
        if (video != null) {
            video.end();
        }
        if (audio != null) {
            audio.end();
        }
    }

    /** What the pipeline does before it reports a seek done: tracks emptied, source not ended. */
    void resetForSeek() {
        sourceEnded = false;
        data.clear();
        if (video != null) {
            video.reset();
        }
        if (audio != null) {
            audio.reset();
        }
    }

    long playheadUs() {
        return playheadUs;
    }

    @Override
    public ScriptedTrack<VideoFrame> video() {
        return video;
    }

    @Override
    public ScriptedTrack<AudioChunk> audio() {
        return audio;
    }

    @Override
    public DataMessage pollData(long upToUs) {
        DataMessage m = data.peekFirst();
        return m != null && m.ptsUs() <= upToUs ? data.pollFirst() : null;
    }

    @Override
    public boolean sourceEnded() {
        return sourceEnded;
    }

    @Override
    public void playheadMoved(long positionUs) {
        playheadUs = positionUs;
    }
}
