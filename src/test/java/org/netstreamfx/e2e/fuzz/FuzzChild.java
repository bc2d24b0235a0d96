package org.netstreamfx.e2e.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.netstreamfx.app.Main;

/**
 * The child process of {@link FileMutantFuzzTest}: {@code nsfx play FILE --fast --no-audio
 * --stats-interval 0} for each FILE of its arguments, one after another, in this JVM.
 *
 * <p>Each play runs through {@link Main#run}, exactly as the {@code nsfx} launcher's
 * {@code main} does, with {@code System.out} and {@code System.err} captured. The real stdout
 * carries a frame around each play, so the parent always knows which file is playing:
 *
 * <pre>
 *   @@begin INDEX
 *   @@end INDEX EXIT MILLIS PEAK_RSS_KIB BASE64(stdout) BASE64(stderr)      (tab-separated)
 *   @@done
 * </pre>
 *
 * A JVM crash or a hang shows as a {@code @@begin} without its {@code @@end}; whatever the JVM
 * printed itself (a fatal-error banner) appears between them on the real stdout or stderr.
 */
public final class FuzzChild {

    private FuzzChild() {}

    public static void main(String[] args) {
        PrintStream realOut = System.out;
        PrintStream realErr = System.err;
        for (int i = 0; i < args.length; i++) {
            realOut.println("@@begin\t" + i);
            realOut.flush();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            long start = System.nanoTime();
            int exit;
            try {
                System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
                System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
                exit = Main.run("play", args[i], "--fast", "--no-audio", "--stats-interval", "0");
            } catch (Throwable t) {
                t.printStackTrace(System.err);
                exit = 99;
            } finally {
                System.setOut(realOut);
                System.setErr(realErr);
            }
            long ms = (System.nanoTime() - start) / 1_000_000;
            Base64.Encoder b64 = Base64.getEncoder();
            realOut.println("@@end\t" + i + "\t" + exit + "\t" + ms + "\t" + peakResidentKib() + "\t" + b64.encodeToString(out.toByteArray()) + "\t"
                    + b64.encodeToString(err.toByteArray()));
            realOut.flush();
        }
        realOut.println("@@done");
        realOut.flush();
        System.exit(0); // a play may leave a stuck non-daemon thread; it is not this batch's verdict
    }

    /** This process's peak resident set (Linux VmHWM, KiB), or -1 where /proc is not there. */
    private static long peakResidentKib() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
