package org.netstreamfx.player.net;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A two-way connection: to nothing ({@code connect(null)}) for local files and progressive HTTP
 * downloads, the Flash model. Listeners and client callbacks of this connection and its streams run
 * on the executor given at construction (a UI passes {@code Platform::runLater}); without one, on
 * a single thread of this connection's own ("nsfx-events-N"), never on a decoder or I/O thread.
 */
public class NetConnection implements AutoCloseable {
    private static final AtomicInteger IDS = new AtomicInteger();

    private final Executor callbackExecutor;
    private final ExecutorService ownExecutor;
    private final List<NetStatusListener> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean connected;
    private volatile String uri;

    public NetConnection() {
        int id = IDS.incrementAndGet();
        this.ownExecutor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "nsfx-events-" + id);
            t.setDaemon(true);
            return t;
        });
        this.callbackExecutor = ownExecutor;
    }

    public NetConnection(Executor callbackExecutor) {
        this.callbackExecutor = Objects.requireNonNull(callbackExecutor, "callbackExecutor");
        this.ownExecutor = null;
    }

    /**
     * {@code connect(null)}: a connection to no server, for files and progressive HTTP; dispatches
     * NetConnection.Connect.Success. Server addresses (rtmp://, rtmps://) are not accepted by this
     * class: they throw IllegalArgumentException naming the address's scheme.
     */
    public void connect(String command, Object... args) {
        if (command != null && !command.equalsIgnoreCase("null")) {
            String scheme = command.contains(":") ? command.substring(0, command.indexOf(':')) : command;
            throw new IllegalArgumentException("NetConnection.connect(" + scheme + "://…): this version "
                    + "connects to no server; use connect(null) for files and http(s) URLs");
        }
        connected = true;
        uri = "null";
        dispatch(NetStatusEvent.of(NetStatusCode.NETCONNECTION_CONNECT_SUCCESS, "Connection succeeded.", null,
                System.nanoTime()));
    }

    public boolean connected() {
        return connected;
    }

    /** The address given to connect(), "null" for connect(null), or null before connect. */
    public String uri() {
        return uri;
    }

    public void addNetStatusListener(NetStatusListener l) {
        listeners.add(Objects.requireNonNull(l));
    }

    public void removeNetStatusListener(NetStatusListener l) {
        listeners.remove(l);
    }

    /** Where this connection's streams call their listeners and clients. */
    public Executor callbackExecutor() {
        return callbackExecutor;
    }

    void dispatch(NetStatusEvent e) {
        callbackExecutor.execute(() -> {
            for (NetStatusListener l : listeners) {
                l.onNetStatus(e);
            }
        });
    }

    /** Closes the connection: NetConnection.Connect.Closed. Streams should be closed first. */
    @Override
    public void close() {
        if (connected) {
            connected = false;
            dispatch(NetStatusEvent.of(NetStatusCode.NETCONNECTION_CONNECT_CLOSED, "Connection closed.", null,
                    System.nanoTime()));
        }
        if (ownExecutor != null) {
            ownExecutor.shutdown();
        }
    }
}
