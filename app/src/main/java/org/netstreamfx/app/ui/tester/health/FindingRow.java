package org.netstreamfx.app.ui.tester.health;

import java.util.Map;
import java.util.Optional;
import org.netstreamfx.app.session.EventLine;
import org.netstreamfx.app.session.SessionEntry;
import org.netstreamfx.player.health.Rule;

/**
 * One line of the findings list: a {@code NetStreamFX.Health.<Rule>} event of the session log, as
 * its details say (the engine's Finding#eventDetails), with the log entry it came from so a click
 * can select it there.
 *
 * @param timeS     where on the stream's timeline (seconds)
 * @param severity  "info", "warning" or "error" (a clear keeps the severity it was raised with)
 * @param rule      the rule's name, "KeyframeInterval"
 * @param message   what is wrong, "keyframe interval 5.0 s"
 * @param advice    what to change, or ""
 * @param cleared   true when the event says the condition is gone
 * @param entry     the session log's entry
 */
public record FindingRow(double timeS, String severity, String rule, String message, String advice, boolean cleared,
                         SessionEntry entry) {
    /** The row of {@code e} when it is a health finding's event. */
    public static Optional<FindingRow> of(SessionEntry e) {
        if (e.kind() != EventLine.Kind.STATUS || e.line().code() == null
                || !e.line().code().startsWith(Rule.CODE_PREFIX) || !(e.line().payload() instanceof Map<?, ?> d)) {
            return Optional.empty();
        }
        double time = d.get("time") instanceof Number n ? n.doubleValue() : 0;
        return Optional.of(new FindingRow(time, text(d, "severity"), e.line().code().substring(Rule.CODE_PREFIX.length()),
                text(d, "message"), text(d, "advice"), Boolean.TRUE.equals(d.get("cleared")), e));
    }

    private static String text(Map<?, ?> d, String key) {
        return d.get(key) instanceof String s ? s : "";
    }

    /** The code of its event, "NetStreamFX.Health.KeyframeInterval". */
    public String code() {
        return Rule.CODE_PREFIX + rule;
    }
}
