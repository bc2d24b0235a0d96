package org.netstreamfx.app;

import org.netstreamfx.app.cli.NsfxCommand;
import picocli.CommandLine;

/**
 * The entry point of {@code ./nsfx}. It does not extend javafx.application.Application, so the
 * command line runs without JavaFX on the module path and the desktop app can be launched from
 * here when it is wanted.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        int code = run(args);
        System.exit(code);
    }

    /** Runs the command line and returns its exit status (0 ok, 1 error event, 2 bad arguments). */
    public static int run(String... args) {
        return new CommandLine(new NsfxCommand()).execute(args);
    }
}
