package org.netstreamfx.player.health;

import java.util.ArrayDeque;
import java.util.Locale;
import java.util.Map;
import org.netstreamfx.player.media.MediaPacket;
import org.netstreamfx.player.media.TrackFormat;

/**
 * For live streams only (a file is read as fast as the player wants it): ArrivalJitter, the
 * interarrival jitter of RFC 3550 (6.4.1) of the packets' arrival against their decode times, and
 * IngestRate, the media time that arrived over the last {@link #RATE_WINDOW_US} of wall time against
 * that wall time: starving below 1 - tolerance, bursting above 1 + tolerance. The first
 * {@link #RATE_WINDOW_US} are not judged (servers send their cached GOP at once on play).
 */
final class ArrivalCheck extends RuleGroup {
    /** The wall-clock window the ingest rate is measured over. */
    static final long RATE_WINDOW_US = 5_000_000;
    /** RFC 3550's jitter gain: J += (|D| - J) / 16. */
    static final double JITTER_GAIN = 1.0 / 16;

    private final ArrayDeque<long[]> arrivals = new ArrayDeque<>();
    private long firstArrivalUs = Long.MIN_VALUE;
    private long lastArrivalUs = Long.MIN_VALUE;
    private long lastDtsUs = Long.MIN_VALUE;
    private long maxDtsUs = Long.MIN_VALUE;
    private double jitterUs;
    private double ingestRate = Double.NaN;

    ArrivalCheck(Profile profile, FindingBook book) {
        super(profile, book);
    }

    double jitterMs() {
        return jitterUs / 1e3;
    }

    @Override
    public void packet(TrackFormat t, MediaPacket p, long arrivalUs) {
        if (firstArrivalUs == Long.MIN_VALUE) {
            firstArrivalUs = arrivalUs;
        }
        if (lastArrivalUs != Long.MIN_VALUE && p.dtsUs() >= lastDtsUs) {
            long d = (arrivalUs - lastArrivalUs) - (p.dtsUs() - lastDtsUs);
            jitterUs += (Math.abs(d) - jitterUs) * JITTER_GAIN;
            if (jitterUs / 1e3 > profile.maxJitterMs()) {
                book.observe(new Finding(Rule.ARRIVAL_JITTER, Severity.WARNING, false, p.dtsUs(), "maxJitterMs",
                        profile.maxJitterMs(), TrackStats.round(jitterUs / 1e3), String.format(Locale.ROOT,
                        "arrival jitter %.0f ms", jitterUs / 1e3), "check the network path: wired, less load, a "
                        + "closer ingest server", Map.of()));
            }
        }
        lastArrivalUs = arrivalUs;
        lastDtsUs = p.dtsUs();
        maxDtsUs = Math.max(maxDtsUs, p.dtsUs());
        rate(p, arrivalUs);
    }

    private void rate(MediaPacket p, long arrivalUs) {
        arrivals.addLast(new long[] {arrivalUs, maxDtsUs});
        while (arrivals.size() > 1 && arrivals.peekFirst()[0] < arrivalUs - RATE_WINDOW_US) {
            arrivals.removeFirst();
        }
        if (arrivalUs - firstArrivalUs < 2 * RATE_WINDOW_US) {
            return;
        }
        long[] first = arrivals.peekFirst();
        long wall = arrivalUs - first[0];
        if (wall <= 0) {
            return;
        }
        ingestRate = (maxDtsUs - first[1]) / (double) wall;
        double tol = profile.ingestRateTolerance();
        if (ingestRate < 1 - tol || ingestRate > 1 + tol) {
            boolean slow = ingestRate < 1;
            book.observe(new Finding(Rule.INGEST_RATE, Severity.WARNING, false, p.dtsUs(), "ingestRateTolerance",
                    tol, TrackStats.round(ingestRate), String.format(Locale.ROOT, "media arrives at %.2f× real "
                    + "time (%s)", ingestRate, slow ? "starving" : "bursting"), slow
                    ? "lower the bit rate or the encoder preset: the encoder or the link cannot keep up"
                    : "pace the sender at real time (ffmpeg: -re)", Map.of("state", slow ? "starving" : "bursting")));
        }
    }

    /** Media seconds per wall second over the last window, NaN before it is judged. */
    double ingestRate() {
        return ingestRate;
    }

    @Override
    public void restart() {
        arrivals.clear();
        firstArrivalUs = Long.MIN_VALUE;
        lastArrivalUs = Long.MIN_VALUE;
        lastDtsUs = Long.MIN_VALUE;
        maxDtsUs = Long.MIN_VALUE;
    }
}
