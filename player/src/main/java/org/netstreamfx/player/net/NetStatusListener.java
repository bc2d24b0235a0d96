package org.netstreamfx.player.net;

/** Receives NetStatusEvents, on the executor its owner was given. */
@FunctionalInterface
public interface NetStatusListener {
    void onNetStatus(NetStatusEvent event);
}
