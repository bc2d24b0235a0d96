package org.netstreamfx.e2e.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The mutation language, the field finder and the verdict rules, without a player. */
class MutationTest {
    private static final byte[] TEN = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};

    @Test
    void eachMutationPrintsAsTextThatParsesBackToTheSameChange() {
        for (String text : List.of("none", "flip@1^ff,9^01", "trunc@4", "dup@2+3", "del@2+3", "set8@0=0xff",
                "set16@1=0xffff", "set24@2=0x0", "set32@3=0xffffffff # a comment")) {
            Mutation m = Mutation.parse(text);
            assertEquals(text, m.toString());
            assertArrayEquals(m.apply(TEN), Mutation.parse(m.toString()).apply(TEN), text);
        }
    }

    @Test
    void mutationsChangeWhatTheySay() {
        assertArrayEquals(new byte[] {0, 1, 2, 3}, Mutation.parse("trunc@4").apply(TEN));
        assertArrayEquals(new byte[] {0, 1, 2, 3, 4, 2, 3, 4, 5, 6, 7, 8, 9}, Mutation.parse("dup@2+3").apply(TEN));
        assertArrayEquals(new byte[] {0, 1, 5, 6, 7, 8, 9}, Mutation.parse("del@2+3").apply(TEN));
        assertArrayEquals(new byte[] {0, 1, 2, -1, -1, -1, -1, 7, 8, 9},
                Mutation.parse("set32@3=0xffffffff").apply(TEN));
        assertArrayEquals(new byte[] {0, 1, 2, 3, 4, 5, 6, 7, 8, (byte) 0xff},
                Mutation.parse("set32@9=0xffffffff").apply(TEN), "clipped at the end of the file");
        assertArrayEquals(new byte[] {0, 1, 2, 3, 4}, Mutation.applyAll("del@5+5 ; trunc@100", TEN));
    }

    @Test
    void theSameSeedMakesTheSameMutant() {
        byte[] file = new byte[10_000];
        List<SizeFields.Field> fields = List.of(new SizeFields.Field(0, 32, "a box size"));
        for (long seed = 0; seed < 50; seed++) {
            assertEquals(Mutator.mutate(file, fields, seed), Mutator.mutate(file, fields, seed));
        }
    }

    @Test
    void flvFieldsAreFoundByWalkingTheTags() {
        // Header (DataOffset 9), PreviousTagSize0, one audio tag with 2 data bytes, its PreviousTagSize 13.
        byte[] flv = {'F', 'L', 'V', 1, 5, 0, 0, 0, 9, 0, 0, 0, 0,
                8, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, (byte) 0xaf, 1, 0, 0, 0, 13};
        List<String> what = SizeFields.of(flv).stream().map(f -> f.offset() + ":" + f.bits() + ":" + f.what()).toList();
        assertTrue(what.contains("5:32:FLV header DataOffset"), what.toString());
        assertTrue(what.contains("14:24:FLV tag 0 (type 8) DataSize"), what.toString());
        assertTrue(what.contains("26:32:FLV tag 0 PreviousTagSize"), what.toString());
    }

    @Test
    void isoBoxSizesAreFoundInsideContainers() {
        // moov(16) { mvhd-less trak(8) }, then free(8).
        byte[] mp4 = {0, 0, 0, 16, 'm', 'o', 'o', 'v', 0, 0, 0, 8, 't', 'r', 'a', 'k', 0, 0, 0, 8, 'f', 'r', 'e', 'e'};
        List<String> what = SizeFields.of(mp4).stream().map(f -> f.offset() + ":" + f.what()).toList();
        assertEquals(List.of("0:moov box size", "8:moov/trak box size", "16:free box size"), what);
    }

    @Test
    void verdicts() {
        String error = "{\"type\":\"status\",\"code\":\"NetStream.Play.Failed\",\"level\":\"error\",\"description\":\"x\"}\n";
        assertNull(Verdict.of(0, "", ""));
        assertNull(Verdict.of(1, error, ""));
        assertEquals("exit 1 without an error event", Verdict.of(1, "", ""));
        assertEquals("exit status 134 (signal 6)", Verdict.of(134, "", ""));
        assertEquals("OutOfMemoryError", Verdict.of(1, error, "java.lang.OutOfMemoryError: Java heap space"));
        assertEquals("a Java stack trace on stderr", Verdict.of(0, "", "boom\n\tat a.b.C.d(C.java:1)\n"));
        assertTrue(Verdict.of(0, "not json\n", "").startsWith("a stdout line that is not JSON"));
        assertTrue(Verdict.of(1, error.replace("\"x\"", "\"java.lang.NullPointerException\""), "")
                .startsWith("an error event that names an unexpected exception"));
    }
}
