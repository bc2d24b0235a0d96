package org.netstreamfx.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.netstreamfx.app.cli.NsfxCommand;
import picocli.CommandLine;

/** Main gives picocli the subcommand a command line names, and all of them when it names none. */
class MainCommandLineTest {
    private static final List<String> ALL = List.copyOf(NsfxCommand.SUBCOMMANDS.keySet());

    @Test
    void eachSubcommandIsRegisteredUnderItsOwnName() {
        assertEquals(List.of("play", "probe", "call", "devices", "gui", "publish", "bench", "record", "inspect"), ALL);
        NsfxCommand.SUBCOMMANDS.forEach((name, command) -> {
            Object c = command.get();
            assertEquals(name, c.getClass().getAnnotation(CommandLine.Command.class).name(), c.getClass().getName());
        });
    }

    @Test
    void aNamedCommandGetsOnlyItself() {
        assertEquals(List.of("probe"), List.copyOf(Main.commandLine("probe", "x.mp4").getSubcommands().keySet()));
        assertEquals(List.of("gui"), List.copyOf(Main.commandLine("gui").getSubcommands().keySet()));
    }

    @Test
    void noCommandAnOptionOrATypoGetsThemAll() {
        assertEquals(ALL, List.copyOf(Main.commandLine().getSubcommands().keySet()));
        assertEquals(ALL, List.copyOf(Main.commandLine("--help").getSubcommands().keySet()));
        assertEquals(ALL, List.copyOf(Main.commandLine("plya", "x.mp4").getSubcommands().keySet()));
    }

    @Test
    void theHelpListsEveryCommandAndATypoIsAnsweredWithASuggestion() {
        String help = capture(true, "--help");
        for (String name : ALL) {
            assertTrue(help.contains("  " + name + " "), name + " missing from:\n" + help);
        }
        String typo = capture(false, "plya");
        assertTrue(typo.contains("Did you mean: play") || typo.contains("Did you mean: nsfx play"), typo);
    }

    /** What {@code nsfx ARGS} printed on stdout (or stderr), its exit status checked. */
    private static String capture(boolean stdout, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine(args);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        assertEquals(stdout ? 0 : 2, cl.execute(args), err.toString());
        return (stdout ? out : err).toString();
    }
}
