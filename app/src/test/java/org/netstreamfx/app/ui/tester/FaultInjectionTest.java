package org.netstreamfx.app.ui.tester;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.application.Platform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.netstreamfx.app.ui.Fx;
import org.netstreamfx.app.ui.TestMedia;
import org.netstreamfx.app.ui.player.PlayerState;
import org.netstreamfx.app.ui.player.PlayerViewModel;
import org.netstreamfx.app.ui.player.RecentItems;
import org.netstreamfx.player.sink.NullAudioSink;
import org.testfx.api.FxToolkit;

/** Fault injection replays the Player's http address through a FaultProxy, against a local HTTP server. */
class FaultInjectionTest {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-");
    private HttpServer server;
    private PlayerViewModel player;
    private FaultInjection faults;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void create() throws IOException {
        byte[] clip = Files.readAllBytes(TestMedia.clip());
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/clip.mp4", ex -> serve(ex, clip));
        server.start();
        player = Fx.call(() -> new PlayerViewModel(Platform::runLater, NullAudioSink::new, new RecentItems()));
        faults = Fx.call(() -> new FaultInjection(player));
    }

    @AfterEach
    void dispose() {
        Fx.run(() -> {
            faults.dispose();
            player.dispose();
        });
        server.stop(0);
    }

    @Test
    void playsTheCurrentUrlThroughTheProxyAndBackDirectly() {
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/clip.mp4";
        Fx.run(() -> player.open(url));
        waitForState(PlayerState.PLAYING);
        Fx.run(() -> {
            assertTrue(faults.setBandwidthKbps(4000));
            assertTrue(faults.setLatencyMs(20));
            assertFalse(faults.setLatencyMs(-1), "out of range is refused");
            faults.start();
        });
        Fx.waitUntil("the proxy on", WAIT, () -> faults.activeProperty().get(), () -> faults.statusProperty().get());
        String proxied = Fx.call(() -> player.addressProperty().get().address());
        assertNotEquals(url, proxied);
        assertTrue(proxied.startsWith("http://127.0.0.1:") && proxied.endsWith("/clip.mp4"), proxied);
        waitForState(PlayerState.PLAYING);
        assertEquals(List.of(url), Fx.call(() -> List.copyOf(player.recent().items())), "no proxy URL in recent items");

        Fx.run(faults::stop);
        assertFalse(Fx.call(() -> faults.activeProperty().get()));
        assertEquals(url, Fx.call(() -> player.addressProperty().get().address()));
        waitForState(PlayerState.PLAYING);
    }

    @Test
    void aFileCannotGoThroughTheProxy() {
        Fx.run(() -> {
            player.open(TestMedia.clip().toString());
            faults.start();
        });
        assertFalse(Fx.call(() -> faults.activeProperty().get()));
        assertTrue(Fx.call(() -> faults.statusProperty().get()).contains("http(s) or rtmp URL"));
    }

    private void waitForState(PlayerState s) {
        Fx.waitUntil(s.toString(), WAIT, () -> player.stateProperty().get() == s,
                () -> player.stateProperty().get() + " " + player.events());
    }

    /** The file, or the byte range asked for (206), as a progressive download server does. */
    private static void serve(HttpExchange ex, byte[] body) throws IOException {
        String range = ex.getRequestHeaders().getFirst("Range");
        Matcher m = range == null ? null : RANGE.matcher(range);
        int from = m != null && m.lookingAt() ? Integer.parseInt(m.group(1)) : 0;
        ex.getResponseHeaders().add("Accept-Ranges", "bytes");
        ex.getResponseHeaders().add("Content-Type", "video/mp4");
        if (from > 0) {
            ex.getResponseHeaders().add("Content-Range", "bytes " + from + "-" + (body.length - 1) + "/" + body.length);
        }
        ex.sendResponseHeaders(from > 0 ? 206 : 200, body.length - from);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body, from, body.length - from);
        } catch (IOException closedByTheClient) {
            // The player closed the connection (a seek or the end of the test): nothing to answer.
        } finally {
            ex.close();
        }
    }
}
