package org.netstreamfx.e2e.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netstreamfx.app.Main;
import org.netstreamfx.testkit.RunsAlone;

/**
 * Issue 16: {@code nsfx bench --smoke --only startup} starts the real launcher ({@code ./nsfx},
 * as built by this Maven run) in fresh processes, the window under an Xvfb of the bench's own and
 * the headless commands, and ffplay on the same display, once each; its JSON holds every startup
 * figure with a positive median, the window before its first picture, and the ratios to ffplay.
 * The figures' sizes are the bench's business (docs/PERFORMANCE.md), not this test's.
 */
@RunsAlone
class StartupBenchSmokeTest {

    static final Set<String> FIGURES = Set.of("startup.window", "startup.firstPicture",
            "startup.cli.play.firstFrame", "startup.cli.probe", "startup.ffplay.firstPicture",
            "startup.window.ratio", "startup.firstPicture.ratio", "startup.cli.play.ratio",
            "startup.gui.main", "startup.gui.command", "startup.gui.natives", "startup.gui.toolkit",
            "startup.gui.views", "startup.cli.play.main", "startup.cli.play.command", "startup.cli.play.natives");

    @Test
    void smokeRunWritesEveryStartupFigure(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("bench.json");
        int exit = Main.run("bench", "--smoke", "--only", "startup", "--json", json.toString());
        assertEquals(0, exit, "nsfx bench --smoke --only startup exit status");

        JsonNode figures = new ObjectMapper().readTree(json.toFile()).path("figures");
        Set<String> names = new TreeSet<>();
        figures.fieldNames().forEachRemaining(names::add);
        assertEquals(new TreeSet<>(FIGURES), names, "figures in the JSON");
        for (String name : FIGURES) {
            JsonNode f = figures.path(name);
            assertEquals(1, f.path("runs").size(), name + " runs once in smoke mode: " + f);
            assertTrue(f.path("median").asDouble() > 0 && Double.isFinite(f.path("median").asDouble()),
                    name + " is a positive number: " + f);
        }
        for (String ms : List.of("startup.window", "startup.firstPicture", "startup.cli.play.firstFrame",
                "startup.cli.probe", "startup.ffplay.firstPicture")) {
            assertEquals("ms", figures.path(ms).path("unit").asText(), ms + " unit");
        }
        assertTrue(figures.path("startup.window").path("median").asDouble()
                < figures.path("startup.firstPicture").path("median").asDouble(),
                "the window is shown before its first picture: " + figures.path("startup.window") + " "
                        + figures.path("startup.firstPicture"));
        for (String run : List.of("startup.gui.", "startup.cli.play.")) {
            // Where a start's time goes: the JVM is up, then the command line is parsed.
            assertTrue(figures.path(run + "main").path("median").asDouble()
                    < figures.path(run + "command").path("median").asDouble(), run + " main before command");
        }
        assertTrue(figures.path("startup.gui.toolkit").path("median").asDouble()
                < figures.path("startup.window").path("median").asDouble(), "the toolkit is up before the window");
        assertTrue(figures.path("startup.window").path("median").asDouble()
                < figures.path("startup.gui.views").path("median").asDouble(),
                "the window is shown (with its outline) before its views are built in it");
        double ratio = figures.path("startup.firstPicture.ratio").path("median").asDouble();
        double expected = figures.path("startup.firstPicture").path("median").asDouble()
                / figures.path("startup.ffplay.firstPicture").path("median").asDouble();
        assertEquals(expected, ratio, expected * 1e-9, "the ratio is ours over ffplay's");
    }
}
