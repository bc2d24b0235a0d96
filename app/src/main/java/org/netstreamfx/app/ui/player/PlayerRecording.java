package org.netstreamfx.app.ui.player;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.netstreamfx.player.net.NetStatusCode;
import org.netstreamfx.player.net.NetStatusEvent;
import org.netstreamfx.player.net.NetStatusListener;
import org.netstreamfx.player.net.NetStream;
import org.netstreamfx.player.net.StatusLevel;

/**
 * The player's Record toggle: records what its stream plays, still compressed as it arrives, with
 * {@link NetStream#recordPlayed(Path)} to a fragmented MP4 file (a crash leaves a playable file)
 * named {@code nsfx-<title>-<yyyyMMdd-HHmmss>.mp4} in the recording folder ({@link #defaultFolder()}:
 * {@code ~/Videos/NetStreamFX}, or the home folder without a Videos folder). The title is the
 * address's short name without its host, query or extension, cut to {@link #MAX_TITLE_CHARS}
 * safe characters, so a password, token or {@code ?key=} never reaches a file name.
 *
 * <p>It stops when toggled off, when the stream ends, and when the player opens something else or
 * closes (the engine stops a recording at the next play() and at close()). Record.Start,
 * Record.Stop and Record.Failed are heard on the recorded stream itself, so the notice naming the
 * file comes also when that stream has already been replaced. FX thread.
 */
public final class PlayerRecording {
    /** The recordings' file name extension: fragmented MP4. */
    public static final String EXTENSION = ".mp4";
    /** The longest title part of a recording's file name. */
    public static final int MAX_TITLE_CHARS = 60;
    /** The most files tried when a name is taken (the same title in the same second). */
    static final int MAX_NAME_TRIES = 100;
    /** How the recorders' Record.Stop says that no packet was written ("… (0 packets, 0.00 s)."). */
    private static final java.util.regex.Pattern NOTHING_WRITTEN = java.util.regex.Pattern.compile("\\(0 packets,");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);

    private final Consumer<Notice> notices;
    private final Executor closer;
    private Supplier<Path> folder = PlayerRecording::defaultFolder;
    private final ReadOnlyBooleanWrapper recording = new ReadOnlyBooleanWrapper(this, "recording");
    private final ReadOnlyDoubleWrapper seconds = new ReadOnlyDoubleWrapper(this, "seconds");
    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>(this, "file");
    private NetStream stream;
    private NetStatusListener listener;
    private long startedNanos;

    /**
     * @param notices where the notices go (the player's notice property)
     * @param closer  runs {@link NetStream#stopRecording()}, which finishes the file, off the FX thread
     */
    PlayerRecording(Consumer<Notice> notices, Executor closer) {
        this.notices = notices;
        this.closer = closer;
    }

    /** {@code ~/Videos/NetStreamFX} when {@code ~/Videos} exists, else the home folder. */
    public static Path defaultFolder() {
        Path home = Path.of(System.getProperty("user.home"));
        Path videos = home.resolve("Videos");
        return Files.isDirectory(videos) ? videos.resolve("NetStreamFX") : home;
    }

    /** Where recordings go from now on (tests: a temporary folder); created when needed. */
    public void setFolder(Path dir) {
        folder = dir == null ? PlayerRecording::defaultFolder : () -> dir;
    }

    public Path folder() {
        return folder.get();
    }

    /** Whether a recording is under way (the REC indicator shows). */
    public ReadOnlyBooleanProperty recordingProperty() {
        return recording.getReadOnlyProperty();
    }

    /** Seconds since the recording started writing (NetStream.Record.Start), 0 before. */
    public ReadOnlyDoubleProperty secondsProperty() {
        return seconds.getReadOnlyProperty();
    }

    /** The file being (or last) recorded to, or null. */
    public ReadOnlyObjectProperty<Path> fileProperty() {
        return file.getReadOnlyProperty();
    }

    /**
     * {@code nsfx-<title>-<yyyyMMdd-HHmmss>.mp4}: the title from the address's short name (a
     * file's name, a URL's last path segment, an RTMP stream name), without host, query and
     * extension, every character but letters, digits, '.', '_' and '-' made a '-'.
     */
    public static String fileName(MediaAddress a, LocalDateTime at) {
        return "nsfx-" + title(a) + "-" + STAMP.format(at) + EXTENSION;
    }

    static String title(MediaAddress a) {
        String name = a.displayName();
        // "name (host)" for URLs; a URL without a path is named by its host alone, dots and all.
        int host = a.kind() == MediaAddress.Kind.FILE ? -1 : name.lastIndexOf(" (");
        boolean hostOnly = a.kind() != MediaAddress.Kind.FILE && host <= 0;
        name = host > 0 ? name.substring(0, host) : name;
        int query = name.indexOf('?');
        name = query >= 0 ? name.substring(0, query) : name;
        name = name.substring(name.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        if (dot > 0 && !hostOnly) {
            name = name.substring(0, dot);
        }
        name = name.replaceFirst("^(?i)(mp4|flv|f4v|mp3):", "");
        String safe = name.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("-{2,}", "-")
                .replaceAll("^[-.]+|[-.]+$", "");
        if (safe.length() > MAX_TITLE_CHARS) {
            safe = safe.substring(0, MAX_TITLE_CHARS).replaceAll("[-.]+$", "");
        }
        return safe.isEmpty() ? "stream" : safe;
    }

    /**
     * The Record toggle (Ctrl+R): stops the recording under way, else starts recording {@code ns},
     * which plays {@code a} and is {@code s}; with nothing playing, a notice says so.
     */
    void toggle(NetStream ns, MediaAddress a, PlayerState s) {
        if (recording.get()) {
            stop();
            return;
        }
        if (ns == null || a == null || s == PlayerState.IDLE || s == PlayerState.ENDED || s == PlayerState.FAILED) {
            notices.accept(new Notice(NetStatusCode.NETSTREAM_RECORD_FAILED.code(), StatusLevel.WARNING,
                    "Nothing is playing to record.", "Open a file or a stream, then press Ctrl+R."));
            return;
        }
        start(ns, a);
    }

    /** Starts recording {@code ns}, which plays {@code a}; an earlier recording is stopped first. */
    void start(NetStream ns, MediaAddress a) {
        stop();
        Path dir = folder.get();
        Path target;
        try {
            Files.createDirectories(dir);
            target = freeName(dir, fileName(a, LocalDateTime.now()));
        } catch (IOException | RuntimeException e) {
            notices.accept(new Notice(NetStatusCode.NETSTREAM_RECORD_FAILED.code(), StatusLevel.ERROR,
                    "Cannot record to the folder " + dir + ": " + reason(e) + ".",
                    "Check that the folder can be created and written to; playback goes on."));
            return;
        }
        String mine = target.toString();
        NetStatusListener[] self = new NetStatusListener[1];
        self[0] = e -> onRecordStatus(ns, mine, self[0], e);
        stream = ns;
        listener = self[0];
        startedNanos = 0;
        seconds.set(0);
        file.set(target);
        recording.set(true);
        ns.addNetStatusListener(self[0]);
        ns.recordPlayed(target);
    }

    /** Stops the recording under way, if any; the notice naming the file follows at Record.Stop. */
    void stop() {
        NetStream ns = stream;
        if (ns == null) {
            return;
        }
        stream = null;
        recording.set(false);
        if (startedNanos == 0) {
            // Nothing reached the file (no keyframe yet): the engine drops it without an event.
            ns.removeNetStatusListener(listener);
            notices.accept(new Notice(NetStatusCode.NETSTREAM_RECORD_STOP.code(), StatusLevel.WARNING,
                    "Recording stopped before the stream gave its first picture: nothing was written.",
                    "Press Ctrl+R while the stream plays."));
        }
        listener = null;
        closer.execute(ns::stopRecording);
    }

    /** Updates the elapsed time (the player's poll). */
    void tick() {
        if (recording.get() && startedNanos != 0) {
            seconds.set((System.nanoTime() - startedNanos) / 1e9);
        }
    }

    /** Record.* of the file {@code mine} on {@code ns}: {@code self} is this recording's listener. */
    private void onRecordStatus(NetStream ns, String mine, NetStatusListener self, NetStatusEvent e) {
        if (!mine.equals(e.details())) {
            return;
        }
        boolean current = self == listener;
        if (e.is(NetStatusCode.NETSTREAM_RECORD_START)) {
            if (current) {
                startedNanos = System.nanoTime();
            }
            return;
        }
        if (!e.is(NetStatusCode.NETSTREAM_RECORD_STOP) && !e.is(NetStatusCode.NETSTREAM_RECORD_FAILED)) {
            return;
        }
        ns.removeNetStatusListener(self);
        if (current) {
            stream = null;
            listener = null;
            recording.set(false);
        }
        if (e.is(NetStatusCode.NETSTREAM_RECORD_STOP) && NOTHING_WRITTEN.matcher(e.description()).find()) {
            // Stopped before the first keyframe came: a file with no media in it is not kept.
            try {
                Files.deleteIfExists(Path.of(mine));
            } catch (IOException | RuntimeException ex) {
                // It stays, empty; the notice still says nothing was recorded.
            }
            notices.accept(new Notice(e.code(), StatusLevel.WARNING, "Nothing was recorded: the recording stopped "
                    + "before the stream's next keyframe, so no file was kept.",
                    "Record for longer: a recording starts at a keyframe (most streams send one every 1 to 10 s)."));
        } else if (e.is(NetStatusCode.NETSTREAM_RECORD_STOP)) {
            notices.accept(new Notice(e.code(), StatusLevel.STATUS, e.description(),
                    "Open it with Ctrl+O, or in any player that plays MP4."));
        } else {
            notices.accept(new Notice(e.code(), StatusLevel.ERROR, e.description(),
                    "Check that the folder " + Path.of(mine).getParent() + " can be written to and that the disk "
                            + "has room; playback goes on."));
        }
    }

    /** Hands {@code e} to the recording under way as if its stream had raised it (tests). */
    void heard(NetStatusEvent e) {
        if (listener != null) {
            listener.onNetStatus(e);
        }
    }

    private static Path freeName(Path dir, String name) throws IOException {
        Path p = dir.resolve(name);
        String stem = name.substring(0, name.length() - EXTENSION.length());
        for (int i = 2; Files.exists(p); i++) {
            if (i > MAX_NAME_TRIES) {
                throw new IOException("more than " + MAX_NAME_TRIES + " files named " + name);
            }
            p = dir.resolve(stem + "-" + i + EXTENSION);
        }
        return p;
    }

    private static String reason(Exception e) {
        String m = e.getMessage();
        if (e instanceof java.nio.file.FileAlreadyExistsException) {
            return "a file of that name is in the way";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        return m == null ? e.getClass().getSimpleName() : m;
    }
}
