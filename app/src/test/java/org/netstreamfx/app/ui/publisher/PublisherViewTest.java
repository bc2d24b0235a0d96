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
}
