package org.netstreamfx.player.playback;

import java.io.IOException;
import java.util.List;
import org.netstreamfx.player.media.StreamTrack;
import org.netstreamfx.player.media.TrackKind;
import org.netstreamfx.player.source.SourceDescription;

/** What the demux thread reports. Called on the demux or a decoder thread: hand off at once. */
public interface PipelineListener {
    void opened(SourceDescription description);

    void openFailed(IOException error);

    void seekDone(long targetUs);

    void seekInvalid(long requestedUs, long lastValidUs);

    void seekFailed(long requestedUs, String why);

    /** Reading or decoding failed mid-stream; playback cannot go on. */
    void failed(String description);

    void decodeError(String description);

    /**
     * The source yielded something (a packet, a data message, its end) and it was handed on:
     * bufferLength may have grown. Called on the demux thread; must not block.
     */
    default void received() {
    }

    /** The source's listing of its tracks changed to {@code tracks} (demux thread; must not block). */
    default void tracksChanged(List<StreamTrack> tracks) {
    }

    /**
     * From the packet at {@code atUs} on, Enhanced RTMP track {@code to} of {@code kind} plays
     * instead of track {@code from} (demux thread; must not block).
     */
    default void trackSwitched(TrackKind kind, int from, int to, long atUs) {
    }
}
