package org.netstreamfx.app.ui.tester;

import org.netstreamfx.player.health.Rule;

/**
 * An event marked on a chart's timeline: Buffer.Empty, Buffer.Full, Buffer.Flush or a seek on the
 * buffer chart, a health finding on the Health chart.
 *
 * @param t     seconds on the chart's timeline (since the session started; stream time for findings)
 * @param code  the NetStatus code, e.g. {@code NetStream.Buffer.Empty}
 */
public record ChartMark(double t, String code) {
    private static final String NETSTREAM = "NetStream.";

    /**
     * The code without its {@code NetStream.} or {@code NetStreamFX.Health.} prefix:
     * "Buffer.Empty", "Seek.Notify", "KeyframeInterval".
     */
    public String label() {
        if (code.startsWith(NETSTREAM)) {
            return code.substring(NETSTREAM.length());
        }
        return code.startsWith(Rule.CODE_PREFIX) ? code.substring(Rule.CODE_PREFIX.length()) : code;
    }
}
