package org.netstreamfx.player.net;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.netstreamfx.player.amf.AmfValue;
import org.netstreamfx.player.rtmp.client.Command;
import org.netstreamfx.player.rtmp.client.ConnectFailure;
import org.netstreamfx.player.rtmp.client.ConnectionStalledException;
import org.netstreamfx.player.rtmp.client.RtmpConnection;
import org.netstreamfx.player.rtmp.client.ServerCaps;
import org.netstreamfx.player.rtmp.client.RtmpOptions;
import org.netstreamfx.player.rtmp.client.RtmpUrl;
import org.netstreamfx.player.rtmp.message.ControlMessage;
import org.netstreamfx.player.util.Redact;
import org.netstreamfx.player.wire.WireFormatException;

/**
 * A two-way connection (flash.net.NetConnection): to nothing ({@code connect(null)}) for local
 * files and progressive HTTP downloads, or to an RTMP server application
 * ({@code connect("rtmp[s]://host[:port]/app[/instance]", args...)}, Adobe RTMP specification 1.0,
 * section 7.2.1).
 *
 * <p>Listeners, the {@link NetConnectionClient} and {@link Responder}s of this connection and its
 * streams run on the executor given at construction (a UI passes {@code Platform::runLater});
 * without one, on a single thread of this connection's own ("nsfx-events-N"), never on a decoder
 * or socket thread. Public methods return at once.
 *
 * <p>RTMP status events are the server's info objects, passed on whole; the engine adds
 * NetConnection.Connect.Failed (with a description naming what failed), Connect.Closed,
 * Call.Failed, Call.BadVersion, Call.Prohibited and its own NetStreamFX.* codes. An optional
 * {@link org.netstreamfx.player.rtmp.client.ReconnectPolicy} reconnects after an unexpected close
 * and plays the playing streams again; a server's Reconnect Request is followed, by publishers
 * make-before-break ({@link ConnectionMove}).
 */
public class NetConnection implements AutoCloseable {
    private static final AtomicInteger IDS = new AtomicInteger();

    private final Executor callbackExecutor;
    private final ExecutorService ownExecutor;
    private final List<NetStatusListener> listeners = new CopyOnWriteArrayList<>();
    private final List<RtmpControlListener> controlListeners = new CopyOnWriteArrayList<>();
    private final Set<NetStream> rtmpStreams = ConcurrentHashMap.newKeySet();
    private final Object rtmpLock = new Object();
    private final Random jitter = new Random();
    private final RtmpEvents events = new RtmpEvents();
    /** Written under rtmpLock only, with the check of {@code rtmp}: never connected with a closed transport. */
    private volatile boolean connected;
    private volatile String uri;
    private volatile NetConnectionClient client = new NetConnectionClient() { };
    private volatile RtmpOptions rtmpOptions = RtmpOptions.DEFAULTS;
    private volatile int objectEncoding = 0;
    /** Written under rtmpLock; read without it, so a caller on the FX thread never waits for the lock. */
    private volatile RtmpConnection rtmp;
    // Guarded by rtmpLock.
    private RtmpUrl rtmpUrl;
    private List<AmfValue> connectArgs = List.of();
    private int reconnectTry;
    private String lostBecause;
    /** A publisher's move to a new connection under way, the current one still carrying it; else null. */
    private ConnectionMove move;

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
     * NetConnection.Connect.Success at once. {@code connect("rtmp[s]://host[:port]/app[/instance]",
     * args...)}: connects to the server in the background, with {@code args} (plain Java values,
     * see {@link org.netstreamfx.player.amf.AmfValues#of}) appended to the connect command; Connect.Success or
     * Connect.Failed / Rejected / InvalidApp / AppShutdown follows. Any earlier RTMP connection is
     * closed first.
     *
     * @throws IllegalArgumentException for an address that is neither null nor rtmp[s]://, or an
     *     argument with no AMF form
     */
    public void connect(String command, Object... args) {
        closeRtmp(false);
        if (command == null || command.equalsIgnoreCase("null")) {
            synchronized (rtmpLock) {
                connected = true;
            }
            uri = "null";
            status(NetStatusCode.NETCONNECTION_CONNECT_SUCCESS, "Connection succeeded.", null);
            return;
        }
        if (!RtmpUrl.isRtmp(command)) {
            String scheme = command.contains(":") ? command.substring(0, command.indexOf(':')) : command;
            throw new IllegalArgumentException("NetConnection.connect(" + Redact.url(scheme) + "…): connect to "
                    + "rtmp:// or rtmps:// addresses, or connect(null) for files and http(s) URLs");
        }
        RtmpUrl url = RtmpUrl.parse(command);
        List<AmfValue> amfArgs = ClientCall.amfArgs(args);
        synchronized (rtmpLock) {
            rtmpUrl = url;
            connectArgs = List.copyOf(amfArgs);
            reconnectTry = 0;
            uri = url.masked();
            rtmp = new RtmpConnection(url, rtmpOptions, objectEncoding, connectArgs, events, 0);
            rtmp.start();
        }
    }

    /**
     * Calls {@code method} on the server (RTMP 7.2.1: a command with a new transaction id).
     * {@code responder} (may be null) gets the {@code _result} or the {@code _error} info.
     * Without a connected RTMP connection, or when sending fails, Call.Failed follows; for a
     * command of the protocol itself (connect, play, ...), Call.Prohibited.
     */
    public void call(String method, Responder responder, Object... args) {
        ClientCall.call(this, rtmpConnection(), method, responder, args);
    }

    public boolean connected() {
        return connected;
    }

    /**
     * The address given to connect() with query values masked, "null" for connect(null), or null
     * before connect.
     */
    public String uri() {
        return uri;
    }

    /** 0 (AMF0) or 3 (AMF3): asked for at connect, then what the server confirmed. */
    public int objectEncoding() {
        RtmpConnection c = rtmpConnection();
        return c != null ? c.objectEncoding() : objectEncoding;
    }

    /** Sets the object encoding the next connect() asks for: 0 (default, widest server support) or 3. */
    public void setObjectEncoding(int encoding) {
        if (encoding != 0 && encoding != 3) {
            throw new IllegalArgumentException("objectEncoding must be 0 or 3, not " + encoding);
        }
        objectEncoding = encoding;
    }

    /** How the next connect() connects over RTMP: timeouts, handshake, TLS trust, reconnect. */
    public void setRtmpOptions(RtmpOptions options) {
        rtmpOptions = Objects.requireNonNull(options, "options");
    }

    public RtmpOptions rtmpOptions() {
        return rtmpOptions;
    }

    /** The object whose methods the server may call. */
    public void setClient(NetConnectionClient c) {
        client = Objects.requireNonNull(c, "client");
    }

    public NetConnectionClient client() {
        return client;
    }

    public void addNetStatusListener(NetStatusListener l) {
        listeners.add(Objects.requireNonNull(l));
    }

    public void removeNetStatusListener(NetStatusListener l) {
        listeners.remove(l);
    }

    /** Raw RTMP control traffic, both ways, for testers ({@link RtmpControlEvent}); none when not RTMP. */
    public void addRtmpControlListener(RtmpControlListener l) {
        controlListeners.add(Objects.requireNonNull(l));
    }

    public void removeRtmpControlListener(RtmpControlListener l) {
        controlListeners.remove(l);
    }

    /** Where this connection's streams call their listeners and clients. */
    public Executor callbackExecutor() {
        return callbackExecutor;
    }

    /** Closes the connection: NetConnection.Connect.Closed. Streams should be closed first. */
    @Override
    public void close() {
        if (closeRtmp(true)) {
            status(NetStatusCode.NETCONNECTION_CONNECT_CLOSED, "Connection closed.", null);
        }
        if (ownExecutor != null) {
            ownExecutor.shutdown();
        }
    }

    /** Detaches and closes the RTMP connection; {@code disconnect}: also ends connected(), returning what it was. */
    private boolean closeRtmp(boolean disconnect) {
        RtmpConnection c;
        boolean was;
        synchronized (rtmpLock) {
            c = rtmp;
            rtmp = null;
            rtmpUrl = null;
            was = connected;
            connected = connected && !disconnect;
        }
        if (c != null) {
            lost(rtmpStreams, "The NetConnection was closed.");
            c.close();
        }
        return was;
    }

    /**
     * What the RTMP server said of its Enhanced RTMP support when it accepted the connection
     * (capsEx and its FourCC maps); {@link ServerCaps#NONE} when not connected to RTMP or when the
     * server said nothing of it (nginx-rtmp).
     */
    public ServerCaps serverCapabilities() {
        RtmpConnection c = rtmp;
        return c == null ? ServerCaps.NONE : c.serverCaps();
    }

    // For NetStream.

    /** The RTMP connection, or null when this is connect(null) or not connected. */
    RtmpConnection rtmpConnection() {
        return rtmp;
    }

    boolean isRtmp() {
        return rtmpConnection() != null;
    }

    void registerRtmpStream(NetStream s) {
        rtmpStreams.add(s);
    }

    void unregisterRtmpStream(NetStream s) {
        rtmpStreams.remove(s);
    }

    void dispatch(NetStatusEvent e) {
        try {
            callbackExecutor.execute(() -> {
                for (NetStatusListener l : listeners) {
                    l.onNetStatus(e);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            // Our own event thread is shut down by close(): nobody listens any more.
        }
    }

    /** An event carrying a server's info object whole; {@code fallback} when it has no code. */
    static NetStatusEvent serverEvent(Map<String, Object> info, NetStatusCode fallback) {
        return ServerCalls.serverEvent(info, fallback);
    }

    private void status(NetStatusCode code, String description, Object details) {
        dispatch(NetStatusEvent.of(code, description, details, System.nanoTime()));
    }

    /** The connection is gone for good: each of {@code streams} fails with {@code description}. */
    private static void lost(Iterable<NetStream> streams, String description) {
        for (NetStream s : streams) {
            s.rtmp().connectionLost(description);
        }
    }

    // Reconnection: called on reader threads, under rtmpLock where marked.

    /** Starts the next reconnect try, or gives up. */
    private void reconnect(RtmpUrl target, boolean requested) {
        List<NetStream> gone = List.of();
        String gaveUp = null;
        synchronized (rtmpLock) {
            if (rtmpUrl == null) {
                return;
            }
            int tries = requested ? Math.max(1, rtmpOptions.reconnect().maxTries()) : rtmpOptions.reconnect().maxTries();
            reconnectTry++;
            if (reconnectTry > tries) {
                gaveUp = Reconnects.gaveUp(rtmpUrl, lostBecause, tries);
                rtmp = null;
                rtmpUrl = null;
                connected = false;
                gone = List.copyOf(rtmpStreams);
            } else {
                long delayMs = requested && reconnectTry == 1 ? 0 : rtmpOptions.reconnect().delayMs(reconnectTry, jitter);
                boolean moved = requested && reconnectTry == 1 && !rtmpUrl.sameServer(target);
                status(NetStatusCode.NSFX_CONNECT_RECONNECTING, Reconnects.reconnecting(moved, target, delayMs,
                        reconnectTry, tries, lostBecause), reconnectTry);
                rtmpUrl = target;
                uri = target.masked();
                rtmp = new RtmpConnection(target, rtmpOptions, objectEncoding, connectArgs, events, delayMs);
                rtmp.start();
            }
        }
        if (gaveUp != null) {
            lost(gone, gaveUp);
            status(NetStatusCode.NETCONNECTION_CONNECT_CLOSED, gaveUp, null);
        }
    }

    /** Under rtmpLock: publishers follow a Reconnect Request make-before-break; false: none publishes. */
    private boolean startMove(RtmpConnection c, RtmpUrl target) {
        if (rtmpStreams.stream().noneMatch(NetStream::publishing)) {
            return false;
        }
        if (move == null) { // One move at a time: a request during one is passed on only.
            move = new ConnectionMove(this, events, rtmpStreams, c);
            move.start(target, rtmpOptions, objectEncoding, connectArgs);
        }
        return true;
    }

    /** Move {@code m} ends: {@code next} (null: failed) becomes current if {@code old} still is; whether it did. */
    boolean endMove(ConnectionMove m, RtmpConnection old, RtmpConnection next) {
        synchronized (rtmpLock) {
            boolean ours = move == m;
            move = ours ? null : move;
            if (!ours || next == null || rtmp != old) {
                return false;
            }
            rtmp = next;
            rtmpUrl = next.url();
            uri = rtmpUrl.masked();
            connected = true;
            dispatch(Reconnects.reconnected(rtmpUrl, 1));
            return true;
        }
    }

    /** Whether {@code c} is the connection; {@code detach}: if so, also drops it, not connected any more. */
    private boolean isCurrent(RtmpConnection c, boolean detach) {
        synchronized (rtmpLock) {
            if (c != rtmp) {
                return false;
            }
            if (detach) {
                rtmp = null;
                rtmpUrl = null;
                connected = false;
            }
            return true;
        }
    }

    /** What the RTMP connection reports, on its reader thread. */
    private final class RtmpEvents implements RtmpConnection.Listener {
        @Override
        public void connected(RtmpConnection c, Command result) {
            int tries;
            synchronized (rtmpLock) {
                if (c != rtmp) {
                    return;
                }
                tries = reconnectTry;
                reconnectTry = 0;
                connected = true;
                if (tries > 0) { // Dispatched in the same step: a close() right after comes after it.
                    dispatch(Reconnects.reconnected(c.url(), tries));
                } else {
                    dispatch(serverEvent(result.payloadMap(), NetStatusCode.NETCONNECTION_CONNECT_SUCCESS));
                }
            }
            for (NetStream s : tries > 0 ? rtmpStreams : Set.<NetStream>of()) {
                s.rtmp().reconnected();
            }
        }

        @Override
        public void connectFailed(RtmpConnection c, ConnectFailure f) {
            if (!isCurrent(c, false)) {
                return;
            }
            boolean again;
            synchronized (rtmpLock) {
                again = reconnectTry > 0;
                lostBecause = again ? f.description() : lostBecause;
            }
            if (again) {
                reconnect(c.url(), false);
                return;
            }
            if (!isCurrent(c, true)) {
                return;
            }
            if (f.serverInfo() != null) {
                dispatch(serverEvent(f.serverInfo(), NetStatusCode.NETCONNECTION_CONNECT_FAILED));
            } else {
                status(NetStatusCode.NETCONNECTION_CONNECT_FAILED, f.description(), null);
            }
        }

        @Override
        public void closed(RtmpConnection c, String description, IOException cause) {
            if (!isCurrent(c, false)) {
                return;
            }
            if (cause instanceof ConnectionStalledException stalled) {
                status(NetStatusCode.NSFX_CONNECT_STALLED, description, ServerCalls.stallDetails(stalled));
            }
            if (rtmpOptions.reconnect().enabled()) {
                synchronized (rtmpLock) {
                    lostBecause = description;
                }
                for (NetStream s : rtmpStreams) {
                    s.rtmp().connectionDropped();
                }
                reconnect(c.url(), false);
                return;
            }
            if (!isCurrent(c, true)) {
                return;
            }
            lost(rtmpStreams, description);
            status(cause instanceof WireFormatException ? NetStatusCode.NETCONNECTION_CONNECT_FAILED
                    : NetStatusCode.NETCONNECTION_CONNECT_CLOSED, description, null);
        }

        @Override
        public void serverCommand(RtmpConnection c, Command command) {
            if (!isCurrent(c, false)) {
                return;
            }
            switch (command.name()) {
                case "onStatus" -> onStatus(c, command.payloadMap());
                case "close" -> {
                    if (!isCurrent(c, true)) {
                        return;
                    }
                    c.close();
                    lost(rtmpStreams, "The server closed the connection.");
                    status(NetStatusCode.NETCONNECTION_CONNECT_CLOSED, "The server closed the connection.", null);
                }
                default -> callClient(c, command);
            }
        }

        private void onStatus(RtmpConnection c, Map<String, Object> info) {
            if (!Reconnects.isRequest(info)) {
                dispatch(serverEvent(info, NetStatusCode.NETCONNECTION_CONNECT_CLOSED));
                return;
            }
            dispatch(serverEvent(Reconnects.maskedTcUrl(info), NetStatusCode.NETCONNECTION_CONNECT_CLOSED));
            RtmpUrl target = Reconnects.target(info, c.url(), NetConnection.this::dispatch);
            synchronized (rtmpLock) {
                if (rtmp != c || startMove(c, target)) {
                    return;
                }
                rtmp = null;
                lostBecause = Reconnects.REQUESTED;
            }
            c.close();
            reconnect(target, true);
        }

        private void callClient(RtmpConnection c, Command command) {
            ServerCalls.callClient(c, command, client, callbackExecutor, NetConnection.this::dispatch);
        }

        @Override
        public void badCommand(RtmpConnection c, String description) {
            if (isCurrent(c, false)) {
                status(NetStatusCode.NETCONNECTION_CALL_BADVERSION, description, null);
            }
        }

        @Override
        public void control(RtmpConnection c, boolean sent, ControlMessage message) {
            if (!controlListeners.isEmpty() && isCurrent(c, false)) {
                RtmpControlEvent e = RtmpControlEvent.of(message, sent, System.nanoTime());
                callbackExecutor.execute(() -> controlListeners.forEach(l -> l.onRtmpControl(e)));
            }
        }
    }
}
