package org.netstreamfx.app.ui.tester;

/**
 * An event marked on the buffer chart: Buffer.Empty, Buffer.Full, Buffer.Flush or a seek.
 *
 * @param t     seconds since the session started
 * @param code  the NetStatus code, e.g. {@code NetStream.Buffer.Empty}
 */
public record ChartMark(double t, String code) {
    /** The code without its {@code NetStream.} prefix: "Buffer.Empty", "Seek.Notify". */
    public String label() {
        return code.startsWith("NetStream.") ? code.substring("NetStream.".length()) : code;
    }
}
