package org.netstreamfx.app.ui.publisher.health;

import java.util.Collection;
import org.netstreamfx.player.health.Finding;
import org.netstreamfx.player.health.Rule;
import org.netstreamfx.player.health.Severity;

/**
 * The traffic light of one rule group: unknown before anything was judged, green with nothing
 * raised, and the worst severity of the group's findings still raised otherwise (info stays green:
 * worth reading, nothing to fix).
 */
public enum HealthLight {
    UNKNOWN, GREEN, AMBER, RED;

    /** The light of {@code group} for the findings still raised, {@code active}. */
    static HealthLight of(Rule.Group group, Collection<Finding> active) {
        HealthLight worst = GREEN;
        for (Finding f : active) {
            if (f.rule().group() == group && !f.cleared()) {
                HealthLight l = f.severity() == Severity.ERROR ? RED : f.severity() == Severity.WARNING ? AMBER : GREEN;
                worst = l.ordinal() > worst.ordinal() ? l : worst;
            }
        }
        return worst;
    }

    /** The style class the view gives this light ("health-light-red"). */
    public String styleClass() {
        return "health-light-" + name().toLowerCase(java.util.Locale.ROOT);
    }
}
