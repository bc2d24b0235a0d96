package org.netstreamfx.app.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.netstreamfx.player.net.NetStatusCode;
import org.netstreamfx.player.net.NetStatusEvent;

/** Issue 12, defect 5: the CSV gives each stats field its own column, and its rows are in time order. */
class SessionCsvLayoutTest {
    private static final long START = 1_000_000_000L;
    private static final long MS = 1_000_000L;

    private static StatsSample sample(double bufferLength) {
        return new StatsSample(1.0, bufferLength, 3.0, 25.0, 40, 44100, 2, 38, 123456, 999999, 1.5, 0, 12.0);
    }

    private static List<String> csv(SessionRecorder r) throws Exception {
        StringWriter out = new StringWriter();
        r.export().writeCsv(out, EntryFilter.all());
        return List.of(out.toString().split("\r\n"));
    }

    @Test
    void eachStatsFieldHasItsOwnColumnAndTheDataCellOfAStatsRowIsEmpty() throws Exception {
        SessionRecorder r = new SessionRecorder(START);
        r.stats(sample(2.25), START + 500 * MS);
        List<String> csv = csv(r);
        List<String> header = Arrays.asList(csv.get(0).split(",", -1));
        for (String name : List.of("time", "bufferLength", "bufferTime", "fps", "videoFrames", "audioSamples",
                "droppedFrames", "renderedFrames", "bytesLoaded", "bytesTotal", "avDriftMs", "decodeErrors", "rttMs")) {
            assertTrue(header.contains(name), "no column " + name + " in " + header);
        }
        List<String> row = Arrays.asList(csv.get(1).split(",", -1));
        assertEquals(header.size(), row.size(), csv.get(1));
        assertEquals("stats", row.get(header.indexOf("type")));
        assertEquals("", row.get(header.indexOf("data")), "stats are not in one JSON cell: " + csv.get(1));
        assertEquals("2.25", row.get(header.indexOf("bufferLength")));
        assertEquals("123456", row.get(header.indexOf("bytesLoaded")));
        assertEquals("12.0", row.get(header.indexOf("rttMs")));
    }

    @Test
    void aStatusRowLeavesTheStatsColumnsEmpty() throws Exception {
        SessionRecorder r = new SessionRecorder(START);
        r.onNetStatus(NetStatusEvent.of(NetStatusCode.NETSTREAM_PLAY_FAILED, "Not found.", Map.of("a", 1), START));
        List<String> csv = csv(r);
        List<String> header = Arrays.asList(csv.get(0).split(",", -1));
        List<String> row = Arrays.asList(csv.get(1).split(",", -1));
        assertEquals(header.size(), row.size(), csv.get(1));
        assertEquals("", row.get(header.indexOf("bufferLength")));
    }

    @Test
    void rowsAreInTimeOrderEvenWhenRecordedOutOfOrder() throws Exception {
        SessionRecorder r = new SessionRecorder(START);
        r.onNetStatus(NetStatusEvent.of(NetStatusCode.NETSTREAM_PLAY_START, "Started.", null, START + 900 * MS));
        r.control("StreamBegin", Map.of("direction", "in"), START + 300 * MS);
        r.stats(sample(1.0), START + 600 * MS);
        r.control("SetBufferLength", Map.of("direction", "out"), START + 100 * MS);
        List<String> csv = csv(r);
        assertEquals(5, csv.size(), String.join("\n", csv));
        double last = -1;
        for (String row : csv.subList(1, csv.size())) {
            double t = Double.parseDouble(row.substring(0, row.indexOf(',')));
            assertTrue(t >= last, "out of order: " + String.join("\n", csv));
            last = t;
        }
        assertFalse(csv.get(1).contains("Started"));
    }
}
