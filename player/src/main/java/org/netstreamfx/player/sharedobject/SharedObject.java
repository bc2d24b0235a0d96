package org.netstreamfx.player.sharedobject;

import org.netstreamfx.player.net.NetConnection;
import org.netstreamfx.player.net.NetStatusCode;
import org.netstreamfx.player.net.NetStatusEvent;
import org.netstreamfx.player.net.NetStatusListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import org.netstreamfx.player.util.Redact;
import org.netstreamfx.player.wire.WireFormatException;

/**
 * A local shared object, the Flash model ({@code flash.net.SharedObject.getLocal}): a
 * {@link #data()} map that persists across runs when {@link #flush()}ed. Objects come from a
 * {@link SharedObjectStore} ({@code store.getLocal(name)}), which decides the folder; there is no
 * global state. The file format is described in {@code SharedObjectFile}: a 10-byte header
 * ("NSSO", version, the secure flag, the body length) and an AMF0 body (the name as a string, the
 * data as an ECMA array), at most {@link #MAX_FILE_BYTES}.
 *
 * <p>Events ({@code info.details} is the file's path):
 * <ul>
 *   <li>{@code SharedObject.Flush.Success} / {@code SharedObject.Flush.Failed} after each flush;
 *       the failure's description names the path and the error (an unwritable folder, a value
 *       with no AMF form, an object over the size limit).</li>
 *   <li>{@code SharedObject.BadPersistence} when the object is requested with a {@code secure}
 *       flag other than the one it was created with (the object is then empty and never written,
 *       so the stored one is not overwritten), or when its file is corrupt, truncated or over the
 *       size limit (the object is then empty, the bad file is kept as {@code name.sol.bad}, and
 *       the next flush writes a fresh file).</li>
 *   <li>{@code SharedObject.UriMismatch} from {@link #connect(NetConnection)}.</li>
 * </ul>
 * Listeners run on the store's executor. Events raised before the first listener is added (those
 * of getLocal) are held and delivered to that first listener, as Flash delivered them on the next
 * frame; {@link #loadProblem()} also tells it at once.
 *
 * <p>Thread ownership: {@link #data()} is a plain ordered map, owned by one thread at a time (the
 * UI thread, in the app). {@link #flush()} encodes and writes on the calling thread;
 * {@link #flush(Executor)} encodes on the calling thread and writes on the given one, so a UI
 * thread never waits for the disk.
 */
public final class SharedObject {
    /** Largest file, and so largest object, in bytes (1 MiB). */
    public static final int MAX_FILE_BYTES = 1 << 20;
    /** The uri of every local object: that of a connection made with {@code connect(null)}. */
    public static final String LOCAL_URI = "null";
    private static final int MAX_HELD_EVENTS = 16;

    /** What {@link #flush()} did (Flash returned "flushed" or "pending"; nothing here waits for a user). */
    public enum FlushStatus { FLUSHED, FAILED }

    private final String name;
    private final String localPath;
    private final boolean secure;
    private final Path file;
    private final Executor callbacks;
    /** Why this object must never write its file (a flag conflict), or null. */
    private final String conflict;
    private final Map<String, Object> data = new LinkedHashMap<>();
    private final List<NetStatusListener> listeners = new CopyOnWriteArrayList<>();
    private final List<NetStatusEvent> held = new ArrayList<>();
    private volatile NetStatusEvent loadProblem;

    private SharedObject(String name, String localPath, boolean secure, Path file, Executor callbacks, String conflict) {
        this.name = name;
        this.localPath = localPath;
        this.secure = secure;
        this.file = file;
        this.callbacks = callbacks;
        this.conflict = conflict;
    }

    /** Loads (or starts) the object stored in {@code file}; never throws for what the file holds. */
    static SharedObject load(String name, String localPath, boolean secure, Path file, Executor callbacks) {
        if (!Files.exists(file)) {
            return new SharedObject(name, localPath, secure, file, callbacks, null);
        }
        byte[] bytes;
        SharedObjectFile.Contents contents;
        try {
            bytes = SharedObjectFile.readCapped(file);
            contents = SharedObjectFile.decode(name, bytes);
        } catch (IOException | IllegalArgumentException e) {
            return unreadable(name, localPath, secure, file, callbacks, e);
        }
        if (contents.secure() != secure) {
            return conflicting(name, localPath, secure, file, callbacks, contents.secure());
        }
        SharedObject so = new SharedObject(name, localPath, secure, file, callbacks, null);
        so.data.putAll(contents.data());
        return so;
    }

    /** The object asked for with a secure flag other than the stored (or already open) one's. */
    static SharedObject conflicting(String name, String localPath, boolean secure, Path file, Executor callbacks,
                                    boolean createdSecure) {
        String why = "Shared object '" + name + "' (" + file + ") was created with secure=" + createdSecure
                + " and is requested with secure=" + secure + "; it is left as it is and this object is not saved."
                + " Ask for it with secure=" + createdSecure + ".";
        SharedObject so = new SharedObject(name, localPath, secure, file, callbacks, why);
        so.raiseLoadProblem(why);
        return so;
    }

    private static SharedObject unreadable(String name, String localPath, boolean secure, Path file,
                                           Executor callbacks, Exception cause) {
        String what = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        String kept;
        if (!(cause instanceof WireFormatException || cause instanceof IllegalArgumentException)) {
            kept = "it was left in place";   // not known to be bad: the disk or the permissions failed
        } else {
            try {
                kept = "it was kept as " + SharedObjectFile.backUp(file);
            } catch (IOException e) {
                kept = "keeping a copy failed too (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")";
            }
        }
        SharedObject so = new SharedObject(name, localPath, secure, file, callbacks, null);
        so.raiseLoadProblem("Shared object file " + file + " could not be read (" + what + "); " + kept
                + ". The object starts empty.");
        return so;
    }

    private void raiseLoadProblem(String description) {
        NetStatusEvent e = event(NetStatusCode.SHAREDOBJECT_BADPERSISTENCE, description);
        loadProblem = e;
        dispatch(e);
    }

    public String name() {
        return name;
    }

    /** The local path given to getLocal, or null. */
    public String localPath() {
        return localPath;
    }

    public boolean secure() {
        return secure;
    }

    /** Where this object is stored. */
    public Path file() {
        return file;
    }

    /** {@link #LOCAL_URI}: a local object belongs to connections made with {@code connect(null)}. */
    public String uri() {
        return LOCAL_URI;
    }

    /**
     * The object's data: keys to plain Java values ({@code Map<String, ?>}, {@code List},
     * {@code Double} or any {@code Number}, {@code String}, {@code Boolean}, {@code null},
     * {@code Instant}, {@code byte[]}). Numbers come back from the file as {@code Double}, dates at
     * millisecond precision.
     */
    public Map<String, Object> data() {
        return data;
    }

    /** True when this object was asked for with flags that conflict with the stored object's, so it never writes. */
    boolean inConflict() {
        return conflict != null;
    }

    /** The BadPersistence event getLocal raised for this object, if any. */
    public Optional<NetStatusEvent> loadProblem() {
        return Optional.ofNullable(loadProblem);
    }

    /**
     * Flash's {@code size}: the object's current size in bytes, as it would be written. Throws
     * {@link IllegalArgumentException} naming the key when a value cannot be stored.
     */
    public int size() {
        return SharedObjectFile.encode(name, secure, data).length;
    }

    /** Writes the data now, on this thread; Flush.Success or Flush.Failed follows. */
    public FlushStatus flush() {
        Optional<byte[]> bytes = encodeForFlush();
        return bytes.isPresent() ? write(bytes.get()) : FlushStatus.FAILED;
    }

    /**
     * Encodes the data now, on this thread (a consistent snapshot), and writes it on {@code io};
     * Flush.Success or Flush.Failed follows.
     */
    public CompletableFuture<FlushStatus> flush(Executor io) {
        Optional<byte[]> bytes = encodeForFlush();
        if (bytes.isEmpty()) {
            return CompletableFuture.completedFuture(FlushStatus.FAILED);
        }
        return CompletableFuture.supplyAsync(() -> write(bytes.get()), io);
    }

    private Optional<byte[]> encodeForFlush() {
        if (conflict != null) {
            dispatch(event(NetStatusCode.SHAREDOBJECT_FLUSH_FAILED, "Not written: " + conflict));
            return Optional.empty();
        }
        try {
            return Optional.of(SharedObjectFile.encode(name, secure, data));
        } catch (IllegalArgumentException e) {
            dispatch(event(NetStatusCode.SHAREDOBJECT_FLUSH_FAILED, "Could not write shared object " + file
                    + ": " + e.getMessage() + ". Store only maps, lists, numbers, strings, booleans, dates and null."));
            return Optional.empty();
        }
    }

    private FlushStatus write(byte[] bytes) {
        try {
            SharedObjectFile.writeAtomically(file, bytes);
        } catch (IOException | RuntimeException e) {
            dispatch(event(NetStatusCode.SHAREDOBJECT_FLUSH_FAILED, "Could not write shared object " + file
                    + ": " + e.getClass().getSimpleName() + ": " + e.getMessage()
                    + ". Check that the folder exists and can be written."));
            return FlushStatus.FAILED;
        }
        dispatch(event(NetStatusCode.SHAREDOBJECT_FLUSH_SUCCESS, "Saved " + bytes.length + " bytes to " + file + "."));
        return FlushStatus.FLUSHED;
    }

    /**
     * Flash's {@code clear()}: empties the data and deletes the stored file (an object in flag
     * conflict leaves the file alone). A file that cannot be deleted raises Flush.Failed.
     */
    public void clear() {
        data.clear();
        if (conflict != null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            dispatch(event(NetStatusCode.SHAREDOBJECT_FLUSH_FAILED, "Could not delete shared object " + file
                    + ": " + e.getClass().getSimpleName() + ": " + e.getMessage() + "."));
        }
    }

    /**
     * A local object needs no connection, but may be connected to the connection it belongs to:
     * one made with {@code connect(null)}, whose uri is {@link #LOCAL_URI}. Any other connection
     * (a server's address, or one not connected yet) raises and returns SharedObject.UriMismatch;
     * the matching connection returns empty.
     */
    public Optional<NetStatusEvent> connect(NetConnection connection) {
        String theirs = connection.uri();
        if (LOCAL_URI.equals(theirs)) {
            return Optional.empty();
        }
        NetStatusEvent e = event(NetStatusCode.SHAREDOBJECT_URIMISMATCH, "Shared object '" + name
                + "' is local and was created for uri " + LOCAL_URI + " (connect(null)), but the NetConnection's uri is "
                + (theirs == null ? "not set (not connected)" : Redact.url(theirs))
                + ". Connect it to a NetConnection made with connect(null).");
        dispatch(e);
        return Optional.of(e);
    }

    public void addNetStatusListener(NetStatusListener l) {
        Objects.requireNonNull(l, "listener");
        List<NetStatusEvent> pending;
        synchronized (held) {
            listeners.add(l);
            pending = List.copyOf(held);
            held.clear();
        }
        if (!pending.isEmpty()) {
            callbacks.execute(() -> pending.forEach(l::onNetStatus));
        }
    }

    public void removeNetStatusListener(NetStatusListener l) {
        listeners.remove(l);
    }

    private NetStatusEvent event(NetStatusCode code, String description) {
        return NetStatusEvent.of(code, description, file.toString(), System.nanoTime());
    }

    private void dispatch(NetStatusEvent e) {
        synchronized (held) {
            if (listeners.isEmpty()) {
                if (held.size() < MAX_HELD_EVENTS) {
                    held.add(e);
                }
                return;
            }
        }
        callbacks.execute(() -> {
            for (NetStatusListener l : listeners) {
                l.onNetStatus(e);
            }
        });
    }

    @Override
    public String toString() {
        return "SharedObject[" + name + " at " + file + (secure ? ", secure" : "") + "]";
    }
}
