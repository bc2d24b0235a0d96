package org.netstreamfx.app.ui;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.event.EventHandler;
import javafx.scene.Scene;
import javafx.scene.control.MenuBar;
import javafx.scene.input.KeyEvent;
import javafx.stage.Window;
import org.netstreamfx.app.session.SessionEntry;
import org.netstreamfx.app.ui.player.PlayerView;
import org.netstreamfx.app.ui.player.PlayerViewModel;
import org.netstreamfx.app.ui.publisher.PublisherView;
import org.netstreamfx.app.ui.publisher.PublisherViewModel;
import org.netstreamfx.app.ui.tester.ExportPicker;
import org.netstreamfx.app.ui.tester.FaultInjection;
import org.netstreamfx.app.ui.tester.TesterView;
import org.netstreamfx.app.ui.tester.TesterViewModel;
import org.netstreamfx.app.ui.video.Video;

/**
 * The main window as the app shows it: the Player, Tester and Publisher views in the
 * {@link MainWindow} rail, the menu bar above them made from the action table
 * ({@link AppActions}), the shortcut sheet (F1, or ? while no text field is being edited) and the
 * About box. {@link DesktopApp} and the UI tests build it the same way.
 *
 * <p>Only the Player view is built at once: the Tester and Publisher views are built the first
 * time they are used (their rail button, the View menu, Ctrl+2/3, or an action that shows them),
 * so the window's first show builds and lays out only what it shows (issue 16, cold start). Their
 * models are the caller's and live from the start, so a view opened late shows the whole session.
 */
public final class AppWindow {
    /** The Tester view's id in the rail. */
    static final String TESTER = "tester";
    /** The Publisher view's id in the rail. */
    static final String PUBLISHER = "publisher";

    private final MainWindow window = new MainWindow();
    private final PlayerView player;
    /** The event selected in the Tester's log; null while nothing is, or the Tester is not built yet. */
    private final ReadOnlyObjectWrapper<SessionEntry> selectedEvent = new ReadOnlyObjectWrapper<>(this, "selectedEvent");
    private final boolean withPublisher;
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
        this(vm, files, tester, faults, exports, publisher, publisherFiles, new Video());
    }

    /** The same, the Player view showing its pictures on {@code video} (made and shown before the views). */
    public AppWindow(PlayerViewModel vm, PlayerView.FilePicker files, TesterViewModel tester, FaultInjection faults,
                     ExportPicker exports, PublisherViewModel publisher, PublisherView.FilePicker publisherFiles,
                     Video video) {
        player = new PlayerView(vm, files, video);
        window.addView("player", "Player", Icons.PLAYER.node(22), player);
        window.hideRailWhile(player.chrome().hiddenProperty());
        window.addView(TESTER, "Tester", TesterView.icon(22), () -> {
            TesterView view = new TesterView(tester, faults, exports);
            selectedEvent.bind(view.log().getSelectionModel().selectedItemProperty());
            return view;
        });
        withPublisher = publisher != null;
        if (withPublisher) {
            window.addView(PUBLISHER, "Publish", PublisherView.icon(22),
                    () -> new PublisherView(publisher, publisherFiles));
        }
        // After every view: the View menu lists the views the rail has now (a Settings view also
        // gets Tools ▸ Settings).
        actions = new AppActions(new AppActions.Parts(window, player, this::testerView,
                selectedEvent.getReadOnlyProperty(), tester, faults, publisher, this::showShortcuts, this::showAbout));
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

    /** The Tester view, built now if it was not yet (it is built once). */
    public TesterView testerView() {
        return (TesterView) window.view(TESTER);
    }

    /**
     * The event selected in the Tester's log, following it once the view is built; null before
     * (nothing can be selected in a log not yet built).
     */
    public ReadOnlyObjectProperty<SessionEntry> selectedEventProperty() {
        return selectedEvent.getReadOnlyProperty();
    }

    /** The Publisher view, built now if it was not yet (once), or null when built without a publisher. */
    public PublisherView publisherView() {
        return withPublisher ? (PublisherView) window.view(PUBLISHER) : null;
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
