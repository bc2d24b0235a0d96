package org.netstreamfx.player.wire;

import java.io.IOException;

/**
 * Data from a file or a socket broke a rule of its format or one of our limits.
 *
 * <p>Every length, count, depth or value read from outside is checked against a named limit
 * before it is used; a violation throws this exception, which names the field, the limit and the
 * value so that the NetStatus error event built from it tells the user exactly what was wrong.
 */
public class WireFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    private final String field;

    /** A value outside its allowed range: "{field} is {value}, {rule}". */
    public static WireFormatException outOfRange(String field, long value, String rule) {
        return new WireFormatException(field, field + " is " + value + ", " + rule);
    }

    /** A value above its limit: "{field} is {value}, over the limit of {limit}". */
    public static WireFormatException overLimit(String field, long value, long limit) {
        return new WireFormatException(field, field + " is " + value + ", over the limit of " + limit);
    }

    /** Data that ended before a field was complete. */
    public static WireFormatException truncated(String field, long needed, long available) {
        return new WireFormatException(field,
                field + " needs " + needed + " bytes but only " + available + " remain");
    }

    public WireFormatException(String field, String message) {
        super(message);
        this.field = field;
    }

    public WireFormatException(String field, String message, Throwable cause) {
        super(message, cause);
        this.field = field;
    }

    /** The name of the field that was wrong, as the format's specification names it. */
    public String field() {
        return field;
    }
}
