package org.netstreamfx.app.ui.player;

import javafx.animation.PauseTransition;
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
 * Non-modal notices over a view: a notification bar that slides down over {@code content} with
 * the notice's code, what happened and what to do. A warning hides itself after {@link
 * #WARNING_SHOWN_FOR}; an error stays until closed. Closing the bar dismisses the notice. FX thread.
 */
public final class NoticeBar {
    /** How long a warning stays before it hides itself; errors stay until dismissed. */
    public static final Duration WARNING_SHOWN_FOR = Duration.seconds(6);
    private static final PseudoClass ERROR = PseudoClass.getPseudoClass("error");

    private final NotificationPane pane;
    private final PauseTransition warningTimer = new PauseTransition(WARNING_SHOWN_FOR);

    private NoticeBar(Node content, ObservableValue<Notice> notice, Runnable dismiss) {
        pane = new NotificationPane(content);
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
        Label what = new Label(n.description());
        what.getStyleClass().add("notice-description");
        Label advice = new Label(n.advice());
        advice.setId("notice-advice");
        advice.getStyleClass().add("notice-advice");
        HBox first = new HBox(8, code, what);
        VBox lines = new VBox(2, first, advice);
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
