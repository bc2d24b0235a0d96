package org.netstreamfx.app.ui.player;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MediaAddressTest {

    @Test
    void rtmpSplitsIntoConnectionAndStreamName() {
        MediaAddress a = MediaAddress.parse("rtmp://media.example.org:1936/live/cam1?key=x");
        assertEquals(new MediaAddress(MediaAddress.Kind.RTMP, "rtmp://media.example.org:1936/live/cam1?key=x",
                "rtmp://media.example.org:1936/live", "cam1?key=x", "cam1 (media.example.org)"), a);
        MediaAddress deep = MediaAddress.parse("rtmps://h/vod/mp4:folder/clip.mp4");
        assertEquals("rtmps://h/vod", deep.connectionUri());
        assertEquals("mp4:folder/clip.mp4", deep.streamName());
        assertEquals("mp4:folder/clip.mp4 (h)", deep.displayName(), "the stream name, without the query");
    }

    @Test
    void httpAndFilesPlayAsGiven() {
        MediaAddress h = MediaAddress.parse(" https://cdn.example.org/v/movie.mp4 ");
        assertEquals(MediaAddress.Kind.HTTP, h.kind());
        assertEquals("https://cdn.example.org/v/movie.mp4", h.address());
        assertEquals("movie.mp4 (cdn.example.org)", h.displayName());
        assertEquals("y (x.example.org)", MediaAddress.parse("http://x.example.org/y").displayName(),
                "a bare last segment says where it comes from");
        assertEquals("x.example.org", MediaAddress.parse("http://x.example.org/").displayName());
        MediaAddress f = MediaAddress.parse("/videos/a b.flv");
        assertEquals(new MediaAddress(MediaAddress.Kind.FILE, "/videos/a b.flv", null, "/videos/a b.flv", "a b.flv"), f);
        assertEquals("c.mp4", MediaAddress.parse("file:///tmp/c.mp4").displayName());
    }

    @Test
    void badInputSaysWhatIsWrong() {
        assertEquals("Enter a file path or a URL.", assertThrows(IllegalArgumentException.class,
                () -> MediaAddress.parse("  ")).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> MediaAddress.parse("rtmp://host/onlyapp"))
                .getMessage().contains("rtmp://host/app/stream"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> MediaAddress.parse("ftp://h/a.mp4"))
                .getMessage().contains("Unsupported"));
        assertEquals(Optional.of("Use rtmp://, rtmps://, http:// or https://."), MediaAddress.urlProblem("/tmp/a.mp4"));
        assertEquals(Optional.empty(), MediaAddress.urlProblem("http://127.0.0.1:8080/a.flv"));
        assertTrue(MediaAddress.urlProblem("http:///nohost").isPresent());
    }

    @Test
    void theSupportedExtensionsAreTheEnginesContainers() {
        for (String ext : List.of("flv", "f4v", "mp4", "m4a", "mov", "mp4v", "3gp", "3g2", "MP4")) {
            assertTrue(MediaAddress.isSupportedFile(Path.of("x." + ext)), ext);
        }
        assertFalse(MediaAddress.isSupportedFile(Path.of("x.mkv")));
        assertFalse(MediaAddress.isSupportedFile(Path.of("mp4")));
    }

    @Test
    void aDropOpensTheFirstSupportedFileElseAUrl(@TempDir Path dir) throws IOException {
        File text = Files.writeString(dir.resolve("notes.txt"), "x").toFile();
        File video = Files.writeString(dir.resolve("v.flv"), "x").toFile();
        assertEquals(Optional.of(video.getPath()), PlayerView.droppedAddress(List.of(text, video), null));
        assertEquals(Optional.of("https://h/a.mp4"), PlayerView.droppedAddress(List.of(text), " https://h/a.mp4 "));
        assertEquals(Optional.empty(), PlayerView.droppedAddress(List.of(text), "just words"));
        assertEquals(Optional.empty(), PlayerView.droppedAddress(null, null));
    }

    @Test
    void timesReadLikeAPlayers() {
        assertEquals("0:00", TimeFormat.of(0));
        assertEquals("1:05", TimeFormat.of(65.9));
        assertEquals("1:01:01", TimeFormat.of(3661));
        assertEquals("--:--", TimeFormat.of(Double.NaN));
        assertEquals("0:03 / 0:20", TimeFormat.position(3.2, 20, true));
        assertEquals("0:03 / live", TimeFormat.position(3.2, -1, true));
        assertEquals("0:00 / --:--", TimeFormat.position(0, -1, false));
    }
}
