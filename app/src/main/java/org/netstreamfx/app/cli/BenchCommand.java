package org.netstreamfx.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.netstreamfx.app.bench.BenchConfig;
import org.netstreamfx.app.bench.BenchReport;
import org.netstreamfx.app.bench.BenchRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code nsfx bench}: decode throughput against ffmpeg, time to first frame, RTMP chunk decoding
 * and receive throughput, memory during 1080p playback, loopback latency, publishing cost and A/V sync
 * at the output. Prints a table, optionally writes JSON.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure decode throughput (vs ffmpeg), time to first frame, RTMP receive path, memory, "
                + "glass-to-glass loopback latency, publishing cost and A/V sync at the output.")
public final class BenchCommand implements Callable<Integer> {

    @Option(names = "--quick", description = "3 runs each, short media (under 5 minutes on 2 cores).")
    boolean quick;

    @Option(names = "--smoke", description = "Tiny media, 1 run each: checks the command works (tests).")
    boolean smoke;

    @Option(names = "--only", paramLabel = "NAME", split = ",",
            description = "Run only these measurements: ttff, memory, decode, chunk, receive, loopback, publish, avsync, "
                    + "gui, startup.")
    java.util.List<String> only;

    @Option(names = "--soak", arity = "0..1", paramLabel = "SECONDS", fallbackValue = "600",
            description = "Only the GUI's long run: 1080p30 in ./nsfx gui on Xvfb for SECONDS (default 600), "
                    + "RSS every 10 s (issue 16's no-growth check).")
    Double soakSeconds;

    @Option(names = "--json", paramLabel = "FILE", description = "Write every figure, with its runs, as JSON.")
    Path json;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (only != null && !BenchRunner.MEASUREMENTS.containsAll(only)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--only takes "
                    + String.join(", ", BenchRunner.MEASUREMENTS) + "; not " + only.stream()
                    .filter(n -> !BenchRunner.MEASUREMENTS.contains(n)).toList());
        }
        try {
            Path work = Files.createTempDirectory("nsfx-bench-");
            BenchConfig config = smoke ? BenchConfig.smoke(work) : quick ? BenchConfig.quick(work) : BenchConfig.full(work);
            BenchRunner runner = new BenchRunner(config, System.err);
            BenchReport report = soakSeconds != null ? runner.runSoak(soakSeconds)
                    : runner.run(only == null ? BenchRunner.MEASUREMENTS : only);
            report.printTable(System.out);
            if (json != null) {
                new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), report.toJson());
            }
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } catch (Exception e) {
            System.err.println("nsfx bench: " + e);
            return 1;
        }
    }
}
