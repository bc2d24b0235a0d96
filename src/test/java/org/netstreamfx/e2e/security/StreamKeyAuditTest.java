package org.netstreamfx.e2e.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;
import org.netstreamfx.e2e.fixtures.Fixtures;
import org.netstreamfx.e2e.fixtures.Tools;
import org.netstreamfx.e2e.rtmp.support.FfmpegPublisher;
import org.netstreamfx.e2e.rtmp.support.FreePort;
import org.netstreamfx.e2e.rtmp.support.NginxServer;
import org.netstreamfx.player.net.NetConnection;
import org.netstreamfx.player.net.NetStatusEvent;
import org.netstreamfx.player.net.NetStream;
import org.netstreamfx.player.rtmp.client.RtmpUrl;
import org.netstreamfx.player.source.Sources;

/**
 * Stream keys and credentials never leak (issue 11): every {@code nsfx} command that takes an
 * address (play, publish, record, call, probe) runs as a child process against a real nginx-rtmp
 * (and a local HTTP server for probe and http play) with a password in the address's user info, a
 * token in its query, a stream key as a {@code ?key=} query of the stream name and a publish key as
 * the stream name itself; successes and failures (refused port, unknown application, a stream
 * that is not there, an unsupported address). Then everything they left is searched for those
 * secrets: every printed line (stdout, stderr), every file each wrote (its working directory,
 * home, config folder and temporary folder: logs, settings, crash reports), each recording raw
 * and as ffprobe describes it ({@code -show_format -show_streams}), and the messages of events
 * and exceptions of the same failures run in this JVM. Nothing may hold a secret.
 *
 * <p>The project's rule (README, {@code Redact}): the password of a {@code user:password@} part
 * and every query value are masked as {@code ***} wherever an address is shown; the stream name of
 * {@code nsfx publish} and the publisher view is the stream key and shows as {@code ab***}. The
 * name given to {@code play}/{@code record} is shown as given (it is what viewers use; its query
 * values are masked), so the audit gives the play side its keys as queries. No flag shows a key.
 *
 * <p>{@link #theSearchFindsAPlantedSecret} proves the search can fail.
 */
@ResourceLock(Resources.SYSTEM_OUT)
@ResourceLock(Resources.SYSTEM_ERR)
class StreamKeyAuditTest {
    static final String PASSWORD = "SECRETPASS456";
    static final String TOKEN = "SECRETTOKEN123";
    static final String QUERY_KEY = "SECRETQKEY789";
    static final String PUBLISH_KEY = "SECRETPUBKEY321";
    static final List<String> SECRETS = List.of(PASSWORD, TOKEN, QUERY_KEY, PUBLISH_KEY);
    /** How long a publish runs after NetStream.Publish.Start before Ctrl-C. */
    static final double PUBLISH_SECONDS = 1.5;
    /** Child JVMs at once: the test machine has 2 cores shared with other builds. */
    private static final int PARALLEL = 4;
    private static final Duration RUN_TIMEOUT = Duration.ofSeconds(90);

    @RegisterExtension
    static final NginxServer nginx = new NginxServer();
    private static FfmpegPublisher camera;
    private static HttpServer http;

    @TempDir
    Path dir;

    @BeforeAll
    static void servers() throws IOException {
        camera = FfmpegPublisher.testSource(nginx.url("live", "cam?key=" + QUERY_KEY), 320, 180, 25)
                .awaitPublishing(Duration.ofSeconds(20));
        Path demo = Fixtures.repoRoot().resolve("resources/demo/demo.mp4");
        http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        http.createContext("/", exchange -> {
            try (exchange) {
                if (exchange.getRequestURI().getPath().equals("/demo.mp4")) {
                    exchange.sendResponseHeaders(200, Files.size(demo));
                    try (OutputStream out = exchange.getResponseBody()) {
                        Files.copy(demo, out);
                    } catch (IOException e) {
                        // the reader stopped early (probe reads the head only)
                    }
                } else {
                    exchange.sendResponseHeaders(404, -1);
                }
            }
        });
        http.start();
    }

    @AfterAll
    static void stop() {
        if (http != null) {
            http.stop(0);
        }
        if (camera != null) {
            camera.close();
        }
    }

    /** rtmp://user:PASSWORD@127.0.0.1:PORT/PATH (PATH with its query). */
    private static String rtmp(int port, String path) {
        return "rtmp://user:" + PASSWORD + "@127.0.0.1:" + port + "/" + path;
    }

    private static String rtmp(String path) {
        return rtmp(nginx.port(), path);
    }

    private static String httpUrl(String path) {
        return "http://user:" + PASSWORD + "@127.0.0.1:" + http.getAddress().getPort() + "/" + path + "?token=" + TOKEN;
    }

    @Test
    void noCommandPrintsWritesOrRecordsASecret() throws Exception {
        long started = System.nanoTime();
        int closed = FreePort.loopback();
        String keyAndToken = "?key=" + QUERY_KEY + "&token=" + TOKEN;
        List<NsfxRun> runs = List.of(
                // publish: the key as the stream name, then a name with ?key= and a token; each records too
                new NsfxRun(dir, "publish-key-as-name", "NetStream.Publish.Start", "publish",
                        rtmp("live/" + PUBLISH_KEY), "--size", "320x180", "--fps", "15", "--stats-interval", "0.5",
                        "--record", "published.flv", "--duration", "60"),
                new NsfxRun(dir, "publish-key-query", "NetStream.Publish.Start", "publish",
                        rtmp("live/cam2" + keyAndToken), "--size", "320x180", "--fps", "15", "--mic", "none",
                        "--events", "text", "--record", "published.mp4", "--duration", "60"),
                // play and record the ffmpeg camera, its key as a query of the name, the token in tcUrl or the name
                new NsfxRun(dir, "play", null, "play", rtmp("live/cam" + keyAndToken), "--duration", "1",
                        "--no-audio", "--rtmp-control", "--stats-interval", "0.3"),
                new NsfxRun(dir, "play-text-token-in-tcurl", null, "play", rtmp("live/cam?token=" + TOKEN),
                        "--app", "live", "--stream", "cam?key=" + QUERY_KEY, "--duration", "1", "--no-audio",
                        "--events", "text"),
                new NsfxRun(dir, "record-flv", null, "record", rtmp("live/cam" + keyAndToken), "--to", "recorded.flv",
                        "--duration", "1"),
                new NsfxRun(dir, "record-mp4", null, "record", rtmp("live/cam" + keyAndToken), "--to", "recorded.mp4",
                        "--duration", "1", "--events", "text"),
                new NsfxRun(dir, "call", null, "call", rtmp("live?token=" + TOKEN), "getStats", "{\"detail\":true}",
                        "--timeout", "8"), // nginx-rtmp answers no such call: Call.Failed after the timeout
                new NsfxRun(dir, "probe-http", null, "probe", httpUrl("demo.mp4")),
                // failures: refused port, unknown application, a stream that is not there, not a file
                new NsfxRun(dir, "play-refused", null, "play", rtmp(closed, "live/cam" + keyAndToken), "--no-audio"),
                new NsfxRun(dir, "publish-refused", null, "publish", rtmp(closed, "live/" + PUBLISH_KEY),
                        "--mic", "none", "--duration", "30"),
                new NsfxRun(dir, "play-unknown-app", null, "play", rtmp("live/cam?token=" + TOKEN), "--app",
                        "nosuchapp", "--stream", "cam?key=" + QUERY_KEY, "--no-audio"),
                new NsfxRun(dir, "publish-unknown-app", null, "publish", rtmp("nosuchapp/" + PUBLISH_KEY),
                        "--mic", "none", "--duration", "30"),
                new NsfxRun(dir, "play-not-found", null, "play", rtmp("vod/missing.flv" + keyAndToken), "--no-audio"),
                new NsfxRun(dir, "probe-http-not-found", null, "probe", httpUrl("missing.mp4")),
                new NsfxRun(dir, "probe-rtmp", null, "probe", rtmp("live/cam" + keyAndToken)),
                new NsfxRun(dir, "publish-bad-address", null, "publish", rtmp("?key=" + QUERY_KEY)));

        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
        List<Future<NsfxRun>> done = new ArrayList<>();
        for (NsfxRun r : runs) {
            done.add(pool.submit(() -> r.runToEnd(RUN_TIMEOUT)));
        }
        pool.shutdown();
        for (Future<NsfxRun> f : done) {
            f.get(5, TimeUnit.MINUTES);
        }

        // The runs did what they were meant to, or the audit would pass on nothing.
        expect(runs, "publish-key-as-name", 0, "NetStream.Publish.Start", "NetStream.Unpublish.Success");
        expect(runs, "publish-key-query", 0, "NetStream.Publish.Start", "NetStream.Record.Stop");
        expect(runs, "play", 0, "NetStream.Play.Start", "\"type\":\"control\"", "onMetaData");
        expect(runs, "play-text-token-in-tcurl", 0, "NetStream.Play.Start", "onMetaData");
        expect(runs, "record-flv", 0, "NetStream.Record.Stop");
        expect(runs, "record-mp4", 0, "NetStream.Record.Stop");
        expect(runs, "call", 1, "NetConnection.Connect.Success", "NetConnection.Call.Failed");
        expect(runs, "probe-http", 0, "\"container\":\"mp4\"");
        expect(runs, "play-refused", 1, "NetConnection.Connect.Failed");
        expect(runs, "publish-refused", 1, "NetConnection.Connect.Failed");
        expect(runs, "play-unknown-app", 1, "NetConnection.Connect.");
        expect(runs, "publish-unknown-app", 1, "NetConnection.Connect.");
        expect(runs, "play-not-found", 1, "NetStream.Play.StreamNotFound");
        expect(runs, "probe-http-not-found", 1, "NetStream.Play.StreamNotFound");
        expect(runs, "probe-rtmp", 1, "NetStream.Play.StreamNotFound");
        assertEquals(2, run(runs, "publish-bad-address").exitCode(), run(runs, "publish-bad-address").describe());

        SecretScan scan = new SecretScan(SECRETS);
        for (NsfxRun r : runs) {
            r.scan(scan);
        }
        List<Path> recordings = List.of(run(runs, "publish-key-as-name").home().resolve("published.flv"),
                run(runs, "publish-key-query").home().resolve("published.mp4"),
                run(runs, "record-flv").home().resolve("recorded.flv"),
                run(runs, "record-mp4").home().resolve("recorded.mp4"));
        for (Path recording : recordings) {
            assertTrue(Files.size(recording) > 1000, recording + " holds media");
            Tools.Result probe = Tools.run(List.of(Tools.ffprobe().toString(), "-v", "error", "-show_format",
                    "-show_streams", "-of", "json", recording.toString()), Duration.ofSeconds(30));
            assertTrue(probe.stdout().contains("\"codec_type\": \"video\""), recording + ": " + probe.stdout());
            scan.text("ffprobe of " + recording.getFileName(), probe.stdout() + probe.stderr());
        }
        StringBuilder times = new StringBuilder();
        runs.forEach(r -> times.append(String.format(java.util.Locale.ROOT, " %s %.1f s;", r.name(), r.seconds())));
        System.err.printf("StreamKeyAuditTest: %d nsfx runs (%s), %d places searched, %.1f s%n", runs.size(), times,
                scan.placesSearched(), (System.nanoTime() - started) / 1e9);
        assertTrue(scan.findings().isEmpty(), scan.report());
    }

    /**
     * The same failures in this JVM: every NetStatus event (code, description, details, info) and
     * every exception thrown for an address that holds secrets.
     */
    @Test
    void noEventOrExceptionMessageHoldsASecret() throws Exception {
        SecretScan scan = new SecretScan(SECRETS);
        int closed = FreePort.loopback();
        List<NetStatusEvent> events = new CopyOnWriteArrayList<>();
        ExecutorService callbacks = Executors.newSingleThreadExecutor();
        List<AutoCloseable> open = new ArrayList<>();
        try {
            CountDownLatch ends = new CountDownLatch(5);
            // refused port; unknown application; a missing stream on vod; http 404; not a file or http(s) URL
            connect(callbacks, open, events, ends, rtmp(closed, "live?token=" + TOKEN), null);
            connect(callbacks, open, events, ends, rtmp("nosuchapp?token=" + TOKEN), null);
            connect(callbacks, open, events, ends, rtmp("vod?token=" + TOKEN), "missing.flv?key=" + QUERY_KEY);
            connect(callbacks, open, events, ends, null, httpUrl("missing.mp4"));
            connect(callbacks, open, events, ends, null, rtmp("live/cam?key=" + QUERY_KEY).replace("rtmp:", "ftp:"));
            assertTrue(ends.await(60, TimeUnit.SECONDS), "every case ends in an error event: " + events);
            for (NetStatusEvent e : events) {
                scan.text("event " + e.code(), e + " | " + e.description() + " | " + e.details() + " | " + e.info());
            }
            assertTrue(events.stream().anyMatch(e -> e.code().equals("NetStream.Play.StreamNotFound")), events.toString());
            assertTrue(events.stream().anyMatch(e -> e.code().equals("NetConnection.Connect.Failed")), events.toString());
        } finally {
            for (AutoCloseable c : open) {
                c.close();
            }
            callbacks.shutdownNow();
        }
        List<Runnable> throwers = List.of(
                () -> RtmpUrl.parse(rtmp("?token=" + TOKEN)),
                () -> RtmpUrl.parse("rtmp://user:" + PASSWORD + "@/live?token=" + TOKEN),
                () -> RtmpUrl.parse("rtmp://user:" + PASSWORD + "@host/live app?token=" + TOKEN),
                () -> RtmpUrl.splitPlay(rtmp("?key=" + QUERY_KEY), null, null),
                () -> RtmpUrl.parse("ftp://user:" + PASSWORD + "@host/live?token=" + TOKEN),
                () -> new NetConnection(Runnable::run).connect("ftp://user:" + PASSWORD + "@host/live?token=" + TOKEN),
                () -> open(rtmp("live/cam?key=" + QUERY_KEY)),
                () -> open("file:///nowhere/x.flv?token=" + TOKEN),
                () -> open("http://user:" + PASSWORD + "@127.0.0.1:" + closed + "/x.mp4?token=" + TOKEN),
                () -> open("http://user:" + PASSWORD + "@127.0.0.1/a b.mp4?token=" + TOKEN),
                () -> open(httpUrl("missing.mp4")));
        int thrown = 0;
        for (int i = 0; i < throwers.size(); i++) {
            try {
                throwers.get(i).run();
            } catch (RuntimeException e) {
                thrown++;
                scan.exception("bad address " + i, e);
            }
        }
        assertEquals(throwers.size(), thrown, "each bad address is refused");
        assertTrue(scan.findings().isEmpty(), scan.report());
    }

    /**
     * Bad arguments around an address (exit 2, usage on stderr) in this JVM, through
     * {@code Main.run}: what the argument parser echoes holds no secret either.
     */
    @Test
    void argumentErrorsEchoNoSecret() {
        String url = rtmp(1935, "live/cam?key=" + QUERY_KEY + "&token=" + TOKEN);
        String keyUrl = rtmp(1935, "live/" + PUBLISH_KEY);
        List<String[]> cases = List.of(
                new String[] {"play", url, url},
                new String[] {"play", url, "--duration", "soon"},
                new String[] {"play", "--stream", "cam?key=" + QUERY_KEY, url, "--bogus"},
                new String[] {"publish", keyUrl, keyUrl},
                new String[] {"publish", keyUrl, "--fps", "fast"},
                new String[] {"publish", "--size", "0x0", keyUrl},
                new String[] {"record", url},
                new String[] {"call", rtmp(1935, "live?token=" + TOKEN)},
                new String[] {"probe", url, url});
        SecretScan scan = new SecretScan(SECRETS);
        java.io.PrintStream out = System.out;
        java.io.PrintStream err = System.err;
        try {
            for (String[] args : cases) {
                java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
                java.io.PrintStream to = new java.io.PrintStream(printed, true, StandardCharsets.UTF_8);
                System.setOut(to);
                System.setErr(to);
                int code = org.netstreamfx.app.Main.run(args);
                to.flush();
                String text = printed.toString(StandardCharsets.UTF_8);
                scan.text("nsfx " + args[0] + " with bad arguments", text);
                assertEquals(2, code, args[0] + " refuses its arguments: " + text.lines().findFirst().orElse(""));
            }
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        assertTrue(scan.findings().isEmpty(), scan.report());
    }

    private static void open(String address) {
        try {
            Sources.open(address).close();
        } catch (IOException e) {
            throw new IllegalStateException("wrapped", e);
        }
    }

    /** Connects to {@code address} (null: no server) and plays {@code play} if given; counts down on the first error. */
    private static void connect(ExecutorService callbacks, List<AutoCloseable> open, List<NetStatusEvent> events,
            CountDownLatch ends, String address, String play) {
        NetConnection nc = new NetConnection(callbacks);
        NetStream ns = new NetStream(nc);
        open.add(ns::close);
        open.add(nc::close);
        java.util.concurrent.atomic.AtomicBoolean ended = new java.util.concurrent.atomic.AtomicBoolean();
        org.netstreamfx.player.net.NetStatusListener listener = e -> {
            events.add(e);
            if (e.code().equals("NetConnection.Connect.Success") && play != null) {
                ns.play(play);
            }
            if (e.isError() && ended.compareAndSet(false, true)) {
                ends.countDown();
            }
        };
        nc.addNetStatusListener(listener);
        ns.addNetStatusListener(listener);
        nc.connect(address);
    }

    private static NsfxRun run(List<NsfxRun> runs, String name) {
        return runs.stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    private static void expect(List<NsfxRun> runs, String name, int exitCode, String... printed) {
        NsfxRun r = run(runs, name);
        assertEquals(exitCode, r.exitCode(), r.describe());
        String all = r.stdout() + r.stderr();
        for (String p : printed) {
            assertTrue(all.contains(p), p + " printed by " + r.describe());
        }
    }

    /** The search is no pass-through: a secret planted in a file, a name, a line or a recording is found and placed. */
    @Test
    void theSearchFindsAPlantedSecret() throws Exception {
        SecretScan scan = new SecretScan(SECRETS);
        Files.createDirectories(dir.resolve("logs"));
        Files.writeString(dir.resolve("logs/app.log"), "line one\nconnected to rtmp://h/live?token=" + TOKEN + "\n");
        Files.write(dir.resolve("clip.flv"), concat("FLV\u0001\u0005".getBytes(StandardCharsets.ISO_8859_1),
                ("\u0002\u0000\u0004name" + PUBLISH_KEY.substring(2)).getBytes(StandardCharsets.UTF_8)));
        Files.writeString(dir.resolve("masked.txt"), "rtmp://user:***@h/live/SE***?key=***&token=***");
        scan.tree("planted", dir);
        scan.text("a printed line", "{\"description\":\"Started playing cam?key=" + QUERY_KEY.toLowerCase() + ".\"}");
        scan.exception("an exception", new IllegalStateException("wrapped",
                new java.net.ConnectException("rtmp://user:" + PASSWORD + "@host")));
        List<String> found = scan.findings();
        assertEquals(4, found.size(), scan.report());
        assertTrue(found.stream().anyMatch(f -> f.contains("app.log (line 2)")), scan.report());
        assertTrue(found.stream().anyMatch(f -> f.contains("clip.flv")), scan.report());
        assertFalse(found.stream().anyMatch(f -> f.contains("masked.txt")), "the masks are not secrets: " + scan.report());
        assertTrue(found.stream().anyMatch(f -> f.startsWith("a printed line")), scan.report());
        assertTrue(found.stream().anyMatch(f -> f.startsWith("an exception")), scan.report());
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
