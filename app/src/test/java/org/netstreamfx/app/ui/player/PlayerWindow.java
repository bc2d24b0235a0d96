package org.netstreamfx.app.ui.player;

import javafx.scene.Scene;
import javafx.stage.Stage;
import org.netstreamfx.app.ui.Icons;
import org.netstreamfx.app.ui.MainWindow;

/** The player view in the app's main window, shown on {@code stage}, as the TestFX flows use it. */
final class PlayerWindow {
    private PlayerWindow() {}

    static PlayerView show(Stage stage, PlayerViewModel vm, PlayerView.FilePicker picker) {
        PlayerView view = new PlayerView(vm, picker);
        MainWindow window = new MainWindow();
        window.addView("player", "Player", Icons.PLAYER.node(22), view);
        window.hideRailWhile(view.chrome().hiddenProperty());
        // The window's minimum content size: what every flow must work at.
        Scene scene = new Scene(window.root(), org.netstreamfx.app.ui.settings.AppSettings.MIN_WIDTH,
                org.netstreamfx.app.ui.settings.AppSettings.MIN_HEIGHT);
        scene.getStylesheets().add(MainWindow.STYLESHEET);
        stage.setFullScreen(false);
        stage.setScene(scene);
        // The stage outlives a test: one that sized it (the clipping test, full screen) must not
        // leave the next with a smaller window than its scene.
        stage.sizeToScene();
        stage.show();
        return view;
    }
}
