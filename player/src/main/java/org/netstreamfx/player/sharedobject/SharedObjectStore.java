package org.netstreamfx.player.sharedobject;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.regex.Pattern;

/**
 * Where local {@link SharedObject}s live: one folder, and the objects opened from it. This is
 * Flash's {@code SharedObject.getLocal} made an explicit object instead of global state:
 *
 * <pre>{@code
 * SharedObjectStore store = SharedObjectStore.inUserConfig("NetStreamFX", Platform::runLater);
 * SharedObject settings = store.getLocal("settings");
 * settings.addNetStatusListener(e -> log(e));
 * settings.data().put("volume", 0.8);
 * settings.flush();
 * }</pre>
 *
 * An object {@code name} with local path {@code p} is the file {@code <folder>/<p>/<name>.sol}
 * ({@code <folder>/<name>.sol} without a local path). Names and local paths are made of the
 * characters {@code A-Z a-z 0-9 _ - .} in segments separated by {@code /}, with no empty, "." or
 * ".." segment, so an object can never be stored outside the folder; anything else throws
 * {@link IllegalArgumentException}, as Flash's getLocal threw for bad names. Asking twice for the
 * same object gives the same instance; asking with the other {@code secure} flag gives an empty
 * object in conflict, with SharedObject.BadPersistence.
 *
 * <p>getLocal reads the file on the calling thread. Thread-safe.
 */
public final class SharedObjectStore {
    /** The subfolder of the application's config folder that holds its shared objects. */
    public static final String FOLDER_NAME = "SharedObjects";
    private static final Pattern SEGMENTED = Pattern.compile("[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)*");
    private static final int MAX_NAME_CHARS = 255;

    private final Path folder;
    private final Executor callbacks;
    private final Map<Path, SharedObject> open = new HashMap<>();

    private SharedObjectStore(Path folder, Executor callbacks) {
        this.folder = folder.toAbsolutePath().normalize();
        this.callbacks = Objects.requireNonNull(callbacks, "callbacks");
    }

    /** A store in {@code folder}; listeners run on {@code callbacks}. The folder is made on the first flush. */
    public static SharedObjectStore at(Path folder, Executor callbacks) {
        return new SharedObjectStore(Objects.requireNonNull(folder, "folder"), callbacks);
    }

    /** A store in {@code folder} whose listeners run on the thread that raises the event. */
    public static SharedObjectStore at(Path folder) {
        return at(folder, Runnable::run);
    }

    /**
     * The store of application {@code appName} in the user's config folder:
     * {@code <config>/<appName>/SharedObjects}, where {@code <config>} is
     * {@link #userConfigFolder(String, Map, Path)} for this machine.
     */
    public static SharedObjectStore inUserConfig(String appName, Executor callbacks) {
        Path config = userConfigFolder(System.getProperty("os.name", ""), System.getenv(),
                Path.of(System.getProperty("user.home", ".")));
        return at(config.resolve(checkAppName(appName)).resolve(FOLDER_NAME), callbacks);
    }

    /** {@link #inUserConfig(String, Executor)} with listeners run on the thread that raises the event. */
    public static SharedObjectStore inUserConfig(String appName) {
        return inUserConfig(appName, Runnable::run);
    }

    /**
     * The user's config folder: on Windows {@code %APPDATA%} (else {@code home\AppData\Roaming}),
     * on macOS {@code home/Library/Application Support}, elsewhere {@code $XDG_CONFIG_HOME} when it
     * is an absolute path (the XDG Base Directory rule), else {@code home/.config}.
     */
    public static Path userConfigFolder(String osName, Map<String, String> env, Path home) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String appData = env.get("APPDATA");
            return appData != null && !appData.isBlank() ? Path.of(appData) : home.resolve("AppData").resolve("Roaming");
        }
        if (os.startsWith("mac") || os.startsWith("darwin")) {
            return home.resolve("Library").resolve("Application Support");
        }
        String xdg = env.get("XDG_CONFIG_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg);
        }
        return home.resolve(".config");
    }

    public Path folder() {
        return folder;
    }

    /** Listeners of this store's objects run here. */
    public Executor callbackExecutor() {
        return callbacks;
    }

    public SharedObject getLocal(String name) {
        return getLocal(name, null, false);
    }

    public SharedObject getLocal(String name, String localPath) {
        return getLocal(name, localPath, false);
    }

    /**
     * The object {@code name} under {@code localPath} (null or "/" for none), created with the
     * given {@code secure} flag when it is new. The secure flag is stored in the file; asking for
     * an existing object with the other flag gives SharedObject.BadPersistence.
     */
    public SharedObject getLocal(String name, String localPath, boolean secure) {
        Path file = fileOf(name, localPath);
        String path = normalizedLocalPath(localPath);
        synchronized (open) {
            SharedObject known = open.get(file);
            if (known != null) {
                return known.secure() == secure ? known
                        : SharedObject.conflicting(name, path, secure, file, callbacks, known.secure());
            }
            SharedObject so = SharedObject.load(name, path, secure, file, callbacks);
            if (!so.inConflict()) {
                open.put(file, so);   // an object in conflict never writes: the next request reads the file again
            }
            return so;
        }
    }

    /** The file that holds object {@code name} under {@code localPath}; checks both. */
    public Path fileOf(String name, String localPath) {
        checkSegments("shared object name", name);
        String path = normalizedLocalPath(localPath);
        Path dir = path == null ? folder : folder.resolve(path);
        Path file = dir.resolve(name + ".sol").normalize();
        if (!file.startsWith(folder)) {
            throw new IllegalArgumentException("shared object " + name + " would be outside " + folder);
        }
        return file;
    }

    private static String normalizedLocalPath(String localPath) {
        if (localPath == null) {
            return null;
        }
        String p = localPath.replaceAll("^/+", "").replaceAll("/+$", "");
        if (p.isEmpty()) {
            return null;
        }
        checkSegments("shared object local path", p);
        return p;
    }

    private static void checkSegments(String what, String s) {
        Objects.requireNonNull(s, what);
        if (s.length() > MAX_NAME_CHARS || !SEGMENTED.matcher(s).matches()) {
            throw new IllegalArgumentException(what + " \"" + s + "\" must be 1 to " + MAX_NAME_CHARS
                    + " characters of A-Z a-z 0-9 _ - . in segments separated by /");
        }
        for (String segment : s.split("/")) {
            if (segment.equals(".") || segment.equals("..")) {
                throw new IllegalArgumentException(what + " \"" + s + "\" may not contain a \".\" or \"..\" segment");
            }
        }
    }

    private static String checkAppName(String appName) {
        checkSegments("application name", appName);
        if (appName.contains("/")) {
            throw new IllegalArgumentException("application name \"" + appName + "\" may not contain /");
        }
        return appName;
    }

    @Override
    public String toString() {
        return "SharedObjectStore[" + folder + "]";
    }
}
