package org.netstreamfx.app.ui;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;
import javafx.beans.Observable;
import javafx.beans.value.ObservableValue;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

/**
 * One thing the user can do, as one row of the app's action table ({@link AppActions}): the menu
 * bar ({@link AppMenuBar}), the shortcut sheet ({@link ShortcutSheet}) and the README's shortcut
 * table are all made from the rows, so they cannot disagree.
 *
 * <p>A row has an id, a menu, a title, a key and a handler, and optionally: when it is enabled,
 * whether it is checked (a check or radio item), a submenu of rows made each time it opens, and
 * a separator before it. How its key reaches it is one of:
 * <ul>
 *   <li>{@link #key}: the menu item's accelerator (a key with Ctrl/Cmd, F1): JavaFX runs it for a
 *       key press nothing consumed first, so a view's own filter that handles the same key and
 *       consumes it (PlayerView's Ctrl+O, MainWindow's Ctrl+Q) wins and it never runs twice;</li>
 *   <li>{@link #viewKey}: a single key a view's key filter reads (PlayerView's Space, M, F, arrows),
 *       which must be typed into a text field being edited: the menu shows it but does not
 *       register it, so only the view acts on it;</li>
 *   <li>{@link #keyOnly}: a key or gesture with no menu item (Esc leaves full screen, a
 *       double-click on the picture), listed in the sheet only.</li>
 * </ul>
 *
 * <p>Rows are values made once, on the FX thread; {@code with…} methods return a changed copy.
 */
public final class AppAction {
    /** The menus of the bar, in order. */
    public enum Menu {
        FILE("File"), PLAYBACK("Playback"), VIEW("View"), TOOLS("Tools"), HELP("Help");

        private final String title;

        Menu(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }

    /** How the row's key reaches it. */
    public enum Route {
        /** No key. */
        NONE,
        /** The menu item's accelerator. */
        ACCELERATOR,
        /** A view's key filter; the menu only shows the key. */
        VIEW,
        /** No menu item: the key or gesture is listed in the shortcut sheet only. */
        SHEET_ONLY
    }

    private final String id;
    private final Menu menu;
    private final String title;
    private final KeyCombination key;
    private final String keyText;
    private final Route route;
    private final Runnable handler;
    private final ObservableValue<Boolean> enabled;
    private final ObservableValue<Boolean> checked;
    private final boolean radio;
    private final boolean separatorBefore;
    private final Supplier<List<AppAction>> submenu;
    private final List<Observable> submenuChanges;

    private AppAction(String id, Menu menu, String title, KeyCombination key, String keyText, Route route,
                      Runnable handler, ObservableValue<Boolean> enabled, ObservableValue<Boolean> checked,
                      boolean radio, boolean separatorBefore, Supplier<List<AppAction>> submenu,
                      List<Observable> submenuChanges) {
        this.id = Objects.requireNonNull(id, "id");
        this.menu = Objects.requireNonNull(menu, "menu");
        this.title = Objects.requireNonNull(title, "title");
        this.key = key;
        this.keyText = keyText;
        this.route = route;
        this.handler = handler;
        this.enabled = enabled;
        this.checked = checked;
        this.radio = radio;
        this.separatorBefore = separatorBefore;
        this.submenu = submenu;
        this.submenuChanges = submenuChanges;
    }

    /** A menu item that runs {@code handler}; no key until {@link #key} or {@link #viewKey}. */
    public static AppAction item(String id, Menu menu, String title, Runnable handler) {
        return new AppAction(id, menu, title, null, null, Route.NONE, Objects.requireNonNull(handler, "handler"),
                null, null, false, false, null, List.of());
    }

    /**
     * A submenu whose rows {@code items} makes each time it opens and each time one of
     * {@code changes} changes (Recent, Sound output). Its rows' menu and keys are not used.
     */
    public static AppAction submenu(String id, Menu menu, String title, Supplier<List<AppAction>> items,
                                    Observable... changes) {
        return new AppAction(id, menu, title, null, null, Route.NONE, null, null, null, false, false,
                Objects.requireNonNull(items, "items"), List.of(changes));
    }

    /** A key with no menu item (Esc in full screen), listed in the shortcut sheet under {@code menu}. */
    public static AppAction keyOnly(String id, Menu menu, String title, KeyCombination key) {
        return new AppAction(id, menu, title, key, null, Route.SHEET_ONLY, null, null, null, false, false, null,
                List.of());
    }

    /** A gesture with no menu item ("Double-click the picture"), listed in the shortcut sheet. */
    public static AppAction gesture(String id, Menu menu, String title, String gesture) {
        return new AppAction(id, menu, title, null, gesture, Route.SHEET_ONLY, null, null, null, false, false, null,
                List.of());
    }

    /** The item's accelerator: JavaFX runs the item for this key when nothing consumed the press first. */
    public AppAction key(KeyCombination k) {
        return new AppAction(id, menu, title, k, null, Route.ACCELERATOR, handler, enabled, checked, radio,
                separatorBefore, submenu, submenuChanges);
    }

    /** A key a view's key filter handles: shown in the menu, never registered as an accelerator. */
    public AppAction viewKey(KeyCombination k) {
        return new AppAction(id, menu, title, k, null, Route.VIEW, handler, enabled, checked, radio,
                separatorBefore, submenu, submenuChanges);
    }

    /** Enabled only while {@code when} is true. */
    public AppAction enabledWhen(ObservableValue<Boolean> when) {
        return new AppAction(id, menu, title, key, keyText, route, handler, when, checked, radio, separatorBefore,
                submenu, submenuChanges);
    }

    /** A check item showing {@code state}; choosing it runs the handler, which changes the state. */
    public AppAction checked(ObservableValue<Boolean> state) {
        return new AppAction(id, menu, title, key, keyText, route, handler, enabled, state, false, separatorBefore,
                submenu, submenuChanges);
    }

    /** A radio item showing {@code state} (one of a choice: the view shown, the sound output). */
    public AppAction radio(ObservableValue<Boolean> state) {
        return new AppAction(id, menu, title, key, keyText, route, handler, enabled, state, true, separatorBefore,
                submenu, submenuChanges);
    }

    /** A separator line before this item in its menu. */
    public AppAction separated() {
        return new AppAction(id, menu, title, key, keyText, route, handler, enabled, checked, radio, true, submenu,
                submenuChanges);
    }

    public String id() {
        return id;
    }

    public Menu menu() {
        return menu;
    }

    public String title() {
        return title;
    }

    /** The key, or null (none, or a gesture). */
    public KeyCombination keyCombination() {
        return key;
    }

    public Route route() {
        return route;
    }

    /** What runs the action, or null for a submenu or a sheet-only row. */
    public Runnable handler() {
        return handler;
    }

    /** When the item is enabled, or null for always. */
    public ObservableValue<Boolean> enabled() {
        return enabled;
    }

    /** What a check or radio item shows, or null for a plain item. */
    public ObservableValue<Boolean> checkedState() {
        return checked;
    }

    public boolean isRadio() {
        return radio;
    }

    public boolean separatorBefore() {
        return separatorBefore;
    }

    /** The rows of a submenu, or null when this is not one. */
    public Supplier<List<AppAction>> submenuItems() {
        return submenu;
    }

    /** What makes a submenu's rows again besides opening it. */
    public List<Observable> submenuChanges() {
        return submenuChanges;
    }

    /** Whether this row has a menu item (sheet-only rows have none). */
    public boolean inMenu() {
        return route != Route.SHEET_ONLY;
    }

    /** Whether the sheet and the README list this row: it has a key or a gesture. */
    public boolean hasShortcut() {
        return key != null || keyText != null;
    }

    /** The key as the shortcut sheet and the menus show it on this platform ("Ctrl+O", "Cmd+O" on macOS, "←"). */
    public String shortcutText() {
        return keyText != null ? keyText : key == null ? "" : text(key, mac());
    }

    /** The key as the README lists it: with Ctrl, as on Linux and Windows. */
    public String readmeShortcutText() {
        return keyText != null ? keyText : key == null ? "" : text(key, false);
    }

    /**
     * What the menu item's accelerator is set to: the key itself when the menu runs it, a key that
     * matches nothing but shows the same text when a view's filter reads it, null otherwise.
     */
    KeyCombination menuAccelerator() {
        return switch (route) {
            case ACCELERATOR -> key;
            case VIEW -> new ShownOnly(key);
            default -> null;
        };
    }

    @Override
    public String toString() {
        return menu.title() + " ▸ " + title + (hasShortcut() ? " (" + readmeShortcutText() + ")" : "");
    }

    // Key names.

    static boolean mac() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("mac");
    }

    /**
     * A key as people write it: modifiers first ("Ctrl+", "Cmd+" on macOS for the shortcut key,
     * "Shift+", "Alt+"), then the key, with arrows as arrows and Esc, Space, F1 as such.
     */
    static String text(KeyCombination k, boolean mac) {
        StringBuilder b = new StringBuilder();
        if (k.getShortcut() == KeyCombination.ModifierValue.DOWN) {
            b.append(mac ? "Cmd+" : "Ctrl+");
        }
        if (k.getControl() == KeyCombination.ModifierValue.DOWN) {
            b.append("Ctrl+");
        }
        if (k.getMeta() == KeyCombination.ModifierValue.DOWN) {
            b.append(mac ? "Cmd+" : "Meta+");
        }
        if (k.getAlt() == KeyCombination.ModifierValue.DOWN) {
            b.append(mac ? "Option+" : "Alt+");
        }
        if (k.getShift() == KeyCombination.ModifierValue.DOWN) {
            b.append("Shift+");
        }
        if (k instanceof KeyCodeCombination c) {
            b.append(name(c.getCode()));
        } else if (k instanceof ShownOnly s) {
            return text(s.key, mac);
        } else {
            b.append(k.getName());
        }
        return b.toString();
    }

    private static String name(KeyCode code) {
        return switch (code) {
            case LEFT -> "←";
            case RIGHT -> "→";
            case UP -> "↑";
            case DOWN -> "↓";
            case ESCAPE -> "Esc";
            case SLASH -> "/";
            case PERIOD -> ".";
            case COMMA -> ",";
            case OPEN_BRACKET -> "[";
            case CLOSE_BRACKET -> "]";
            default -> code.isDigitKey() ? String.valueOf(code.getChar()) : code.getName();
        };
    }

    /**
     * A menu item's accelerator that only shows the key: it matches no key press, so the view's own
     * key filter is the only one that acts on it (and skips it while a text field is being edited).
     * Equal only to itself, so two of them never replace each other among the scene's accelerators.
     */
    static final class ShownOnly extends KeyCombination {
        private final KeyCombination key;

        ShownOnly(KeyCombination key) {
            this.key = Objects.requireNonNull(key, "key");
        }

        /** The key it shows. */
        KeyCombination key() {
            return key;
        }

        @Override
        public boolean match(KeyEvent event) {
            return false;
        }

        @Override
        public String getDisplayText() {
            return text(key, mac());
        }

        @Override
        public String getName() {
            return key.getName();
        }

        @Override
        public boolean equals(Object o) {
            return this == o;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }
    }
}
