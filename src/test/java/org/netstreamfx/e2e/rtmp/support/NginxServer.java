package org.netstreamfx.e2e.record;

import java.nio.file.Path;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.netstreamfx.e2e.rtmp.support.NginxRtmp;

/**
 * One nginx-rtmp for a test class, as a JUnit extension:
 * {@code @RegisterExtension static final NginxServer NGINX = new NginxServer();}. Started before the
 * first test in the system's temporary folder (nginx deletes its own prefix), stopped after the last.
 */
public final class NginxServer implements BeforeAllCallback, AfterAllCallback {
    private NginxRtmp nginx;

    @Override
    public void beforeAll(ExtensionContext context) {
        nginx = NginxRtmp.start(Path.of(System.getProperty("java.io.tmpdir")));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (nginx != null) {
            nginx.close();
        }
    }

    /** rtmp://127.0.0.1:PORT/app/stream. */
    public String url(String app, String stream) {
        return nginx.url(app, stream);
    }

    /** rtmp://127.0.0.1:PORT/app. */
    public String appUrl(String app) {
        return nginx.appUrl(app);
    }
}
