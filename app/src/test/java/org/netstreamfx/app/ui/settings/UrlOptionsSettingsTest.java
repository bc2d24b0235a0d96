package org.netstreamfx.app.ui.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netstreamfx.app.ui.player.UrlOptions;
import org.netstreamfx.player.sharedobject.SharedObject;
import org.netstreamfx.player.sharedobject.SharedObjectStore;

/** Each rtmp(s) URL's options in the settings: kept without secrets, bounded, checked on read. */
class UrlOptionsSettingsTest {

    @Test
    void optionsSurviveANewSettingsObjectAndTheFileHoldsNoKeyOrPassword(@TempDir Path dir) throws Exception {
        Path cert = dir.resolve("server.pem");
        AppSettings first = new AppSettings(SharedObjectStore.at(dir.resolve("so")), Runnable::run);
        UrlOptions chosen = new UrlOptions(3, 4.5, cert, 2.5, 6);
        first.setUrlOptions("rtmps://viewer:hunter2pw@Media.Example.org:4443/live/cam1?key=SECRETKEY#frag", chosen);
        first.setUrlOptions("rtmp://other.example/app/stream?token=SECRETTOKEN", new UrlOptions(0, 15, null, 0.1, 0));
        assertEquals(SharedObject.FlushStatus.FLUSHED, first.flush().get(5, TimeUnit.SECONDS));

        AppSettings next = new AppSettings(SharedObjectStore.at(dir.resolve("so")), Runnable::run);
        assertEquals(Optional.of(chosen), next.urlOptions("rtmps://media.example.org:4443/live/cam1", 1.0),
                "looked up without user info, query and fragment, host in any case");
        assertEquals(Optional.of(chosen), next.urlOptions("rtmps://media.example.org:4443/live/cam1?key=OTHER", 1.0));
        assertEquals(Optional.empty(), next.urlOptions("rtmps://media.example.org:4443/live/cam2", 1.0));
        assertEquals(Optional.empty(), next.urlOptions("rtmp://media.example.org:4443/live/cam1", 1.0),
                "rtmp and rtmps are different servers");
        assertEquals(List.of("rtmp://other.example/app/stream", "rtmps://media.example.org:4443/live/cam1"),
                next.urlOptionUrls(), "newest first");
        String file = new String(Files.readAllBytes(next.file()), StandardCharsets.ISO_8859_1);
        assertTrue(file.contains("media.example.org:4443/live/cam1"), "the options were written");
        for (String secret : List.of("key=", "token=", "SECRET", "hunter2pw", "viewer", "frag")) {
            assertFalse(file.contains(secret), secret + " must never be on disk");
        }
    }

    @Test
    void atMostFiftyUrlsAreKeptTheLeastRecentlyUsedDropped(@TempDir Path dir) {
        AppSettings s = new AppSettings(SharedObjectStore.at(dir), Runnable::run);
        UrlOptions o = UrlOptions.defaults(1.0);
        for (int i = 0; i < AppSettings.MAX_URL_OPTIONS; i++) {
            s.setUrlOptions("rtmp://host/live/s" + i, o);
        }
        s.setUrlOptions("rtmp://host/live/s0", o.withBufferTime(3)); // s0 used again: now the newest
        s.setUrlOptions("rtmp://host/live/new", o);
        List<String> urls = s.urlOptionUrls();
        assertEquals(AppSettings.MAX_URL_OPTIONS, urls.size());
        assertEquals(List.of("rtmp://host/live/new", "rtmp://host/live/s0", "rtmp://host/live/s49"), urls.subList(0, 3));
        assertFalse(urls.contains("rtmp://host/live/s1"), "the least recently used is dropped");
        assertTrue(urls.contains("rtmp://host/live/s2"));
        assertEquals(3.0, s.urlOptions("rtmp://host/live/s0", 1.0).orElseThrow().bufferTime());
    }

    @Test
    void storedValuesOutOfRangeFallBackToTheirDefaultsAndSecretOrForeignEntriesAreIgnored(@TempDir Path dir) {
        AppSettings s = new AppSettings(SharedObjectStore.at(dir), Runnable::run);
        Map<String, Object> bad = new LinkedHashMap<>();
        bad.put("url", "rtmp://host/live/bad");
        bad.put("reconnectTries", 1e9);
        bad.put("silenceTimeout", 0.01);
        bad.put("trustedCertificate", "x".repeat(UrlOptions.MAX_PATH_LENGTH + 1));
        bad.put("bufferTime", -1.0);
        bad.put("bufferTimeMax", Double.NaN);
        Map<String, Object> partly = new LinkedHashMap<>();
        partly.put("url", "rtmp://host/live/partly");
        partly.put("reconnectTries", 4.0);
        partly.put("silenceTimeout", "fifteen");
        partly.put("bufferTime", 2.0);
        Map<String, Object> secret = new LinkedHashMap<>(partly);
        secret.put("url", "rtmp://host/live/partly?key=SECRET");
        Map<String, Object> http = new LinkedHashMap<>(partly);
        http.put("url", "https://host/video.mp4");
        List<Object> stored = new ArrayList<>(List.of("not a map", secret, http, bad, partly));
        s.data().put(AppSettings.URL_OPTIONS, stored);

        assertEquals(Optional.of(UrlOptions.defaults(0.7)), s.urlOptions("rtmp://host/live/bad", 0.7),
                "every figure out of range is its default");
        assertEquals(Optional.of(new UrlOptions(4, UrlOptions.DEFAULT_SILENCE_TIMEOUT, null, 2.0, 0)),
                s.urlOptions("rtmp://host/live/partly", 0.7));
        assertEquals(List.of("rtmp://host/live/bad", "rtmp://host/live/partly"), s.urlOptionUrls(),
                "an entry whose URL carries a query, or is not rtmp(s), is not read");
        assertEquals(Optional.empty(), s.urlOptions("https://host/video.mp4", 0.7));
    }

    @Test
    void optionsAreCheckedAgainstTheirLimitsAndKeyedWithoutSecrets() {
        assertThrows(IllegalArgumentException.class, () -> new UrlOptions(-1, 15, null, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new UrlOptions(UrlOptions.MAX_RECONNECT_TRIES + 1, 15, null, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new UrlOptions(1, 0.2, null, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new UrlOptions(1, 601, null, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new UrlOptions(1, 15, null, 61, 0));
        assertThrows(IllegalArgumentException.class, () -> new UrlOptions(1, 15, null, 1, Double.NaN));
        assertEquals("Reconnect tries: 0 to 100, not 101", assertThrows(IllegalArgumentException.class,
                () -> new UrlOptions(101, 15, null, 1, 0)).getMessage());
        assertEquals(Optional.of("rtmp://h.example:1935/live/cam"),
                UrlOptions.key("rtmp://u:p@H.example:1935/live/cam?key=k#f"));
        assertEquals(Optional.empty(), UrlOptions.key("https://h.example/v.mp4"));
        assertEquals(Optional.empty(), UrlOptions.key("/home/u/v.flv"));
    }
}
