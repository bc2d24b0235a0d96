package org.netstreamfx.app.ui.player;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The playlist's order and advance rules, A–B ranges and snapshot names, without a window. */
class PlaylistTest {

    @Test
    void namesSortAsPeopleReadThem() {
        List<String> names = new ArrayList<>(List.of("clip10.mp4", "Clip2.mp4", "clip1.mp4", "clip02b.mp4",
                "clip002.mp4", "a.mp4", "clip100000000000000000000.mp4", "clip99999999999999999999.mp4"));
        names.sort(Playlist.NATURAL_ORDER); // equal by value and case ("Clip2", "clip002"): by exact text
        assertEquals(List.of("a.mp4", "clip1.mp4", "Clip2.mp4", "clip002.mp4", "clip02b.mp4", "clip10.mp4",
                "clip99999999999999999999.mp4", "clip100000000000000000000.mp4"), names);
    }

    @Test
    void aFolderGivesItsOwnMediaFilesInNaturalOrder(@TempDir Path dir) throws IOException {
        for (String n : List.of("clip10.mp4", "clip2.flv", "clip1.MP4", "notes.txt", "clip3.mp4.part")) {
            Files.writeString(dir.resolve(n), "x");
        }
        Path sub = Files.createDirectory(dir.resolve("sub"));
        Files.writeString(sub.resolve("clip0.mp4"), "x");
        Files.createDirectory(dir.resolve("folder.mp4")); // a folder with a media name is not a file
        Path single = Files.writeString(dir.resolve("sub").resolve("single.mov"), "x");

        Playlist.Expansion e = Playlist.expand(List.of(dir, single, dir.resolve("notes.txt")));
        assertEquals(List.of(dir.resolve("clip1.MP4"), dir.resolve("clip2.flv"), dir.resolve("clip10.mp4"), single),
                e.files());
        assertFalse(e.truncated());
    }

    @Test
    void theListStopsAtItsLimit(@TempDir Path dir) throws IOException {
        List<Path> many = new ArrayList<>();
        Path f = Files.writeString(dir.resolve("a.mp4"), "x");
        for (int i = 0; i < Playlist.MAX_ENTRIES + 5; i++) {
            many.add(f);
        }
        Playlist.Expansion e = Playlist.expand(many);
        assertEquals(Playlist.MAX_ENTRIES, e.files().size());
        assertTrue(e.truncated());

        Playlist p = new Playlist();
        p.replace(many.stream().map(x -> MediaAddress.parse(x.toString())).toList());
        assertEquals(Playlist.MAX_ENTRIES, p.size());
    }

    @Test
    void theAdvanceSkipsFailedItemsAndEndsWhenAllFailed() {
        Playlist p = list("a.mp4", "b.mp4", "c.mp4");
        p.setCurrent(0);
        p.entries().get(1).setFailed(true);
        assertEquals(2, p.nextPlayable(false));
        p.setCurrent(2);
        assertEquals(-1, p.nextPlayable(false), "loop off: the list ends");
        assertEquals(0, p.nextPlayable(true), "loop all: round to the first that has not failed");
        p.entries().get(0).setFailed(true);
        assertEquals(2, p.nextPlayable(true), "only the current one is left: it plays again");
        p.entries().get(2).setFailed(true);
        assertEquals(-1, p.nextPlayable(true), "all failed: nothing, never round and round");
        assertEquals(0, p.nextIndex(true), "N still goes on by hand, failed or not");
        assertEquals(-1, p.nextIndex(false));
        assertEquals(1, p.previousIndex(false));
    }

    @Test
    void liveItemsAreNeverLoopedRound() {
        Playlist p = list("rtmp://h/live/a", "b.mp4");
        p.setCurrent(0);
        p.entries().get(0).setLive(true);
        p.setCurrent(1);
        assertEquals(1, p.nextPlayable(true), "round the list: the live item is passed over, this one plays again");
        p.entries().get(1).setLive(true);
        assertEquals(-1, p.nextPlayable(true), "only live items: the list ends");
        p.setCurrent(0);
        assertEquals(1, p.nextPlayable(true));
    }

    @Test
    void removingTheItemPlayingKeepsItsPlaceForTheNext() {
        Playlist p = list("a.mp4", "b.mp4", "c.mp4");
        p.setCurrent(1);
        p.remove(0);
        assertEquals(0, p.current());
        assertEquals("b.mp4", p.currentEntry().title());
        p.remove(0);
        assertNull(p.currentEntry(), "the item playing left the list");
        assertEquals(-1, p.current());
        assertEquals(0, p.nextPlayable(false), "what took its place is next");
        assertEquals(0, p.nextIndex(false));
        p.remove(0);
        assertEquals(-1, p.nextPlayable(false));
        assertEquals(0, p.size());
    }

    @Test
    void abRepeatSetsAThenBThenClears() {
        ABRepeat ab = new ABRepeat();
        assertEquals("", ab.textBinding().get());
        assertTrue(ab.press(7.94));
        assertEquals("A 0:07.9 – B ?", ab.textBinding().get());
        assertFalse(ab.press(7.94 + ABRepeat.MIN_SPAN_S / 2), "too close to A");
        assertTrue(ab.press(3.21), "a B before A swaps them");
        assertEquals("A 0:03.2 – B 0:07.9", ab.textBinding().get());
        assertTrue(ab.crossedB(7.9, 7.95));
        assertFalse(ab.crossedB(8.0, 8.1), "already past B (a seek beyond it) is no crossing");
        assertTrue(ab.press(1));
        assertTrue(Double.isNaN(ab.a()) && Double.isNaN(ab.b()));
        assertEquals("A 1:05.0 – B ?", ABRepeat.text(65, Double.NaN));
    }

    @Test
    void aSnapshotNameHasNoQueryNorKey() {
        LocalDateTime when = LocalDateTime.of(2026, 12, 2, 9, 5, 7);
        MediaAddress rtmp = MediaAddress.parse("rtmp://user:pw@media.example.org/live/cam1?key=SECRETKEY&token=T0K");
        String name = SnapshotWriter.fileName(rtmp.displayName(), when, 63.24);
        assertEquals("nsfx-cam1-media.example.org-20261202-090507-1m03.240s.png", name);
        assertFalse(name.contains("SECRET") || name.contains("T0K") || name.contains("key") || name.contains("pw"));
        assertEquals("nsfx-demo-20261202-090507-0m00.000s.png", SnapshotWriter.fileName("demo.mp4", when, 0));
        assertEquals("a-b", SnapshotWriter.safeTitle("a/b?key=x"));
        assertEquals("video", SnapshotWriter.safeTitle("../.."));
        assertEquals(SnapshotWriter.MAX_TITLE_CHARS, SnapshotWriter.safeTitle("x".repeat(500)).length());
    }

    private static Playlist list(String... addresses) {
        Playlist p = new Playlist();
        p.replace(java.util.Arrays.stream(addresses).map(MediaAddress::parse).toList());
        return p;
    }
}
