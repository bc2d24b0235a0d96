package org.netstreamfx.app.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code nsfx bench --soak [SECONDS]} (issue 16's "no growth over 10 min"): our GUI plays a 1080p30
 * H.264 file in real time on the bench's Xvfb for SECONDS (600 by default), its RSS sampled every
 * {@value #SAMPLE_S} s. Reported: RSS at 60 s, at the end and at most, and the least-squares slope
 * after the first minute (MB per minute; a leak shows as a slope that stays above zero). The file is
 * a {@value #SEGMENT_S} s testsrc2 segment repeated with {@code -c copy}, so a long file costs
 * seconds to make.
 */
final class GuiSoak {
    static final long SAMPLE_S = 10;
    private static final int SEGMENT_S = 30;
    /** The first minute is warm-up (pools filling, the JIT, the heap reaching its size). */
    private static final double WARM_UP_S = 60;

    private GuiSoak() {
    }

    static void run(BenchConfig config, BenchMedia media, BenchReport report, double seconds) throws Exception {
        if (seconds < 2 * SAMPLE_S) {
            throw new IllegalArgumentException("--soak takes at least " + 2 * SAMPLE_S + " s, not " + seconds);
        }
        Path segment = media.h264("soak-segment", config.width(), config.height(), SEGMENT_S, 30, "mp4",
                BenchMedia.veryfast());
        Path file = config.workDir().resolve("soak.mp4");
        int loops = (int) Math.ceil((seconds + SEGMENT_S) / SEGMENT_S);
        Procs.run(List.of(media.ffmpeg(), "-v", "error", "-y", "-stream_loop", String.valueOf(loops - 1), "-i",
                segment.toString(), "-c", "copy", "-movflags", "+faststart", file.toString()), 600, config.workDir());
        String loadBefore = GuiCostBench.loadAverage();
        GuiProcessRun run;
        try (BenchXvfb x = BenchXvfb.start()) {
            run = GuiProcessRun.sample(List.of(GuiCostBench.launcher().toString(), "gui", file.toString()),
                    GuiCostBench.ourEnvironment(x, config.workDir().resolve("soak-config")), config.workDir(), "soak",
                    SAMPLE_S * 1000, seconds + 60, () -> false, seconds);
        }
        List<double[]> series = run.series();
        double at60 = Double.NaN;
        double max = 0;
        List<double[]> late = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (double[] s : series) {
            if (Double.isNaN(at60) && s[0] >= WARM_UP_S) {
                at60 = s[1];
            }
            if (s[0] >= WARM_UP_S) {
                late.add(s);
            }
            max = Math.max(max, s[1]);
            text.append(String.format(Locale.ROOT, "%s%.0f s %.1f", text.length() == 0 ? "" : ", ", s[0], s[1]));
        }
        report.add("gui.soak.rssAt60s", "MB", List.of(Double.isNaN(at60) ? series.get(series.size() - 1)[1] : at60));
        report.add("gui.soak.rssEnd", "MB", List.of(series.get(series.size() - 1)[1]));
        report.add("gui.soak.rssMax", "MB", List.of(max));
        report.add("gui.soak.peakRss", "MB", List.of(run.last().peakRssMb()));
        report.add("gui.soak.rssSlopeAfter60s", "MB/min",
                List.of(late.size() < 2 ? 0 : MemoryBench.slopePerMinute(late, 1)));
        report.note("gui.soak", config.width() + "x" + config.height() + " 30 fps, " + seconds + " s in ./nsfx gui on Xvfb, "
                + "load average (1 min) " + loadBefore + " before and " + GuiCostBench.loadAverage()
                + " after; RSS (MB) every " + SAMPLE_S + " s: " + text);
    }
}
