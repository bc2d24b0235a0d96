package org.netstreamfx.app.ui.tester.health;

import java.util.List;
import org.netstreamfx.player.health.Finding;
import org.netstreamfx.player.health.HealthReport;
import org.netstreamfx.player.health.Rule;
import org.netstreamfx.player.health.Severity;

/**
 * A traffic light of one rule group: grey before any analysis, green when nothing is raised (an
 * info finding keeps it green: it is listed, not a problem), amber while a warning is, red while
 * an error is.
 */
public enum Light {
    GREY, GREEN, AMBER, RED;

    /**
     * The light of {@code group} in {@code report}, from its active findings: grey for no report or
     * one that has seen no track yet (an analysis just started).
     */
    public static Light of(HealthReport report, Rule.Group group) {
        if (report == null || report.tracks().isEmpty()) {
            return GREY;
        }
        return of(report.active().stream().filter(f -> f.rule().group() == group).toList());
    }

    /** The light for these findings, all raised now: the worst one's. */
    static Light of(List<Finding> active) {
        Light worst = GREEN;
        for (Finding f : active) {
            Light l = f.severity() == Severity.ERROR ? RED : f.severity() == Severity.WARNING ? AMBER : GREEN;
            if (l.ordinal() > worst.ordinal()) {
                worst = l;
            }
        }
        return worst;
    }

    /** The style class of a light in this state: "health-light-amber". */
    public String styleClass() {
        return "health-light-" + name().toLowerCase(java.util.Locale.ROOT);
    }
}
