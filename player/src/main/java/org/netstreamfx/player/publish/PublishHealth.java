package org.netstreamfx.player.publish;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;
import org.netstreamfx.player.health.FindingListener;
import org.netstreamfx.player.health.HealthAnalyzer;
import org.netstreamfx.player.health.HealthReport;
import org.netstreamfx.player.health.Profile;
import org.netstreamfx.player.media.TrackFormat;
import org.netstreamfx.player.media.TrackKind;
import org.netstreamfx.player.source.SourceDescription;
import org.netstreamfx.player.source.SourcePacket;

/**
 * The health of what a stream publishes, judged by the same rules as a stream played: every
 * packet the encoders hand over for track 0 (the stream a legacy player sees), described by the
 * feeds' configurations and onMetaData (so a declared bit rate or sample rate is checked against
 * the real one), goes through a {@link HealthAnalyzer} for the chosen {@link Profile} as a live
 * stream arriving at the moment the encoder delivered it. It also measures how far the encoders
 * have fallen behind real time since the first packet ({@link #encoderLagS()}).
 *
 * <p>It judges what the encoders make, before the outgoing queue: frames the queue drops for a
 * slow network are counted there (the publish figures), not here. A new run ({@link #restart()},
 * at each publish) starts a fresh analysis; a reconnect goes on with the same one.
 *
 * <p>Threads: fed on the feeds' threads; read from any; synchronized.
 */
public final class PublishHealth {
    private static final int VIDEO_TRACK = 0;
    private static final int AUDIO_TRACK = 1;
    /** What the analysis calls the published stream's container. */
    private static final String CONTAINER = "publish";
    /** The report's timing entry for {@link #encoderLagS()}. */
    public static final String ENCODER_LAG_KEY = "encoderLagS";
    /** The lag is reported to the millisecond. */
    private static final long LAG_DECIMALS = 1000;

    private final LongSupplier nanoClock;
    private final FindingListener listener;
    private Profile profile;
    private HealthAnalyzer analyzer;
    private SourceDescription description;
    private FeedConfig videoSeen;
    private FeedConfig audioSeen;
    private long firstArrivalUs = Long.MIN_VALUE;
    private long firstDtsUs;
    private long lastDtsUs;

    /**
     * @param nanoClock when a packet is delivered (a monotonic clock in nanoseconds)
     * @param listener  hears each finding raised or cleared, on the feed's thread; must not block
     */
    public PublishHealth(LongSupplier nanoClock, FindingListener listener) {
        this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** Judges against {@code p} from now on, afresh; null turns the analysis off. */
    public synchronized void use(Profile p) {
        profile = p;
        restart();
    }

    /** The profile in use, or null. */
    public synchronized Profile profile() {
        return profile;
    }

    /** A new run: nothing seen so far counts. */
    public synchronized void restart() {
        analyzer = profile == null ? null : new HealthAnalyzer(profile, listener);
        description = null;
        videoSeen = null;
        audioSeen = null;
        firstArrivalUs = Long.MIN_VALUE;
    }

    /**
     * One packet the encoders delivered, with the feeds' configurations so far; nothing is judged
     * until every wanted feed has configured (as a recording starts).
     */
    public synchronized void packet(FeedPacket p, FeedConfig video, FeedConfig audio, boolean wantVideo,
                                    boolean wantAudio) {
        if (analyzer == null || p.trackId() != 0 || (wantVideo && video == null) || (wantAudio && audio == null)) {
            return;
        }
        boolean isVideo = p.kind() == TrackKind.VIDEO;
        FeedConfig config = isVideo ? video : audio;
        if (config == null || FeedFormats.mediaCodec(config.codec()) == null) {
            return;
        }
        long arrivalNanos = nanoClock.getAsLong();
        if (description == null) {
            description = describe(video, audio);
            videoSeen = video;
            audioSeen = audio;
            firstArrivalUs = arrivalNanos / 1000;
            firstDtsUs = p.dtsUs();
            lastDtsUs = p.dtsUs();
        }
        int index = isVideo ? VIDEO_TRACK : AUDIO_TRACK;
        TrackFormat changed = null;
        if (config != (isVideo ? videoSeen : audioSeen)) {
            changed = FeedFormats.format(index, config); // a feed configured again: its new sequence header
            if (isVideo) {
                videoSeen = config;
            } else {
                audioSeen = config;
            }
        }
        lastDtsUs = Math.max(lastDtsUs, p.dtsUs());
        analyzer.item(description, new SourcePacket(FeedFormats.packet(index, p, config), 0, 0, changed),
                arrivalNanos);
    }

    /**
     * The analysis so far, its timing with {@value #ENCODER_LAG_KEY} ({@link #encoderLagS()}) too;
     * null when none runs or nothing has been judged yet.
     */
    public synchronized HealthReport report() {
        if (analyzer == null || description == null) {
            return null;
        }
        HealthReport r = analyzer.report();
        Map<String, Object> timing = new LinkedHashMap<>(r.timing());
        timing.put(ENCODER_LAG_KEY, Math.round(encoderLagS() * LAG_DECIMALS) / (double) LAG_DECIMALS);
        return r.withTiming(timing);
    }

    /**
     * How far the encoders' output has fallen behind real time since the first packet, in
     * seconds: the wall time since the first packet less the media time delivered since; 0 when it
     * keeps up (or nothing came yet). It grows while an encoder stalls or runs slower than capture.
     */
    public synchronized double encoderLagS() {
        if (firstArrivalUs == Long.MIN_VALUE) {
            return 0;
        }
        long wallUs = nanoClock.getAsLong() / 1000 - firstArrivalUs;
        return Math.max(0, wallUs - (lastDtsUs - firstDtsUs)) / 1e6;
    }

    private static SourceDescription describe(FeedConfig video, FeedConfig audio) {
        List<TrackFormat> tracks = new ArrayList<>(2);
        Map<String, Object> metaData = new LinkedHashMap<>();
        if (video != null && FeedFormats.mediaCodec(video.codec()) != null) {
            tracks.add(FeedFormats.format(VIDEO_TRACK, video));
            metaData.putAll(video.metaData());
        }
        if (audio != null && FeedFormats.mediaCodec(audio.codec()) != null) {
            tracks.add(FeedFormats.format(AUDIO_TRACK, audio));
            metaData.putAll(audio.metaData());
        }
        return new SourceDescription(CONTAINER, -1, tracks, List.of(), metaData, false);
    }
}
