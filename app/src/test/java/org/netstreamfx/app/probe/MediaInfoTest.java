package org.netstreamfx.app.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.netstreamfx.app.ui.TestMedia;
import org.netstreamfx.player.media.Codec;
import org.netstreamfx.player.media.TrackFormat;
import org.netstreamfx.player.source.MediaSource;
import org.netstreamfx.player.source.SourceDescription;
import org.netstreamfx.player.source.Sources;

/** The model behind {@code nsfx probe} and the player's Media information window, on real files. */
class MediaInfoTest {
    private static final Path MEDIA = Path.of("..", "resources").toAbsolutePath().normalize();

    @Test
    void theDemoIsH264HighWithHeAacV2AndProbeStillNamesItsProfileAsBefore() throws Exception {
        MediaInfo i = probe(MEDIA.resolve("demo/demo.mp4"));
        List<MediaInfo.Row> rows = i.rows();
        assertTrue(rows.contains(new MediaInfo.Row("General", "Container", "mp4")), rows.toString());
        assertTrue(rows.contains(new MediaInfo.Row("Video", "Codec", "H.264 (avc1)")), rows.toString());
        assertTrue(rows.contains(new MediaInfo.Row("Video", "Profile", "High")), rows.toString());
        assertTrue(rows.contains(new MediaInfo.Row("Video", "Resolution", "640×360")), rows.toString());
        assertTrue(rows.contains(new MediaInfo.Row("Video", "Frame rate", "25 fps")), rows.toString());
        assertTrue(rows.contains(new MediaInfo.Row("Audio", "Codec", "AAC (mp4a)")), rows.toString());
        assertTrue(rows.contains(new MediaInfo.Row("Audio", "Profile", "HE-AAC v2")), rows.toString());
        assertTrue(rows.contains(new MediaInfo.Row("Audio", "Sample rate", "44100 Hz")), rows.toString());
        assertTrue(rows.contains(new MediaInfo.Row("Audio", "Channels", "2 (stereo)")), rows.toString());
        assertTrue(rows.stream().anyMatch(r -> r.section().equals("Video") && r.name().equals("Level")), rows.toString());

        Map<String, Object> json = i.toJson();
        assertEquals("mp4", json.get("container"));
        assertEquals(Files.size(MEDIA.resolve("demo/demo.mp4")), json.get("bytes"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> streams = (List<Map<String, Object>>) json.get("streams");
        assertEquals("H.264", streams.get(0).get("codec"));
        assertEquals("HE-AACv2", streams.get(1).get("profile"), "probe's JSON keeps the engine's profile names");
        assertTrue(i.text().contains("  Profile: HE-AAC v2\n"), i.text());
    }

    @Test
    void aacProfilesAreNamedAsPeopleNameThem() throws Exception {
        assertTrue(probe(TestMedia.clip()).rows().contains(new MediaInfo.Row("Audio", "Profile", "AAC LC")));
        assertTrue(probe(MEDIA.resolve("media/heaac-v1-stereo-44k-fmp4-1s.mp4")).rows()
                .contains(new MediaInfo.Row("Audio", "Profile", "HE-AAC")));
        assertTrue(probe(MEDIA.resolve("media/h264-heaac-v2-stereo-44k-1s.mp4")).rows()
                .contains(new MediaInfo.Row("Audio", "Profile", "HE-AAC v2")));
        assertEquals("Main", MediaInfo.profileName(Codec.H264, "Main"), "video profiles as they are");
    }

    @Test
    void addressesInMetadataAreMaskedInTheRowsTheTextAndTheJson() {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("source", "rtmp://bob:hunter2@example.com/live/cam?token=s3cret");
        meta.put("title", "a=1?b=2 is not an address");
        meta.put("nested", List.of(Map.of("u", "https://example.com/x?key=k3y")));
        SourceDescription d = new SourceDescription("flv", -1, List.of(
                new TrackFormat(0, Codec.H264, new byte[0], 320, 180, 25, 0, 0, 0, "Baseline", "3.0")),
                List.of(), meta, false);
        MediaInfo i = new MediaInfo(d, 0, Map.of("server", "rtmp://u:pw@h/app"));
        String all = i.rows() + i.text() + i.toJson();
        for (String secret : List.of("hunter2", "s3cret", "k3y", ":pw@")) {
            assertFalse(all.contains(secret), secret + " in " + all);
        }
        assertTrue(i.rows().contains(new MediaInfo.Row("Metadata", "source", "rtmp://bob:***@example.com/live/cam?token=***")));
        assertTrue(i.rows().contains(new MediaInfo.Row("Metadata", "title", "a=1?b=2 is not an address")));
        assertTrue(i.rows().contains(new MediaInfo.Row("onMetaData", "server", "rtmp://u:***@h/app")));
        assertTrue(i.rows().contains(new MediaInfo.Row("General", "Duration", "live")));
    }

    @Test
    void metadataRowsAndValuesAreBounded() {
        Map<String, Object> meta = new LinkedHashMap<>();
        for (int k = 0; k < MediaInfo.MAX_METADATA_ROWS + 50; k++) {
            meta.put("key" + k, "x".repeat(k == 0 ? MediaInfo.MAX_VALUE_CHARS + 100 : 3));
        }
        SourceDescription d = new SourceDescription("flv", 1_000_000, List.of(), List.of(), meta, true);
        List<MediaInfo.Row> rows = new MediaInfo(d, 10, null).rows().stream()
                .filter(r -> r.section().equals("Metadata")).toList();
        assertEquals(MediaInfo.MAX_METADATA_ROWS + 1, rows.size());
        assertEquals(new MediaInfo.Row("Metadata", "…", "50 more"), rows.get(rows.size() - 1));
        assertEquals(MediaInfo.MAX_VALUE_CHARS + 1, rows.get(0).value().length());
    }

    private static MediaInfo probe(Path file) throws Exception {
        try (MediaSource s = Sources.open(file.toString())) {
            SourceDescription d = s.open();
            return new MediaInfo(d, s.bytesTotal(), Map.of());
        }
    }
}
