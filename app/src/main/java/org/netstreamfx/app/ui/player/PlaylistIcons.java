package org.netstreamfx.app.ui.player;

import javafx.scene.layout.Region;
import javafx.scene.shape.SVGPath;

/**
 * The playlist's icons (Material Design paths, Apache License 2.0), drawn as {@code Icons} draws
 * its own: shaped regions coloured by the stylesheet ({@code .icon}).
 */
enum PlaylistIcons {
    NEXT("M6 18l8.5-6L6 6v12zM16 6v12h2V6h-2z"),
    PREVIOUS("M6 6h2v12H6zm3.5 6l8.5 6V6z"),
    REPEAT("M7 7h10v3l4-4-4-4v3H5v6h2V7zm10 10H7v-3l-4 4 4 4v-3h12v-6h-2v4z"),
    REPEAT_ONE("M7 7h10v3l4-4-4-4v3H5v6h2V7zm10 10H7v-3l-4 4 4 4v-3h12v-6h-2v4zm-4-2V9h-1l-2 1v1h1.5v4H13z"),
    LIST("M15 6H3v2h12V6zm0 4H3v2h12v-2zM3 16h8v-2H3v2zM17 6v8.18c-.31-.11-.65-.18-1-.18-1.66 0-3 1.34-3 3"
            + "s1.34 3 3 3 3-1.34 3-3V8h3V6h-5z");

    private final String path;

    PlaylistIcons(String path) {
        this.path = path;
    }

    /** A new icon node, {@code size} pixels square. */
    Region node(double size) {
        SVGPath shape = new SVGPath();
        shape.setContent(path);
        Region r = new Region();
        r.setShape(shape);
        r.setScaleShape(true);
        r.setMinSize(size, size);
        r.setPrefSize(size, size);
        r.setMaxSize(size, size);
        r.getStyleClass().add("icon");
        return r;
    }
}
