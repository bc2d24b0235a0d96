package org.netstreamfx.app.ui.player;

import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.controlsfx.control.NotificationPane;
import org.netstreamfx.app.ui.Icons;
import org.netstreamfx.player.net.StatusLevel;

/**
 * Non-modal notices above a view: a notification bar that slides down at the top with the
 * notice's code, what happened and what to do, wrapped over as many lines as it needs (never cut
 * with "…"). The content moves down by the bar's height while it shows, so the bar never covers
 * the picture. A warning hides itself after {@link #WARNING_SHOWN_FOR}; an error stays until
 * closed. Closing the bar dismisses the notice. FX thread.
 */
public final class NoticeBar {
    /** How long a warning stays before it hides itself; errors stay until dismissed. */
    public static final Duration WARNING_SHOWN_FOR = Duration.seconds(6);
    private static final PseudoClass ERROR = PseudoClass.getPseudoClass("error");

    private final NotificationPane pane;
    private final PauseTransition warningTimer = new PauseTransition(WARNING_SHOWN_FOR);

    private NoticeBar(Node content, ObservableValue<Notice> notice, Runnable dismiss) {
        // The content sits below the bar: its holder's top padding follows the bar's height.
        StackPane holder = new StackPane(content);
        holder.setMinSize(0, 0);
        pane = new NotificationPane(holder);
        pane.skinProperty().addListener((o, was, now) -> {
            if (pane.lookup(".notification-bar") instanceof Region bar) {
                holder.paddingProperty().bind(Bindings.createObjectBinding(
                        () -> new Insets(bar.isVisible() ? Math.max(0, bar.getHeight()) : 0, 0, 0, 0),
                        bar.heightProperty(), bar.visibleProperty()));
            }
        });
        pane.setId("notifications");
        pane.getStyleClass().add(NotificationPane.STYLE_CLASS_DARK);
        pane.setShowFromTop(true);
        pane.setOnHidden(e -> {
            if (notice.getValue() != null) {
                dismiss.run();
            }
        });
        notice.addListener((o, was, now) -> show(now));
        warningTimer.setOnFinished(e -> dismiss.run());
    }

    /**
     * The notification pane around {@code content}, showing {@code notice} as it changes;
     * {@code dismiss} clears the notice (the bar was closed, or a warning timed out).
     */
    public static NotificationPane around(Node content, ObservableValue<Notice> notice, Runnable dismiss) {
        return new NoticeBar(content, notice, dismiss).pane;
    }

    /** A label that wraps to the bar's width and is as tall as its lines. */
    private static Label wrapping(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        l.setMinWidth(0);
        l.setMaxWidth(Double.MAX_VALUE);
        return l;
    }

    private void show(Notice n) {
        warningTimer.stop();
        if (n == null) {
            pane.hide();
            return;
        }
        Region icon = (n.level() == StatusLevel.ERROR ? Icons.ERROR : Icons.WARNING).node(20);
        icon.getStyleClass().add(n.level() == StatusLevel.ERROR ? "notice-error" : "notice-warning");
        Label code = new Label(n.code());
        code.setId("notice-code");
        code.getStyleClass().add("notice-code");
        code.setMinWidth(Region.USE_PREF_SIZE);
        Label what = wrapping(n.description());
        what.setId("notice-description");
        what.getStyleClass().add("notice-description");
        Label advice = wrapping(n.advice());
        advice.setId("notice-advice");
        advice.getStyleClass().add("notice-advice");
        VBox lines = new VBox(2, code, what, advice);
        lines.setMinWidth(0);
        HBox.setHgrow(lines, Priority.ALWAYS);
        HBox graphic = new HBox(12, icon, lines);
        graphic.setAlignment(Pos.CENTER_LEFT);
        Tooltip.install(graphic, new Tooltip(n.text()));
        pane.setText(null);
        pane.setGraphic(graphic);
        pane.pseudoClassStateChanged(ERROR, n.level() == StatusLevel.ERROR);
        pane.show();
        if (n.level() != StatusLevel.ERROR) {
            warningTimer.playFromStart();
        }
    }
}
