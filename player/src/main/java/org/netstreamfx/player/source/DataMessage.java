package org.netstreamfx.player.source;

import java.util.List;

/**
 * A script data message carried in the stream (FLV script tag, RTMP data message): handler name
 * and its arguments as plain Java values (Map, List, Double, String, Boolean, null, Instant).
 * Dispatched to the NetStream client when playback reaches {@code ptsUs}.
 */
public record DataMessage(long ptsUs, String handler, List<Object> args) implements SourceItem {
    public DataMessage {
        // Arguments may be null (AMF null/undefined), which List.copyOf would refuse.
        args = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(args));
    }
}
