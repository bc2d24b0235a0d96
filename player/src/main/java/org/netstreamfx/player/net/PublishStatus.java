package org.netstreamfx.player.net;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.netstreamfx.player.publish.PublishEvent;
import org.netstreamfx.player.publish.PublishFigures;
import org.netstreamfx.player.publish.Publisher;

/**
 * The NetStatus event each {@link PublishEvent} of the publishing pipeline becomes: the server's
 * status passed on whole, and for the engine's own findings their code, the sentence the user
 * reads and their details; and the {@link NetStreamInfo} of a publishing stream's figures. The
 * pipeline stays below the Flash API; this is where its facts take the API's words.
 */
final class PublishStatus {
    private PublishStatus() {
    }

    /**
     * A stream's publisher: its events reach {@code deliver} as NetStatus events stamped by
     * {@code clock}, and its work that may wait runs on the stream's {@code worker}.
     */
    static Publisher publisher(Consumer<NetStatusEvent> deliver, LongSupplier clock, Executor worker) {
        return new Publisher(e -> deliver.accept(toEvent(e, clock.getAsLong())), worker);
    }

    /** The NetStatus event for {@code event}, stamped {@code nanoTime}. */
    static NetStatusEvent toEvent(PublishEvent event, long nanoTime) {
        if (event instanceof PublishEvent.ServerStatus e) {
            return NetConnection.serverEvent(e.info(), NetStatusCode.NETSTREAM_PLAY_FAILED);
        }
        if (event instanceof PublishEvent.CreateStreamMalformed e) {
            return NetStatusEvent.of(NetStatusCode.NETCONNECTION_CALL_FAILED, "Could not publish: " + e.problem(), null,
                    nanoTime);
        }
        if (event instanceof PublishEvent.CreateStreamRefused e) {
            return NetStatusEvent.of(NetStatusCode.NETCONNECTION_CALL_FAILED, "The server refused createStream"
                    + (e.serverDescription() != null ? ": " + e.serverDescription() : "."), null, nanoTime);
        }
        if (event instanceof PublishEvent.CreateStreamFailed e) {
            return NetStatusEvent.of(NetStatusCode.NETCONNECTION_CALL_FAILED, e.description(), null, nanoTime);
        }
        if (event instanceof PublishEvent.FramesDropped e) {
            return NetStatusEvent.of(NetStatusCode.NSFX_PUBLISH_DROPPED, "The network cannot keep up: dropping video "
                    + "frames up to the next keyframe (" + e.dropped() + " dropped so far, " + e.queued()
                    + " messages queued).", e.dropped(), nanoTime);
        }
        if (event instanceof PublishEvent.Republishing e) {
            return NetStatusEvent.of(NetStatusCode.NSFX_PUBLISH_REPUBLISHING, "The server still holds the stream ("
                    + (e.serverDescription() != null ? e.serverDescription() : "Publish.BadName")
                    + "): publishing again in " + e.delayMs() + " ms (try " + e.attempt() + " of " + e.attempts()
                    + ").", e.attempt(), nanoTime);
        }
        if (event instanceof PublishEvent.Stalled e) {
            return NetStatusEvent.of(NetStatusCode.NSFX_PUBLISH_STALLED, "A write to the server made no progress for "
                    + TimeUnit.MILLISECONDS.toSeconds(e.limitMs()) + " s: the connection is dead.", null, nanoTime);
        }
        if (event instanceof PublishEvent.Unpublished) {
            return NetStatusEvent.of(NetStatusCode.NETSTREAM_UNPUBLISH_SUCCESS, "Stopped publishing.", null, nanoTime);
        }
        if (event instanceof PublishEvent.FeedFailed e) {
            return NetStatusEvent.of(NetStatusCode.NSFX_PUBLISH_FEEDFAILED, e.description(), null, nanoTime);
        }
        if (event instanceof PublishEvent.Health e) {
            return HealthStatus.event(e.finding(), nanoTime);
        }
        if (event instanceof PublishEvent.Moved e) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("fromMs", e.fromMs());
            details.put("keyframeMs", e.keyframeMs());
            return NetStatusEvent.of(NetStatusCode.NSFX_PUBLISH_MOVED, "Publishing moved to the new connection at the "
                    + "keyframe of " + e.keyframeMs() + " ms; the old connection carried it up to " + e.fromMs()
                    + " ms.", details, nanoTime);
        }
        if (event instanceof PublishEvent.MoveFailed e) {
            return NetStatusEvent.of(NetStatusCode.NSFX_PUBLISH_MOVEFAILED, "Could not move publishing to "
                    + e.target() + " (" + e.why() + "): publishing goes on over the old connection.", null, nanoTime);
        }
        throw new IllegalArgumentException("unknown publish event " + event);
    }

    /** NetStream.info() while publishing: send rates, bytes sent, the outgoing queue, frames dropped. */
    static NetStreamInfo info(PublishFigures f) {
        return new NetStreamInfo(f.bytesPerSecond(), f.bytesSent(), 0, f.queueSpanUs() / 1e6, 0, 0, 0,
                f.droppedFrames(), 0, 0, 0, 0, f.framesPerSecond(), 0);
    }
}
