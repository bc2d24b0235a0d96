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
        Scene scene = new Scene(window.root(), 900, 560);
        scene.getStylesheets().add(MainWindow.STYLESHEET);
        stage.setScene(scene);
        stage.show();
        return view;
    }
}
