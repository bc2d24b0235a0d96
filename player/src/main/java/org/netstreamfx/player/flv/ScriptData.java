package org.netstreamfx.player.flv;

import java.util.List;
import java.util.Objects;
import org.netstreamfx.player.amf.AmfValue;

/**
 * A script data message: a handler name such as "onMetaData", "onCuePoint", "onTextData" or
 * "|RtmpSampleAccess", and its AMF arguments (FLV/F4V spec v10.1, annex E.4.4).
 */
public record ScriptData(String name, List<AmfValue> args) {
    public ScriptData {
        Objects.requireNonNull(name, "name");
        args = List.copyOf(args);
    }
}
