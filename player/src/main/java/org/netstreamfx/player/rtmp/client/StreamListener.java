package org.netstreamfx.player.rtmp.client;

import org.netstreamfx.player.rtmp.message.RtmpMessage;
import org.netstreamfx.player.rtmp.message.UserControl;

/**
 * Receives what the server sends for one message stream (Adobe RTMP specification 1.0, section
 * 7.2.2: NetStream commands; 7.1.7: User Control events naming the stream). Called on the
 * connection's reader thread: hand work off quickly.
 */
public interface StreamListener {
    /** A command on the stream, usually onStatus (RTMP 7.2.2), decoded. */
    void command(Command command);

    /** Audio (8), video (9), data (15, 18) or aggregate (22) messages of the stream. */
    void media(RtmpMessage message);

    /** StreamBegin, StreamEOF, StreamDry or StreamIsRecorded for the stream. */
    void userControl(UserControl event);

    /**
     * A write on the connection made no progress for the stall limit; the connection is being
     * dropped. Called on the writer's watch thread, before the connection's end is reported.
     */
    default void writeStalled(String description) {
    }
}
