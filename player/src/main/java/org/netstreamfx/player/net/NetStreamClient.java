package org.netstreamfx.player.net;

import java.util.List;
import java.util.Map;

/**
 * The NetStream's {@code client} object: handlers for the data messages a stream carries. Each is
 * called on the stream's callback executor. Unimplemented handlers do nothing.
 */
public interface NetStreamClient {
    /** onMetaData: duration, width, height, framerate, codec ids and names, bitrates, and more. */
    default void onMetaData(Map<String, Object> info) {
    }

    /** onCuePoint: name, time, type, parameters. */
    default void onCuePoint(Map<String, Object> info) {
    }

    /** onTextData: text and track id. */
    default void onTextData(Map<String, Object> info) {
    }

    /** onPlayStatus: NetStream.Play.Complete, NetStream.Play.Switch, NetStream.Play.TransitionComplete. */
    default void onPlayStatus(Map<String, Object> info) {
    }

    /**
     * Any other handler: custom {@code send()} handlers of a publisher, onXMPData, onImageData,
     * |RtmpSampleAccess. Returns false when the client has no such handler (the stream reports it).
     */
    default boolean onData(String handler, List<Object> args) {
        return false;
    }
}
