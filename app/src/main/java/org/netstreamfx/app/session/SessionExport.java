package org.netstreamfx.app.session;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Writes a recorded session as JSON lines or CSV. Secrets registered with the recorder are masked
 * in every line written; URLs were masked when the entries were recorded.
 *
 * <p>JSON lines: one {@link EventLine} per line, exactly as {@code nsfx play --events jsonl}
 * prints it, each ended by {@code "\n"}.
 *
 * <p>CSV (RFC 4180): a header {@code t,type,code,level,description,data,} then one column per
 * stats field ({@code time,bufferLength,…,rttMs}, as {@link StatsSample#fields()} names them),
 * then one row per entry in time order ({@code t}; entries of the same time in the order
 * recorded), rows ended by CRLF; a field holding a comma, a double quote, CR or LF is quoted, with
 * its double quotes doubled. {@code code} is empty for callbacks and stats, {@code level} empty for
 * all but status events, {@code data} is JSON text: a status event's details, a callback's or
 * control event's data; empty for stats, whose fields fill the stats columns (empty in other rows).
 *
 * <p>Formula injection (OWASP "CSV Injection"): descriptions and details come from the network,
 * so a field a spreadsheet would read as a formula, one starting with {@code =}, {@code +},
 * {@code -}, {@code @}, a tab or a CR, gets a single quote ({@code '}) in front, which the
 * spreadsheet shows as text and does not run. A field that is a number ({@code t}, a negative
 * number as a detail) stays as it is, so it is still read as a number.
 */
public final class SessionExport {
    /** The CSV's stats columns, one per field of a stats sample. */
    public static final List<String> STATS_COLUMNS = List.of("time", "bufferLength", "bufferTime", "fps",
            "videoFrames", "audioSamples", "droppedFrames", "renderedFrames", "bytesLoaded", "bytesTotal",
            "avDriftMs", "decodeErrors", "rttMs");
    /** The CSV header row's fields. */
    public static final String CSV_HEADER = "t,type,code,level,description,data," + String.join(",", STATS_COLUMNS);
    /** First characters that make a spreadsheet read a cell as a formula (OWASP CSV injection). */
    private static final String FORMULA_STARTS = "=+-@\t\r";
    /** A plain decimal number, as JSON writes one: left alone so it stays a number. */
    private static final Pattern NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

    private final SessionRecorder recorder;
    private final EventLines lines;

    SessionExport(SessionRecorder recorder, EventLines lines) {
        this.recorder = recorder;
        this.lines = lines;
    }

    /** Writes the entries {@code filter} shows as JSON lines. */
    public void writeJsonLines(Writer out, EntryFilter filter) throws IOException {
        for (SessionEntry e : recorder.entries(filter)) {
            out.write(recorder.maskSecrets(lines.json(e.line())));
            out.write('\n');
        }
        out.flush();
    }

    /** Writes the entries {@code filter} shows as CSV. */
    public void writeCsv(Writer out, EntryFilter filter) throws IOException {
        out.write(CSV_HEADER);
        out.write("\r\n");
        List<SessionEntry> rows = new ArrayList<>(recorder.entries(filter));
        rows.sort(Comparator.comparingDouble(SessionEntry::t)); // stable: same t keeps the recorded order
        for (SessionEntry e : rows) {
            out.write(csvRow(e.line()));
            out.write("\r\n");
        }
        out.flush();
    }

    /** Writes every entry as JSON lines to {@code file} (UTF-8, replacing it). */
    public void jsonLinesTo(Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            writeJsonLines(w, EntryFilter.all());
        }
    }

    /** Writes every entry as CSV to {@code file} (UTF-8, replacing it). */
    public void csvTo(Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            writeCsv(w, EntryFilter.all());
        }
    }

    /** One row; each field is masked before it is guarded and quoted, so a mask cannot undo either. */
    private String csvRow(EventLine line) {
        boolean stats = line.kind() == EventLine.Kind.STATS;
        List<String> fields = new ArrayList<>();
        fields.add(lines.json(line.t()));
        fields.add(line.type());
        fields.add(Objects.toString(line.code(), ""));
        fields.add(Objects.toString(line.level(), ""));
        fields.add(Objects.toString(line.description(), ""));
        fields.add(stats ? "" : lines.json(line.payload()));
        for (String column : STATS_COLUMNS) {
            Object v = stats ? line.fields().get(column) : null;
            fields.add(v == null ? "" : v instanceof String str ? str : lines.json(v));
        }
        StringBuilder row = new StringBuilder();
        for (String f : fields) {
            if (row.length() > 0) {
                row.append(',');
            }
            row.append(csvField(recorder.maskSecrets(f)));
        }
        return row.toString();
    }

    /**
     * One RFC 4180 field, neutralised against formula injection first: quoted when it holds a
     * comma, a double quote, CR or LF.
     */
    static String csvField(String text) {
        String s = formulaSafe(text);
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\r') < 0 && s.indexOf('\n') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    /** {@code text} with a single quote in front when a spreadsheet would run it as a formula. */
    static String formulaSafe(String text) {
        if (text.isEmpty() || FORMULA_STARTS.indexOf(text.charAt(0)) < 0 || NUMBER.matcher(text).matches()) {
            return text;
        }
        return "'" + text;
    }
}
