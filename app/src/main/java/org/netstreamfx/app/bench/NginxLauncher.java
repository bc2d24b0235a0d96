package org.netstreamfx.app.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.List;

/**
 * nginx with the nginx-rtmp module on a free 127.0.0.1 port, with one {@code live} application,
 * in a fresh prefix of its own (nothing of the system nginx is used). Stopped by {@link #close()}.
 * Used by the benches, the tests (through {@code LocalNginx}) and the desktop app's screenshot run.
 */
public final class NginxLauncher implements AutoCloseable {
    public static final Path RTMP_MODULE = Path.of("/usr/lib/nginx/modules/ngx_rtmp_module.so");

    private final Path prefix;
    private final int port;
    private final Process process;

    private NginxLauncher(Path prefix, int port, Process process) {
        this.prefix = prefix;
        this.port = port;
        this.process = process;
    }

    /** Whether nginx's RTMP module is installed (without it {@link #start} fails). */
    public static boolean available() {
        return Files.isRegularFile(RTMP_MODULE);
    }

    /** Starts nginx in a fresh prefix under {@code workDir}; returns once it accepts connections. */
    public static NginxLauncher start(Path workDir) throws IOException, InterruptedException {
        if (!available()) {
            throw new IllegalStateException("nginx-rtmp is not installed (" + RTMP_MODULE
                    + " missing; scripts/install-deps installs libnginx-mod-rtmp)");
        }
        String nginx = Procs.tool("nginx");
        Path prefix = Files.createTempDirectory(workDir, "nginx-rtmp-");
        Files.createDirectories(prefix.resolve("logs"));
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        StringBuilder c = new StringBuilder();
        c.append("load_module \"").append(RTMP_MODULE).append("\";\n");
        Object uid = Files.getAttribute(prefix, "unix:uid");
        if (Integer.valueOf(0).equals(uid)) {
            // As root nginx would run its worker as nobody, which cannot enter the prefix.
            PosixFileAttributes a = Files.readAttributes(prefix, PosixFileAttributes.class);
            c.append("user ").append(a.owner().getName()).append(' ').append(a.group().getName()).append(";\n");
        }
        c.append("worker_processes 1;\n");
        c.append("error_log \"").append(prefix.resolve("logs/error.log")).append("\" warn;\n");
        c.append("pid \"").append(prefix.resolve("logs/nginx.pid")).append("\";\n");
        c.append("events { worker_connections 64; }\n");
        c.append("rtmp {\n  server {\n    listen 127.0.0.1:").append(port).append(";\n    chunk_size 4096;\n");
        c.append("    application live {\n      live on;\n      meta copy;\n");
        c.append("      allow publish 127.0.0.1;\n      deny publish all;\n");
        c.append("      allow play 127.0.0.1;\n      deny play all;\n    }\n  }\n}\n");
        Path conf = prefix.resolve("nginx.conf");
        Files.writeString(conf, c);
        Process p = Procs.start(List.of(nginx, "-p", prefix + "/", "-c", conf.toString(),
                "-e", prefix.resolve("logs/error.log").toString(), "-g", "daemon off;"));
        NginxLauncher n = new NginxLauncher(prefix, port, p);
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (true) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
                return n;
            } catch (IOException notYet) {
                if (!p.isAlive() || System.nanoTime() > deadline) {
                    n.close();
                    throw new IOException("nginx did not open 127.0.0.1:" + port + ": "
                            + Procs.tail(prefix.resolve("logs/error.log")));
                }
                Thread.sleep(50);
            }
        }
    }

    /** {@code rtmp://127.0.0.1:<port>/live/<stream>}. */
    public String liveUrl(String stream) {
        return "rtmp://127.0.0.1:" + port + "/live/" + stream;
    }

    @Override
    public void close() {
        Procs.stop(process, 5000);
    }

    Path prefix() {
        return prefix;
    }
}
