package org.netstreamfx.player.sharedobject;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.netstreamfx.player.amf.Amf0Reader;
import org.netstreamfx.player.amf.Amf0Writer;
import org.netstreamfx.player.amf.AmfGraph;
import org.netstreamfx.player.amf.AmfLimits;
import org.netstreamfx.player.amf.AmfValue;
import org.netstreamfx.player.amf.AmfValue.AmfEcmaArray;
import org.netstreamfx.player.amf.AmfValue.AmfString;
import org.netstreamfx.player.amf.AmfValues;
import org.netstreamfx.player.wire.WireFormatException;

/**
 * The file of a local {@link SharedObject} ({@code name.sol}): a fixed header, then an AMF0 body
 * (Adobe "Action Message Format -- AMF 0", sections 2.4 string and 2.10 ECMA array).
 *
 * <pre>
 *  offset  size  field
 *  0       4     magic "NSSO"
 *  4       1     format version, 1
 *  5       1     flags: bit 0 = secure (getLocal's third argument); bits 1-7 are 0
 *  6       4     body length in bytes, unsigned big-endian; must equal file size - 10
 *  10      n     AMF0 body: string-marker name (must equal the object's name),
 *                then ecma-array-marker data (one entry per key of data())
 * </pre>
 *
 * A file is at most {@link SharedObject#MAX_FILE_BYTES}; nesting is bounded by
 * {@link AmfLimits#DEFAULT}'s depth when written and read. Values read back are plain Java values
 * ({@link AmfValues#toJava}): numbers as {@code Double}, dates as {@code Instant} (millisecond
 * precision), objects and ECMA arrays as ordered {@code Map}s, strict arrays as {@code List}s.
 */
final class SharedObjectFile {
    static final int HEADER_BYTES = 10;
    static final byte[] MAGIC = "NSSO".getBytes(StandardCharsets.US_ASCII);
    static final int VERSION = 1;
    static final int FLAG_SECURE = 0x01;

    private static final AmfLimits READ_LIMITS = new AmfLimits(AmfLimits.DEFAULT.maxDepth(),
            SharedObject.MAX_FILE_BYTES, SharedObject.MAX_FILE_BYTES, SharedObject.MAX_FILE_BYTES);

    /** What a valid file holds. */
    record Contents(boolean secure, Map<String, Object> data) {
    }

    private SharedObjectFile() {
    }

    /**
     * The file's bytes for these data. Throws {@link IllegalArgumentException} naming the key when
     * a value has no AMF form, is nested too deeply, or the result is over the size limit.
     */
    static byte[] encode(String name, boolean secure, Map<String, Object> data) {
        Map<String, AmfValue> entries = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : data.entrySet()) {
            try {
                entries.put(e.getKey(), AmfValues.of(e.getValue()));
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException("data key '" + e.getKey() + "': " + ex.getMessage(), ex);
            }
        }
        byte[] body = Amf0Writer.encode(new AmfString(name), new AmfEcmaArray(entries));
        long total = (long) HEADER_BYTES + body.length;
        if (total > SharedObject.MAX_FILE_BYTES) {
            throw new IllegalArgumentException("the shared object would be " + total
                    + " bytes, over the limit of " + SharedObject.MAX_FILE_BYTES);
        }
        ByteBuffer out = ByteBuffer.allocate((int) total);
        out.put(MAGIC).put((byte) VERSION).put((byte) (secure ? FLAG_SECURE : 0)).putInt(body.length).put(body);
        return out.array();
    }

    /** Reads a file's contents, checking every field; {@code expectedName} is the object's name. */
    static Contents decode(String expectedName, byte[] file) throws WireFormatException {
        if (file.length < HEADER_BYTES) {
            throw WireFormatException.truncated("shared object header", HEADER_BYTES, file.length);
        }
        if (!Arrays.equals(Arrays.copyOf(file, MAGIC.length), MAGIC)) {
            throw new WireFormatException("shared object magic",
                    "shared object magic is not \"NSSO\": not a NetStreamFX shared object file");
        }
        ByteBuffer in = ByteBuffer.wrap(file);
        in.position(MAGIC.length);
        int version = in.get() & 0xFF;
        if (version != VERSION) {
            throw WireFormatException.outOfRange("shared object format version", version, "only version 1 is known");
        }
        int flags = in.get() & 0xFF;
        if ((flags & ~FLAG_SECURE) != 0) {
            throw WireFormatException.outOfRange("shared object flags", flags, "only bit 0 (secure) may be set");
        }
        long bodyLength = in.getInt() & 0xFFFF_FFFFL;
        if (bodyLength != file.length - HEADER_BYTES) {
            throw WireFormatException.outOfRange("shared object body length", bodyLength,
                    "but the file holds " + (file.length - HEADER_BYTES) + " body bytes");
        }
        Amf0Reader reader = new Amf0Reader(in.slice(), READ_LIMITS);
        AmfValue name = reader.read();
        if (!(name instanceof AmfString s) || !s.value().equals(expectedName)) {
            throw new WireFormatException("shared object name",
                    "shared object name is " + describe(name) + ", expected \"" + expectedName + "\"");
        }
        AmfValue body = reader.read();
        if (!(body instanceof AmfEcmaArray array)) {
            throw new WireFormatException("shared object data",
                    "shared object data is " + describe(body) + ", expected an AMF0 ECMA array");
        }
        if (reader.hasRemaining()) {
            throw new WireFormatException("shared object body", "shared object body has bytes after its data");
        }
        AmfGraph.checkConvertible(array.entries().values());
        Map<String, Object> data = new LinkedHashMap<>();
        for (Map.Entry<String, AmfValue> e : array.entries().entrySet()) {
            data.put(e.getKey(), AmfValues.toJava(e.getValue()));
        }
        return new Contents((flags & FLAG_SECURE) != 0, data);
    }

    private static String describe(AmfValue v) {
        return v instanceof AmfString s ? "\"" + s.value() + "\"" : "a " + v.getClass().getSimpleName();
    }

    /** The file's bytes, refusing files over the size limit before reading them whole. */
    static byte[] readCapped(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(SharedObject.MAX_FILE_BYTES + 1);
            if (bytes.length > SharedObject.MAX_FILE_BYTES) {
                throw WireFormatException.overLimit("shared object file size", Files.size(file),
                        SharedObject.MAX_FILE_BYTES);
            }
            return bytes;
        }
    }

    /**
     * Writes the file atomically: the bytes go to a temporary file in the same folder, are forced
     * to disk, and the temporary file is moved over the target (an atomic move where the file
     * system has one). Readers see the old file or the new one, never a part.
     */
    static void writeAtomically(Path file, byte[] bytes) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path temp = Files.createTempFile(folder, file.getFileName().toString() + ".", ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
                 OutputStream out = java.nio.channels.Channels.newOutputStream(ch)) {
                out.write(bytes);
                out.flush();
                ch.force(true);
            }
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Keeps a bad file as {@code name.sol.bad} (replacing an older backup); returns the backup. */
    static Path backUp(Path file) throws IOException {
        Path backup = file.resolveSibling(file.getFileName() + ".bad");
        Files.move(file, backup, StandardCopyOption.REPLACE_EXISTING);
        return backup;
    }
}
