package org.netstreamfx.player.rtmp.client;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.netstreamfx.player.amf.Amf0Reader;
import org.netstreamfx.player.amf.Amf0Writer;
import org.netstreamfx.player.amf.Amf3Writer;
import org.netstreamfx.player.amf.AmfGraph;
import org.netstreamfx.player.amf.AmfLimits;
import org.netstreamfx.player.amf.AmfValue;
import org.netstreamfx.player.amf.AmfValue.AmfBoolean;
import org.netstreamfx.player.amf.AmfValue.AmfNull;
import org.netstreamfx.player.amf.AmfValue.AmfNumber;
import org.netstreamfx.player.amf.AmfValue.AmfString;
import org.netstreamfx.player.amf.AmfValue.AmfUndefined;
import org.netstreamfx.player.rtmp.message.MessageType;
import org.netstreamfx.player.rtmp.message.RtmpMessage;
import org.netstreamfx.player.wire.WireFormatException;

/**
 * Encodes and decodes command messages (Adobe RTMP specification 1.0, section 7.1.1).
 *
 * <pre>
 * type 20 (AMF0): name:string  transactionId:number  commandObject  arg*
 * type 17 (AMF3): 0x00  then the same, each complex value after an avmplus-object-marker (0x11)
 * </pre>
 *
 * <p>With object encoding 3 we send type 17 and write strings, numbers, booleans and null in AMF0
 * (as servers that only half-read AMF3 expect) and every object or array as AMF3 behind 0x11,
 * each with fresh AMF3 reference tables (AMF0 spec 3.1). Decoding reads the AMF0 stream, which
 * switches to AMF3 wherever it meets 0x11.
 */
public final class CommandCodec {
    /** Object encoding 0: AMF0 commands. */
    public static final int AMF0 = 0;
    /** Object encoding 3: AMF3 commands. */
    public static final int AMF3 = 3;

    private final AmfLimits limits;

    public CommandCodec(AmfLimits limits) {
        this.limits = limits;
    }

    /** Encodes a command as a message on the given chunk and message stream. */
    public static RtmpMessage encode(Command c, int objectEncoding, int chunkStreamId, int messageStreamId) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MessageType type;
        if (objectEncoding == AMF3) {
            type = MessageType.COMMAND_AMF3;
            out.write(0);
            out.writeBytes(Amf0Writer.encode(new AmfString(c.name()), new AmfNumber(c.transactionId())));
            writeAmf3Value(out, c.commandObject());
            for (AmfValue a : c.args()) {
                writeAmf3Value(out, a);
            }
        } else {
            type = MessageType.COMMAND_AMF0;
            Amf0Writer w = new Amf0Writer();
            w.write(new AmfString(c.name())).write(new AmfNumber(c.transactionId())).write(c.commandObject());
            for (AmfValue a : c.args()) {
                w.write(a);
            }
            out.writeBytes(w.toByteArray());
        }
        return RtmpMessage.of(chunkStreamId, type, 0, messageStreamId, out.toByteArray());
    }

    private static void writeAmf3Value(ByteArrayOutputStream out, AmfValue v) {
        if (v instanceof AmfString || v instanceof AmfNumber || v instanceof AmfBoolean || v instanceof AmfNull
                || v instanceof AmfUndefined) {
            out.writeBytes(Amf0Writer.encode(v));
        } else {
            out.write(0x11);
            out.writeBytes(Amf3Writer.encode(v));
        }
    }

    /**
     * Decodes a type 17 or 20 message. The name must be a string and the transaction id a number;
     * any other value may be of any type.
     *
     * @throws WireFormatException naming the field, its limit and value, when the body is malformed
     */
    public Command decode(RtmpMessage m) throws WireFormatException {
        return decode(m, false);
    }

    /**
     * Reads only the name and transaction id, for answering a command whose arguments are
     * malformed: null when even those cannot be read.
     */
    public Command decodeHead(RtmpMessage m) {
        try {
            return decode(m, true);
        } catch (WireFormatException e) {
            return null;
        }
    }

    private Command decode(RtmpMessage m, boolean headOnly) throws WireFormatException {
        byte[] b = m.payload();
        int start = 0;
        if (m.type() == MessageType.COMMAND_AMF3) {
            if (b.length == 0) {
                throw WireFormatException.truncated("RTMP AMF3 command format byte", 1, 0);
            }
            if (b[0] != 0) {
                throw WireFormatException.outOfRange("RTMP AMF3 command format byte", b[0] & 0xFF,
                        "must be 0 (AMF0 content follows, RTMP 7.1.1)");
            }
            start = 1;
        } else if (m.type() != MessageType.COMMAND_AMF0) {
            throw new IllegalArgumentException("not a command message: " + m.type());
        }
        Amf0Reader r = new Amf0Reader(ByteBuffer.wrap(b, start, b.length - start), limits);
        if (!r.hasRemaining()) {
            throw WireFormatException.truncated("RTMP command name", 1, 0);
        }
        AmfValue name = r.read();
        if (!(name instanceof AmfString s)) {
            throw new WireFormatException("RTMP command name", "RTMP command name must be an AMF string, not "
                    + name.getClass().getSimpleName() + " (RTMP 7.1.1)");
        }
        if (!r.hasRemaining()) {
            return new Command(s.value(), 0, AmfNull.INSTANCE, List.of());
        }
        AmfValue tid = r.read();
        if (!(tid instanceof AmfNumber n) || !Double.isFinite(n.value())) {
            throw new WireFormatException("RTMP command transaction id", "RTMP command transaction id of "
                    + s.value() + " must be a finite AMF number, not " + tid + " (RTMP 7.1.1)");
        }
        if (headOnly || !r.hasRemaining()) {
            return new Command(s.value(), n.value(), AmfNull.INSTANCE, List.of());
        }
        AmfValue commandObject = r.read();
        List<AmfValue> args = new ArrayList<>();
        while (r.hasRemaining()) {
            if (args.size() >= limits.maxElementCount()) {
                throw WireFormatException.overLimit("RTMP command argument count", args.size() + 1L,
                        limits.maxElementCount());
            }
            args.add(r.read());
        }
        List<AmfValue> values = new ArrayList<>(args.size() + 1);
        values.add(commandObject);
        values.addAll(args);
        AmfGraph.checkConvertible(values);
        return new Command(s.value(), n.value(), commandObject, args);
    }
}
