package org.netstreamfx.player.net;

import java.util.function.LongSupplier;
import org.netstreamfx.player.publish.PublishMove;
import org.netstreamfx.player.publish.Publisher;
import org.netstreamfx.player.rtmp.client.RtmpConnection;

/**
 * What a NetConnection tells one of its NetStreams over RTMP, and what the stream's playing and
 * publishing sides do about it: the connection lost for good, dropped and back, or moved to
 * another connection (a Reconnect Request, make-before-break).
 *
 * <p>Thread ownership: called by the NetConnection (its reader or callback thread); the sides
 * hand the work to the stream's thread where it may wait.
 */
final class RtmpStreamLink {
    private final NetConnection connection;
    private final StreamPlayer player;
    private final Publisher publisher;
    private final LongSupplier bufferTimeUs;

    RtmpStreamLink(NetConnection connection, StreamPlayer player, Publisher publisher, LongSupplier bufferTimeUs) {
        this.connection = connection;
        this.player = player;
        this.publisher = publisher;
        this.bufferTimeUs = bufferTimeUs;
    }

    /** The connection is gone for good: the stream fails with {@code description}. */
    void connectionLost(String description) {
        publisher.connectionLost();
        player.current().connectionLost(description);
    }

    /** The connection dropped and a reconnect follows: a recording of what is published marks the time off air. */
    void connectionDropped() {
        publisher.connectionDropped();
    }

    /** The connection came back: play the same stream again, from where it was if recorded (on the stream's thread). */
    void reconnected() {
        RtmpConnection now = connection.rtmpConnection();
        if (publisher.publishing() && now != null) {
            publisher.reconnected(now, bufferTimeUs.getAsLong());
        }
        player.rtmpReconnected();
    }

    /** A move of the connection (make-before-break): also publish on {@code next}, standing by; false when not publishing. */
    boolean moving(RtmpConnection next, PublishMove.Listener listener) {
        return publisher.prepareMove(next, bufferTimeUs.getAsLong(), listener);
    }

    /** The move's new connection is the current one: the published media moves at the next keyframe. */
    void moveArmed() {
        publisher.armMove();
    }

    /** The move to {@code target} failed, {@code why} (null: quietly): publishing goes on as it was. */
    void moveFailed(String target, String why) {
        publisher.abandonMove(target, why);
    }
}
