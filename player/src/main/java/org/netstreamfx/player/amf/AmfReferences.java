package org.netstreamfx.player.amf;

import java.util.List;
import java.util.function.IntFunction;
import org.netstreamfx.player.wire.WireFormatException;

/**
 * Resolves a reference index against a reader's table (AMF0 spec 2.9, AMF3 spec 2.2): an index
 * past the end, or at an entry still being read (a null slot: cyclic references are not
 * supported), is refused as malformed input. Shared by the AMF0 and AMF3 readers, whose tables
 * are checked the same way.
 */
final class AmfReferences {
    private AmfReferences() {
    }

    /**
     * The entry {@code index} of {@code table}.
     *
     * @param field the reference field, named in the error
     * @param tableSize what the table holds, given its size: the error's explanation of a too-large index
     */
    static <T> T resolve(List<T> table, String field, int index, IntFunction<String> tableSize)
            throws WireFormatException {
        if (index >= table.size()) {
            throw WireFormatException.outOfRange(field, index, tableSize.apply(table.size()));
        }
        T value = table.get(index);
        if (value == null) {
            throw WireFormatException.outOfRange(field, index,
                    "which points at an object still being read (cyclic references are not supported)");
        }
        return value;
    }
}
