package org.netstreamfx.app.ui.player;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiConsumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.netstreamfx.player.net.NetConnection;
import org.netstreamfx.player.net.NetStatusEvent;
import org.netstreamfx.player.net.NetStream;
import org.netstreamfx.player.net.RtmpControlListener;

/**
 * The NetConnection and NetStream a {@link PlayerViewModel} uses, one of each at a time: making
 * them, and closing them off the FX thread (closing waits for the engine's threads) on a thread
 * of its own, "nsfx-ui-close".
 *
 * <p>Owned by the view model; everything here but the closer runs on the FX thread.
 */
final class StreamControl {
    private final Executor callbacks;
    private final BiConsumer<NetConnection, NetStatusEvent> connectionEvents;
    /** Closes streams and connections, which waits for their threads, off the FX thread. */
    private final ExecutorService closer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "nsfx-ui-close");
        t.setDaemon(true);
        return t;
    });
    private final List<RtmpControlListener> controlListeners = new ArrayList<>();
    private final ReadOnlyObjectWrapper<NetStream> stream;
    private NetConnection connection;
    private boolean local;

    /**
     * @param bean             the stream property's bean (the view model)
     * @param callbacks        where the engine calls back: {@code Platform::runLater}
     * @param connectionEvents gets each connection's events, with the connection they are of
     */
    StreamControl(Object bean, Executor callbacks, BiConsumer<NetConnection, NetStatusEvent> connectionEvents) {
        this.callbacks = callbacks;
        this.connectionEvents = connectionEvents;
        stream = new ReadOnlyObjectWrapper<>(bean, "stream");
    }

    // Called on the FX thread by the view model.

    /**
     * The connection for files and downloads, connected (a new one unless the one in use is that);
     * the stream playing is closed: a new stream for each address, as play() on a stream that is
     * playing closes the old session first, which waits for its threads.
     */
    NetConnection localConnection() {
        if (connection == null || !local) {
            closeStream();
            closeConnection();
            newConnection(true).connect(null);
        }
        closeStream();
        return connection;
    }

    /** A new RTMP connection, not yet connected, with the control listeners; what was open is closed. */
    NetConnection rtmpConnection() {
        closeStream();
        closeConnection();
        NetConnection nc = newConnection(false);
        controlListeners.forEach(nc::addRtmpControlListener);
        return nc;
    }

    private NetConnection newConnection(boolean isLocal) {
        NetConnection nc = new NetConnection(callbacks);
        connection = nc;
        local = isLocal;
        nc.addNetStatusListener(e -> connectionEvents.accept(nc, e));
        return nc;
    }

    /** The connection now in use, or null. */
    NetConnection connection() {
        return connection;
    }

    /** The connection in use is the local one (files and downloads). */
    boolean local() {
        return local;
    }

    /** {@code ns} is the stream playing from now on. */
    void attach(NetStream ns) {
        stream.set(ns);
    }

    ReadOnlyObjectProperty<NetStream> stream() {
        return stream.getReadOnlyProperty();
    }

    void addControlListener(RtmpControlListener l) {
        controlListeners.add(l);
    }

    /** Where closing work runs (a recording's file is finished there too). */
    Executor closer() {
        return closer;
    }

    void closeStream() {
        NetStream ns = stream.get();
        if (ns != null) {
            stream.set(null);
            closer.execute(ns::close);
        }
    }

    void closeConnection() {
        NetConnection nc = connection;
        connection = null;
        if (nc != null) {
            closer.execute(nc::close);
        }
    }

    /** Closes what is open; the closer ends once that is done. */
    void dispose() {
        closeStream();
        closeConnection();
        closer.shutdown();
    }
}
