package org.netstreamfx.app.ui;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.beans.InvalidationListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;

/**
 * The menu bar (File, Playback, View, Tools, Help), made from the action table: one item per row
 * that has a menu item, its accelerator as the row says (see {@link AppAction.Route}), enabled and
 * checked as the row's observables say. Item ids are {@code "menu-" + the row's id}; menus are
 * {@code "menu-file"}, {@code "menu-playback"}, …. On macOS it is the system menu bar.
 */
public final class AppMenuBar {
    private AppMenuBar() {
    }

    /** The menu bar for {@code actions} (FX thread). */
    public static MenuBar of(List<AppAction> actions) {
        MenuBar bar = new MenuBar();
        bar.setId("menu-bar");
        bar.setUseSystemMenuBar(AppAction.mac());
        Map<AppAction.Menu, Menu> menus = new EnumMap<>(AppAction.Menu.class);
        for (AppAction.Menu m : AppAction.Menu.values()) {
            Menu menu = new Menu(m.title());
            menu.setId("menu-" + m.name().toLowerCase(java.util.Locale.ROOT));
            menus.put(m, menu);
            bar.getMenus().add(menu);
        }
        for (AppAction a : actions) {
            if (!a.inMenu()) {
                continue;
            }
            List<MenuItem> items = menus.get(a.menu()).getItems();
            if (a.separatorBefore() && !items.isEmpty()) {
                items.add(new SeparatorMenuItem());
            }
            items.add(item(a));
        }
        return bar;
    }

    /** The menu item of one row (a submenu's rows are made again each time it opens or they change). */
    static MenuItem item(AppAction a) {
        MenuItem item;
        if (a.submenuItems() != null) {
            Menu sub = new Menu(a.title());
            Runnable fill = () -> fill(sub, a.submenuItems().get());
            sub.setOnShowing(e -> fill.run());
            InvalidationListener refill = o -> fill.run();
            a.submenuChanges().forEach(o -> o.addListener(refill));
            // The listeners hold the menu: it lives as long as the window, as the table does.
            sub.getProperties().put(AppMenuBar.class, refill);
            fill.run();
            item = sub;
        } else if (a.checkedState() != null) {
            item = a.isRadio() ? new RadioMenuItem(a.title()) : new CheckMenuItem(a.title());
            follow(item, a.checkedState());
        } else {
            item = new MenuItem(a.title());
        }
        item.setId("menu-" + a.id());
        // Titles are shown as they are: an underscore in a recent address is no mnemonic.
        item.setMnemonicParsing(false);
        if (a.handler() != null) {
            item.setOnAction(e -> {
                a.handler().run();
                if (a.checkedState() != null) {
                    // Choosing a check item flips it; it shows the state the handler left.
                    setSelected(item, Boolean.TRUE.equals(a.checkedState().getValue()));
                }
            });
        }
        item.setAccelerator(a.menuAccelerator());
        if (a.enabled() != null) {
            ObservableValue<Boolean> enabled = a.enabled();
            item.setDisable(!Boolean.TRUE.equals(enabled.getValue()));
            enabled.addListener((o, was, now) -> item.setDisable(!Boolean.TRUE.equals(now)));
        }
        return item;
    }

    private static void fill(Menu sub, List<AppAction> rows) {
        sub.getItems().clear();
        for (AppAction r : rows) {
            if (r.separatorBefore() && !sub.getItems().isEmpty()) {
                sub.getItems().add(new SeparatorMenuItem());
            }
            sub.getItems().add(item(r));
        }
    }

    private static void follow(MenuItem item, ObservableValue<Boolean> state) {
        setSelected(item, Boolean.TRUE.equals(state.getValue()));
        state.addListener((o, was, now) -> setSelected(item, Boolean.TRUE.equals(now)));
    }

    private static void setSelected(MenuItem item, boolean on) {
        if (item instanceof CheckMenuItem c) {
            c.setSelected(on);
        } else if (item instanceof RadioMenuItem r) {
            r.setSelected(on);
        }
    }
}
