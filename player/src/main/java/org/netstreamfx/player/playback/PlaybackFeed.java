package org.netstreamfx.player.playback;

import org.netstreamfx.player.sink.AudioChunk;
import org.netstreamfx.player.sink.VideoFrame;
import org.netstreamfx.player.source.DataMessage;

/** What the playback core consumes: the decoded tracks and the timed data messages of a stream. */
public interface PlaybackFeed {
    /** The video track, or null when the stream has none. */
    TrackOutput<VideoFrame> video();

    /** The audio track, or null when the stream has none. */
    TrackOutput<AudioChunk> audio();

    /** The next data message due at or before {@code upToUs}, or null. */
    DataMessage pollData(long upToUs);

    /** True once the source has delivered its last packet (the rest is in the buffer). */
    boolean sourceEnded();

    /**
     * Signalled when a track queues a frame or ends, or null when the feed cannot tell (then
     * fast mode polls). Fast mode waits on it when a track has nothing ready.
     */
    default FrameSignal arrivals() {
        return null;
    }

    /** Where playback is: read-ahead is measured from here. */
    void playheadMoved(long positionUs);
}
