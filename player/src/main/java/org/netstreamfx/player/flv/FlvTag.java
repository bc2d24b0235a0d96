package org.netstreamfx.player.flv;

import java.util.Arrays;
import java.util.Objects;

/**
 * One tag of an FLV file (FLV/F4V spec v10.1, annex E.4.1).
 *
 * @param timestampMs the tag's SI32 timestamp in milliseconds
 * @param body the tag body (AUDIODATA, VIDEODATA or SCRIPTDATA), copied in and out
 * @param filePosition file offset of the tag header, usable with {@link FlvTagReader#position(long)}
 */
public record FlvTag(FlvTagType type, int timestampMs, byte[] body, long filePosition) {
    public FlvTag {
        Objects.requireNonNull(type, "type");
        body = body.clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    /** Body length, without copying. */
    public int size() {
        return body.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FlvTag t && type == t.type && timestampMs == t.timestampMs
                && filePosition == t.filePosition && Arrays.equals(body, t.body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, timestampMs, filePosition, Arrays.hashCode(body));
    }

    @Override
    public String toString() {
        return "FlvTag[" + type + " @" + timestampMs + "ms, " + body.length + " bytes at " + filePosition + "]";
    }
}
