package org.netstreamfx.app;

import java.util.function.Supplier;
import org.netstreamfx.app.cli.GuiCommand;
import org.netstreamfx.app.cli.NsfxCommand;
import org.netstreamfx.app.cli.PublishCommand;
import org.netstreamfx.app.ui.DesktopApp;
import org.netstreamfx.player.util.Redact;
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
        StartupReport.reached(StartupReport.MAIN);
        NativesPreload.start();
        int code = run(args);
        System.exit(code);
    }

    /** Runs the command line and returns its exit status (0 ok, 1 error event, 2 bad arguments). */
    public static int run(String... args) {
        return commandLine(args).execute(args);
    }

    /**
     * The nsfx command with the subcommand {@code args} names, or with every subcommand when the
     * first argument names none (no command, an option such as --help or --version, a mistyped
     * name, which picocli then answers with its suggestions).
     */
    static CommandLine commandLine(String... args) {
        CommandLine cl = new CommandLine(new NsfxCommand());
        Supplier<Object> named = args.length > 0 ? NsfxCommand.SUBCOMMANDS.get(args[0]) : null;
        if (named != null) {
            cl.addSubcommand(args[0], named.get());
        } else {
            NsfxCommand.SUBCOMMANDS.forEach((name, command) -> cl.addSubcommand(name, command.get()));
        }
        cl.setParameterExceptionHandler(Main::badArguments);
        CommandLine.IExecutionStrategy run = new CommandLine.RunLast();
        cl.setExecutionStrategy(parsed -> {
            StartupReport.reached(StartupReport.COMMAND);
            if (!opensWindow(parsed)) {
                NativesPreload.awaitLoaded();
            }
            return run.execute(parsed);
        });
        return cl;
    }

    /**
     * Whether the command runs the window ({@code nsfx gui}, or {@code nsfx} alone with a display), which waits
     * for FFmpeg's natives itself, later ({@link NativesPreload}); every other command waits here,
     * before its first use of them.
     */
    private static boolean opensWindow(CommandLine.ParseResult parsed) {
        CommandLine.ParseResult last = parsed;
        while (true) {
            if (last.isVersionHelpRequested() || last.isUsageHelpRequested()) {
                return false; // help, or --version, which prints FFmpeg's
            }
            if (!last.hasSubcommand()) {
                break;
            }
            last = last.subcommand();
        }
        Object command = last.commandSpec().userObject();
        return command instanceof GuiCommand || command instanceof NsfxCommand && DesktopApp.displayAvailable();
    }

    /**
     * Bad arguments: picocli's message and usage on stderr, exit 2, as its default handler does,
     * but with every argument the message echoes ("Unmatched argument at index 2: 'rtmp://…'")
     * masked as addresses are everywhere else: passwords and query values, and for
     * {@code publish} the stream name, which is the stream key.
     */
    private static int badArguments(CommandLine.ParameterException ex, String[] args) {
        CommandLine cl = ex.getCommandLine();
        boolean publish = cl.getCommand() instanceof PublishCommand;
        String message = String.valueOf(ex.getMessage());
        for (String a : args) {
            if (a.contains("?") || a.contains("@") || a.contains("://")) {
                message = message.replace(a, masked(a, publish));
            }
        }
        cl.getErr().println(message);
        if (!CommandLine.UnmatchedArgumentException.printSuggestions(ex, cl.getErr())) {
            cl.usage(cl.getErr(), cl.getColorScheme());
        }
        return cl.getCommandSpec().exitCodeOnInvalidInput();
    }

    private static String masked(String arg, boolean publish) {
        int scheme = arg.indexOf("://");
        int slash = arg.lastIndexOf('/');
        if (publish && scheme >= 0 && slash > scheme + 2) {
            return Redact.url(arg.substring(0, slash + 1)) + Redact.streamKey(arg.substring(slash + 1));
        }
        return Redact.url(arg);
    }
}
