package org.netstreamfx.e2e.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.regex.Pattern;

/**
 * Whether one {@code nsfx play} of a mutant ended as it must: exit 0, or exit 1 (nsfx's status
 * after an error-level event) with an error-level status line on stdout; every stdout line one
 * JSON object; no OutOfMemoryError or StackOverflowError anywhere; no Java stack trace; no error
 * description that is only the name of an unexpected runtime exception.
 */
final class Verdict {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** nsfx play's exit status after an error-level event (README, "Exit status"). */
    static final int EXIT_ERROR_EVENT = 1;
    /** Runtime exceptions that mean a bug, not a described failure, when an error event names them. */
    private static final Pattern UNEXPECTED = Pattern.compile("NullPointerException|IndexOutOfBoundsException"
            + "|NegativeArraySizeException|ArithmeticException|ClassCastException|BufferUnderflowException"
            + "|BufferOverflowException|IllegalArgumentException|IllegalStateException|ConcurrentModificationException"
            + "|UnsupportedOperationException|NumberFormatException|OutOfMemoryError|StackOverflowError");
    private static final Pattern STACK_FRAME = Pattern.compile("(?m)^\\s+at [\\w$.]+\\(");

    private Verdict() {}

    /**
     * The first error event's code and description with numbers and file names blanked, to group
     * the outcomes in the summary.
     */
    static String firstError(String stdout) {
        for (String line : stdout.split("\n")) {
            try {
                JsonNode n = JSON.readTree(line);
                if (n != null && n.path("level").asText().equals("error")) {
                    String d = n.path("description").asText().replaceAll("/\\S+", "FILE").replaceAll("\\d+", "N");
                    return n.path("code").asText() + ": " + (d.length() > 110 ? d.substring(0, 110) + "…" : d);
                }
            } catch (IOException e) {
                return "(not JSON)";
            }
        }
        return "(none)";
    }

    /** Null if the play ended as it must, else what was wrong. */
    static String of(int exit, String stdout, String stderr) {
        String all = stdout + "\n" + stderr;
        if (all.contains("OutOfMemoryError")) {
            return "OutOfMemoryError";
        }
        if (all.contains("StackOverflowError")) {
            return "StackOverflowError";
        }
        if (STACK_FRAME.matcher(stderr).find() || stderr.contains("Exception in thread")) {
            return "a Java stack trace on stderr";
        }
        boolean errorEvent = false;
        for (String line : stdout.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode n;
            try {
                n = JSON.readTree(line);
            } catch (IOException e) {
                return "a stdout line that is not JSON: " + line;
            }
            if (n == null || !n.isObject()) {
                return "a stdout line that is not a JSON object: " + line;
            }
            if (n.path("type").asText().equals("status") && n.path("level").asText().equals("error")) {
                errorEvent = true;
                String description = n.path("description").asText();
                if (description.isBlank()) {
                    return "an error event without a description: " + line;
                }
                if (UNEXPECTED.matcher(description).find()) {
                    return "an error event that names an unexpected exception: " + line;
                }
            }
        }
        if (exit == 0) {
            return null;
        }
        if (exit == EXIT_ERROR_EVENT) {
            return errorEvent ? null : "exit " + exit + " without an error event";
        }
        return "exit status " + exit + (exit > 128 ? " (signal " + (exit - 128) + ")" : "");
    }
}
