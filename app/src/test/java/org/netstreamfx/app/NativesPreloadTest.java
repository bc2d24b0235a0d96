package org.netstreamfx.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The natives' background load and the command's own first use of JavaCPP, in a fresh JVM with
 * an empty JavaCPP cache, as a new user's first start has: before the command waited for the
 * load, {@code nsfx probe} deadlocked there 1 start in 5 (JavaCPP's {@code Pointer} initializer
 * and {@code Loader}'s lock, bytedeco/javacpp#737).
 */
class NativesPreloadTest {
    private static final Path DEMO = Path.of("..", "resources", "demo", "demo.mp4").toAbsolutePath().normalize();
    /** Starts with an empty cache: at 1 hang in 5, ten starts show it 89 times in 100. */
    private static final int STARTS = 10;
    /** A start takes about 1 s here (extracting the natives included); this is only against a hang. */
    private static final long START_LIMIT_S = 90;

    @Test
    void aFirstStartWithAnEmptyNativeCacheNeverHangs(@TempDir Path dir) throws Exception {
        for (int i = 0; i < STARTS; i++) {
            Path home = Files.createDirectories(dir.resolve("home" + i));
            Path out = dir.resolve("out" + i);
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Duser.home=" + home, "-cp", System.getProperty("java.class.path"),
                    "org.netstreamfx.app.Main", "probe", DEMO.toString())
                    .redirectErrorStream(true).redirectOutput(out.toFile()).start();
            if (!p.waitFor(START_LIMIT_S, TimeUnit.SECONDS)) {
                String dump = threadDump(p);
                p.destroyForcibly().waitFor();
                fail("start " + (i + 1) + " with an empty JavaCPP cache did not end within " + START_LIMIT_S
                        + " s:\n" + read(out) + "\nthreads:\n" + dump);
            }
            String printed = read(out);
            assertEquals(0, p.exitValue(), printed);
            assertTrue(printed.contains("\"duration"), printed);
            assertTrue(Files.isDirectory(home.resolve(".javacpp/cache")),
                    "the natives were not extracted to the empty cache, so the first start was not tried");
        }
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    private static String threadDump(Process p) {
        try {
            Process jstack = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jstack").toString(),
                    String.valueOf(p.pid())).redirectErrorStream(true).start();
            byte[] text = jstack.getInputStream().readAllBytes();
            jstack.waitFor(30, TimeUnit.SECONDS);
            return new String(text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(jstack failed: " + e + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "(interrupted)";
        }
    }

    @Test
    void withNoLoadStartedTheWaitReturnsAtOnce() {
        // This JVM's Main never ran: awaitLoaded must not block a test or an embedding program.
        assertTimeoutPreemptively(Duration.ofSeconds(10), NativesPreload::awaitLoaded);
    }
}
