package org.netstreamfx.app.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The window's frame: a navigation rail on the left with one entry per view, and the selected
 * view beside it. The Player is added first and selected; the Tester, Publisher and Settings
 * views plug in with {@link #addView}, built at once or, from a supplier, the first time they are
 * selected (so the first show lays out only what it shows). Ctrl+1, Ctrl+2, … select the views in rail order, and
 * Ctrl+Q quits (closes the window); Cmd on macOS. The rail hides with the player's controls in
 * full screen ({@link #hideRailWhile}), and so does the menu bar ({@link #setMenuBar}) above them.
 */
public final class MainWindow {
    /** The stylesheet of every window and dialog of the app. */
    public static final String STYLESHEET = MainWindow.class.getResource("nsfx-dark.css").toExternalForm();

    /** Ctrl+Q, Cmd+Q on macOS: closes the window, which quits the app. */
    static final KeyCombination QUIT = new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN);

    private final BorderPane root = new BorderPane();
    private final VBox rail = new VBox(4);
    private final StackPane views = new StackPane();
    private final ToggleGroup group = new ToggleGroup();
    /** Each view's builder, in rail order; a built view's is not called again. */
    private final Map<String, Supplier<? extends Node>> byId = new LinkedHashMap<>();
    /** The views built so far. */
    private final Map<String, Node> built = new LinkedHashMap<>();
    private final Map<String, ToggleButton> buttons = new LinkedHashMap<>();
    private final ReadOnlyStringWrapper selected = new ReadOnlyStringWrapper(this, "selected");
    private MenuBar menuBar;
    private BooleanBinding railShown;

    public MainWindow() {
        root.getStyleClass().add("main-window");
        rail.getStyleClass().add("nav-rail");
        rail.setAlignment(Pos.TOP_CENTER);
        Label brand = new Label("NSFX");
        brand.getStyleClass().add("brand");
        Region spacer = new Region();
        VBox.setVgrow(spacer, Priority.ALWAYS);
        rail.getChildren().addAll(brand, spacer);
        views.getStyleClass().add("views");
        root.setLeft(rail);
        root.setCenter(views);
        // Ctrl+1, Ctrl+2, …: the views in rail order (Cmd on macOS).
        root.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            int n = e.getCode().isDigitKey() ? e.getCode().getCode() - KeyCode.DIGIT1.getCode() : -1;
            if (e.isShortcutDown() && n >= 0 && n < 9 && n < buttons.size()) {
                select(new ArrayList<>(buttons.keySet()).get(n));
                e.consume();
            } else if (QUIT.match(e)) {
                e.consume();
                quit();
            }
        });
        group.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null && was != null) {
                group.selectToggle(was);
                return;
            }
            for (Map.Entry<String, ToggleButton> b : buttons.entrySet()) {
                if (b.getValue() == now) {
                    view(b.getKey()).setVisible(true);
                    selected.set(b.getKey());
                } else if (built.containsKey(b.getKey())) {
                    built.get(b.getKey()).setVisible(false);
                }
            }
        });
    }

    /**
     * Adds a view with its entry in the rail (after the views added before); the first view added
     * is selected.
     */
    public void addView(String id, String title, Node icon, Node view) {
        addView(id, title, icon, () -> view);
        view(id);
    }

    /**
     * Adds a view with its entry in the rail (after the views added before) that is built by
     * {@code view} the first time it is selected or asked for ({@link #view}), once; the first
     * view added is selected (and so built at once).
     */
    public void addView(String id, String title, Node icon, Supplier<? extends Node> view) {
        if (byId.containsKey(id)) {
            throw new IllegalArgumentException("A view with id \"" + id + "\" is already added");
        }
        ToggleButton b = new ToggleButton(title, icon);
        b.setId("nav-" + id);
        b.getStyleClass().add("nav-button");
        b.setContentDisplay(javafx.scene.control.ContentDisplay.TOP);
        b.setToggleGroup(group);
        b.setFocusTraversable(false);
        b.setMaxWidth(Double.MAX_VALUE);
        b.setTooltip(new Tooltip(title + " (" + shortcutName(byId.size() + 1) + ")"));
        byId.put(id, view);
        buttons.put(id, b);
        rail.getChildren().add(rail.getChildren().size() - 1, b);
        if (group.getSelectedToggle() == null) {
            group.selectToggle(b);
        }
    }

    /**
     * The view {@code id}, built now if it was not yet (hidden unless it is the one selected);
     * the same node at every call.
     */
    public Node view(String id) {
        Node view = built.get(id);
        if (view != null) {
            return view;
        }
        Supplier<? extends Node> builder = byId.get(id);
        if (builder == null) {
            throw new IllegalArgumentException("No view \"" + id + "\"; views: " + byId.keySet());
        }
        view = builder.get();
        built.put(id, view);
        // Hidden until selected: a view reads its first showing from its visible property.
        view.setVisible(false);
        // In rail order among the views built so far.
        int at = 0;
        for (String before : byId.keySet()) {
            if (before.equals(id)) {
                break;
            }
            at += built.containsKey(before) ? 1 : 0;
        }
        views.getChildren().add(at, view);
        return view;
    }

    /** Whether the view {@code id} is built (added eagerly, selected or asked for once). */
    public boolean built(String id) {
        return built.containsKey(id);
    }

    /**
     * Hides the navigation rail, and the menu bar if there is one, while {@code hidden} is true
     * (the player's full-screen idle state).
     */
    public void hideRailWhile(ObservableValue<Boolean> hidden) {
        railShown = Bindings.createBooleanBinding(() -> !Boolean.TRUE.equals(hidden.getValue()), hidden);
        rail.visibleProperty().bind(railShown);
        rail.managedProperty().bind(railShown);
        bindMenuBar();
    }

    /**
     * Puts {@code bar} at the top of the window, above the rail and the views; it hides with the
     * rail (see {@link #hideRailWhile}).
     */
    public void setMenuBar(MenuBar bar) {
        menuBar = bar;
        root.setTop(bar);
        bindMenuBar();
    }

    private void bindMenuBar() {
        if (menuBar != null && railShown != null) {
            menuBar.visibleProperty().bind(railShown);
            menuBar.managedProperty().bind(railShown);
        }
    }

    /** Closes the window, which quits the app (Ctrl+Q). */
    public void quit() {
        if (root.getScene() != null && root.getScene().getWindow() != null) {
            root.getScene().getWindow().hide();
        }
    }

    /** The title of the view {@code id} as the rail shows it. */
    public String title(String id) {
        ToggleButton b = buttons.get(id);
        if (b == null) {
            throw new IllegalArgumentException("No view \"" + id + "\"; views: " + byId.keySet());
        }
        return b.getText();
    }

    /** The id of the view shown now, or null before any is added. */
    public ReadOnlyStringProperty selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    /** Shows the view {@code id}. */
    public void select(String id) {
        ToggleButton b = buttons.get(id);
        if (b == null) {
            throw new IllegalArgumentException("No view \"" + id + "\"; views: " + byId.keySet());
        }
        group.selectToggle(b);
    }

    /** The ids of the views, in rail order. */
    public List<String> viewIds() {
        return new ArrayList<>(byId.keySet());
    }

    /** "Ctrl+N" (or "Cmd+N" on macOS) for the {@code n}th view, 1-based. */
    static String shortcutName(int n) {
        boolean mac = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("mac");
        return (mac ? "Cmd+" : "Ctrl+") + n;
    }

    public Parent root() {
        return root;
    }
}
