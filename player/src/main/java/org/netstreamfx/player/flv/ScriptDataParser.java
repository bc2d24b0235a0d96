package org.netstreamfx.player.flv;

import java.nio.ByteBuffer;
import java.util.List;
import org.netstreamfx.player.amf.Amf0Reader;
import org.netstreamfx.player.amf.AmfGraph;
import org.netstreamfx.player.amf.AmfLimits;
import org.netstreamfx.player.amf.AmfValue;
import org.netstreamfx.player.wire.WireFormatException;

/**
 * Parses script data (FLV/F4V spec v10.1, annex E.4.4.1: SCRIPTDATA is an AMF0 string name
 * followed by AMF0 values) from FLV script tags and RTMP data messages.
 *
 * <p>RTMP type 15 data messages ("AMF3 data") start with one format byte, 0 for AMF0, before the
 * same AMF0 content, which may switch to AMF3 per value with the avmplus-object-marker;
 * {@link #parseAmf3DataMessage(byte[])} reads that form.
 */
public final class ScriptDataParser {
    private final AmfLimits limits;

    public ScriptDataParser() {
        this(AmfLimits.DEFAULT);
    }

    public ScriptDataParser(AmfLimits limits) {
        this.limits = limits;
    }

    /** Parses an FLV script tag body or RTMP type 18 data message. */
    public ScriptData parse(byte[] body) throws WireFormatException {
        return parse(ByteBuffer.wrap(body));
    }

    /** Parses an RTMP type 15 data message: a 0x00 format byte, then the AMF0 content. */
    public ScriptData parseAmf3DataMessage(byte[] body) throws WireFormatException {
        if (body.length == 0) {
            throw WireFormatException.truncated("RTMP AMF3 data message format", 1, 0);
        }
        if (body[0] != 0) {
            throw WireFormatException.outOfRange("RTMP AMF3 data message format", body[0] & 0xFF,
                    "must be 0 (AMF0 content follows)");
        }
        return parse(ByteBuffer.wrap(body, 1, body.length - 1));
    }

    /** Parses the body as a name and arguments, per its {@code amf3DataMessage} form. */
    public ScriptData parse(byte[] body, boolean amf3DataMessage) throws WireFormatException {
        return amf3DataMessage ? parseAmf3DataMessage(body) : parse(body);
    }

    private ScriptData parse(ByteBuffer buffer) throws WireFormatException {
        Amf0Reader reader = new Amf0Reader(buffer, limits);
        if (!reader.hasRemaining()) {
            throw WireFormatException.truncated("FLV script data name", 1, 0);
        }
        AmfValue name = reader.read();
        if (!(name instanceof AmfValue.AmfString s)) {
            throw new WireFormatException("FLV script data name",
                    "FLV script data name must be an AMF string, not " + name.getClass().getSimpleName());
        }
        List<AmfValue> args = reader.readAll();
        AmfGraph.checkConvertible(args);
        return new ScriptData(s.value(), args);
    }
}
