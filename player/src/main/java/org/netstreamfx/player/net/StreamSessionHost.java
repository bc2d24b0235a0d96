package org.netstreamfx.player.net;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import org.netstreamfx.player.clock.TimeSource;
import org.netstreamfx.player.playback.CoreEvent;
import org.netstreamfx.player.session.SessionEvent;
import org.netstreamfx.player.session.SessionHost;
import org.netstreamfx.player.session.Snapshot;
import org.netstreamfx.player.sink.VideoFrame;
import org.netstreamfx.player.source.DataMessage;
import org.netstreamfx.player.source.SourceDescription;

/**
 * Where a {@link NetStream}'s events go, and the stream as its play sessions see it: the stream's
 * NetStatus listeners, called on the connection's callback executor, and its client's callbacks
 * ({@link ClientDispatch}). The sessions' typed events become NetStatus events here
 * ({@link CoreEventStatus}, {@link SessionEventStatus}) and onPlayStatus calls; their data,
 * pictures and figures go to the stream, and an RTMP play registers the stream with its
 * connection. Kept apart so that NetStream's public face does not implement the sessions' interface.
 */
final class StreamSessionHost implements SessionHost {
    private final NetStream stream;
    private final NetConnection connection;
    private final TimeSource time;
    private final List<NetStatusListener> listeners = new CopyOnWriteArrayList<>();
    private final ClientDispatch callbacks;
    private final StreamHealth health;

    StreamSessionHost(NetStream stream, NetConnection connection, TimeSource time,
                      java.util.function.Supplier<org.netstreamfx.player.publish.Publisher> publisher) {
        this.stream = stream;
        this.connection = connection;
        this.time = time;
        this.callbacks = new ClientDispatch(stream, connection.callbackExecutor());
        this.health = new StreamHealth(this::deliver, time, () -> stream.player().realTime(), publisher);
    }

    /** The stream's health analysis, which hears the playback's stalls, pictures and playhead from here. */
    StreamHealth health() {
        return health;
    }

    void addListener(NetStatusListener l) {
        listeners.add(Objects.requireNonNull(l));
    }

    void removeListener(NetStatusListener l) {
        listeners.remove(l);
    }

    /** An engine event of the stream, to the listeners. */
    void dispatchStatus(NetStatusCode code, String description, Object details) {
        deliver(NetStatusEvent.of(code, description, details, time.nanoTime()));
    }

    /** To the listeners on the callback executor; nobody listens once the connection shut its own down. */
    void deliver(NetStatusEvent e) {
        try {
            connection.callbackExecutor().execute(() -> deliverHere(e));
        } catch (RejectedExecutionException closed) {
            // NetConnection.close() ended its event thread: a late event (e.g. an unpublish finishing) is dropped.
        }
    }

    /** To the listeners, on this thread (the callback executor's). */
    void deliverHere(NetStatusEvent e) {
        for (NetStatusListener l : listeners) {
            l.onNetStatus(e);
        }
    }

    @Override
    public String shownName() {
        return stream.shownName();
    }

    @Override
    public void status(SessionEvent event) {
        if (event instanceof SessionEvent.TracksChanged t) {
            stream.player().tracks(t.tracks());
            if (!t.multitrack()) {
                return; // a single-track stream is listed in info() and announces nothing, as before
            }
        }
        SessionEventStatus s = SessionEventStatus.of(event);
        dispatchStatus(s.code(), s.description(), s.details());
    }

    @Override
    public void transition(CoreEvent event) {
        health.transition(event);
        CoreEventStatus s = CoreEventStatus.of(event);
        dispatchStatus(s.code(), s.description(), s.details());
        if (s.playStatus() != null) {
            callbacks.playStatus(s.playStatus());
        }
    }

    /** A status event from the server, passed on whole. */
    @Override
    public void serverStatus(Map<String, Object> info) {
        deliver(NetConnection.serverEvent(info, NetStatusCode.NETSTREAM_PLAY_FAILED));
    }

    @Override
    public void opened(SourceDescription description, boolean announce) {
        stream.player().opened(description);
        if (announce) {
            status(new SessionEvent.PlayStarted(shownName()));
            callbacks.metaData(MetaData.of(description, stream.player().tracks()));
        }
    }

    @Override
    public void data(DataMessage message) {
        callbacks.data(message, stream.player().current().isRtmp());
    }

    @Override
    public void render(VideoFrame frame) {
        health.rendered(); // first: whoever the sink tells finds the time to first frame known
        stream.player().render(frame);
    }

    @Override
    public void snapshot(Snapshot snapshot) {
        stream.player().publish(snapshot);
        health.playhead(snapshot);
    }

    @Override
    public void rtmpStarted() {
        connection.registerRtmpStream(stream);
    }

    @Override
    public void rtmpEnded() {
        connection.unregisterRtmpStream(stream);
    }
}
