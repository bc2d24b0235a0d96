package org.netstreamfx.app.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import org.netstreamfx.app.session.EventLine;
import org.netstreamfx.app.session.EventLines;
import org.netstreamfx.player.net.NetStatusEvent;
import org.netstreamfx.player.net.RtmpControlEvent;

/**
 * Prints the session as JSON lines (or text): status events, client callbacks and stats. The
 * lines are built by {@link EventLine} and rendered by {@link EventLines}, the same code the
 * desktop app's session export uses, so {@code nsfx play --events jsonl} and an exported session
 * have one shape. URLs in the lines have their passwords and query values masked.
 *
 * <p>Thread ownership: called on the connection's callback thread only.
 */
public final class EventPrinter {
    private final EventLines lines = new EventLines();
    private final PrintStream out;
    private final EventFormat format;
    private final long startNanos;

    public EventPrinter(PrintStream out, EventFormat format, long startNanos) {
        this.out = out;
        this.format = format;
        this.startNanos = startNanos;
        lines.json(Map.of("warm", List.of(1.0, "up"))); // first use of Jackson is slow: not while events flow
    }

    public double secondsSinceStart(long nanos) {
        return EventLines.seconds(nanos, startNanos);
    }

    public void status(NetStatusEvent e) {
        print(EventLine.status(secondsSinceStart(e.monotonicNanos()), e));
    }

    public void callback(String type, Object data, long nanos) {
        print(EventLine.callback(secondsSinceStart(nanos), type, data));
    }

    public void stats(Map<String, Object> fields, long nanos) {
        print(EventLine.stats(secondsSinceStart(nanos), fields));
    }

    /** A raw RTMP control message, sent or received. */
    public void control(RtmpControlEvent e) {
        print(EventLine.control(secondsSinceStart(e.nanoTime()), e.name(), EventLine.controlData(e)));
    }

    /** Any other object, printed as one line (used by probe). */
    public void object(Object o) {
        out.println(lines.json(plain(o)));
        out.flush();
    }

    private void print(EventLine line) {
        out.println(format == EventFormat.text ? lines.text(line) : lines.json(line));
        out.flush();
    }

    /** Values as JSON sees them: NaN and infinities become null, dates ISO strings. */
    static Object plain(Object v) {
        return EventLines.plain(v);
    }
}
