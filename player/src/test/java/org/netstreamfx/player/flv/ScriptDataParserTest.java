package org.netstreamfx.player.flv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.netstreamfx.player.flv.FlvBytes.hex;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.netstreamfx.player.amf.Amf0Writer;
import org.netstreamfx.player.amf.AmfLimits;
import org.netstreamfx.player.amf.AmfValue;
import org.netstreamfx.player.amf.AmfValue.AmfBoolean;
import org.netstreamfx.player.amf.AmfValue.AmfEcmaArray;
import org.netstreamfx.player.amf.AmfValue.AmfInteger;
import org.netstreamfx.player.amf.AmfValue.AmfNumber;
import org.netstreamfx.player.amf.AmfValue.AmfObject;
import org.netstreamfx.player.amf.AmfValue.AmfString;
import org.netstreamfx.player.wire.WireFormatException;

class ScriptDataParserTest {
    private final ScriptDataParser parser = new ScriptDataParser();

    /** onMetaData as FFmpeg writes it: duration 10, width 640, encoder "Lavf". */
    static final byte[] ON_META_DATA = hex("02000a6f6e4d65746144617461 08 00000003"
            + "0008 6475726174696f6e 00 4024000000000000"
            + "0005 7769647468 00 4084000000000000"
            + "0007 656e636f646572 02 0004 4c617666"
            + "000009");

    @Test
    void parsesOnMetaData() throws Exception {
        ScriptData data = parser.parse(ON_META_DATA);
        assertEquals("onMetaData", data.name());
        Map<String, AmfValue> expected = new LinkedHashMap<>();
        expected.put("duration", new AmfNumber(10));
        expected.put("width", new AmfNumber(640));
        expected.put("encoder", new AmfString("Lavf"));
        assertEquals(List.of(new AmfEcmaArray(expected)), data.args());
    }

    @Test
    void parsesOtherHandlers() throws Exception {
        ScriptData access = parser.parse(hex("020011 7c52746d7053616d706c65416363657373 0101 0101"));
        assertEquals(new ScriptData("|RtmpSampleAccess", List.of(AmfBoolean.TRUE, AmfBoolean.TRUE)), access);
        Map<String, AmfValue> cue = new LinkedHashMap<>();
        cue.put("name", new AmfString("chapter1"));
        cue.put("time", new AmfNumber(1.5));
        cue.put("type", new AmfString("navigation"));
        byte[] body = Amf0Writer.encode(new AmfString("onCuePoint"), new AmfObject(cue));
        assertEquals(new ScriptData("onCuePoint", List.of(new AmfObject(cue))), parser.parse(body));
        byte[] text = Amf0Writer.encode(new AmfString("onTextData"), new AmfObject(Map.of("text", new AmfString("hi"))));
        assertEquals("onTextData", parser.parse(text).name());
        assertEquals(new ScriptData("onFI", List.of()), parser.parse(hex("0200046f6e4649")));
    }

    @Test
    void parsesAmf3DataMessages() throws Exception {
        // Format byte 0, AMF0 name, then an AMF3 integer behind the avmplus switch.
        byte[] body = hex("00 0200056f6e466f6f 11 0405");
        ScriptData data = parser.parseAmf3DataMessage(body);
        assertEquals(new ScriptData("onFoo", List.of(new AmfInteger(5))), data);
        assertEquals(data, parser.parse(body, true));
        assertEquals("RTMP AMF3 data message format",
                assertThrows(WireFormatException.class, () -> parser.parseAmf3DataMessage(hex("03 0200"))).field());
        assertEquals("RTMP AMF3 data message format",
                assertThrows(WireFormatException.class, () -> parser.parseAmf3DataMessage(new byte[0])).field());
    }

    @Test
    void rejectsBadBodies() {
        assertEquals("FLV script data name", assertThrows(WireFormatException.class,
                () -> parser.parse(hex("003ff0000000000000"))).field());
        assertEquals("FLV script data name", assertThrows(WireFormatException.class,
                () -> parser.parse(new byte[0])).field());
        assertEquals("AMF0 type marker", assertThrows(WireFormatException.class,
                () -> parser.parse(hex("020001 61 13"))).field());
        ScriptDataParser strict = new ScriptDataParser(new AmfLimits(1, 1024, 1024, 1024));
        assertEquals("AMF nesting depth", assertThrows(WireFormatException.class,
                () -> strict.parse(hex("020001 61 0a00000001 0a00000000"))).field());
    }

    @Test
    void everyTruncationFails() {
        for (int cut = 0; cut < ON_META_DATA.length; cut++) {
            byte[] part = Arrays.copyOf(ON_META_DATA, cut);
            int at = cut;
            if (cut == 13) {
                continue; // the name alone is a complete message with no arguments
            }
            assertThrows(WireFormatException.class, () -> parser.parse(part), () -> "cut at " + at);
        }
    }
}
