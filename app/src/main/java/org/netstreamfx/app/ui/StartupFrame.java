package org.netstreamfx.app.ui;

import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

/**
 * What the window shows until its views are built: the main window's outline (the navigation
 * rail, in the dark theme's colours) and the video node, made of plain regions with no control and
 * no stylesheet. The window is shown with it as soon as the toolkit has started and the first
 * picture shows on it; the views, menus and stylesheet are built after that picture and take its
 * place in the same window (docs/PERFORMANCE.md, "Startup": building them and their first CSS
 * pass took about 1 s of the FX thread before the first picture could be shown).
 */
final class StartupFrame {
    /** The theme's {@code -nsfx-bg} (nsfx-dark.css), the picture area's and the window's background. */
    static final Color BACKGROUND = Color.web("#0f1115");
    /** The theme's {@code -nsfx-panel}, the rail's. */
    static final Color PANEL = Color.web("#171a21");
    /** The rail's width, as {@code .nav-rail}'s {@code -fx-pref-width}. */
    static final double RAIL_WIDTH = 84;

    private StartupFrame() {
    }

    /**
     * A new outline with {@code picture} (the video node the first picture shows on, moved into
     * the Player view once it is built) where the Player view's picture will be; the scene that
     * shows it should have {@link #BACKGROUND} as its fill.
     */
    static Parent root(Region picture) {
        Region rail = new Region();
        rail.setPrefWidth(RAIL_WIDTH);
        rail.setMinWidth(RAIL_WIDTH);
        rail.setBackground(new Background(new BackgroundFill(PANEL, null, Insets.EMPTY)));
        HBox.setHgrow(picture, Priority.ALWAYS);
        HBox root = new HBox(rail, picture);
        root.setId("startup-frame");
        root.setBackground(new Background(new BackgroundFill(BACKGROUND, null, Insets.EMPTY)));
        return root;
    }
}
