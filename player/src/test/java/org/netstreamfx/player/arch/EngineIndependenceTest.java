package org.netstreamfx.player.arch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * player/ is the engine: no JavaFX (the UI lives in app/). The Maven enforcer bans the dependency;
 * this test fails the build on an import, even one that would compile through some other jar.
 */
class EngineIndependenceTest {
    private static final Pattern JAVAFX = Pattern.compile("^\\s*import\\s+(static\\s+)?javafx\\.", Pattern.MULTILINE);

    @Test
    void noEngineSourceImportsJavaFx() throws IOException {
        Path main = Path.of("src", "main", "java");
        List<String> offenders;
        try (Stream<Path> files = Files.walk(main)) {
            offenders = files.filter(p -> p.toString().endsWith(".java")).filter(p -> {
                try {
                    return JAVAFX.matcher(Files.readString(p)).find();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).map(Path::toString).toList();
        }
        assertEquals(List.of(), offenders, "engine sources importing JavaFX");
    }
}
