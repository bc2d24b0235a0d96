package org.netstreamfx.app.ui.player;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The items the player plays one after the other, and which one plays now. A single file or URL
 * is a one-item list. Items that failed (not found, not decodable) are marked and skipped by the
 * automatic advance, so a list where everything fails ends instead of going round forever; the
 * user can still play a failed item on purpose, which clears its mark.
 *
 * <p>FX thread, except {@link #expand}, which only reads the file system.
 */
public final class Playlist {
    /** The most items a list holds; what is dropped or chosen beyond it is left out. */
    public static final int MAX_ENTRIES = 10_000;
    /**
     * The most names read from one dropped folder (its files and sub-folders alike), so a huge
     * folder cannot hold the UI up; only the folder's own files are taken, not its sub-folders'.
     */
    public static final int MAX_FOLDER_NAMES = 100_000;

    /** One item: what to open, its short name, and whether it failed or turned out to be live. */
    public static final class Entry {
        private final MediaAddress media;
        private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper(this, "failed");
        private boolean live;

        Entry(MediaAddress media) {
            this.media = media;
        }

        public MediaAddress media() {
            return media;
        }

        /** The name shown in lists and titles (never a query or a password: see MediaAddress). */
        public String title() {
            return media.displayName();
        }

        public ReadOnlyBooleanProperty failedProperty() {
            return failed.getReadOnlyProperty();
        }

        public boolean failed() {
            return failed.get();
        }

        void setFailed(boolean f) {
            failed.set(f);
        }

        /** Played without a duration (a live stream): never looped. */
        boolean live() {
            return live;
        }

        void setLive(boolean l) {
            live = l;
        }

        @Override
        public String toString() {
            return title();
        }
    }

    /** The files of a drop or a multiple choice, and whether some were left out over a limit. */
    public record Expansion(List<Path> files, boolean truncated) {
    }

    private final ObservableList<Entry> entries = FXCollections.observableArrayList();
    private final ObservableList<Entry> entriesView = FXCollections.unmodifiableObservableList(entries);
    private final ReadOnlyIntegerWrapper current = new ReadOnlyIntegerWrapper(this, "current", -1);
    /**
     * The item playing was removed from the list: it plays on, and {@link #current} is the index
     * of the item that took its place (the next one to play).
     */
    private boolean currentRemoved;

    /** The items, in playing order (read-only: change it through the commands). */
    public ObservableList<Entry> entries() {
        return entriesView;
    }

    /** The index of the item playing, -1 when none (nothing opened, or it was removed). */
    public ReadOnlyIntegerProperty currentProperty() {
        return current.getReadOnlyProperty();
    }

    public int size() {
        return entries.size();
    }

    /** The item playing, or null (none, or removed from the list while it plays). */
    public Entry currentEntry() {
        int i = current.get();
        return currentRemoved || i < 0 || i >= entries.size() ? null : entries.get(i);
    }

    /** The index of the item playing, -1 when none. */
    public int current() {
        return currentRemoved ? -1 : current.get();
    }

    /** Replaces the list (at most {@link #MAX_ENTRIES} items); nothing plays yet. */
    void replace(List<MediaAddress> items) {
        List<Entry> list = new ArrayList<>();
        for (MediaAddress a : items.subList(0, Math.min(items.size(), MAX_ENTRIES))) {
            list.add(new Entry(a));
        }
        currentRemoved = false;
        current.set(-1);
        entries.setAll(list);
    }

    void clear() {
        currentRemoved = false;
        current.set(-1);
        entries.clear();
    }

    void setCurrent(int index) {
        if (index < 0 || index >= entries.size()) {
            throw new IndexOutOfBoundsException("item " + index + " of " + entries.size());
        }
        currentRemoved = false;
        current.set(index);
    }

    /** Removes the item at {@code index}; the item playing plays on even when it is the one removed. */
    void remove(int index) {
        if (index < 0 || index >= entries.size()) {
            return;
        }
        int cur = current.get();
        entries.remove(index);
        if (index < cur) {
            current.set(cur - 1);
        } else if (index == cur && !currentRemoved) {
            currentRemoved = true;
            // The property stays at the index of the item after it: fire a change all the same.
            current.set(-1);
            current.set(index);
        }
    }

    /**
     * The item the automatic advance plays after the current one: the next item that has not
     * failed; with {@code wrap} (loop all) the search goes round to the start, skipping items
     * that were live, and may end on the current item itself. -1 when there is none.
     */
    int nextPlayable(boolean wrap) {
        int n = entries.size();
        int start = currentRemoved ? current.get() : current.get() + 1;
        for (int i = Math.max(0, start); i < n; i++) {
            if (!entries.get(i).failed()) {
                return i;
            }
        }
        if (!wrap) {
            return -1;
        }
        int end = Math.min(n - 1, currentRemoved ? current.get() - 1 : current.get());
        for (int i = 0; i <= end; i++) {
            Entry e = entries.get(i);
            if (!e.failed() && !e.live()) {
                return i;
            }
        }
        return -1;
    }

    /** The item N plays: the next one, failed or not; round to the first with {@code wrap}; -1 at the end. */
    int nextIndex(boolean wrap) {
        if (entries.isEmpty()) {
            return -1;
        }
        int i = currentRemoved ? current.get() : current.get() + 1;
        if (i < entries.size()) {
            return Math.max(0, i);
        }
        return wrap ? 0 : -1;
    }

    /** The item P plays: the one before; round to the last with {@code wrap}; -1 at the start. */
    int previousIndex(boolean wrap) {
        if (entries.isEmpty()) {
            return -1;
        }
        int i = current.get() - 1;
        if (i >= 0 && i < entries.size()) {
            return i;
        }
        return wrap ? entries.size() - 1 : -1;
    }

    /**
     * The playable files among {@code paths}, in order: a file of a supported type as itself, a
     * folder as its own supported files (not its sub-folders'), sorted by name in natural order
     * ("clip2" before "clip10"). At most {@link #MAX_ENTRIES} files, and {@link #MAX_FOLDER_NAMES}
     * names read per folder; {@code truncated} says when a limit left something out.
     */
    public static Expansion expand(List<Path> paths) {
        List<Path> out = new ArrayList<>();
        boolean truncated = false;
        for (Path p : paths) {
            if (out.size() >= MAX_ENTRIES) {
                truncated = true;
                break;
            }
            if (Files.isDirectory(p)) {
                List<Path> files = new ArrayList<>();
                int names = 0;
                try (DirectoryStream<Path> dir = Files.newDirectoryStream(p)) {
                    for (Path f : dir) {
                        if (++names > MAX_FOLDER_NAMES) {
                            truncated = true;
                            break;
                        }
                        if (MediaAddress.isSupportedFile(f) && Files.isRegularFile(f)) {
                            files.add(f);
                        }
                    }
                } catch (IOException | RuntimeException e) {
                    continue; // an unreadable folder adds nothing; the others still count
                }
                files.sort(Comparator.comparing(f -> f.getFileName().toString(), NATURAL_ORDER));
                int room = MAX_ENTRIES - out.size();
                if (files.size() > room) {
                    truncated = true;
                }
                out.addAll(files.subList(0, Math.min(room, files.size())));
            } else if (MediaAddress.isSupportedFile(p) && Files.isRegularFile(p)) {
                out.add(p);
            }
        }
        return new Expansion(Collections.unmodifiableList(out), truncated);
    }

    /**
     * Names compared as people read them: runs of digits by their value ("clip2" before
     * "clip10"), the rest ignoring case; equal names by their exact text.
     */
    public static final Comparator<String> NATURAL_ORDER = Playlist::compareNatural;

    private static int compareNatural(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char ca = a.charAt(i);
            char cb = b.charAt(j);
            if (Character.isDigit(ca) && Character.isDigit(cb)) {
                int ea = digitsEnd(a, i);
                int eb = digitsEnd(b, j);
                // Compare by value without parsing (any length): skip leading zeros, then the
                // longer run is the larger number, then digit by digit.
                int za = skipZeros(a, i, ea);
                int zb = skipZeros(b, j, eb);
                int c = Integer.compare(ea - za, eb - zb);
                if (c == 0) {
                    c = a.substring(za, ea).compareTo(b.substring(zb, eb));
                }
                if (c != 0) {
                    return c;
                }
                i = ea;
                j = eb;
            } else {
                int c = Character.compare(Character.toLowerCase(ca), Character.toLowerCase(cb));
                if (c != 0) {
                    return c;
                }
                i++;
                j++;
            }
        }
        int c = Integer.compare(a.length() - i, b.length() - j);
        return c != 0 ? c : a.compareTo(b);
    }

    private static int digitsEnd(String s, int from) {
        int k = from;
        while (k < s.length() && Character.isDigit(s.charAt(k))) {
            k++;
        }
        return k;
    }

    private static int skipZeros(String s, int from, int end) {
        int k = from;
        while (k < end - 1 && s.charAt(k) == '0') {
            k++;
        }
        return k;
    }
}
