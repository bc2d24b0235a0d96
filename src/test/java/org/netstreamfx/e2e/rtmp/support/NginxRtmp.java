package org.netstreamfx.e2e.rtmp.support;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributes;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.netstreamfx.e2e.fixtures.Tools;

/**
 * A real nginx with the nginx-rtmp module, started by a test on a free 127.0.0.1 port with a
 * generated configuration in a fresh temporary prefix, and stopped after it.
 *
 * <p>Nothing of the system nginx is used: not {@code /etc/nginx}, not port 80, not the service.
 * The prefix ({@code <workDir>/nginx-rtmp-*}) holds {@code nginx.conf}, {@code logs/error.log}
 * (level info: every connect, play, publish and refusal), {@code logs/access.log},
 * {@code logs/nginx.pid}, {@code vod/} and {@code rec/}. {@link #close()} stops nginx and deletes
 * the prefix (kept when the system property {@code nsfx.peers.keep=true}).
 *
 * <p>Applications (see {@link #config()} for the exact text):
 * <ul>
 *   <li>{@code live}: live on, onMetaData copied to late joiners ({@code meta copy}), players told when
 *       a publisher comes and goes ({@code publish_notify on}); publish
 *       and play allowed from 127.0.0.1 only.</li>
 *   <li>{@code vod}: plays files from {@link #vodDir()}: {@code vod/name.flv} (or {@code vod/name})
 *       and {@code vod/mp4:name.mp4}.</li>
 *   <li>{@code deny}: live on, publish allowed from 127.0.0.1, play denied to all (nginx drops
 *       the connection after the play command: "access forbidden by rule").</li>
 *   <li>{@code record}: live on, every published stream recorded to
 *       {@code recordDir()/<stream>.flv} ({@code record_unique off}, so the name is fixed and a
 *       new publish overwrites it).</li>
 * </ul>
 */
public final class NginxRtmp implements AutoCloseable {

    /** Where Debian's libnginx-mod-rtmp installs the module. */
    public static final Path RTMP_MODULE = Path.of("/usr/lib/nginx/modules/ngx_rtmp_module.so");
    /** How long a start waits for the port to accept TCP. */
    public static final Duration START_TIMEOUT = Duration.ofSeconds(10);
    /** How long a stop waits after SIGTERM before SIGKILL. */
    public static final Duration STOP_GRACE = Duration.ofSeconds(5);

    private static final int PORT_ATTEMPTS = 5;

    private final Path prefix;
    private final Path conf;
    private final Path logDir;
    private final Path vodDir;
    private final Path recordDir;
    private volatile int port;
    private volatile PeerProcess process;

    private NginxRtmp(Path prefix) {
        this.prefix = prefix;
        this.conf = prefix.resolve("nginx.conf");
        this.logDir = prefix.resolve("logs");
        this.vodDir = prefix.resolve("vod");
        this.recordDir = prefix.resolve("rec");
    }

    /**
     * Writes the configuration into a fresh prefix under {@code workDir} (created if needed),
     * starts {@code nginx -p PREFIX/ -c PREFIX/nginx.conf -e PREFIX/logs/error.log
     * -g 'daemon off;'} and returns once the port accepts TCP connections. A port taken between
     * {@link FreePort#loopback()} and nginx's bind is retried with another.
     *
     * @throws AssertionError if nginx exits or the port does not open within
     *     {@link #START_TIMEOUT} (the message holds the tail of nginx's error log)
     */
    public static NginxRtmp start(Path workDir) {
        Path prefix;
        try {
            Files.createDirectories(workDir);
            prefix = Files.createTempDirectory(workDir.toAbsolutePath(), "nginx-rtmp-").toAbsolutePath().normalize();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create an nginx prefix under " + workDir, e);
        }
        NginxRtmp n = new NginxRtmp(prefix);
        try {
            Files.createDirectories(n.logDir);
            Files.createDirectories(n.vodDir);
            Files.createDirectories(n.recordDir);
            AssertionError last = null;
            for (int attempt = 0; attempt < PORT_ATTEMPTS; attempt++) {
                n.port = FreePort.loopback();
                Files.writeString(n.conf, n.config(), StandardCharsets.UTF_8);
                try {
                    n.launch();
                    return n;
                } catch (PortInUse e) {
                    last = e;
                }
            }
            throw last;
        } catch (IOException e) {
            n.close();
            throw new UncheckedIOException("cannot write the nginx prefix " + prefix, e);
        } catch (RuntimeException | Error e) {
            n.close();
            throw e;
        }
    }

    /** The nginx executable: on PATH, else {@code /usr/sbin/nginx} (not on a non-root PATH). */
    public static Path executable() {
        try {
            return Tools.tool("nginx");
        } catch (IllegalStateException notOnPath) {
            Path sbin = Path.of("/usr/sbin/nginx");
            if (Files.isExecutable(sbin)) {
                return sbin;
            }
            throw notOnPath;
        }
    }

    /** The port nginx listens on (127.0.0.1 only); the same across {@link #restart()}. */
    public int port() {
        return port;
    }

    /** {@code rtmp://127.0.0.1:<port>/<app>/<stream>}. */
    public String url(String app, String stream) {
        return "rtmp://127.0.0.1:" + port + "/" + app + "/" + stream;
    }

    /** {@code rtmp://127.0.0.1:<port>/<app>} (a NetConnection's connect URL). */
    public String appUrl(String app) {
        return "rtmp://127.0.0.1:" + port + "/" + app;
    }

    /** The folder the {@code vod} application plays from: copy FLV/MP4 files here. */
    public Path vodDir() {
        return vodDir;
    }

    /** The folder the {@code record} application writes {@code <stream>.flv} into. */
    public Path recordDir() {
        return recordDir;
    }

    /** The temporary prefix (deleted by {@link #close()}). */
    public Path prefix() {
        return prefix;
    }

    public Path errorLog() {
        return logDir.resolve("error.log");
    }

    public Path accessLog() {
        return logDir.resolve("access.log");
    }

    /** The last 4000 characters of nginx's error log (and of its stderr, if it wrote any). */
    public String errorLogTail() {
        String log = tail(errorLog(), 4000);
        PeerProcess p = process;
        String stderr = p == null ? "" : p.stderrTail().strip();
        return stderr.isEmpty() ? log : log + "\n--- nginx stderr ---\n" + stderr;
    }

    public boolean isRunning() {
        PeerProcess p = process;
        return p != null && p.isAlive();
    }

    /** The master process's pid (-1 when stopped). */
    public long pid() {
        PeerProcess p = process;
        return p == null ? -1 : p.pid();
    }

    /** The master and its workers, as running now (empty when stopped). */
    public List<ProcessHandle> processes() {
        PeerProcess p = process;
        return p == null ? List.of() : p.tree();
    }

    /**
     * Stops nginx: SIGTERM (nginx's fast shutdown: every connection closed at once), up to
     * {@link #STOP_GRACE}, then SIGKILL to the master and any worker left. The prefix stays.
     */
    public void stop() {
        PeerProcess p = process;
        if (p != null) {
            p.terminate(STOP_GRACE);
            process = null;
        }
    }

    /**
     * Kills nginx as a crash would: SIGKILL to the master and its workers at once, so every
     * connection is cut by the kernel with no RTMP goodbye. {@link #restart()} starts it again.
     */
    public void kill() {
        PeerProcess p = process;
        if (p != null) {
            p.kill();
            process = null;
        }
    }

    /**
     * Stops nginx (if running) and starts it again on the same port with the same configuration,
     * vod and record folders (for reconnect tests). Retries the bind for up to
     * {@link #START_TIMEOUT} if the port is briefly still taken.
     */
    public void restart() {
        stop();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (true) {
            try {
                launch();
                return;
            } catch (PortInUse e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                sleep(100);
            }
        }
    }

    /** Stops nginx and deletes the prefix (unless {@code -Dnsfx.peers.keep=true}). */
    @Override
    public void close() {
        try {
            stop();
        } finally {
            if (!Boolean.getBoolean("nsfx.peers.keep")) {
                deleteTree(prefix);
            }
        }
    }

    /** The generated nginx.conf. */
    public String config() {
        StringBuilder c = new StringBuilder();
        c.append("# Generated by ").append(NginxRtmp.class.getName()).append(" for one test run.\n");
        c.append("load_module ").append(q(RTMP_MODULE)).append(";\n");
        String user = workerUser();
        if (user != null) {
            // As root, nginx would run its worker as nobody, which cannot enter the prefix.
            c.append("user ").append(user).append(";\n");
        }
        c.append("worker_processes 1;\n");
        c.append("error_log ").append(q(errorLog())).append(" info;\n");
        c.append("pid ").append(q(logDir.resolve("nginx.pid"))).append(";\n");
        c.append("events {\n    worker_connections 256;\n}\n");
        c.append("rtmp {\n");
        c.append("    access_log ").append(q(accessLog())).append(";\n");
        c.append("    server {\n");
        c.append("        listen 127.0.0.1:").append(port).append(";\n");
        c.append("        chunk_size 4096;\n");
        c.append("        application live {\n");
        c.append("            live on;\n");
        c.append("            meta copy;\n");
        c.append("            publish_notify on;\n"); // NetStream.Play.PublishNotify / UnpublishNotify to players
        c.append("            allow publish 127.0.0.1;\n");
        c.append("            deny publish all;\n");
        c.append("            allow play 127.0.0.1;\n");
        c.append("            deny play all;\n");
        c.append("        }\n");
        c.append("        application vod {\n");
        c.append("            play ").append(q(vodDir)).append(";\n");
        c.append("        }\n");
        c.append("        application deny {\n");
        c.append("            live on;\n");
        c.append("            allow publish 127.0.0.1;\n");
        c.append("            deny publish all;\n");
        c.append("            deny play all;\n");
        c.append("        }\n");
        c.append("        application record {\n");
        c.append("            live on;\n");
        c.append("            record all;\n");
        c.append("            record_path ").append(q(recordDir)).append(";\n");
        c.append("            record_unique off;\n");
        c.append("            allow publish 127.0.0.1;\n");
        c.append("            deny publish all;\n");
        c.append("        }\n");
        c.append("    }\n");
        c.append("}\n");
        return c.toString();
    }

    @Override
    public String toString() {
        return "nginx-rtmp on 127.0.0.1:" + port + " (prefix " + prefix + ")";
    }

    // ------------------------------------------------------------------ internals

    /** nginx could not bind its port: another process has it. */
    private static final class PortInUse extends AssertionError {
        PortInUse(String message) {
            super(message);
        }
    }

    private void launch() {
        if (!Files.isRegularFile(RTMP_MODULE)) {
            throw new IllegalStateException("the nginx RTMP module is missing (" + RTMP_MODULE
                    + "): run ./scripts/install-deps (CI=true makes a missing tool fail the run)");
        }
        long logStart = size(errorLog());
        PeerProcess p = PeerProcess.start("nginx", List.of(executable().toString(),
                "-p", prefix + "/", "-c", conf.toString(), "-e", errorLog().toString(),
                "-g", "daemon off;"), null);
        process = p;
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (true) {
            if (!p.isAlive()) {
                process = null;
                String since = tail(errorLog(), 4000, logStart);
                String msg = "nginx exited with code " + p.exitCode().orElse(-1) + " while starting on 127.0.0.1:"
                        + port + "\n--- error.log ---\n" + since + "\n--- stderr ---\n" + p.stderrTail();
                if (since.contains("Address already in use")) {
                    throw new PortInUse(msg);
                }
                throw new AssertionError(msg);
            }
            if (acceptsTcp(port)) {
                return;
            }
            if (System.nanoTime() > deadline) {
                p.terminate(STOP_GRACE);
                process = null;
                throw new AssertionError("nginx did not open 127.0.0.1:" + port + " within "
                        + START_TIMEOUT.toMillis() + " ms\n--- error.log ---\n" + tail(errorLog(), 4000, logStart));
            }
            sleep(20);
        }
    }

    static boolean acceptsTcp(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** {@code "<owner> <group>"} of the prefix when we are root, else null. */
    private String workerUser() {
        try {
            Object uid = Files.getAttribute(prefix, "unix:uid");
            if (!Integer.valueOf(0).equals(uid)) {
                return null;
            }
            PosixFileAttributes a = Files.readAttributes(prefix, PosixFileAttributes.class);
            return a.owner().getName() + " " + a.group().getName();
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return null;
        }
    }

    /** A path as a quoted nginx string. */
    private static String q(Path p) {
        String s = p.toAbsolutePath().toString();
        for (char bad : new char[] {'"', '\\', '$', '\n', '\r'}) {
            if (s.indexOf(bad) >= 0) {
                throw new IllegalArgumentException("path unusable in nginx.conf (has '" + bad + "'): " + s);
            }
        }
        return '"' + s + '"';
    }

    private static long size(Path p) {
        try {
            return Files.exists(p) ? Files.size(p) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private static String tail(Path file, int chars) {
        return tail(file, chars, 0);
    }

    /** The last {@code chars} bytes of {@code file} from offset {@code from} on, as UTF-8. */
    private static String tail(Path file, int chars, long from) {
        if (!Files.isRegularFile(file)) {
            return "<no " + file.getFileName() + ">";
        }
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
            long len = f.length();
            long start = Math.max(Math.min(from, len), len - chars);
            byte[] b = new byte[(int) (len - start)];
            f.seek(start);
            f.readFully(b);
            return (start > from ? "..." : "") + new String(b, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "<cannot read " + file + ": " + e + ">";
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(String.format(Locale.ROOT, "cannot delete the nginx prefix %s", root), e);
        }
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
