package org.netstreamfx.e2e.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;
import org.netstreamfx.e2e.fixtures.Fixtures;
import org.netstreamfx.e2e.fixtures.Fixtures.AudioCodec;
import org.netstreamfx.e2e.fixtures.Fixtures.Container;
import org.netstreamfx.e2e.fixtures.Fixtures.VideoCodec;

/**
 * Whole-file fuzzing through the player (issue 11): mutated FLV, MP4 and MOV files go through
 * {@code nsfx play --fast --no-audio}, each in a child JVM under a wall-time bound, and each must
 * end normally or with an error event (see {@link Verdict}): no hang, no JVM crash, no
 * OutOfMemoryError or StackOverflowError, no stack trace of an unexpected exception.
 *
 * <h2>The mutants</h2>
 * Three 1 s fixtures (320x240 H.264; FLV with HE-AAC v2, MP4 with AAC-LC, MOV with HE-AAC v1,
 * from {@link Fixtures}) are mutated by {@link Mutator}: byte flips, truncations, duplicated and
 * deleted ranges, and length/count fields ({@link SizeFields}: FLV DataSize, PreviousTagSize,
 * DataOffset, AMF lengths and counts, avcC lengths, tag timestamps; MP4/MOV box sizes,
 * sample-table counts, timescales) set to 0 or all ones; a fifth of the mutants stack two or three
 * of these. Mutant {@code i} of a run with seed {@code S} is made from the seed
 * {@code S * 0x9E3779B97F4A7C15 + i} alone; its mutation prints as a line such as
 * {@code mp4:set32@1021=0xffffffff # moov/trak/mdia/minf/stbl/stsz sample count} that
 * {@code -Dnsfx.fuzz.mutation=...} (or {@code scripts/fuzz-files --mutation ...}) makes and plays
 * again. {@link #REGRESSIONS} are mutants that once failed; they run first, every time, after
 * {@link #CONTROLS}, the fixtures unchanged, which must play to the end (else the harness, not the
 * player, is broken). Offsets are into the fixtures as Debian 12's ffmpeg 5.1 makes them
 * ({@code -fflags +bitexact}); another ffmpeg may shift them, and a regression entry then tests a
 * neighbouring mutant instead (still a valid mutant, but no longer that bug's).
 *
 * <h2>Child processes, in batches</h2>
 * A JVM start with the FFmpeg natives loaded costs 1 to 2 s, a 1 s mutant plays in about
 * 0.1 s, so each child JVM ({@link FuzzChild}, {@value ChildBatch#CHILD_HEAP}) plays a batch of
 * {@value #BATCH} mutants one after another through {@code Main.run("play", …)}, the launcher's
 * own entry point, printing a frame before and after each. Each play is judged on its own
 * output and exit status. If the child dies (a native crash, a signal) or a play overruns
 * {@link #PER_MUTANT}, the frame names the mutant it was on; that mutant is then played again
 * alone in a fresh child, so a verdict never rests on state left by an earlier play, and the
 * batch goes on after it in another child. A crash fails the test with "alone: the same" or
 * "alone: passes" (then something earlier in the batch left state behind, a bug too). A hang
 * is judged alone: one that ends alone is logged as slow, not failed, since a machine loaded by
 * other builds can make a batch overrun. Two children run at a time. The summary also lists the
 * error events by kind, the slowest plays and the plays that grew the child's peak resident
 * set (VmHWM) by more than 16 MiB, where a native allocation (not bounded by -Xmx) would show.
 *
 * <h2>Properties</h2>
 * {@code nsfx.fuzz.seed} (default {@value #DEFAULT_SEED}: the test command is deterministic),
 * {@code nsfx.fuzz.mutants} (default {@value #DEFAULT_MUTANTS}), {@code nsfx.fuzz.minutes} (run
 * fresh mutants until that many minutes have passed, instead of a count; used by
 * {@code scripts/fuzz-files}), {@code nsfx.fuzz.mutation} (only this one mutant). Failing
 * mutants are kept under {@code src/test/target/fuzz-mutants/}.
 */
@ResourceLock(value = Resources.SYSTEM_OUT, mode = ResourceAccessMode.READ)
class FileMutantFuzzTest {
    static final long DEFAULT_SEED = 11;
    static final int DEFAULT_MUTANTS = 300;
    static final int BATCH = 20;
    static final int CHILDREN = 2;
    /** Wall time one mutant may take (a 1 s clip plays in well under a second with --fast). */
    static final Duration PER_MUTANT = Duration.ofSeconds(30);

    /** The fixtures unchanged: each must play to the end with exit 0, or the harness proves nothing. */
    static final List<String> CONTROLS = List.of("flv:none", "mp4:none", "mov:none");

    private static final String STTS_COUNT_ALL_ONES =
            "mov:set32@650=0xffffffff # moov/trak/mdia/minf/stbl/stts entry count";

    /** Mutants that once failed, as {@code base:mutation}; each line says what it found. */
    static final List<String> REGRESSIONS = List.of(
            // Hang (seed 2, mutant 296): the flips leave no decodable video track, and the audio mdhd
            // timescale 0 (FFmpeg falls back to 1) makes each AAC packet 1024 s long. The demuxer
            // stopped reading, "2048 s ahead", while the AAC decoder still held its first packet:
            // the playhead waited for a frame forever. Fixed in StreamPipeline.aheadEnough.
            "mov:flip@147^43,4092^fd,12743^23,48784^2d ; set32@1439=0xffffffff # moov/trak/mdia/minf/dinf box size"
                    + " ; set32@1314=0x0 # moov/trak/mdia/mdhd timescale",
            // Play.Failed "the decoder failed: java.lang.IllegalStateException: … cannot convert audio from
            // sample format 8 with 47 channels" (seed 5, mutant 1295): a duplicated range makes an
            // AAC-LC stereo packet decode to a 47-channel frame, and that ended the track. Now the
            // packet is a decode error and playback goes on (FfmpegAudioDecoder, rejectFrame).
            "mp4:dup@35804+2006",
            // Unclear error (seed 3): "Not a media file FFmpeg recognises (Cannot allocate memory)" for
            // an MOV whose stts entry count asks for 4 G entries. See UNCLEAR_BEFORE.
            STTS_COUNT_ALL_ONES);

    /** Regressions whose error event once said something unclear, and what it must say now. */
    static final Map<String, String> UNCLEAR_BEFORE = Map.of(STTS_COUNT_ALL_ONES, "Damaged file");

    private final Map<String, byte[]> bases = new LinkedHashMap<>();
    private final Map<String, List<SizeFields.Field>> fields = new LinkedHashMap<>();
    private final Map<String, String> extensions = new LinkedHashMap<>();
    private final List<String> failures = Collections.synchronizedList(new ArrayList<>());
    private final ConcurrentLinkedQueue<Long> millis = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> slowest = new ConcurrentLinkedQueue<>();
    private final ConcurrentHashMap<String, AtomicInteger> errors = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, String> errorExamples = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> rssGrowth = new ConcurrentLinkedQueue<>();
    private final AtomicInteger played = new AtomicInteger();
    private final AtomicInteger errorExits = new AtomicInteger();
    private final AtomicInteger children = new AtomicInteger();
    private final AtomicLong fileNumber = new AtomicLong();
    private Path workDir;

    /** A mutant: its text ({@code base:mutation}) and its file. */
    record Mutant(String text, Path file) {}

    @Test
    void everyMutantEndsNormallyOrWithAnErrorEvent() throws Exception {
        long seed = Long.getLong("nsfx.fuzz.seed", DEFAULT_SEED);
        int count = Integer.getInteger("nsfx.fuzz.mutants", DEFAULT_MUTANTS);
        double minutes = Double.parseDouble(System.getProperty("nsfx.fuzz.minutes", "0"));
        String only = System.getProperty("nsfx.fuzz.mutation", "");
        loadBases();
        workDir = Fixtures.repoRoot().resolve("src/test/target/fuzz-mutants/seed-" + seed + "-"
                + ProcessHandle.current().pid());
        Files.createDirectories(workDir);
        long start = System.nanoTime();
        long deadline = minutes > 0 ? start + (long) (minutes * 60e9) : Long.MAX_VALUE;
        System.out.printf(Locale.ROOT, "fuzz: seed %d, %s, batches of %d, %d children, %s each%n", seed,
                !only.isEmpty() ? "one mutant" : minutes > 0 ? minutes + " min" : count + " mutants", BATCH,
                CHILDREN, PER_MUTANT);

        List<String> texts = new ArrayList<>();
        if (!only.isEmpty()) {
            texts.add(only);
        } else {
            texts.addAll(CONTROLS);
            texts.addAll(REGRESSIONS);
        }
        AtomicLong next = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(CHILDREN);
        try {
            List<Future<?>> work = new ArrayList<>();
            List<String> fixed = List.copyOf(texts);
            for (int w = 0; w < CHILDREN; w++) {
                int worker = w;
                work.add(pool.submit(() -> {
                    // The fixed list first (split between the workers), then fresh mutants.
                    List<String> mine = new ArrayList<>();
                    for (int i = worker; i < fixed.size(); i += CHILDREN) {
                        mine.add(fixed.get(i));
                    }
                    runAll(mine);
                    if (!only.isEmpty()) {
                        return null;
                    }
                    while (System.nanoTime() < deadline) {
                        List<String> batch = new ArrayList<>();
                        while (batch.size() < BATCH) {
                            long i = next.getAndIncrement();
                            if (minutes <= 0 && i >= count) {
                                break;
                            }
                            batch.add(generate(seed, i));
                        }
                        if (batch.isEmpty()) {
                            break;
                        }
                        runAll(batch);
                    }
                    return null;
                }));
            }
            for (Future<?> f : work) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        List<Long> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        System.out.printf(Locale.ROOT, "fuzz: seed %d: %d mutants played in %.1f s by %d child JVMs; %d exit 0, %d "
                        + "error event; play time median %d ms, max %d ms; %d failures%n", seed, played.get(), seconds,
                children.get(), played.get() - errorExits.get(), errorExits.get(),
                sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2), sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1),
                failures.size());
        errors.entrySet().stream().sorted((a, b) -> b.getValue().get() - a.getValue().get()).limit(20)
                .forEach(e -> System.out.printf(Locale.ROOT, "fuzz:   %4d x %s%n"
                        + "fuzz:          e.g. %s%n",
                        e.getValue().get(), e.getKey(), errorExamples.get(e.getKey())));
        rssGrowth.stream().sorted(Comparator.reverseOrder()).limit(10)
                .forEach(s -> System.out.println("fuzz:   peak RSS grew by " + s));
        slowest.stream().sorted(Comparator.reverseOrder()).limit(5)
                .forEach(s -> System.out.println("fuzz:   slow: " + s));
        assertTrue(failures.isEmpty(), failures.size() + " mutants failed (seed " + seed + "; make one again with "
                + "-Dnsfx.fuzz.mutation='<base:mutation>' or scripts/fuzz-files --mutation '<base:mutation>'):\n\n"
                + String.join("\n\n", failures));
    }

    /** Mutant {@code i} of seed {@code seed}, as {@code base:mutation}. */
    private String generate(long seed, long i) {
        long mutantSeed = seed * 0x9E37_79B9_7F4A_7C15L + i;
        List<String> names = new ArrayList<>(bases.keySet());
        String base = names.get((int) Math.floorMod(i, (long) names.size()));
        return base + ":" + Mutator.mutate(bases.get(base), fields.get(base), mutantSeed);
    }

    private void loadBases() throws IOException {
        put("flv", Fixtures.make(Container.FLV, VideoCodec.H264, AudioCodec.HE_AAC_V2, 1.0));
        put("mp4", Fixtures.make(Container.MP4, VideoCodec.H264, AudioCodec.AAC_LC, 1.0));
        put("mov", Fixtures.make(Container.MOV, VideoCodec.H264, AudioCodec.HE_AAC_V1, 1.0));
    }

    private void put(String name, Path file) throws IOException {
        byte[] b = Files.readAllBytes(file);
        bases.put(name, b);
        fields.put(name, SizeFields.of(b));
        extensions.put(name, file.getFileName().toString().replaceAll(".*\\.", ""));
    }

    private Mutant write(String text) {
        int colon = text.indexOf(':');
        String base = text.substring(0, colon);
        byte[] in = bases.get(base);
        if (in == null) {
            throw new IllegalArgumentException("no base \"" + base + "\" (one of " + bases.keySet() + "): " + text);
        }
        Path file = workDir.resolve(String.format(Locale.ROOT, "m%06d.%s", fileNumber.getAndIncrement(),
                extensions.get(base)));
        try {
            Files.write(file, Mutation.applyAll(text.substring(colon + 1), in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Mutant(text, file);
    }

    // Called on a worker thread of the pool.

    /** Plays {@code texts} in child JVMs: one batch, then after a crash or hang the rest in another. */
    private void runAll(List<String> texts) throws IOException, InterruptedException {
        List<Mutant> todo = new ArrayList<>();
        for (String t : texts) {
            todo.add(write(t));
        }
        while (!todo.isEmpty()) {
            children.incrementAndGet();
            ChildBatch.Outcome o = ChildBatch.run(todo.stream().map(Mutant::file).toList(), PER_MUTANT, workDir);
            long rss = -1;
            for (ChildBatch.Played p : o.played()) {
                judge(todo.get(p.index()), p, rss);
                rss = p.peakRssKib();
            }
            if (o.stuckIndex() < 0 || o.stuckIndex() >= todo.size()) {
                break;
            }
            Mutant culprit = todo.get(o.stuckIndex());
            String what = o.hung() ? "hang: no end within " + PER_MUTANT.toSeconds() + " s"
                    : "the child JVM died, exit status " + o.childExit() + signal(o.childExit());
            Alone alone = aloneAgain(culprit);
            if (o.hung() && alone.passed()) {
                // A hang is judged alone: in a batch, on a machine loaded by other builds, a play can
                // overrun the bound; alone it gets a fresh JVM and the same bound again.
                System.out.println("fuzz: slow in its batch, but ended alone (" + alone.text() + "): " + culprit.text());
                played.incrementAndGet();
            } else {
                fail(culprit, what + "; alone: " + alone.text(), o.raw());
            }
            todo = new ArrayList<>(todo.subList(o.stuckIndex() + 1, todo.size()));
        }
    }

    /** How a mutant played alone in a fresh child. */
    record Alone(boolean passed, String text) {}

    private Alone aloneAgain(Mutant m) throws IOException, InterruptedException {
        children.incrementAndGet();
        ChildBatch.Outcome o = ChildBatch.run(List.of(m.file()), PER_MUTANT, workDir);
        if (o.stuckIndex() >= 0) {
            return new Alone(false, o.hung() ? "the same (hang)" : "the same (died, exit " + o.childExit() + ")");
        }
        ChildBatch.Played p = o.played().get(0);
        String v = Verdict.of(p.exit(), p.stdout(), p.stderr());
        return v == null ? new Alone(true, "passes in " + p.millis() + " ms (if it died in the batch, an earlier play "
                + "there left something behind)") : new Alone(false, "fails: " + v);
    }

    private void judge(Mutant m, ChildBatch.Played p, long rssBeforeKib) throws IOException {
        if (p.index() > 0 && rssBeforeKib > 0 && p.peakRssKib() - rssBeforeKib > 16 * 1024) {
            rssGrowth.add(String.format(Locale.ROOT, "%6d MiB to %6d MiB %s", (p.peakRssKib() - rssBeforeKib) / 1024,
                    p.peakRssKib() / 1024, m.text()));
        }
        played.incrementAndGet();
        millis.add(p.millis());
        if (p.exit() == Verdict.EXIT_ERROR_EVENT) {
            errorExits.incrementAndGet();
            String e = Verdict.firstError(p.stdout());
            errors.computeIfAbsent(e, k -> new AtomicInteger()).incrementAndGet();
            errorExamples.putIfAbsent(e, m.text());
        }
        if (p.index() > 0 && p.millis() > 1000) { // the first play of a child loads FFmpeg: not counted
            slowest.add(String.format(Locale.ROOT, "%6d ms %s", p.millis(), m.text()));
        }
        String v = Verdict.of(p.exit(), p.stdout(), p.stderr());
        if (v == null && CONTROLS.contains(m.text()) && (p.exit() != 0 || !p.stdout().contains("NetStream.Play.Complete"))) {
            v = "the unchanged fixture did not play to NetStream.Play.Complete with exit 0";
        }
        String expected = UNCLEAR_BEFORE.get(m.text());
        if (v == null && expected != null && !p.stdout().contains(expected)) {
            v = "an error event that does not say \"" + expected + "\"";
        }
        if (v == null) {
            Files.deleteIfExists(m.file());
        } else {
            fail(m, v + " (after " + p.millis() + " ms)", "stdout:\n" + p.stdout() + "stderr:\n" + p.stderr());
        }
    }

    private void fail(Mutant m, String what, String output) {
        String shown = output.length() > 12_000 ? output.substring(0, 12_000) + "\n[… " + (output.length() - 12_000)
                + " more chars]" : output;
        failures.add(m.text() + "\n  " + what + "\n  file: " + m.file() + "\n" + shown.indent(4));
        System.out.println("fuzz: FAILED " + m.text() + ": " + what);
    }

    private static String signal(int exit) {
        return exit > 128 ? " (signal " + (exit - 128) + ")" : "";
    }
}
