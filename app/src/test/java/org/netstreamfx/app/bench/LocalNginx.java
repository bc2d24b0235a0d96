package org.netstreamfx.app.bench;

import java.io.IOException;
import java.nio.file.Path;

/**
 * {@link NginxLauncher} for tests of other packages: nginx-rtmp with a {@code live} application on
 * a free 127.0.0.1 port, stopped by {@link #close()}.
 */
public final class LocalNginx implements AutoCloseable {
    private final NginxLauncher nginx;

    private LocalNginx(NginxLauncher nginx) {
        this.nginx = nginx;
    }

    /** Whether nginx and its RTMP module are installed. */
    public static boolean available() {
        return NginxLauncher.available();
    }

    /**
     * Fails the test, naming the fix, when nginx or its RTMP module is missing: these tests never
     * skip quietly (./scripts/install-deps installs both; with CI=true it fails when it cannot).
     */
    public static void require() {
        if (!available()) {
            throw new AssertionError("nginx with the RTMP module is not installed (no "
                    + NginxLauncher.RTMP_MODULE + "): run ./scripts/install-deps");
        }
    }

    /** Starts nginx in a fresh prefix under {@code workDir}; returns once it accepts connections. */
    public static LocalNginx start(Path workDir) throws IOException, InterruptedException {
        return new LocalNginx(NginxLauncher.start(workDir));
    }

    /** {@code rtmp://127.0.0.1:<port>/live}. */
    public String liveApp() {
        String url = nginx.liveUrl("x");
        return url.substring(0, url.length() - 2);
    }

    @Override
    public void close() {
        nginx.close();
    }
}
