package org.netstreamfx.app.ui.publisher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;
import javafx.scene.control.PasswordField;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.netstreamfx.app.bench.LocalNginx;
import org.netstreamfx.app.ui.Fx;
import org.netstreamfx.app.ui.settings.PublisherPrefs;
import org.netstreamfx.player.net.NetStatusEvent;
import org.testfx.api.FxToolkit;

/**
 * The screenshot run's publisher session: its own nginx-rtmp, on air with the test camera, the
 * tone and a masked key until the loopback shows a measured delay, then stopped, and nginx gone.
 */
class OnAirShotTest {
    private static final Duration WAIT = Duration.ofSeconds(40);

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void goesLiveToItsOwnNginxUntilTheLoopbackIsMeasuredThenStopsBoth() throws Exception {
        LocalNginx.require();
        PublisherViewModel vm = Fx.call(() -> new PublisherViewModel(Platform::runLater,
                PublisherViewModelTest.virtualDevices(), null,
                new PublisherPrefs("", "", "none", "none", 320, 180, 25, 400, 64)));
        PublisherView view = Fx.call(() -> {
            PublisherView v = new PublisherView(vm, (owner, save) -> Optional.empty());
            new javafx.scene.Scene(v, 1000, 600);
            v.applyCss();
            v.layout();
            return v;
        });
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);
        OnAirShot shot = new OnAirShot(view, err);
        try {
            AtomicBoolean ready = new AtomicBoolean();
            Fx.run(() -> shot.start(() -> ready.set(true)));
            Fx.waitUntil("ready for the picture", WAIT, ready::get, () -> errBytes.toString(StandardCharsets.UTF_8));
            assertEquals(PublisherState.LIVE, Fx.call(() -> vm.stateProperty().get()), errBytes::toString);
            assertTrue(Fx.call(() -> vm.figures().onAirSecondsProperty().get()) >= OnAirShot.MIN_ON_AIR_S);
            assertTrue(Fx.call(() -> vm.figures().delayMedianMsProperty().get()) > 0);
            assertTrue(Fx.call(() -> view.loopback().framesShownProperty().get()) >= OnAirShot.MIN_LOOPBACK_FRAMES);
            String shown = Fx.call(() -> vm.shownAddressProperty().get());
            assertTrue(shown.endsWith("/live/screenshot?key=sk***"), shown);
            assertEquals(OnAirShot.STREAM_KEY, Fx.call(() -> ((PasswordField) view.lookup("#stream-key")).getText()));
            assertFalse(errBytes.toString(StandardCharsets.UTF_8).contains(OnAirShot.STREAM_KEY));
            URI server = URI.create(Fx.call(() -> vm.setup().serverUrlProperty().get()));

            AtomicBoolean stopped = new AtomicBoolean();
            Fx.run(() -> shot.stop(() -> stopped.set(true)));
            Fx.waitUntil("stopped", WAIT, stopped::get, vm::events);
            assertTrue(Fx.call(() -> vm.events().stream().map(NetStatusEvent::code).toList())
                    .contains("NetStream.Unpublish.Success"));
            shot.close();
            assertThrows(IOException.class, () -> {
                try (Socket s = new Socket()) {
                    s.connect(new InetSocketAddress(server.getHost(), server.getPort()), 1000);
                }
            }, "nginx is stopped");
        } finally {
            shot.close();
            Fx.run(vm::dispose);
        }
    }
}
