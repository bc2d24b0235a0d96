package org.netstreamfx.app.ui;

import javafx.scene.Node;
import javafx.scene.control.ScrollPane;

/**
 * The scrolling side panel of a view (the publisher's settings, the tester's stats): as wide as
 * the pane lets it be, scrolled up and down only, so a window too low for it still reaches every
 * control (issue 12, defect 4). FX thread.
 */
public final class SidePane {
    private SidePane() {
    }

    /** {@code content} in a vertical-only scroll pane that fits its width, styled {@code styleClass}. */
    public static ScrollPane of(Node content, String styleClass) {
        ScrollPane side = new ScrollPane(content);
        side.setFitToWidth(true);
        side.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        side.getStyleClass().add(styleClass);
        return side;
    }
}
