package org.netstreamfx.player.rtmp.client;

import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.netstreamfx.player.amf.AmfValue;
import org.netstreamfx.player.amf.AmfValues;
import org.netstreamfx.player.wire.WireFormatException;

/**
 * An RTMP command message (Adobe RTMP specification 1.0, section 7.1.1 and 7.2): command name,
 * transaction id, command object (often null) and optional arguments.
 *
 * <p>A command read by {@link CommandCodec#decode} has passed
 * {@link org.netstreamfx.player.amf.AmfGraph#checkConvertible} over all its values, so
 * {@link #payloadMap()} and {@link #javaArgs()} stay within
 * {@link org.netstreamfx.player.amf.AmfLimits#MAX_CONVERTED_NODES}; for a command built in code
 * that does not, they throw {@link UncheckedIOException} around the {@link WireFormatException}.
 *
 * @param name the command or method name, e.g. "connect", "_result", "onStatus"
 * @param transactionId the transaction id; 0 when no answer is expected
 * @param commandObject the command object, {@link AmfValue.AmfNull} when absent
 * @param args the optional arguments after the command object
 */
public record Command(String name, double transactionId, AmfValue commandObject, List<AmfValue> args) {
    public Command {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(commandObject, "commandObject");
        args = List.copyOf(args);
    }

    /**
     * The value an answer or a status carries: the first argument, or the command object when
     * there is none (servers differ in where they put it).
     */
    public AmfValue payload() {
        return args.isEmpty() ? commandObject : args.get(0);
    }

    /** {@link #payload()} as a plain Java map, or an empty map when it is not an object. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> payloadMap() {
        Object v = toJava(payload());
        return v instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    /** The arguments as plain Java values. */
    public List<Object> javaArgs() {
        return args.stream().map(Command::toJava).collect(java.util.stream.Collectors.toList());
    }

    static Object toJava(AmfValue v) {
        try {
            return AmfValues.toJava(v);
        } catch (WireFormatException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The transaction id as an int, or -1 when it is not an integer in 1..2^31-1. */
    public int transactionIdAsInt() {
        double t = transactionId;
        return t >= 1 && t <= Integer.MAX_VALUE && t == Math.rint(t) ? (int) t : -1;
    }
}
