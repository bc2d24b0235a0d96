package org.netstreamfx.app;

import org.netstreamfx.app.cli.GuiCommand;
import org.netstreamfx.app.cli.NsfxCommand;
import picocli.CommandLine;

/**
 * The entry point of {@code ./nsfx}. It does not extend javafx.application.Application: the
 * command line runs without starting JavaFX, and {@code nsfx gui} starts it with
 * {@code Platform.startup} when a window is wanted.
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
        return commandLine().execute(args);
    }

    /** The nsfx command with its subcommands; {@code gui} is added here unless NsfxCommand lists it. */
    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new NsfxCommand());
        if (!cl.getSubcommands().containsKey("gui")) {
            cl.addSubcommand("gui", new GuiCommand());
        }
        return cl;
    }
}
