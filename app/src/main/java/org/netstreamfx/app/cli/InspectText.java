package org.netstreamfx.app.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import org.netstreamfx.player.health.Finding;
import org.netstreamfx.player.health.HealthReport;

/**
 * {@code nsfx inspect}'s human report: a table per track (its figures, one a line), the
 * stream-wide timing, the delivery (stalls, time to first frame, live latency, reconnects; "-"
 * when the stream was read without playing), then each finding with its stream time, severity, what is wrong and what to
 * change, and the verdict.
 */
final class InspectText {
    /** The width of a figure's name in the tables. */
    private static final int NAME_WIDTH = 22;

    private InspectText() {
    }

    static void print(PrintStream out, String shownAddress, HealthReport r) {
        out.printf(Locale.ROOT, "%s: profile %s, %.1f s of stream inspected%n", shownAddress, r.profile(),
                r.coveredS());
        for (Map<String, Object> t : r.tracks()) {
            out.println();
            out.printf(Locale.ROOT, "track %s %s%n", t.get("track"), t.get("kind"));
            table(out, t);
        }
        out.println();
        out.println("timing");
        table(out, r.timing());
        out.println();
        out.println("delivery");
        table(out, r.delivery());
        out.println();
        if (r.findings().isEmpty()) {
            out.println("findings: none");
        } else {
            out.println("findings");
            for (Finding f : r.findings()) {
                out.printf(Locale.ROOT, "  %8.1f s  %-8s %s: %s%n", f.atUs() / 1e6,
                        f.cleared() ? "cleared" : f.severity().wireName(), f.rule().ruleName(),
                        f.cleared() ? f.message() + " is gone" : f.message()
                                + (f.advice().isEmpty() ? "" : ": " + f.advice()));
            }
        }
        out.println();
        out.println(r.hasError() ? "verdict: error-level findings (exit 1)" : "verdict: no error-level finding");
    }

    private static void table(PrintStream out, Map<String, Object> figures) {
        figures.forEach((k, v) -> {
            if (!k.equals("track") && !k.equals("kind")) {
                out.printf(Locale.ROOT, "  %-" + NAME_WIDTH + "s %s%n", k, v == null ? "-" : v);
            }
        });
    }
}
