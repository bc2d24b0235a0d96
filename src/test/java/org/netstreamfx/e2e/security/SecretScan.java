package org.netstreamfx.e2e.security;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Searches what the tools left behind (printed lines, files, recordings, exception messages) for
 * secrets, and says where each one was found.
 *
 * <p>A secret counts as found when the whole of it, or all of it but its first two characters,
 * occurs in any letter case: the publisher's mask keeps two characters ({@code "SE***"}), so a
 * leak of the rest is a leak too. Files are searched as raw bytes (ISO-8859-1, one char per byte),
 * which finds UTF-8 and ASCII text in any container, binary recordings included.
 */
final class SecretScan {
    /** How much text either side of a finding is shown. */
    private static final int CONTEXT_CHARS = 60;

    private final List<String> needles;
    private final List<String> findings = new ArrayList<>();
    private final List<String> searched = new ArrayList<>();

    SecretScan(List<String> secrets) {
        List<String> n = new ArrayList<>();
        for (String s : secrets) {
            if (s.length() < 8) {
                throw new IllegalArgumentException("a secret of fewer than 8 characters finds noise: " + s);
            }
            n.add(s.toLowerCase(Locale.ROOT));
            n.add(s.substring(2).toLowerCase(Locale.ROOT));
        }
        this.needles = List.copyOf(n);
    }

    /** Searches {@code text}, naming it {@code where} in a finding. */
    synchronized void text(String where, String text) {
        searched.add(where);
        if (text == null) {
            return;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        for (String needle : needles) {
            int at = lower.indexOf(needle);
            if (at >= 0) {
                int from = Math.max(0, at - CONTEXT_CHARS);
                int to = Math.min(text.length(), at + needle.length() + CONTEXT_CHARS);
                String line = "line " + (text.substring(0, at).chars().filter(c -> c == '\n').count() + 1);
                findings.add(where + " (" + line + "): …" + text.substring(from, to).replaceAll("[\\p{Cntrl}]", "·")
                        + "…");
                return; // one finding per place is enough to point at it
            }
        }
    }

    /** Searches a throwable: its toString, its message and its whole printed stack trace with causes. */
    void exception(String where, Throwable t) {
        StringWriter w = new StringWriter();
        t.printStackTrace(new PrintWriter(w));
        text(where + " (exception " + t.getClass().getSimpleName() + ")", t + "\n" + t.getMessage() + "\n" + w);
    }

    /** Searches a file's raw bytes. */
    void file(String where, Path file) {
        try {
            text(where + " " + file, new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Searches every regular file under {@code dir}, and every file and folder name. */
    void tree(String where, Path dir) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.toList()) {
                text(where + " file name", dir.relativize(p).toString());
                if (Files.isRegularFile(p)) {
                    file(where, p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    synchronized List<String> findings() {
        return List.copyOf(findings);
    }

    synchronized int placesSearched() {
        return searched.size();
    }

    /** The findings, one a line, for an assertion message. */
    synchronized String report() {
        return findings.size() + " place(s) hold a secret:\n  " + String.join("\n  ", findings);
    }
}
