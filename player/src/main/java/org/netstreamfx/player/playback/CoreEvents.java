package org.netstreamfx.player.playback;

import org.netstreamfx.player.sink.VideoFrame;
import org.netstreamfx.player.source.DataMessage;

/** What the playback core tells its stream. Called on the playback thread. */
public interface CoreEvents {
    /** A transition of the core; the stream maps it to its NetStatus event. */
    void transition(CoreEvent event);

    /** A data message reached its time. */
    void data(DataMessage message);

    /** A frame is due on screen. The frame is released by the core after this returns. */
    void render(VideoFrame frame);
}
