package org.netstreamfx.app.ui.tester;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.netstreamfx.app.ui.Fx;
import org.netstreamfx.app.ui.Icons;
import org.netstreamfx.app.ui.MainWindow;
import org.netstreamfx.app.ui.player.PlayerView;
import org.netstreamfx.app.ui.player.PlayerViewModel;
import org.netstreamfx.app.ui.player.RecentItems;
import org.netstreamfx.player.sink.NullAudioSink;

/**
 * The Player and the Tester in one window, as the app builds them, for TestFX flows: the file
 * chooser answers from {@link #picks}, the export chooser from {@link #exports}.
 */
final class PlayerAndTester {
    final Deque<Path> picks = new ArrayDeque<>();
    final Deque<Path> exports = new ArrayDeque<>();
    final PlayerViewModel player;
    final TesterViewModel tester;
    final FaultInjection faults;
    final PlayerView playerView;

    /** Builds the window on {@code stage} and shows it; call on the FX thread (a TestFX {@code @Start}). */
    PlayerAndTester(Stage stage) {
        this(stage, 1100, 640);
    }

    /**
     * The same with a scene of {@code width} by {@code height}. (Size the scene, not the stage: a
     * stage given a size keeps it for every later test on the shared primary stage.)
     */
    PlayerAndTester(Stage stage, double width, double height) {
        player = new PlayerViewModel(Platform::runLater, NullAudioSink::new, new RecentItems());
        tester = new TesterViewModel(player);
        faults = new FaultInjection(player);
        playerView = new PlayerView(player, owner -> Optional.ofNullable(picks.poll()));
        MainWindow window = new MainWindow();
        window.addView("player", "Player", Icons.PLAYER.node(22), playerView);
        window.addView("tester", "Tester", TesterView.icon(22),
                new TesterView(tester, faults, (owner, format) -> Optional.ofNullable(exports.poll())));
        Scene scene = new Scene(window.root(), width, height);
        scene.getStylesheets().add(MainWindow.STYLESHEET);
        stage.setScene(scene);
        stage.show();
    }

    /** Stops the fault proxy, the tester's sampling and the player (from any thread). */
    void dispose() {
        Fx.run(() -> {
            faults.dispose();
            tester.dispose();
            player.dispose();
        });
    }
}
