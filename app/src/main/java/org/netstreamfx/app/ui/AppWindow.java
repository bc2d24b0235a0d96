package org.netstreamfx.app.ui;

import javafx.event.EventHandler;
import javafx.scene.Scene;
import javafx.scene.control.MenuBar;
import javafx.scene.input.KeyEvent;
import javafx.stage.Window;
import org.netstreamfx.app.ui.player.PlayerView;
import org.netstreamfx.app.ui.player.PlayerViewModel;
import org.netstreamfx.app.ui.publisher.PublisherView;
import org.netstreamfx.app.ui.publisher.PublisherViewModel;
import org.netstreamfx.app.ui.tester.ExportPicker;
import org.netstreamfx.app.ui.tester.FaultInjection;
import org.netstreamfx.app.ui.tester.TesterView;
import org.netstreamfx.app.ui.tester.TesterViewModel;

/**
 * The main window as the app shows it: the Player, Tester and Publisher views in the
 * {@link MainWindow} rail, the menu bar above them made from the action table
 * ({@link AppActions}), the shortcut sheet (F1, or ? while no text field is being edited) and the
 * About box. {@link DesktopApp} and the UI tests build it the same way.
 */
public final class AppWindow {
    private final MainWindow window = new MainWindow();
    private final PlayerView player;
    private final TesterView testerView;
    private final PublisherView publisherView;
    private final AppActions actions;
    private final MenuBar menuBar;
    private final ShortcutSheet sheet;
    private final AboutDialog about = new AboutDialog();
    private final EventHandler<KeyEvent> questionMark = this::onKeyTyped;

    /**
     * Builds the window's content (FX thread); put {@link #root()} in a scene to show it.
     *
     * @param publisher       the publisher, or null for a window without the Publisher view
     * @param publisherFiles  the publisher's file picker (ignored without a publisher)
     */
    public AppWindow(PlayerViewModel vm, PlayerView.FilePicker files, TesterViewModel tester, FaultInjection faults,
                     ExportPicker exports, PublisherViewModel publisher, PublisherView.FilePicker publisherFiles) {
        player = new PlayerView(vm, files);
        window.addView("player", "Player", Icons.PLAYER.node(22), player);
        window.hideRailWhile(player.chrome().hiddenProperty());
        testerView = new TesterView(tester, faults, exports);
        window.addView("tester", "Tester", TesterView.icon(22), testerView);
        if (publisher != null) {
            publisherView = new PublisherView(publisher, publisherFiles);
            window.addView("publisher", "Publish", PublisherView.icon(22), publisherView);
        } else {
            publisherView = null;
        }
        // After every view: the View menu lists the views the rail has now (a Settings view also
        // gets Tools ▸ Settings).
        actions = new AppActions(new AppActions.Parts(window, player, testerView, tester, faults, publisher,
                this::showShortcuts, this::showAbout));
        sheet = new ShortcutSheet(actions.all());
        menuBar = AppMenuBar.of(actions.all());
        window.setMenuBar(menuBar);
        window.root().sceneProperty().addListener((o, was, now) -> {
            if (was != null) {
                was.removeEventFilter(KeyEvent.KEY_TYPED, questionMark);
            }
            if (now != null) {
                now.addEventFilter(KeyEvent.KEY_TYPED, questionMark);
            }
        });
    }

    /** Help ▸ Keyboard shortcuts (F1, ?). */
    public void showShortcuts() {
        sheet.show(owner());
    }

    /** Help ▸ About NetStreamFX. */
    public void showAbout() {
        about.show(owner());
    }

    /** Stops the About box's thread; the views' models are the caller's to dispose. */
    public void dispose() {
        about.dispose();
    }

    public MainWindow window() {
        return window;
    }

    public PlayerView player() {
        return player;
    }

    public TesterView testerView() {
        return testerView;
    }

    /** The Publisher view, or null when built without a publisher. */
    public PublisherView publisherView() {
        return publisherView;
    }

    public AppActions actions() {
        return actions;
    }

    public MenuBar menuBar() {
        return menuBar;
    }

    public ShortcutSheet sheet() {
        return sheet;
    }

    public AboutDialog about() {
        return about;
    }

    public javafx.scene.Parent root() {
        return window.root();
    }

    private Window owner() {
        Scene s = window.root().getScene();
        return s == null ? null : s.getWindow();
    }

    /** ? (Shift+/ on a US keyboard) opens the shortcut sheet, except while a text field is being edited. */
    private void onKeyTyped(KeyEvent e) {
        if ("?".equals(e.getCharacter()) && !e.isShortcutDown() && !e.isAltDown() && !player.editingText()) {
            e.consume();
            showShortcuts();
        }
    }
}
