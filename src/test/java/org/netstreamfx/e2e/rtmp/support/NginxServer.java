package org.netstreamfx.e2e.rtmp.support;

import java.nio.file.Path;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One nginx-rtmp for a test class, as a JUnit 5 extension:
 * {@code @RegisterExtension static final NginxServer nginx = new NginxServer();}. Started before the
 * class's own {@code @BeforeAll} methods on a free 127.0.0.1 port (see {@link NginxRtmp#start}), in a
 * fresh prefix under the system's temporary folder; stopped after its {@code @AfterAll} methods, and
 * the prefix deleted. As root, nginx's worker runs as the prefix's owner rather than nobody, so it
 * can read the prefix ({@link NginxRtmp#config()}).
 *
 * <p>The methods a test needs are here; {@link #rtmp()} gives the server itself.
 */
public final class NginxServer implements BeforeAllCallback, AfterAllCallback {
    private volatile NginxRtmp nginx;

    @Override
    public void beforeAll(ExtensionContext context) {
        nginx = NginxRtmp.start(Path.of(System.getProperty("java.io.tmpdir")));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        NginxRtmp n = nginx;
        nginx = null;
        if (n != null) {
            n.close();
        }
    }

    /** The running server; fails outside the class's tests. */
    public NginxRtmp rtmp() {
        NginxRtmp n = nginx;
        if (n == null) {
            throw new IllegalStateException("nginx-rtmp runs only while the test class does (register NginxServer "
                    + "with @RegisterExtension on a static field)");
        }
        return n;
    }

    /** rtmp://127.0.0.1:PORT/app/stream. */
    public String url(String app, String stream) {
        return rtmp().url(app, stream);
    }

    /** rtmp://127.0.0.1:PORT/app. */
    public String appUrl(String app) {
        return rtmp().appUrl(app);
    }

    /** The port, the same across {@link #restart()}. */
    public int port() {
        return rtmp().port();
    }

    /** The vod application's folder. */
    public Path vodDir() {
        return rtmp().vodDir();
    }

    /** The record application's folder. */
    public Path recordDir() {
        return rtmp().recordDir();
    }

    public boolean isRunning() {
        return rtmp().isRunning();
    }

    /** SIGTERM, then SIGKILL after the grace. */
    public void stop() {
        rtmp().stop();
    }

    /** SIGKILL to master and worker. */
    public void kill() {
        rtmp().kill();
    }

    /** Starts it again on the same port. */
    public void restart() {
        rtmp().restart();
    }

    @Override
    public String toString() {
        NginxRtmp n = nginx;
        return n == null ? "nginx-rtmp (not running)" : n.toString();
    }
}
