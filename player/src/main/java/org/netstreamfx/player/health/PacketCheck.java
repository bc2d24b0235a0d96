package org.netstreamfx.player.health;

import org.netstreamfx.player.media.MediaPacket;
import org.netstreamfx.player.media.TrackFormat;

/** One group of rules, fed each packet of the tracks it watches in arrival order. */
interface PacketCheck {
    /**
     * @param track     the packet's track as it is now
     * @param p         the packet
     * @param arrivalUs when it arrived, on a monotonic clock in microseconds
     */
    void packet(TrackFormat track, MediaPacket p, long arrivalUs);

    /** A seek or a new stream: continuity with what came before is gone. */
    default void restart() {
    }
}
