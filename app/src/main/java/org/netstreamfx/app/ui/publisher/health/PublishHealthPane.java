package org.netstreamfx.app.ui.publisher.health;

import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import org.netstreamfx.app.ui.StatRows;
import org.netstreamfx.player.health.Profiles;
import org.netstreamfx.player.health.Rule;

/**
 * The publisher's stream health: the profile to judge by, "Check my stream" (Cancel while it
 * runs) and its verdict, a traffic light per rule group, the figures the rules judge (bit rates
 * sent against those set, encoder lag, keyframe interval) and the findings with what to change.
 * Built on the FX thread from a {@link PublishHealthModel}.
 */
public final class PublishHealthPane extends VBox {
    /** A light's diameter / 2. */
    private static final double LIGHT_RADIUS = 6;
    private static final double FINDINGS_HEIGHT = 110;
    private static final double PROFILE_WIDTH = 120;
    private static final double PROFILE_MIN_WIDTH = 70;
    /**
     * The groups a publisher's lights show: delivery is about a stream being played (stalls, time
     * to the first picture, reconnects of a player), which publishing has no rules for.
     */
    static final java.util.Set<Rule.Group> PUBLISHED_GROUPS =
            java.util.EnumSet.complementOf(java.util.EnumSet.of(Rule.Group.DELIVERY));

    /**
     * @param model  what to show
     * @param check  starts "Check my stream" (the view-model opens the devices)
     * @param locked true while a session holds the devices: no check then
     */
    public PublishHealthPane(PublishHealthModel model, Runnable check, ObservableBooleanValue locked) {
        super(6);
        getStyleClass().add("publish-health");
        setPadding(new Insets(0, 10, 10, 10));
        StreamChecker checker = model.checker();
        Label title = new Label("STREAM HEALTH");
        title.getStyleClass().add("section-title");

        ComboBox<String> profile = new ComboBox<>(javafx.collections.FXCollections.observableArrayList(
                Profiles.builtInNames()));
        profile.setId("health-profile");
        profile.setEditable(true);
        profile.setValue(model.profileNameProperty().get());
        profile.setTooltip(new Tooltip("The rules to judge by: generic, youtube, twitch, or the path of a JSON "
                + "profile file (see the README's Stream health)"));
        profile.valueProperty().addListener((o, was, now) -> model.setProfileName(now));
        profile.disableProperty().bind(Bindings.createBooleanBinding(() -> locked.get()
                || checker.runningProperty().get(), locked, checker.runningProperty()));

        Button go = new Button();
        go.setId("check-stream");
        go.textProperty().bind(Bindings.when(checker.runningProperty()).then("Cancel check")
                .otherwise("Check my stream"));
        go.setTooltip(new Tooltip("Encode the chosen camera and microphone for " + PublishHealthModel.fmtSeconds(
                StreamChecker.CHECK_SECONDS) + " s and judge them by the profile, sending nothing"));
        go.disableProperty().bind(Bindings.createBooleanBinding(() -> locked.get() && !checker.runningProperty()
                .get(), locked, checker.runningProperty()));
        go.setOnAction(e -> {
            if (checker.runningProperty().get()) {
                checker.cancel();
            } else {
                check.run();
            }
        });
        go.setMinWidth(Region.USE_PREF_SIZE); // the combo box gives way first
        profile.setPrefWidth(PROFILE_WIDTH);
        profile.setMinWidth(PROFILE_MIN_WIDTH);
        HBox top = new HBox(6, profile, go);
        top.setAlignment(Pos.CENTER_LEFT);

        Label verdict = new Label();
        verdict.setId("check-verdict");
        verdict.setWrapText(true);
        verdict.textProperty().bind(checker.verdictProperty());

        FlowPane lights = new FlowPane(10, 4); // wraps in a narrow column rather than cutting a name
        for (Rule.Group g : PUBLISHED_GROUPS) {
            lights.getChildren().add(light(model, g));
        }

        GridPane figures = new GridPane();
        figures.setHgap(10);
        figures.setVgap(2);
        StatRows.add(figures, 0, "Video sent", "health-video-rate", model.videoRateProperty());
        StatRows.add(figures, 1, "Audio sent", "health-audio-rate", model.audioRateProperty());
        StatRows.add(figures, 2, "Encoder lag", "health-encoder-lag", model.encoderLagProperty());
        StatRows.add(figures, 3, "Keyframes", "health-keyframes", model.keyframesProperty());

        ListView<String> findings = new ListView<>(model.findings());
        findings.setId("health-findings");
        findings.setPrefHeight(FINDINGS_HEIGHT);
        findings.setPlaceholder(new Label("No findings: what is sent meets the profile"));
        getChildren().addAll(title, top, verdict, lights, figures, findings);
    }

    private static Label light(PublishHealthModel model, Rule.Group g) {
        Circle dot = new Circle(LIGHT_RADIUS);
        dot.getStyleClass().add("health-light");
        Label l = new Label(g.name().charAt(0) + g.name().substring(1).toLowerCase(Locale.ROOT), dot);
        l.setId("health-light-" + g.name().toLowerCase(Locale.ROOT));
        Runnable paint = () -> {
            dot.getStyleClass().removeIf(c -> c.startsWith("health-light-"));
            dot.getStyleClass().add(model.lightProperty(g).get().styleClass());
        };
        model.lightProperty(g).addListener(o -> paint.run());
        paint.run();
        return l;
    }
}
