package org.netstreamfx.player.health;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.netstreamfx.player.media.MediaPacket;
import org.netstreamfx.player.media.TrackFormat;
import org.netstreamfx.player.source.DataMessage;
import org.netstreamfx.player.source.SourceDescription;
import org.netstreamfx.player.source.SourceItem;
import org.netstreamfx.player.source.SourcePacket;

/**
 * The stream health analysis: fed what a source yields (its description, its packets and data
 * messages, and when each arrived), it measures each track and the timing against a
 * {@link Profile} and reports findings raised and cleared to a {@link FindingListener}, as they
 * happen; {@link #report()} gives the figures and findings so far. Works alike for a file read
 * directly, a NetStream's tap and a live stream (arrival checks only run when the description
 * says live: no duration).
 *
 * <p>Thread ownership: fed on one thread (the demux thread); {@link #report()} from any;
 * synchronized.
 */
public final class HealthAnalyzer {
    private final Profile profile;
    private final FindingBook book;
    private final StreamMetadata metadata = new StreamMetadata();
    private final Map<Integer, TrackChecks> tracks = new LinkedHashMap<>();
    private final TimestampCheck timestamps;
    private final InterleaveCheck interleave;
    private final ArrivalCheck arrival;
    private final DeliveryCheck delivery;
    private SourceDescription description;
    private boolean live;
    private long firstDtsUs = Long.MIN_VALUE;
    private long nowUs = Long.MIN_VALUE;

    public HealthAnalyzer(Profile profile, FindingListener listener) {
        this.profile = profile;
        this.book = new FindingBook(profile, listener);
        this.timestamps = new TimestampCheck(profile, book);
        this.interleave = new InterleaveCheck(profile, book);
        this.arrival = new ArrivalCheck(profile, book);
        this.delivery = new DeliveryCheck(profile, book);
    }

    public Profile profile() {
        return profile;
    }

    /**
     * One item of {@code d}'s stream, arrived at {@code arrivalNanos} (a monotonic clock); a null
     * item (the end of the stream) changes nothing.
     */
    public synchronized void item(SourceDescription d, SourceItem item, long arrivalNanos) {
        if (d != null && d != description) {
            describe(d);
        }
        if (item instanceof DataMessage m) {
            metadata.take(m);
        } else if (item instanceof SourcePacket sp) {
            packet(sp, arrivalNanos / 1000);
        }
    }

    private void describe(SourceDescription d) {
        description = d;
        live = d.durationUs() < 0;
        metadata.take(d.containerMetadata());
        for (TrackFormat t : d.tracks()) {
            TrackChecks c = tracks.get(t.index());
            if (c == null) {
                tracks.put(t.index(), new TrackChecks(t, profile, book, metadata));
            }
        }
    }

    private void packet(SourcePacket sp, long arrivalUs) {
        MediaPacket p = sp.packet();
        TrackChecks c = tracks.get(p.trackIndex());
        if (c == null) {
            return; // a track the description does not play
        }
        c.format(sp.newFormat(), p);
        if (firstDtsUs == Long.MIN_VALUE) {
            firstDtsUs = p.dtsUs();
        }
        nowUs = Math.max(nowUs, p.dtsUs());
        c.packet(p, arrivalUs);
        timestamps.packet(c.format(), p, arrivalUs);
        interleave.packet(c.format(), p, arrivalUs);
        if (live) {
            arrival.packet(c.format(), p, arrivalUs);
        }
        book.tick(nowUs);
    }

    /**
     * The play began at {@code nanos} (a monotonic clock): the time to its first picture counts
     * from here. {@code realTime}: it plays at the stream's pace, so TimeToFirstFrame judges that
     * time; as fast as decoding allows (nsfx inspect on a file) it only says how busy the machine is.
     */
    public synchronized void playStarted(long nanos, boolean realTime) {
        delivery.started(nanos, realTime);
    }

    /** NetStream.Buffer.Empty at {@code nanos}: playback stalls. */
    public synchronized void bufferEmpty(long nanos) {
        delivery.bufferEmpty(nanos, streamNowUs());
    }

    /** NetStream.Buffer.Full at {@code nanos}: playback goes on. */
    public synchronized void bufferFull(long nanos) {
        delivery.bufferFull(nanos, streamNowUs());
    }

    /** The play's first picture was shown at {@code nanos}; later calls change nothing. */
    public synchronized void firstFrame(long nanos) {
        delivery.firstFrame(nanos, streamNowUs());
    }

    /** The playhead is at {@code playheadUs} of the stream's time at {@code nanos}. */
    public synchronized void playhead(long playheadUs, long nanos) {
        delivery.playhead(playheadUs, nowUs, live, nanos, streamNowUs());
    }

    /** The connection was lost and made again {@code count} times since the play began. */
    public synchronized void reconnects(int count) {
        delivery.reconnects(count, streamNowUs());
    }

    /** Where a finding not tied to a packet goes on the timeline: as far as the stream has come. */
    private long streamNowUs() {
        return nowUs == Long.MIN_VALUE ? 0 : nowUs;
    }

    /** A seek: the next items come from elsewhere on the timeline; continuity checks start again. */
    public synchronized void seeked(long targetUs) {
        tracks.values().forEach(TrackChecks::restart);
        timestamps.restart();
        interleave.restart();
        arrival.restart();
        nowUs = targetUs;
        book.restartedAt(targetUs);
    }

    /** The figures and findings so far. */
    public synchronized HealthReport report() {
        List<Map<String, Object>> t = new ArrayList<>();
        tracks.values().forEach(c -> t.add(c.stats().toMap()));
        Map<String, Object> timing = new LinkedHashMap<>();
        timing.put("live", live);
        timing.put("maxInterleaveSkewS", TrackStats.round(interleave.maxSkewS()));
        timing.put("jitterMs", live ? TrackStats.round(arrival.jitterMs()) : null);
        timing.put("ingestRate", live && !Double.isNaN(arrival.ingestRate())
                ? TrackStats.round(arrival.ingestRate()) : null);
        double covered = firstDtsUs == Long.MIN_VALUE ? 0 : (nowUs - firstDtsUs) / 1e6;
        List<TrackSeries> series = new ArrayList<>();
        tracks.values().forEach(c -> series.add(c.series()));
        return new HealthReport(profile.name(), covered, t, timing, delivery.figures(), book.history(),
                book.active(), series);
    }
}
