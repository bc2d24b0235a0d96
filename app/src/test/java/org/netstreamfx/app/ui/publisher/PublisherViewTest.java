package org.netstreamfx.app.ui.publisher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.netstreamfx.app.ui.Fx;
import org.netstreamfx.app.ui.MainWindow;
import org.netstreamfx.app.ui.settings.PublisherPrefs;
import org.testfx.api.FxToolkit;

/** The publisher view's fields: the masked key with its show toggle, checked numbers, Go live. */
class PublisherViewTest {
    private PublisherViewModel vm;
    private PublisherView view;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void create() {
        vm = Fx.call(() -> new PublisherViewModel(Platform::runLater, PublisherViewModelTest.virtualDevices(), null,
                PublisherPrefs.DEFAULTS));
        view = Fx.call(() -> {
            PublisherView v = new PublisherView(vm, (owner, save) -> Optional.empty());
            new Scene(v, 1100, 700).getStylesheets().add(MainWindow.STYLESHEET);
            v.applyCss();
            v.layout();
            return v;
        });
    }

    @AfterEach
    void dispose() {
        Fx.run(vm::dispose);
    }

    @SuppressWarnings("unchecked")
    private <T> T find(String id) {
        return (T) Fx.call(() -> view.lookup("#" + id));
    }

    @Test
    void theKeyIsMaskedUntilShownAndSaysItIsNeverSaved() {
        PasswordField key = find("stream-key");
        TextField shown = find("stream-key-shown");
        ToggleButton show = find("show-key");
        Fx.run(() -> key.setText("SECRETKEY"));
        assertTrue(Fx.call(key::isVisible));
        assertFalse(Fx.call(shown::isVisible));
        assertTrue(Fx.call(() -> key.getTooltip().getText()).contains("never saved"));
        Fx.run(show::fire);
        assertTrue(Fx.call(shown::isVisible));
        assertEquals("SECRETKEY", Fx.call(shown::getText));
        assertFalse(Fx.call(() -> vm.setup().prefs().toString()).contains("SECRET"));
    }

    @Test
    void numbersOutOfRangeAreMarkedAndNotTaken() {
        TextField fps = find("fps");
        Fx.run(() -> fps.setText("500"));
        assertTrue(Fx.call(() -> fps.getPseudoClassStates().stream().anyMatch(p -> p.getPseudoClassName().equals("invalid"))));
        assertEquals(25, Fx.call(() -> vm.setup().fpsProperty().get()));
        Fx.run(() -> fps.setText("30"));
        assertEquals(30, Fx.call(() -> vm.setup().fpsProperty().get()));
    }

    @Test
    void goLiveWithoutAServerShowsWhatToFix() {
        Button go = find("go-live");
        assertEquals("Go live", Fx.call(go::getText));
        Fx.run(go::fire);
        Label problem = find("publish-problem");
        assertTrue(Fx.call(problem::getText).contains("server URL"));
        assertEquals("OFF AIR", Fx.call(() -> ((Label) view.lookup("#on-air")).getText()));
    }

    /** Issue 12: the message sits right under the field it is about, which is marked until typed in. */
    @Test
    void aMissingStreamNameIsShownAtItsFieldWhichIsMarkedUntilTypedIn() {
        TextField url = find("server-url");
        TextField name = find("stream-name");
        PasswordField key = find("stream-key");
        Fx.run(() -> {
            url.setText("rtmp://127.0.0.1:1935/live");
            name.setText("");
            key.setText("");
        });
        Fx.run(((Button) find("go-live"))::fire);
        Label problem = find("publish-problem");
        Fx.run(() -> {
            view.applyCss();
            view.layout();
        });
        assertTrue(Fx.call(problem::getText).contains("stream name or a stream key"));
        assertTrue(Fx.call(problem::isVisible));
        assertTrue(Fx.call(() -> name.getStyleClass().contains(PublisherView.FIELD_ERROR)), "the name field is marked");
        assertTrue(Fx.call(() -> key.getStyleClass().contains(PublisherView.FIELD_ERROR)), "the key field is marked");
        assertFalse(Fx.call(() -> url.getStyleClass().contains(PublisherView.FIELD_ERROR)), "the URL is fine");
        // Next to the field: the message starts within a line or two below the key field, not at the panel's foot.
        double gap = Fx.call(() -> problem.localToScene(problem.getBoundsInLocal()).getMinY()
                - key.localToScene(key.getBoundsInLocal()).getMaxY());
        assertTrue(gap >= 0 && gap < 30, "the message is " + gap + " px below the key field");

        Fx.run(() -> name.setText("cam1"));
        assertFalse(Fx.call(() -> name.getStyleClass().contains(PublisherView.FIELD_ERROR)), "typing clears the mark");
        assertFalse(Fx.call(() -> key.getStyleClass().contains(PublisherView.FIELD_ERROR)));
        assertEquals("", Fx.call(problem::getText));
    }

    @Test
    void aBadServerUrlMarksTheUrlField() {
        TextField url = find("server-url");
        Fx.run(() -> url.setText("http://example.com/live"));
        Fx.run(((Button) find("go-live"))::fire);
        assertTrue(Fx.call(() -> url.getStyleClass().contains(PublisherView.FIELD_ERROR)));
        Fx.run(() -> url.setText("rtmp://example.com/live"));
        assertFalse(Fx.call(() -> url.getStyleClass().contains(PublisherView.FIELD_ERROR)));
    }

    /** Issue 12: the figures' texts change width when going live and stopping; the event list stays put. */
    @Test
    void theEventListDoesNotMoveWhenTheFiguresChange() {
        javafx.scene.Node events = find("publish-events");
        java.util.function.Supplier<javafx.geometry.Bounds> where = () -> Fx.call(() -> {
            view.applyCss();
            view.layout();
            return events.localToScene(events.getBoundsInLocal());
        });
        javafx.geometry.Bounds idle = where.get();
        // On air: big figures, a reconnect countdown.
        Fx.run(() -> {
            vm.figures().stream(new org.netstreamfx.player.net.NetStreamInfo(1_250_000, 0, 0, 1.25, 0, 0, 0,
                    123_456, 0, 0, 0, 0, 59.94, 0));
            vm.figures().session(12, 12_300_000_000L);
        });
        javafx.geometry.Bounds live = where.get();
        Fx.run(() -> vm.figures().reset());
        javafx.geometry.Bounds stopped = where.get();
        assertEquals(idle.getMinX(), live.getMinX(), 0.5, "the list moved going live");
        assertEquals(idle.getWidth(), live.getWidth(), 0.5, "the list changed width going live");
        assertEquals(idle.getMinX(), stopped.getMinX(), 0.5, "the list moved when stopping");
    }

    @Test
    void thePickersShowTheDevicesShortNameAndTheWholeNameInTheirTooltip() {
        Fx.waitUntil("the device lists", java.time.Duration.ofSeconds(20),
                () -> !vm.cameras().isEmpty() && !vm.microphones().isEmpty(), vm::cameras);
        javafx.scene.control.ComboBox<DeviceChoice> camera = find("camera-picker");
        Fx.run(() -> {
            view.applyCss();
            view.layout();
        });
        String whole = Fx.call(() -> camera.getValue().name());
        assertTrue(whole.startsWith("Test pattern ("), whole);
        // The box's own cell (the skin's child; the pop-up list's cells are further down).
        assertEquals("Test pattern", Fx.call(() -> camera.getChildrenUnmodifiable().stream()
                .filter(n -> n instanceof javafx.scene.control.ListCell<?>).map(n -> ((javafx.scene.control.ListCell<?>) n)
                        .getText()).findFirst().orElse("no cell")));
        assertEquals(whole, Fx.call(() -> camera.getTooltip().getText()));
    }

    @Test
    void thePickersKeepTheirDevicesWhenTheListsComeAgain() throws Exception {
        // Real device lists come after the boxes have their skins, and again whenever the cameras
        // change: each new list used to clear the boxes' values (blank pickers on a real machine).
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.atomic.AtomicInteger listings = new java.util.concurrent.atomic.AtomicInteger();
        PublisherViewModel late = Fx.call(() -> new PublisherViewModel(Platform::runLater,
                new org.netstreamfx.capture.device.Devices(new org.netstreamfx.capture.device.CameraDiscovery("video4linux2"),
                        () -> {
                            listings.incrementAndGet();
                            try {
                                release.await();
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                            return java.util.List.of();
                        }), null, PublisherPrefs.DEFAULTS));
        try {
            PublisherView shown = Fx.call(() -> {
                PublisherView v = new PublisherView(late, (owner, save) -> Optional.empty());
                new Scene(v, 1100, 700).getStylesheets().add(MainWindow.STYLESHEET);
                v.applyCss();
                v.layout();
                return v;
            });
            release.countDown();
            Fx.waitUntil("the device lists", java.time.Duration.ofSeconds(20),
                    () -> !late.cameras().isEmpty() && !late.microphones().isEmpty(), late::cameras);
            // Listed twice more, on one I/O thread: once the third listing runs, the second one's
            // lists are on their way to the FX thread, ahead of every check below.
            Fx.run(late::refreshDevices);
            Fx.run(late::refreshDevices);
            Fx.waitUntil("three listings", java.time.Duration.ofSeconds(20), () -> listings.get() >= 3, listings::get);
            for (String id : java.util.List.of("camera-picker", "mic-picker")) {
                @SuppressWarnings("unchecked")
                javafx.scene.control.ComboBox<DeviceChoice> box =
                        (javafx.scene.control.ComboBox<DeviceChoice>) Fx.call(() -> shown.lookup("#" + id));
                Fx.waitUntil(id + " showing its device", java.time.Duration.ofSeconds(20), () -> {
                    shown.applyCss();
                    shown.layout();
                    return box.getValue() != null && box.getChildrenUnmodifiable().stream()
                            .anyMatch(n -> n instanceof javafx.scene.control.ListCell<?> c && c.getText() != null
                                    && c.getText().startsWith("Test "));
                }, () -> box.getValue());
            }
        } finally {
            release.countDown();
            Fx.run(late::dispose);
        }
    }
}
