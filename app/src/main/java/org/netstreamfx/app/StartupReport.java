package org.netstreamfx.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The start's milestones (issue 16), written only when the JVM runs with
 * {@code -Dnsfx.startupReport=FILE}: one line per milestone, {@code NAME EPOCH_MS}, the wall clock
 * when it was reached, appended as it happens (a run killed after its first picture has still
 * reported it). {@code nsfx bench}'s startup measurement subtracts the moment it started the
 * launcher, so the figures count the launcher script and the JVM's boot as a user waits for them.
 * Each name is written once per process, the first time it is reached.
 *
 * <p>Without the property every call is one property read: nothing is written, nothing loaded. A
 * file that cannot be written is said on stderr and the app goes on.
 */
public final class StartupReport {
    /** The system property naming the report file. */
    public static final String PROPERTY = "nsfx.startupReport";
    /** Main.main was entered: the JVM has booted and loaded the app's first class. */
    public static final String MAIN = "main";
    /** The command line is parsed: the subcommand's code starts. */
    public static final String COMMAND = "command";
    /** FFmpeg's libraries are loaded ({@link NativesPreload}, in the background). */
    public static final String NATIVES = "natives";
    /** JavaFX's toolkit is up: the first runnable on the FX thread runs. */
    public static final String TOOLKIT = "toolkit";
    /** The main window is shown, with the outline it has until its views are built (StartupFrame). */
    public static final String WINDOW = "window";
    /** The main window's views, menus and stylesheet are in place, in the shown window. */
    public static final String VIEWS = "views";
    /** The first picture of the video is on the window's image (the GUI) or in the video sink (nsfx play). */
    public static final String FIRST_PICTURE = "firstPicture";

    private static final Set<String> REACHED = ConcurrentHashMap.newKeySet();

    private StartupReport() {
    }

    /** Whether the report is asked for. */
    public static boolean enabled() {
        return System.getProperty(PROPERTY) != null;
    }

    /** Writes {@code milestone} with the time now, unless it was written before or no report is asked for. */
    public static void reached(String milestone) {
        String file = System.getProperty(PROPERTY);
        if (file == null || !REACHED.add(milestone)) {
            return;
        }
        String line = String.format(Locale.ROOT, "%s %d%n", milestone, System.currentTimeMillis());
        try {
            Files.writeString(Path.of(file), line, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        } catch (IOException e) {
            // A report that cannot be written must not stop the app: said once per milestone.
            System.err.println("nsfx: cannot write the startup report " + file + ": " + e.getMessage());
        }
    }
}
