package org.netstreamfx.player.flv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.netstreamfx.player.flv.FlvBytes.hex;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netstreamfx.player.wire.WireFormatException;

class FlvTagReaderTest {
    @TempDir
    Path dir;

    static final byte[] META = hex("02000a6f6e4d65746144617461 08 00000001 0008647572 6174696f6e 00 4024000000000000 000009");
    static final byte[] AUDIO = hex("af00 1210");
    static final byte[] VIDEO = hex("17 00 000000 0164001fffe1 0004 6764001f 01 0004 68ebe3cb");

    static byte[] sample() {
        return FlvBytes.file()
                .tag(18, 0, META)
                .tag(8, 0, AUDIO)
                .tag(9, 0x01000005, VIDEO)
                .tag(8, 23, new byte[0])
                .bytes();
    }

    static List<FlvTag> readAll(FlvTagReader reader) throws IOException {
        List<FlvTag> tags = new ArrayList<>();
        for (Optional<FlvTag> t = reader.next(); t.isPresent(); t = reader.next()) {
            tags.add(t.get());
        }
        return tags;
    }

    FileChannel channel(byte[] data) throws IOException {
        Path file = Files.createTempFile(dir, "t", ".flv");
        Files.write(file, data);
        return FileChannel.open(file, StandardOpenOption.READ);
    }

    @Test
    void readsHeaderAndTagsFromAStream() throws Exception {
        try (FlvTagReader reader = FlvTagReader.open(new ByteArrayInputStream(sample()))) {
            assertEquals(new FlvHeader(1, true, true, 9), reader.header());
            List<FlvTag> tags = readAll(reader);
            assertEquals(4, tags.size());
            assertEquals(new FlvTag(FlvTagType.SCRIPT_DATA, 0, META, 13), tags.get(0));
            assertEquals(FlvTagType.AUDIO, tags.get(1).type());
            assertArrayEquals(AUDIO, tags.get(1).body());
            assertEquals(13 + 11 + META.length + 4, tags.get(1).filePosition());
            assertEquals(0x01000005, tags.get(2).timestampMs(), "TimestampExtended is the upper byte");
            assertEquals(23, tags.get(3).timestampMs());
            assertEquals(0, tags.get(3).size());
            assertThrows(UnsupportedOperationException.class, () -> reader.position(13));
        }
    }

    @Test
    void readsAndSeeksThroughAChannel() throws Exception {
        byte[] data = sample();
        try (FlvTagReader reader = FlvTagReader.open(channel(data))) {
            List<FlvTag> tags = readAll(reader);
            assertEquals(4, tags.size());
            assertEquals(data.length, reader.position());
            reader.position(tags.get(2).filePosition());
            assertEquals(tags.get(2), reader.next().orElseThrow());
            assertEquals(tags.get(3), reader.next().orElseThrow());
            assertFalse(reader.next().isPresent());
            assertThrows(IllegalArgumentException.class, () -> reader.position(5));
        }
    }

    @Test
    void headerDataOffsetIsHonoured() throws Exception {
        byte[] data = new FlvBytes().raw(hex("464c5601 01 0000000c aabbcc 00000000")).tag(9, 1, hex("2700")).bytes();
        try (FlvTagReader reader = FlvTagReader.open(new ByteArrayInputStream(data))) {
            assertEquals(new FlvHeader(1, false, true, 12), reader.header());
            assertEquals(16, reader.next().orElseThrow().filePosition());
        }
    }

    @Test
    void tagDataSizePastTheEndOfTheFileFails() throws Exception {
        byte[] data = new FlvBytes().raw(hex("464c5601 05 00000009 00000000"))
                .raw(hex("09 000064 000000 00 000000 0102030405")).bytes();
        try (FlvTagReader reader = FlvTagReader.open(channel(data))) {
            WireFormatException e = assertThrows(WireFormatException.class, reader::next);
            assertEquals("FLV tag DataSize", e.field());
            assertEquals("FLV tag data size is 100 but only 5 bytes remain in the file", e.getMessage());
        }
        try (FlvTagReader reader = FlvTagReader.open(new ByteArrayInputStream(data))) {
            WireFormatException e = assertThrows(WireFormatException.class, reader::next);
            assertEquals("FLV tag data", e.field());
        }
    }

    @Test
    void tagDataSizeOverTheLimitFails() throws Exception {
        try (FlvTagReader reader = FlvTagReader.open(new ByteArrayInputStream(sample()), 10)) {
            WireFormatException e = assertThrows(WireFormatException.class, reader::next);
            assertEquals("FLV tag DataSize is " + META.length + ", over the limit of 10", e.getMessage());
        }
    }

    @Test
    void everyTruncationFailsUnlessItFallsBetweenTags() throws Exception {
        byte[] full = sample();
        Set<Integer> boundaries = new HashSet<>();
        try (FlvTagReader reader = FlvTagReader.open(new ByteArrayInputStream(full))) {
            boundaries.add((int) reader.position());
            while (reader.next().isPresent()) {
                boundaries.add((int) reader.position());
            }
        }
        for (int cut = 0; cut < full.length; cut++) {
            byte[] part = Arrays.copyOf(full, cut);
            for (boolean viaChannel : new boolean[] {false, true}) {
                FlvTagReader reader;
                try {
                    reader = viaChannel ? FlvTagReader.open(channel(part))
                            : FlvTagReader.open(new ByteArrayInputStream(part));
                } catch (WireFormatException e) {
                    assertTrue(cut < 13, "header fails only when cut inside it, cut at " + cut);
                    continue;
                }
                try (reader) {
                    if (boundaries.contains(cut)) {
                        readAll(reader);
                    } else {
                        int at = cut;
                        assertThrows(WireFormatException.class, () -> readAll(reader), () -> "cut at " + at);
                    }
                }
            }
        }
    }

    @Test
    void badHeadersFail() {
        assertEquals("FLV Signature", openFails(hex("464c5801 05 00000009 00000000")).field());
        assertEquals("FLV Version", openFails(hex("464c5602 05 00000009 00000000")).field());
        assertEquals("FLV DataOffset", openFails(hex("464c5601 05 00000008 00000000")).field());
        assertEquals("FLV DataOffset", openFails(hex("464c5601 05 7fffffff 00000000")).field());
        assertEquals("FLV PreviousTagSize0", openFails(hex("464c5601 05 00000009 00000001")).field());
        assertEquals("FLV header", openFails(hex("464c56")).field());
    }

    @Test
    void badTagsFail() throws Exception {
        assertEquals("FLV PreviousTagSize", nextFails(FlvBytes.file()
                .raw(hex("08 000001 000000 00 000000 af 00000011")).bytes()).field());
        assertEquals("FLV TagType", nextFails(FlvBytes.file().tag(7, 0, new byte[1]).bytes()).field());
        assertEquals("FLV tag Filter", nextFails(FlvBytes.file().tag(0x28, 0, new byte[1]).bytes()).field());
    }

    static WireFormatException openFails(byte[] data) {
        return assertThrows(WireFormatException.class, () -> FlvTagReader.open(new ByteArrayInputStream(data)));
    }

    static WireFormatException nextFails(byte[] data) throws IOException {
        try (FlvTagReader reader = FlvTagReader.open(new ByteArrayInputStream(data))) {
            return assertThrows(WireFormatException.class, reader::next);
        }
    }
}
