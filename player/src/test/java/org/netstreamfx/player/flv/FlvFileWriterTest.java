package org.netstreamfx.player.flv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.netstreamfx.player.flv.FlvBytes.hex;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The FLV writer against the reference bytes of the reader's tests (annex E.2, E.3, E.4.1). */
class FlvFileWriterTest {
    @TempDir
    Path dir;

    @Test
    void writesTheSameBytesAsTheReferenceFileAndTheReaderReadsThem() throws Exception {
        Path file = dir.resolve("w.flv");
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            FlvFileWriter w = new FlvFileWriter(ch);
            w.writeHeader(true, true);
            assertEquals(13, w.writeTag(FlvTagType.SCRIPT_DATA, 0, new byte[0], FlvTagReaderTest.META));
            w.writeTag(FlvTagType.AUDIO, 0, hex("af00"), hex("1210"));
            w.writeTag(FlvTagType.VIDEO, 0x01000005, FlvTagReaderTest.VIDEO, new byte[0]);
            w.writeTag(FlvTagType.AUDIO, 23, new byte[0], new byte[0]);
            assertEquals(FlvTagReaderTest.sample().length, w.bytesWritten());
        }
        assertArrayEquals(FlvTagReaderTest.sample(), Files.readAllBytes(file));
        try (FlvTagReader r = FlvTagReader.open(FileChannel.open(file))) {
            assertEquals(List.of(0, 0, 0x01000005, 23), java.util.stream.Stream.generate(() -> {
                try {
                    return r.next();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).takeWhile(java.util.Optional::isPresent).map(t -> t.get().timestampMs()).toList());
        }
    }

    @Test
    void headerFlagsSayWhichTracksThereAre() throws Exception {
        Path file = dir.resolve("a.flv");
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            new FlvFileWriter(ch).writeHeader(true, false);
        }
        assertArrayEquals(hex("464c5601 04 00000009 00000000"), Files.readAllBytes(file));
    }

    @Test
    void patchesADoubleInPlaceAndGoesBackToTheEnd() throws Exception {
        Path file = dir.resolve("p.flv");
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.READ)) {
            FlvFileWriter w = new FlvFileWriter(ch);
            w.writeHeader(true, true);
            long tag = w.writeTag(FlvTagType.SCRIPT_DATA, 0, new byte[0], FlvTagReaderTest.META);
            // META: "onMetaData" (13 bytes), ECMA array header (5), "duration" (10), number marker (1).
            w.patchDouble(tag + 11 + 29, 12.5);
            w.writeTag(FlvTagType.AUDIO, 23, new byte[0], new byte[0]);
            assertThrows(IllegalArgumentException.class, () -> w.patchDouble(w.bytesWritten() - 4, 1));
        }
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file));
        assertEquals(12.5, b.getDouble(13 + 11 + 29));
        assertEquals(13 + 11 + FlvTagReaderTest.META.length + 4 + 11 + 4, b.capacity());
    }

    @Test
    void refusesWhatAnFlvTagCannotHold() throws Exception {
        try (FileChannel ch = FileChannel.open(dir.resolve("l.flv"), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            FlvFileWriter w = new FlvFileWriter(ch);
            assertEquals("FLV tag DataSize is 16777216, over the limit of 16777215", assertThrows(
                    IllegalArgumentException.class,
                    () -> w.writeTag(FlvTagType.VIDEO, 0, new byte[1], new byte[0xFF_FFFF])).getMessage());
            assertThrows(IllegalArgumentException.class, () -> w.writeTag(FlvTagType.VIDEO, -1, new byte[0], new byte[0]));
            assertThrows(IllegalArgumentException.class,
                    () -> w.writeTag(FlvTagType.VIDEO, 1L << 32, new byte[0], new byte[0]));
            assertEquals(0, w.bytesWritten());
        }
    }
}
