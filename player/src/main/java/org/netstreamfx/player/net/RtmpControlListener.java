package org.netstreamfx.player.net;

/**
 * Receives a connection's raw RTMP control traffic ({@link RtmpControlEvent}), on the
 * connection's callback executor, in order with its NetStatus events.
 */
@FunctionalInterface
public interface RtmpControlListener {
    void onRtmpControl(RtmpControlEvent event);
}
