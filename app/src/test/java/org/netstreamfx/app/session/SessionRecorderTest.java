package org.netstreamfx.app.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netstreamfx.app.cli.EventFormat;
import org.netstreamfx.app.cli.EventPrinter;
import org.netstreamfx.player.net.NetStatusCode;
import org.netstreamfx.player.net.NetStatusEvent;
import org.netstreamfx.player.net.StatusLevel;

class SessionRecorderTest {
    private static final long START = 1_000_000_000L;
    private static final ObjectMapper JSON = new ObjectMapper();

    private static long at(double seconds) {
        return START + Math.round(seconds * 1e9);
    }

    private static StatsSample sample(double time, double bufferLength) {
        return new StatsSample(time, bufferLength, 0.1, 25.0, 27, 45056, 0, 25, 1102170, 1102170, 0.4, 0,
                StatsSample.UNKNOWN);
    }

    private static Map<String, Object> metaData() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("duration", 20.0);
        m.put("width", 640.0);
        m.put("framerate", Double.NaN);
        m.put("creationdate", Instant.ofEpochSecond(1_700_000_000L));
        m.put("tags", List.of("a", 1.0));
        m.put("stereo", true);
        return m;
    }

    /** The same session, given to the command line's printer and to a recorder. */
    private interface Session {
        void status(NetStatusEvent e);

        void callback(String handler, Object data, long nanos);

        void stats(StatsSample s, long nanos);
    }

    private static void play(Session s) {
        s.status(NetStatusEvent.of(NetStatusCode.NETSTREAM_PLAY_START, "Started playing demo.mp4.", "demo.mp4", at(0.41)));
        s.callback("onMetaData", metaData(), at(0.43));
        s.status(NetStatusEvent.of(NetStatusCode.NETSTREAM_BUFFER_FULL, "Buffer full: playing.", null, at(0.42)));
        s.stats(sample(1.0, 3.0), at(1.43));
        s.status(NetStatusEvent.of(NetStatusCode.NETSTREAM_SEEK_NOTIFY, "Seeked, \"fast\", to 3.0\nand on.", 3.0, at(2.0)));
        s.callback("onCustom", Arrays.asList("x", null, 2.0), at(2.5));
        s.callback("onPlayStatus", Map.of("code", "NetStream.Play.Complete", "level", "status"), at(20.5));
    }

    private static SessionRecorder recorded() {
        SessionRecorder r = new SessionRecorder(START);
        play(new Session() {
            public void status(NetStatusEvent e) {
                r.onNetStatus(e);
            }

            public void callback(String handler, Object data, long nanos) {
                r.callback(handler, data, nanos);
            }

            public void stats(StatsSample s, long nanos) {
                r.stats(s, nanos);
            }
        });
        return r;
    }

    private static String printed(EventFormat format) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        EventPrinter p = new EventPrinter(new PrintStream(bytes, true, StandardCharsets.UTF_8), format, START);
        play(new Session() {
            public void status(NetStatusEvent e) {
                p.status(e);
            }

            public void callback(String handler, Object data, long nanos) {
                p.callback(handler, data, nanos);
            }

            public void stats(StatsSample s, long nanos) {
                p.stats(s.fields(), nanos);
            }
        });
        return bytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
    }

    @Test
    void jsonLinesExportIsExactlyWhatTheCommandLinePrints() throws Exception {
        StringWriter out = new StringWriter();
        recorded().export().writeJsonLines(out, EntryFilter.all());

        assertEquals(printed(EventFormat.jsonl), out.toString());
        List<String> lines = out.toString().lines().toList();
        assertEquals(7, lines.size());
        assertEquals("{\"t\":0.41,\"type\":\"status\",\"code\":\"NetStream.Play.Start\",\"level\":\"status\","
                + "\"description\":\"Started playing demo.mp4.\",\"details\":\"demo.mp4\"}", lines.get(0));
        assertEquals("{\"t\":0.43,\"type\":\"onMetaData\",\"data\":{\"duration\":20.0,\"width\":640.0,\"framerate\":null,"
                + "\"creationdate\":\"2023-11-14T22:13:20Z\",\"tags\":[\"a\",1.0],\"stereo\":true}}", lines.get(1));
        assertEquals("{\"t\":1.43,\"type\":\"stats\",\"time\":1.0,\"bufferLength\":3.0,\"bufferTime\":0.1,\"fps\":25.0,"
                + "\"videoFrames\":27,\"audioSamples\":45056,\"droppedFrames\":0,\"renderedFrames\":25,"
                + "\"bytesLoaded\":1102170,\"bytesTotal\":1102170,\"avDriftMs\":0.4,\"decodeErrors\":0}", lines.get(3));
        assertEquals("{\"t\":2.5,\"type\":\"onCustom\",\"data\":[\"x\",null,2.0]}", lines.get(5));
    }

    @Test
    void theCommandLinesTextLinesAreUnchanged() {
        List<String> text = printed(EventFormat.text).lines().toList();
        assertEquals("   0.410  status  NetStream.Play.Start  Started playing demo.mp4.", text.get(0));
        assertEquals("   0.420  status  NetStream.Buffer.Full  Buffer full: playing.", text.get(2));
        assertEquals("   1.430  stats   time=1.0 bufferLength=3.0 bufferTime=0.1 fps=25.0 videoFrames=27 "
                + "audioSamples=45056 droppedFrames=0 renderedFrames=25 bytesLoaded=1102170 bytesTotal=1102170 "
                + "avDriftMs=0.4 decodeErrors=0", text.get(3));
        assertEquals("  20.500  client  onPlayStatus " + new EventLines().json(EventLines.plain(
                Map.of("code", "NetStream.Play.Complete", "level", "status"))), text.get(7));
    }

    @Test
    void csvHasOneRfc4180RowPerEntryWithDataAsJsonAndStatsInTheirOwnColumns() throws Exception {
        StringWriter out = new StringWriter();
        recorded().export().writeCsv(out, EntryFilter.all());
        String csv = out.toString();

        assertTrue(csv.startsWith("t,type,code,level,description,data,time,bufferLength,"), csv);
        assertTrue(csv.endsWith("\r\n"));
        List<List<String>> rows = parseCsv(csv);
        assertEquals(8, rows.size());
        List<String> header = rows.get(0);
        assertEquals(List.of("0.41", "status", "NetStream.Play.Start", "status", "Started playing demo.mp4.", "\"demo.mp4\""),
                rows.get(1).subList(0, 6));
        assertEquals(List.of("2.0", "status", "NetStream.Seek.Notify", "status", "Seeked, \"fast\", to 3.0\nand on.", "3.0"),
                rows.get(5).subList(0, 6));
        // In time order: Buffer.Full (0.42 s), recorded after onMetaData (0.43 s), comes first.
        assertEquals("NetStream.Buffer.Full", rows.get(2).get(2));
        assertEquals("onMetaData", rows.get(3).get(1));
        assertEquals("", rows.get(3).get(2));
        assertEquals(640.0, JSON.readTree(rows.get(3).get(5)).get("width").asDouble());
        assertEquals("stats", rows.get(4).get(1));
        assertEquals("", rows.get(4).get(5), "a sample's fields are in their own columns");
        assertEquals(3.0, Double.parseDouble(rows.get(4).get(header.indexOf("bufferLength"))));
        assertEquals("", rows.get(1).get(header.indexOf("bufferLength")));
        for (List<String> row : rows) {
            assertEquals(header.size(), row.size(), row.toString());
        }
        assertEquals("null", rows.get(2).get(5), "Buffer.Full has no details");
        assertTrue(csv.contains("\"Seeked, \"\"fast\"\", to 3.0\nand on.\""), "quotes doubled, field quoted");
    }

    /** A strict RFC 4180 reader: CRLF row ends, quoted fields with doubled quotes. */
    private static List<List<String>> parseCsv(String csv) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        boolean quoted = false;
        while (i < csv.length()) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    field.append('"');
                    i += 2;
                    continue;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                assertEquals(0, field.length(), "a quote only opens a field");
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\r') {
                assertEquals('\n', csv.charAt(i + 1), "rows end with CRLF");
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                assertTrue(c != '\n', "bare LF outside quotes");
                field.append(c);
            }
            i++;
        }
        assertTrue(row.isEmpty() && field.length() == 0, "ends at a row end");
        rows.forEach(r -> assertEquals(6 + SessionExport.STATS_COLUMNS.size(), r.size(), r.toString()));
        return rows;
    }

    @Test
    void credentialsTokensAndStreamKeysNeverReachEitherExportOrACopy(@TempDir Path dir) throws Exception {
        String url = "rtmp://alice:s3cretPw@media.example.com:1935/live/streamKey42?token=tok3n&app=x";
        SessionRecorder r = new SessionRecorder(START);
        r.addSecret("streamKey42");
        r.onNetStatus(NetStatusEvent.of(NetStatusCode.NETSTREAM_PLAY_STREAMNOTFOUND,
                "Stream not found: " + url + ", check it", url, at(1)));
        r.callback("onMetaData", Map.of("source", url, "list", List.of("see " + url)), at(2));
        r.control("StreamBegin", Map.of("tcUrl", "https://bob:hunter2@cdn.example.com/x?sig=abcdef"), at(3));
        r.onNetStatus(NetStatusEvent.of(NetStatusCode.NETCONNECTION_CONNECT_FAILED, "late key anotherKey9", null, at(4)));
        r.addSecret("anotherKey9");

        r.export().jsonLinesTo(dir.resolve("s.jsonl"));
        r.export().csvTo(dir.resolve("s.csv"));
        List<String> outputs = new ArrayList<>(List.of(Files.readString(dir.resolve("s.jsonl")),
                Files.readString(dir.resolve("s.csv"))));
        r.entries().forEach(e -> outputs.add(r.copyAsText(e)));

        for (String out : outputs) {
            for (String secret : List.of("s3cretPw", "tok3n", "streamKey42", "hunter2", "abcdef", "anotherKey9")) {
                assertFalse(out.contains(secret), secret + " leaked into:\n" + out);
            }
        }
        assertTrue(outputs.get(0).contains("alice:***@media.example.com"), outputs.get(0));
        assertTrue(outputs.get(1).contains("alice:***@media.example.com"), outputs.get(1));
        assertTrue(outputs.get(0).contains("bob:***@cdn.example.com/x?sig=***"), outputs.get(0));
        assertTrue(outputs.get(0).contains("token=***&app=***"), outputs.get(0));
        assertTrue(outputs.get(1).contains("/live/***?token=***"), outputs.get(1));
        assertEquals("Stream not found: rtmp://alice:***@media.example.com:1935/live/***?token=***&app=***, check it",
                r.entries().get(0).line().description(), "masked in memory too");
    }

    @Test
    void theTimelineIsBoundedDroppingTheOldestWithACount() {
        SessionRecorder r = new SessionRecorder(START, 3);
        List<Long> seen = new ArrayList<>();
        r.addEntryListener(e -> seen.add(e.seq()));
        for (int i = 0; i < 5; i++) {
            r.stats(sample(i, 1.0), at(i));
        }
        assertEquals(3, r.size());
        assertEquals(2, r.dropped());
        assertEquals(List.of(2L, 3L, 4L), r.entries().stream().map(SessionEntry::seq).toList());
        assertEquals(List.of(0L, 1L, 2L, 3L, 4L), seen);
        assertEquals(4.0, r.entries().get(2).stats().orElseThrow().time());
        r.clear();
        assertEquals(0, r.size());
        assertEquals(0, r.dropped());
    }

    @Test
    void theFilterSelectsByLevelAndTextWithStatsAndControlEventsOnDemand() {
        SessionRecorder r = recorded();
        r.onNetStatus(NetStatusEvent.of(NetStatusCode.NETSTREAM_PLAY_FAILED, "Decoder gave up.", null, at(5)));
        r.onNetStatus(NetStatusEvent.of(NetStatusCode.NSFX_DECODE_ERROR, "One packet lost.", 1.0, at(6)));
        r.control("SetBufferLength", Map.of("ms", 3000.0), at(7));

        assertEquals(List.of("NetStream.Play.Start", "onMetaData", "NetStream.Buffer.Full", "NetStream.Seek.Notify",
                "onCustom", "onPlayStatus", "NetStream.Play.Failed", "NetStreamFX.Decode.Error"), names(r.entries(EntryFilter.events())));
        assertEquals(List.of("NetStream.Play.Failed"), names(r.entries(EntryFilter.events().withLevels(EnumSet.of(StatusLevel.ERROR)))));
        assertEquals(List.of("NetStream.Play.Failed", "NetStreamFX.Decode.Error"),
                names(r.entries(EntryFilter.events().withLevels(EnumSet.of(StatusLevel.ERROR, StatusLevel.WARNING)))));
        assertEquals(List.of("NetStream.Seek.Notify"), names(r.entries(EntryFilter.events().withText("SEEKED"))));
        assertEquals(List.of("onMetaData"), names(r.entries(EntryFilter.events().withText("creationdate"))));
        assertEquals(List.of("NetStream.Buffer.Full", "stats", "SetBufferLength"),
                names(r.entries(EntryFilter.all().withText("buffer"))));
        assertEquals(List.of("SetBufferLength"), names(r.entries(EntryFilter.events().withControl(true).withText("3000"))));
        assertEquals(List.of(), names(r.entries(EntryFilter.events().withLevels(EnumSet.noneOf(StatusLevel.class)))));
        assertEquals(r.size(), r.entries(EntryFilter.all()).size());
    }

    private static List<String> names(List<SessionEntry> entries) {
        return entries.stream().map(e -> e.line().code() != null ? e.line().code() : e.line().type()).toList();
    }

    @Test
    void oneEventCopiesAsTheCommandLinesTextLineWithItsDetails() {
        SessionRecorder r = recorded();
        List<SessionEntry> e = r.entries();
        assertEquals("0.410  status  NetStream.Play.Start  Started playing demo.mp4.  details=\"demo.mp4\"", r.copyAsText(e.get(0)));
        assertEquals("0.420  status  NetStream.Buffer.Full  Buffer full: playing.", r.copyAsText(e.get(2)));
        assertEquals("2.500  client  onCustom [\"x\",null,2.0]", r.copyAsText(e.get(5)));
        r.control("StreamBegin", Map.of("streamId", 1.0), at(30));
        assertEquals("30.000  control StreamBegin {\"streamId\":1.0}", r.copyAsText(r.entries().get(7)));
    }
}
