package org.netstreamfx.player.publish;

import java.util.concurrent.CompletionStage;
import org.netstreamfx.player.media.TrackKind;
import org.netstreamfx.player.rtmp.client.RtmpConnection;

/**
 * One publish moving to a new RTMP connection make-before-break, as an Enhanced RTMP v2 Reconnect
 * Request asks: the same name is published on the new connection by a standing-by, muted {@link
 * PublishSession} while the old one goes on sending; once the connection's side lets the move go
 * ahead ({@link Publisher#armMove}), the next video keyframe (or, for a stream without video, the
 * next packet) goes to the new session after its onMetaData and sequence headers, and the old one
 * is unpublished. It holds the standing-by session, says which packet the media moves at, and
 * tells the connection's side how the move goes ({@link Listener}).
 *
 * <p>Threads: created and given up under the {@link Publisher}'s lock; the standing-by session's
 * events arrive on the new connection's reader thread; armed on the connection's threads.
 */
public final class PublishMove {
    /** The server's status that lets the standing-by publish go on air. */
    private static final String PUBLISH_START = "NetStream.Publish.Start";
    /** The level of a server status that refuses the publish. */
    private static final String ERROR_LEVEL = "error";

    /** What the connection's side is told of one stream's move; called on any thread, it must not wait. */
    public interface Listener {
        /** The name is published on the new connection (Publish.Start there): the move may go ahead. */
        void ready();

        /** The publish on the new connection failed, {@code why}; null: given up without a word (the old connection went). */
        void failed(String why);

        /**
         * The media moved, or publishing stopped before it did; {@code oldEnded} completes once the
         * old publish has ended on the wire.
         */
        void moved(CompletionStage<Void> oldEnded);
    }

    private volatile boolean ready;
    private volatile boolean armed;
    /** The publish standing by on the new connection: the same name, muted until the media moves. */
    final PublishSession next;
    /** The connection's side. */
    final Listener listener;

    /** A move of {@code publisher}'s publish of {@code name} to {@code rc}; nothing is sent until its session starts. */
    PublishMove(Publisher publisher, RtmpConnection rc, String name, String type, long queueLimitUs, Listener listener) {
        this.next = new PublishSession(publisher, rc, name, type, queueLimitUs, false, true);
        this.listener = listener;
    }

    /** From now on the media moves at the next packet {@link #movesAt} takes. */
    void arm() {
        armed = true;
    }

    boolean armed() {
        return armed;
    }

    /** Whether the media moves at {@code p}: once armed, a video keyframe, or any packet of a stream without video. */
    boolean movesAt(FeedPacket p, boolean hasVideo) {
        return armed && (p.kind() == TrackKind.VIDEO ? p.keyframe() : !hasVideo);
    }

    /** An event of the standing-by session: its Publish.Start makes the move ready; a refusal fails it. */
    void standbyEvent(PublishEvent event) {
        if (event instanceof PublishEvent.ServerStatus s && PUBLISH_START.equals(s.info().get("code"))) {
            ready = true;
            listener.ready();
            return;
        }
        String why = refusal(event);
        if (why != null && !ready) {
            listener.failed(why);
        }
    }

    /**
     * Publishing stopped before the media moved: the connection's side no longer waits for this
     * stream; the old publish ends, on the old connection, when {@code oldEnded} completes.
     */
    void withdraw(CompletionStage<Void> oldEnded) {
        if (!ready) {
            ready = true;
            listener.ready();
        }
        listener.moved(oldEnded);
    }

    /** Why {@code event} of the standing-by session refuses the publish, or null when it does not. */
    private static String refusal(PublishEvent event) {
        if (event instanceof PublishEvent.ServerStatus s && ERROR_LEVEL.equals(s.info().get("level"))) {
            Object description = s.info().get("description");
            return "the server answered " + s.info().get("code") + (description != null ? ": " + description : "");
        }
        if (event instanceof PublishEvent.CreateStreamRefused e) {
            String d = e.serverDescription();
            return "the server refused createStream" + (d != null ? ": " + d : "");
        }
        if (event instanceof PublishEvent.CreateStreamFailed e) {
            return e.description();
        }
        if (event instanceof PublishEvent.CreateStreamMalformed e) {
            return e.problem();
        }
        return null;
    }
}
