package org.netstreamfx.player.net;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.netstreamfx.player.amf.AmfValue;
import org.netstreamfx.player.publish.PublishMove;
import org.netstreamfx.player.rtmp.client.Command;
import org.netstreamfx.player.rtmp.client.ConnectFailure;
import org.netstreamfx.player.rtmp.client.RtmpConnection;
import org.netstreamfx.player.rtmp.client.RtmpOptions;
import org.netstreamfx.player.rtmp.client.RtmpUrl;
import org.netstreamfx.player.rtmp.message.ControlMessage;

/**
 * A publisher's make-before-break answer to an Enhanced RTMP v2 Reconnect Request: while it lasts
 * the {@link NetConnection} holds two RTMP connections, its current one, which goes on carrying
 * the published media, and the new one this class connects (to the request's tcUrl, or the same
 * server), where each publishing stream publishes its name again and stands by. Once every one
 * has its Publish.Start there, the new connection becomes the current one (Connect.Reconnected;
 * the players play again there) and each publisher moves its media at its next keyframe
 * (Publish.Moved, see {@link PublishMove}); when the old publishes have ended on the wire, the old
 * connection is closed. A failure before that (the connect refused or cut, a publish refused,
 * nothing within {@link #MOVE_TIMEOUT_MS}) closes the new connection and leaves the old one
 * current, and each publisher warns why (Publish.MoveFailed).
 *
 * <p>It is the new connection's listener: until the new connection is current it handles what
 * that connection reports, then hands everything to the NetConnection's own listener.
 *
 * <p>Threads: the new connection's reader thread, the publishers' threads (moved, withdrawn), a
 * timer thread (the timeout); started under the NetConnection's lock.
 */
final class ConnectionMove implements RtmpConnection.Listener {
    /** How long the new connection may take to connect and have every publish started there. */
    static final long MOVE_TIMEOUT_MS = 15_000;
    /** The server's command that ends a connection. */
    private static final String CLOSE = "close";

    private final NetConnection connection;
    private final RtmpConnection.Listener current;
    private final Set<NetStream> streams;
    private final RtmpConnection old;
    private final List<NetStream> publishers = new CopyOnWriteArrayList<>();
    private final AtomicInteger notReady = new AtomicInteger();
    private final AtomicInteger notMoved = new AtomicInteger();
    /** Set once: the move went ahead or failed. */
    private final AtomicBoolean decided = new AtomicBoolean();
    private volatile RtmpConnection next;
    /** The new connection is the NetConnection's current one: its reports go to {@link #current}. */
    private volatile boolean adopted;

    /**
     * @param current the NetConnection's own listener, which takes the new connection once current
     * @param streams the NetConnection's RTMP streams (live)
     * @param old     the current connection, which asked to reconnect
     */
    ConnectionMove(NetConnection connection, RtmpConnection.Listener current, Set<NetStream> streams,
            RtmpConnection old) {
        this.connection = connection;
        this.current = current;
        this.streams = streams;
        this.old = old;
    }

    /** Under the NetConnection's lock: Reconnecting, then the new connection to {@code target} starts. */
    void start(RtmpUrl target, RtmpOptions options, int objectEncoding, List<AmfValue> connectArgs) {
        int tries = Math.max(1, options.reconnect().maxTries());
        connection.dispatch(NetStatusEvent.of(NetStatusCode.NSFX_CONNECT_RECONNECTING, Reconnects.reconnecting(
                !old.url().sameServer(target), target, 0, 1, tries, Reconnects.REQUESTED), 1, System.nanoTime()));
        RtmpConnection c = new RtmpConnection(target, options, objectEncoding, connectArgs, this, 0);
        next = c;
        c.start();
        CompletableFuture.delayedExecutor(MOVE_TIMEOUT_MS, TimeUnit.MILLISECONDS).execute(() -> fail("nothing "
                + "was started there within " + TimeUnit.MILLISECONDS.toSeconds(MOVE_TIMEOUT_MS) + " s"));
    }

    /** The publishes on the new connection have all started: it becomes current, and the media moves. */
    private void adopt() {
        if (!decided.compareAndSet(false, true)) {
            return;
        }
        adopted = connection.endMove(this, old, next);
        if (!adopted) { // The old connection went meanwhile: its end is reported by the NetConnection.
            next.close();
            return;
        }
        for (NetStream s : streams) {
            if (publishers.contains(s)) {
                s.rtmp().moveArmed();
            } else {
                s.rtmp().reconnected();
            }
        }
        if (notMoved.get() == 0) { // Every publisher stopped meanwhile: nothing keeps the old connection.
            old.close();
        }
    }

    /** The move fails, {@code why} (null: without a word): the new connection closes, the old one stays. */
    private void fail(String why) {
        if (!decided.compareAndSet(false, true)) {
            return;
        }
        connection.endMove(this, old, null);
        RtmpConnection c = next;
        c.close();
        // Before the new connection was there, no publisher was asked to move: each publishing one hears why.
        List<NetStream> told = publishers.isEmpty() ? streams.stream().filter(NetStream::publishing).toList()
                : publishers;
        for (NetStream s : told) {
            s.rtmp().moveFailed(c.url().masked(), why);
        }
    }

    /** The old publishes have all ended on the wire: the old connection closes. */
    private void oldEnded() {
        if (notMoved.decrementAndGet() == 0 && adopted) {
            old.close();
        }
    }

    // The new connection's reports, on its reader thread.

    @Override
    public void connected(RtmpConnection c, Command result) {
        if (adopted) {
            current.connected(c, result);
            return;
        }
        List<NetStream> publishing = streams.stream().filter(NetStream::publishing).toList();
        notReady.set(publishing.size() + 1); // One more until all are asked: none is ready before then.
        notMoved.set(publishing.size());
        for (NetStream s : publishing) {
            if (s.rtmp().moving(c, new StreamMove())) {
                publishers.add(s);
                if (decided.get() && !adopted) { // Failed meanwhile (timed out), perhaps after fail() told the others.
                    s.rtmp().moveFailed(c.url().masked(), null);
                }
            } else { // Stopped publishing meanwhile: nothing to wait for.
                notReady.decrementAndGet();
                oldEnded();
            }
        }
        if (notReady.decrementAndGet() == 0) {
            adopt();
        }
    }

    @Override
    public void connectFailed(RtmpConnection c, ConnectFailure failure) {
        if (adopted) {
            current.connectFailed(c, failure);
        } else {
            fail(failure.description());
        }
    }

    @Override
    public void closed(RtmpConnection c, String description, IOException cause) {
        if (adopted) {
            current.closed(c, description, cause);
        } else {
            fail(description);
        }
    }

    @Override
    public void serverCommand(RtmpConnection c, Command command) {
        if (adopted) {
            current.serverCommand(c, command);
        } else if (CLOSE.equals(command.name())) {
            fail("the server closed the new connection");
        }
        // Before the new connection is current, the server's other calls and status on it go unanswered.
    }

    @Override
    public void badCommand(RtmpConnection c, String description) {
        if (adopted) {
            current.badCommand(c, description);
        }
    }

    @Override
    public void control(RtmpConnection c, boolean sent, ControlMessage message) {
        if (adopted) {
            current.control(c, sent, message);
        }
    }

    /** How one publishing stream's move goes. */
    private final class StreamMove implements PublishMove.Listener {
        @Override
        public void ready() {
            if (notReady.decrementAndGet() == 0) {
                adopt();
            }
        }

        @Override
        public void failed(String why) {
            fail(why);
        }

        @Override
        public void moved(CompletionStage<Void> oldEnded) {
            oldEnded.whenComplete((done, error) -> oldEnded());
        }
    }
}
