package org.netstreamfx.player.rtmp.client;

import java.util.Optional;
import org.netstreamfx.player.rtmp.message.SetPeerBandwidth;
import org.netstreamfx.player.rtmp.message.WindowAckSize;
import org.netstreamfx.player.wire.WireFormatException;

/**
 * Applies Set Peer Bandwidth (Adobe RTMP specification 1.0, section 5.4.5): hard sets our output
 * window, soft lowers it, dynamic acts as hard if the previous limit was hard and is otherwise
 * ignored. When the window changes from the one we last announced we answer with a Window
 * Acknowledgement Size (5.4.4), as the section asks. A player sends little, so the window is not
 * used to throttle. Owned by the reader thread.
 */
final class PeerBandwidth {
    private long windowBytes;
    private long announcedBytes;
    private SetPeerBandwidth.LimitType lastLimit;

    /** The Window Acknowledgement Size to send, if any. */
    Optional<WindowAckSize> apply(SetPeerBandwidth p) throws WireFormatException {
        if (p.size() < 1) {
            throw WireFormatException.outOfRange("Set Peer Bandwidth window size", p.size(),
                    "must be at least 1 (RTMP 5.4.5)");
        }
        switch (p.limitType()) {
            case HARD -> windowBytes = p.size();
            case SOFT -> windowBytes = windowBytes == 0 ? p.size() : Math.min(windowBytes, p.size());
            case DYNAMIC -> {
                if (lastLimit != SetPeerBandwidth.LimitType.HARD) {
                    return Optional.empty();
                }
                windowBytes = p.size();
            }
        }
        lastLimit = p.limitType() == SetPeerBandwidth.LimitType.DYNAMIC ? SetPeerBandwidth.LimitType.HARD
                : p.limitType();
        if (windowBytes == announcedBytes) {
            return Optional.empty();
        }
        announcedBytes = windowBytes;
        return Optional.of(new WindowAckSize(windowBytes));
    }

    /** The output window in force, 0 before any Set Peer Bandwidth. */
    long windowBytes() {
        return windowBytes;
    }
}
