package org.netstreamfx.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/**
 * One {@code nsfx play} run in this JVM, with what it printed: its exit status, standard output
 * (JSON lines by default) and standard error.
 */
record PlayRun(int exit, String out, String err) {

    /** Runs {@code nsfx play ARGS}, capturing System.out and System.err while it runs. */
    static PlayRun of(String... args) {
        return run(new PlayCommand(), args);
    }

    /** Runs another nsfx command ({@code nsfx inspect}) the same way. */
    static PlayRun run(Object command, String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            int exit = new CommandLine(command).execute(args);
            return new PlayRun(exit, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    /** The output's JSON lines. */
    List<JsonNode> lines() {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> lines = new ArrayList<>();
        try {
            for (String line : out.strip().split("\n")) {
                lines.add(json.readTree(line));
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return lines;
    }
}
