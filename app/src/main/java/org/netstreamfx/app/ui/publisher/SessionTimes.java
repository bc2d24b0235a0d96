package org.netstreamfx.app.ui.publisher;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When the session went on air and when the next reconnect is due, from the engine's events, and
 * the figures they give now (time on air, reconnect countdown). Used on the FX thread only.
 */
final class SessionTimes {
    private static final Pattern RECONNECT_DELAY = Pattern.compile(" in (\\d+) ms");

    private long liveSinceNanos;
    private long reconnectAtNanos;

    /** NetStream.Publish.Start: on air from now, unless already (a republish after a reconnect). */
    void onAir() {
        if (liveSinceNanos == 0) {
            liveSinceNanos = System.nanoTime();
        }
        reconnectAtNanos = 0;
    }

    /** NetStreamFX.Connect.Reconnecting: its description says "… in N ms". */
    void reconnecting(String description) {
        Matcher m = RECONNECT_DELAY.matcher(description);
        reconnectAtNanos = System.nanoTime() + (m.find() ? Long.parseLong(m.group(1)) * 1_000_000L : 0);
    }

    void reconnected() {
        reconnectAtNanos = 0;
    }

    /** The session ended. */
    void reset() {
        reconnectAtNanos = 0;
        liveSinceNanos = 0;
    }

    /** Time on air and the reconnect countdown (-1 unless {@code reconnecting}), now. */
    void show(PublishFigures figures, boolean reconnecting) {
        long now = System.nanoTime();
        figures.session(liveSinceNanos == 0 ? 0 : (now - liveSinceNanos) / 1e9,
                reconnecting ? Math.max(0, reconnectAtNanos - now) : -1);
    }
}
