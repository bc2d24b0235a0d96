package org.netstreamfx.app.fault;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The fault proxy between a raw HTTP client and the JDK's HttpServer, both on 127.0.0.1. */
@Timeout(value = 8, unit = TimeUnit.SECONDS)
class FaultProxyTest {
    private static final int BIG = 2_000_000;
    private static final int SMALL = 1_000;
    private static final long RATE = 500_000;

    private HttpServer server;
    private ExecutorService serverThreads;
    private FaultProxy proxy;

    private static byte[] body(int size) {
        byte[] b = new byte[size];
        for (int i = 0; i < size; i++) {
            b[i] = (byte) (i % 251);
        }
        return b;
    }

    @BeforeEach
    void startServerAndProxy() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        for (int size : new int[] {BIG, SMALL}) {
            byte[] content = body(size);
            server.createContext(size == BIG ? "/big" : "/small", exchange -> {
                exchange.sendResponseHeaders(200, content.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(content);
                } catch (IOException cut) {
                    // The proxy dropped the connection: what the drop tests want.
                }
            });
        }
        serverThreads = Executors.newFixedThreadPool(2, r -> new Thread(r, "test-http-server"));
        server.setExecutor(serverThreads);
        server.start();
        proxy = FaultProxy.start("127.0.0.1", server.getAddress().getPort());
    }

    @AfterEach
    void stop() {
        proxy.close();
        server.stop(0);
        serverThreads.shutdownNow();
    }

    /** What a client saw: the bytes, when each read returned them, and how the stream ended. */
    record Download(byte[] received, long firstByteNanos, long endNanos, List<long[]> samples, String end,
                    int requestBytes) {
        byte[] body() {
            for (int i = 0; i + 3 < received.length; i++) {
                if (received[i] == '\r' && received[i + 1] == '\n' && received[i + 2] == '\r' && received[i + 3] == '\n') {
                    return Arrays.copyOfRange(received, i + 4, received.length);
                }
            }
            return new byte[0];
        }

        double seconds() {
            return endNanos / 1e9;
        }
    }

    private static Download get(int port, String path) throws IOException {
        byte[] request = ("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        List<long[]> samples = new ArrayList<>();
        long first = -1;
        String end;
        long start = System.nanoTime();
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout(6000);
            s.getOutputStream().write(request);
            InputStream in = s.getInputStream();
            byte[] buffer = new byte[16 * 1024];
            try {
                while (true) {
                    int n = in.read(buffer);
                    if (n < 0) {
                        end = "eof";
                        break;
                    }
                    long now = System.nanoTime() - start;
                    if (first < 0) {
                        first = now;
                    }
                    got.write(buffer, 0, n);
                    samples.add(new long[] {now, got.size()});
                }
            } catch (IOException e) {
                end = e.getClass().getSimpleName() + ": " + e.getMessage();
            }
        }
        return new Download(got.toByteArray(), first, System.nanoTime() - start, samples, end, request.length);
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting until " + what);
            Thread.sleep(5);
        }
    }

    @Test
    void aBandwidthLimitHoldsTheDownloadToItsRateAndTheCountersMatch() throws Exception {
        proxy.setBandwidthLimit(Direction.DOWN, RATE);
        Download d = get(proxy.port(), "/big");

        assertEquals("eof", d.end());
        assertArrayEquals(body(BIG), d.body(), "every byte, in order");
        long burst = RATE / 20;
        for (long[] s : d.samples()) {
            double allowed = burst + RATE * (s[0] / 1e9) + Pipe.READ_BUFFER_BYTES;
            assertTrue(s[1] <= allowed, s[1] + " bytes had arrived after " + s[0] / 1e6 + " ms: faster than the limit");
        }
        assertTrue(d.seconds() >= 3.5, "2 MB at 500 KB/s took only " + d.seconds() + " s");

        await(() -> proxy.counters().open() == 0, "the connection is closed");
        FaultProxy.Counters c = proxy.counters();
        assertEquals(new FaultProxy.Counters(d.requestBytes(), d.received().length, 1, 0, 0, 0), c);
        assertEquals(RATE, proxy.bandwidthLimit(Direction.DOWN));
        assertEquals(0, proxy.bandwidthLimit(Direction.UP));
    }

    @Test
    void latencyDelaysTheFirstByteByBothDirectionsDelays() throws Exception {
        proxy.setLatencyMs(Direction.UP, 150);
        proxy.setLatencyMs(Direction.DOWN, 250);
        Download d = get(proxy.port(), "/small");

        assertEquals("eof", d.end());
        assertArrayEquals(body(SMALL), d.body());
        assertTrue(d.firstByteNanos() >= TimeUnit.MILLISECONDS.toNanos(400),
                "first byte after " + d.firstByteNanos() / 1e6 + " ms, expected at least 150 + 250");
        assertTrue(d.firstByteNanos() < TimeUnit.MILLISECONDS.toNanos(1500), d.firstByteNanos() / 1e6 + " ms");
    }

    @Test
    void dropAfterOneSecondCutsTheDownloadWithAClosedConnection() throws Exception {
        proxy.setBandwidthLimit(Direction.DOWN, RATE);
        proxy.setDropAfterMs(1000);
        Download d = get(proxy.port(), "/big");

        assertTrue(d.body().length < BIG, "cut short: " + d.body().length);
        assertTrue(d.body().length > 0, "some bytes came first");
        assertArrayEquals(Arrays.copyOf(body(BIG), d.body().length), d.body());
        assertTrue(d.seconds() >= 0.95 && d.seconds() < 2.0, "cut after " + d.seconds() + " s");
        await(() -> proxy.counters().open() == 0, "the connection is closed");
        FaultProxy.Counters c = proxy.counters();
        assertEquals(1, c.dropped());
        assertEquals(1, c.accepted());
        assertTrue(d.received().length <= c.bytesDown(), "a reset may discard bytes in flight, never add any: " + d.end());
        assertTrue(c.bytesDown() < BIG, "the proxy stopped forwarding at the drop");
    }

    @Test
    void dropNowCutsAnOpenConnectionAndLimitsChangeWhileItRuns() throws Exception {
        proxy.setBandwidthLimit(Direction.DOWN, 100_000);
        CompletableFuture<Download> slow = CompletableFuture.supplyAsync(() -> {
            try {
                return get(proxy.port(), "/big");
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        await(() -> proxy.bytes(Direction.DOWN) > 0, "bytes flow");
        assertEquals(1, proxy.dropNow());
        Download cut = slow.get(3, TimeUnit.SECONDS);
        assertTrue(cut.body().length < 200_000, "cut at " + cut.body().length);
        assertEquals(1, proxy.counters().dropped());

        CompletableFuture<Download> freed = CompletableFuture.supplyAsync(() -> {
            try {
                return get(proxy.port(), "/big");
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        long cutAt = proxy.bytes(Direction.DOWN);
        // The second download runs under the limit before it is lifted.
        await(() -> proxy.bytes(Direction.DOWN) > cutAt, "bytes flow again");
        proxy.setBandwidthLimit(Direction.DOWN, 0);   // 2 MB at 100 KB/s would take 20 s
        Download whole = freed.get(3, TimeUnit.SECONDS);
        assertEquals("eof", whole.end());
        assertArrayEquals(body(BIG), whole.body());
        assertEquals(2, proxy.counters().accepted());
    }

    @Test
    void aFrozenDirectionForwardsNothingClosesNothingAndResumesWhenThawed() throws Exception {
        proxy.setFrozen(Direction.DOWN, true);
        assertTrue(proxy.isFrozen(Direction.DOWN));
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), proxy.port())) {
            s.getOutputStream().write("GET /big HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            await(() -> proxy.bytes(Direction.UP) > 0, "the request goes up");
            s.setSoTimeout(300);
            InputStream in = s.getInputStream();
            // Half-open as the client sees it: no byte, no end of stream, no reset.
            assertThrows(java.net.SocketTimeoutException.class, in::read);
            assertEquals(0, proxy.bytes(Direction.DOWN));
            assertEquals(1, proxy.counters().open());
            proxy.setFrozen(Direction.DOWN, false);
            s.setSoTimeout(6000);
            byte[] all = in.readAllBytes();
            assertTrue(all.length > BIG, "the whole response, in order, once thawed: " + all.length);
            assertArrayEquals(body(BIG), Arrays.copyOfRange(all, all.length - BIG, all.length));
        }
    }

    @Test
    void anUnreachableTargetClosesTheClientsConnectionAndIsCounted() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        try (FaultProxy nowhere = FaultProxy.start("127.0.0.1", closedPort)) {
            Download d = get(nowhere.port(), "/small");
            assertEquals(0, d.received().length, d.end());
            await(() -> nowhere.counters().connectFailures() == 1, "the failure is counted");
            assertEquals(1, nowhere.counters().accepted());
        }
    }

    @Test
    void proxiedUrlPointsAtTheProxyKeepingEverythingElse() throws Exception {
        try (FaultProxy rtmp = FaultProxy.start("media.example.com", 1935)) {
            String local = "127.0.0.1:" + rtmp.port();
            assertEquals("rtmp://" + local + "/live/stream?token=abc&x=1",
                    rtmp.proxiedUrl("rtmp://media.example.com/live/stream?token=abc&x=1"));
            assertEquals("rtmp://ann:pw@" + local + "/app/inst/a%20b#f",
                    rtmp.proxiedUrl("rtmp://ann:pw@MEDIA.example.com:1935/app/inst/a%20b#f"));
            assertEquals("rtmp://" + local, rtmp.proxiedUrl("rtmp://media.example.com"));
            IllegalArgumentException other = assertThrows(IllegalArgumentException.class,
                    () -> rtmp.proxiedUrl("rtmp://elsewhere.example.com/live?token=s3cret"));
            assertFalse(other.getMessage().contains("s3cret"), other.getMessage());
            assertThrows(IllegalArgumentException.class, () -> rtmp.proxiedUrl("http://media.example.com/x"));
            assertThrows(IllegalArgumentException.class, () -> rtmp.proxiedUrl("ftp://media.example.com:1935/x"));
            assertThrows(IllegalArgumentException.class, () -> rtmp.proxiedUrl("not a url"));
        }
        try (FaultProxy https = FaultProxy.forUrl("https://cdn.example.com/v.mp4?sig=1")) {
            assertEquals("cdn.example.com", https.targetHost());
            assertEquals(443, https.targetPort());
            assertEquals("https://127.0.0.1:" + https.port() + "/v.mp4?sig=1",
                    https.proxiedUrl("https://cdn.example.com/v.mp4?sig=1"));
        }
        String http = "http://127.0.0.1:" + server.getAddress().getPort() + "/small?a=b";
        assertEquals("http://127.0.0.1:" + proxy.port() + "/small?a=b", proxy.proxiedUrl(http));
    }

    @Test
    void closeStopsEveryThreadAndTheListener() throws Exception {
        proxy.setBandwidthLimit(Direction.DOWN, 100_000);
        CompletableFuture<Download> running = CompletableFuture.supplyAsync(() -> {
            try {
                return get(proxy.port(), "/big");
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        await(() -> proxy.bytes(Direction.DOWN) > 0, "bytes flow");
        String prefix = "nsfx-fault-" + proxy.port() + "-";
        List<String> names = threadsNamed(prefix);
        assertTrue(names.containsAll(List.of(prefix + "accept", prefix + "timer", prefix + "c1-up-read",
                prefix + "c1-down-write")), names.toString());   // c1-down-read may be done: the server sent all

        proxy.close();

        assertEquals(List.of(), threadsNamed(prefix));
        assertTrue(running.get(3, TimeUnit.SECONDS).body().length < BIG);
        assertThrows(ConnectException.class, () -> new Socket(InetAddress.getLoopbackAddress(), proxy.port()).close());
    }

    private static List<String> threadsNamed(String prefix) {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(n -> n.startsWith(prefix)).sorted().toList();
    }
}
