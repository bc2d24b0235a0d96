package org.netstreamfx.app.ui.tester.health;

import java.util.Locale;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.shape.Circle;
import org.netstreamfx.player.health.Rule;

/**
 * A traffic light per rule group, each a dot and the group's name ("Video", "Timing"), with the
 * id {@code health-light-<group>} and the style class of its {@link Light}. Every group the engine
 * has gets one, whatever groups it adds.
 */
final class TrafficLights extends HBox {
    private static final double DOT_RADIUS = 6;

    TrafficLights(HealthModel model) {
        super(12);
        getStyleClass().add("health-lights");
        for (Rule.Group g : Rule.Group.values()) {
            String name = g.name().charAt(0) + g.name().substring(1).toLowerCase(Locale.ROOT);
            Circle dot = new Circle(DOT_RADIUS);
            dot.getStyleClass().add("health-dot");
            Label l = new Label(name, dot);
            l.setId("health-light-" + g.name().toLowerCase(Locale.ROOT));
            l.getStyleClass().add("health-light");
            l.setMinWidth(Label.USE_PREF_SIZE);
            show(l, model.lightProperty(g).get());
            model.lightProperty(g).addListener((o, was, now) -> show(l, now));
            getChildren().add(l);
        }
    }

    private static void show(Label l, Light light) {
        for (Light other : Light.values()) {
            l.getStyleClass().remove(other.styleClass());
        }
        l.getStyleClass().add(light.styleClass());
        l.setTooltip(new Tooltip(switch (light) {
            case GREY -> "No analysis yet: play something.";
            case GREEN -> "Nothing raised.";
            case AMBER -> "A warning is raised: see the findings.";
            case RED -> "An error is raised: see the findings.";
        }));
    }
}
