package org.netstreamfx.app.fault;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.netstreamfx.player.util.Redact;

/**
 * A local TCP proxy for fault injection: it listens on a free port of 127.0.0.1 and forwards every
 * connection, byte for byte, to one target host and port, so it serves HTTP, RTMP and anything
 * else over TCP alike. Faults, changeable at any time while connections run:
 * <ul>
 *   <li>a bandwidth limit per {@link Direction} (bytes per second, a token bucket shared by every
 *       connection going that way, so it limits the link; 0 = none);</li>
 *   <li>added latency per direction (ms; each chunk leaves that long after it arrived, in order;
 *       a change applies to bytes arriving after it);</li>
 *   <li>drop after N ms: each connection is reset that long after it was accepted (0 = never);
 *       and {@link #dropNow()}, which resets every open connection at once;</li>
 *   <li>freeze per direction ({@link #setFrozen}): nothing more is forwarded that way, and the
 *       connection stays open, with no FIN and no RST, as a half-open TCP connection or a hung
 *       peer looks. What arrives meanwhile waits in the proxy (up to {@link Pipe#MAX_QUEUED_BYTES},
 *       then TCP's flow control stops the sender) and goes on, in order, when thawed.</li>
 * </ul>
 * A dropped connection is closed with an RST on both sides, as a failing network would.
 *
 * <pre>{@code
 * try (FaultProxy proxy = FaultProxy.forUrl(url)) {
 *     proxy.setBandwidthLimit(Direction.DOWN, 500_000);
 *     ns.play(proxy.proxiedUrl(url));
 * }
 * }</pre>
 *
 * For https and rtmps the proxy passes TLS through untouched, but the client then checks the
 * server's certificate against 127.0.0.1, which a public certificate does not name.
 *
 * <p>Threads, all daemons named {@code nsfx-fault-<port>-…}: one accepting (it also connects to the
 * target, for at most {@link #CONNECT_TIMEOUT_MS}), one timer for drop-after, and four per open
 * connection (a reader and a writer each way). Public methods are thread-safe.
 */
public final class FaultProxy implements AutoCloseable {
    /** How long connecting to the target may take before the client's connection is closed. */
    public static final int CONNECT_TIMEOUT_MS = 3000;
    private static final long TIMER_TICK_MS = 20;
    private static final Map<String, Integer> DEFAULT_PORTS = Map.of(
            "http", 80, "https", 443, "rtmp", 1935, "rtmps", 443, "rtmpt", 80);

    /** The faults and byte counters shared by every connection. */
    static final class Faults {
        private final Map<Direction, TokenBucket> buckets = new EnumMap<>(Direction.class);
        private final Map<Direction, AtomicLong> latencies = new EnumMap<>(Direction.class);
        private final Map<Direction, LongAdder> bytes = new EnumMap<>(Direction.class);
        private final AtomicLong dropAfterMs = new AtomicLong();
        private final Map<Direction, AtomicBoolean> frozen = new EnumMap<>(Direction.class);

        Faults() {
            for (Direction d : Direction.values()) {
                buckets.put(d, new TokenBucket());
                latencies.put(d, new AtomicLong());
                bytes.put(d, new LongAdder());
                frozen.put(d, new AtomicBoolean());
            }
        }

        TokenBucket bucket(Direction d) {
            return buckets.get(d);
        }

        AtomicLong latencyMs(Direction d) {
            return latencies.get(d);
        }

        LongAdder bytes(Direction d) {
            return bytes.get(d);
        }

        AtomicBoolean frozen(Direction d) {
            return frozen.get(d);
        }
    }

    /**
     * The proxy's counters at one moment.
     *
     * @param bytesUp         bytes forwarded from clients to the target
     * @param bytesDown       bytes forwarded from the target to clients
     * @param accepted        connections accepted
     * @param open            connections open now
     * @param dropped         connections reset by drop-after or dropNow
     * @param connectFailures connections closed because the target could not be reached
     */
    public record Counters(long bytesUp, long bytesDown, long accepted, int open, long dropped, long connectFailures) {
    }

    private final String targetHost;
    private final int targetPort;
    private final ServerSocket listener;
    private final String threadPrefix;
    private final Faults faults = new Faults();
    private final Set<ProxiedConnection> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger nextId = new AtomicInteger();
    private final LongAdder accepted = new LongAdder();
    private final LongAdder dropped = new LongAdder();
    private final LongAdder connectFailures = new LongAdder();
    private final Thread acceptor;
    private final ScheduledExecutorService timer;
    private volatile boolean closed;

    private FaultProxy(String targetHost, int targetPort) throws IOException {
        this.targetHost = unbracket(Objects.requireNonNull(targetHost, "targetHost"));
        if (targetPort < 1 || targetPort > 65535) {
            throw new IllegalArgumentException("target port is " + targetPort + ", not 1 to 65535");
        }
        this.targetPort = targetPort;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.threadPrefix = "nsfx-fault-" + listener.getLocalPort();
        this.acceptor = new Thread(this::acceptLoop, threadPrefix + "-accept");
        this.acceptor.setDaemon(true);
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, threadPrefix + "-timer");
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts a proxy to {@code targetHost:targetPort} on a free port of 127.0.0.1, with no faults. */
    public static FaultProxy start(String targetHost, int targetPort) throws IOException {
        FaultProxy proxy = new FaultProxy(targetHost, targetPort);
        proxy.acceptor.start();
        proxy.timer.scheduleWithFixedDelay(proxy::dropExpired, TIMER_TICK_MS, TIMER_TICK_MS, TimeUnit.MILLISECONDS);
        return proxy;
    }

    /** Starts a proxy to the host and port of {@code url} (http, https, rtmp, rtmps, rtmpt; default ports known). */
    public static FaultProxy forUrl(String url) throws IOException {
        URI u = parse(url);
        return start(u.getHost(), effectivePort(u));
    }

    /** The address clients connect to: always 127.0.0.1. */
    public String host() {
        return listener.getInetAddress().getHostAddress();
    }

    public int port() {
        return listener.getLocalPort();
    }

    public String targetHost() {
        return targetHost;
    }

    public int targetPort() {
        return targetPort;
    }

    /**
     * {@code url} with its host and port replaced by the proxy's, keeping scheme, user info, path,
     * query and fragment as they were written. The url must point at this proxy's target (its
     * port, or the scheme's default port); otherwise {@link IllegalArgumentException}.
     */
    public String proxiedUrl(String url) {
        URI u = parse(url);
        if (!unbracket(u.getHost()).equalsIgnoreCase(targetHost) || effectivePort(u) != targetPort) {
            throw new IllegalArgumentException(Redact.url(url) + " goes to " + u.getHost() + ":" + effectivePort(u)
                    + ", but this proxy forwards to " + targetHost + ":" + targetPort);
        }
        StringBuilder sb = new StringBuilder(u.getScheme()).append("://");
        if (u.getRawUserInfo() != null) {
            sb.append(u.getRawUserInfo()).append('@');
        }
        sb.append(host()).append(':').append(port());
        sb.append(Objects.requireNonNullElse(u.getRawPath(), ""));
        if (u.getRawQuery() != null) {
            sb.append('?').append(u.getRawQuery());
        }
        if (u.getRawFragment() != null) {
            sb.append('#').append(u.getRawFragment());
        }
        return sb.toString();
    }

    private static URI parse(String url) {
        URI u;
        try {
            u = new URI(Objects.requireNonNull(url, "url"));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a valid URL: " + Redact.url(url), e);
        }
        String scheme = u.getScheme() == null ? null : u.getScheme().toLowerCase(Locale.ROOT);
        if (scheme == null || !DEFAULT_PORTS.containsKey(scheme) || u.getHost() == null) {
            throw new IllegalArgumentException("the fault proxy takes http, https, rtmp, rtmps or rtmpt URLs "
                    + "with a host, not " + Redact.url(url));
        }
        return u;
    }

    private static int effectivePort(URI u) {
        return u.getPort() >= 0 ? u.getPort() : DEFAULT_PORTS.get(u.getScheme().toLowerCase(Locale.ROOT));
    }

    private static String unbracket(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    // Faults: called on any thread, applied at once.

    /** Limits {@code direction} to {@code bytesPerSecond} (0: no limit). */
    public void setBandwidthLimit(Direction direction, long bytesPerSecond) {
        faults.bucket(direction).setRate(bytesPerSecond);
    }

    public long bandwidthLimit(Direction direction) {
        return faults.bucket(direction).rate();
    }

    /** Delays every byte going {@code direction} by {@code ms} (0: none). */
    public void setLatencyMs(Direction direction, long ms) {
        if (ms < 0) {
            throw new IllegalArgumentException("latency must be 0 or more ms: " + ms);
        }
        faults.latencyMs(direction).set(ms);
    }

    public long latencyMs(Direction direction) {
        return faults.latencyMs(direction).get();
    }

    /** Resets each connection {@code ms} after it was accepted, including those open now (0: never). */
    public void setDropAfterMs(long ms) {
        if (ms < 0) {
            throw new IllegalArgumentException("drop-after must be 0 (never) or more ms: " + ms);
        }
        faults.dropAfterMs.set(ms);
    }

    public long dropAfterMs() {
        return faults.dropAfterMs.get();
    }

    /** Stops ({@code true}) or resumes forwarding {@code direction} on every connection, without closing any. */
    public void setFrozen(Direction direction, boolean frozen) {
        faults.frozen(direction).set(frozen);
    }

    public boolean isFrozen(Direction direction) {
        return faults.frozen(direction).get();
    }

    /** Resets every open connection now; returns how many. New connections are accepted as before. */
    public int dropNow() {
        int n = 0;
        for (ProxiedConnection c : List.copyOf(open)) {
            if (!c.isClosed()) {
                dropped.increment();
                c.close(true);
                n++;
            }
        }
        return n;
    }

    // Counters: called on any thread.

    /** Bytes forwarded {@code direction} so far. */
    public long bytes(Direction direction) {
        return faults.bytes(direction).sum();
    }

    public Counters counters() {
        return new Counters(bytes(Direction.UP), bytes(Direction.DOWN), accepted.sum(), open.size(), dropped.sum(),
                connectFailures.sum());
    }

    // Called on the accept thread.

    private void acceptLoop() {
        while (!closed) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                if (closed || listener.isClosed()) {
                    return;
                }
                pauseAfterFailedAccept();   // e.g. out of file descriptors: try again shortly, without spinning
                continue;
            }
            accepted.increment();
            Socket server = new Socket();
            try {
                client.setTcpNoDelay(true);
                server.setTcpNoDelay(true);
                server.connect(new InetSocketAddress(targetHost, targetPort), CONNECT_TIMEOUT_MS);
            } catch (IOException e) {
                connectFailures.increment();
                closeQuietly(server);
                closeQuietly(client);
                continue;
            }
            int id = nextId.incrementAndGet();
            ProxiedConnection c = new ProxiedConnection(id, threadPrefix + "-c" + id, client, server, faults, open::remove);
            open.add(c);
            if (closed) {
                c.close(false);
                return;
            }
            c.start();
        }
    }

    private static void pauseAfterFailedAccept() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // A socket that never carried data: nothing else to release.
        }
    }

    // Called on the timer thread.

    private void dropExpired() {
        long afterMs = faults.dropAfterMs.get();
        if (afterMs <= 0) {
            return;
        }
        for (ProxiedConnection c : open) {
            if (!c.isClosed() && c.ageNanos() >= TimeUnit.MILLISECONDS.toNanos(afterMs)) {
                dropped.increment();
                c.close(true);
            }
        }
    }

    /** Stops accepting, closes every connection and ends every thread of the proxy (waiting up to a second for each). */
    @Override
    public void close() {
        closed = true;
        try {
            listener.close();
        } catch (SocketException e) {
            // Already closed.
        } catch (IOException e) {
            throw new IllegalStateException("closing the fault proxy's listener on port " + port() + " failed", e);
        }
        timer.shutdownNow();
        List<ProxiedConnection> all = List.copyOf(open);
        all.forEach(c -> c.close(false));
        try {
            acceptor.join(1000);
            timer.awaitTermination(1, TimeUnit.SECONDS);
            for (ProxiedConnection c : all) {
                c.join(1000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "FaultProxy[" + host() + ":" + port() + " -> " + targetHost + ":" + targetPort + "]";
    }
}
