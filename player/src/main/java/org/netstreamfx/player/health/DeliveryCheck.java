package org.netstreamfx.player.health;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * How the stream reaches the viewer, from what the playing NetStream says rather than from the
 * packets: stalls (Buffer.Empty until Buffer.Full: BufferEmpty counts them, StallTime adds up their
 * time), the time from the play's start to its first picture (TimeToFirstFrame), how far behind the
 * newest data received a live stream plays (LiveLatency) and reconnects of the connection during
 * the play (Reconnects). Times of day are a monotonic clock in nanoseconds; a finding is placed at
 * the stream time the analysis has reached, so it clears once the stream has played on for the
 * profile's clear time without the condition.
 */
final class DeliveryCheck {
    private static final double NANOS_PER_S = 1e9;
    private static final double NANOS_PER_MS = 1e6;
    private static final String[] FIGURES = {"bufferEmptyCount", "stallS", "timeToFirstFrameMs", "liveLatencyS",
        "reconnects"};

    private final Profile profile;
    private final FindingBook book;
    private long startNanos = Long.MIN_VALUE;
    private long stallSinceNanos = Long.MIN_VALUE;
    private long stalledNanos;
    private int bufferEmpties;
    private double timeToFirstFrameMs = Double.NaN;
    private double liveLatencyS = Double.NaN;
    private int reconnects;
    /** The latest time any of the above was told: an ongoing stall counts up to here. */
    private long lastNanos;
    /** Set when the play goes at real-time pace: only then is the time to its first picture the stream's. */
    private boolean judgeFirstFrame;

    DeliveryCheck(Profile profile, FindingBook book) {
        this.profile = java.util.Objects.requireNonNull(profile, "profile");
        this.book = java.util.Objects.requireNonNull(book, "book");
    }

    /** The play began: the time to its first picture counts from here, judged when it plays in {@code realTime}. */
    void started(long nanos, boolean realTime) {
        startNanos = lastNanos = nanos;
        judgeFirstFrame = realTime;
    }

    /** Buffer.Empty while playing: a stall begins. */
    void bufferEmpty(long nanos, long atUs) {
        if (stallSinceNanos != Long.MIN_VALUE) {
            return;
        }
        stallSinceNanos = nanos;
        lastNanos = nanos;
        bufferEmpties++;
        if (bufferEmpties > profile.maxBufferEmpties()) {
            observe(Rule.BUFFER_EMPTY, atUs, "maxBufferEmpties", profile.maxBufferEmpties(), bufferEmpties,
                    String.format(Locale.ROOT, "playback stalled %d times (Buffer.Empty)", bufferEmpties),
                    "the data arrives slower than it plays: check the network and the server, or raise bufferTime");
        }
    }

    /** Buffer.Full: playing again; a stall ends. */
    void bufferFull(long nanos, long atUs) {
        lastNanos = nanos;
        if (stallSinceNanos != Long.MIN_VALUE) {
            stalledNanos += nanos - stallSinceNanos;
            stallSinceNanos = Long.MIN_VALUE;
            checkStall(atUs, 0);
        }
    }

    /** The first picture of the play is shown. */
    void firstFrame(long nanos, long atUs) {
        if (!Double.isNaN(timeToFirstFrameMs) || startNanos == Long.MIN_VALUE) {
            return;
        }
        timeToFirstFrameMs = (nanos - startNanos) / NANOS_PER_MS;
        double limitS = profile.maxTimeToFirstFrameS();
        if (judgeFirstFrame && limitS > 0 && timeToFirstFrameMs / 1000 > limitS) {
            observe(Rule.TIME_TO_FIRST_FRAME, atUs, "maxTimeToFirstFrameS", limitS, timeToFirstFrameMs / 1000,
                    String.format(Locale.ROOT, "first picture %.1f s after the play began", timeToFirstFrameMs / 1000),
                    "shorten the keyframe interval, or check how fast the server answers");
        }
    }

    /**
     * The playhead is at {@code playheadUs} at {@code nanos} while the newest data received is at
     * {@code newestUs} (Long.MIN_VALUE: none yet); {@code live}: only a live stream has a latency.
     */
    void playhead(long playheadUs, long newestUs, boolean live, long nanos, long atUs) {
        lastNanos = nanos;
        if (stallSinceNanos != Long.MIN_VALUE) {
            checkStall(atUs, nanos - stallSinceNanos);
        }
        if (!live || newestUs == Long.MIN_VALUE) {
            return;
        }
        liveLatencyS = Math.max(0, newestUs - playheadUs) / 1e6;
        double limitS = profile.maxLiveLatencyS();
        if (limitS > 0 && liveLatencyS > limitS) {
            observe(Rule.LIVE_LATENCY, atUs, "maxLiveLatencyS", limitS, liveLatencyS,
                    String.format(Locale.ROOT, "playing %.1f s behind the newest data", liveLatencyS),
                    "lower bufferTimeMax, or keep the live catch-up on");
        }
    }

    /** The connection came back {@code count} times since the user's play began. */
    void reconnects(int count, long atUs) {
        reconnects = count;
        if (count > profile.maxReconnects()) {
            observe(Rule.RECONNECTS, atUs, "maxReconnects", profile.maxReconnects(), count,
                    String.format(Locale.ROOT, "the connection was lost and made again %d times", count),
                    "check the network between the player and the server");
        }
    }

    private void checkStall(long atUs, long ongoingNanos) {
        double totalS = (stalledNanos + ongoingNanos) / NANOS_PER_S;
        double limitS = profile.maxStallS();
        if (limitS > 0 && totalS > limitS) {
            observe(Rule.STALL_TIME, atUs, "maxStallS", limitS, totalS,
                    String.format(Locale.ROOT, "stalled %.1f s in all", totalS),
                    "the data arrives slower than it plays: check the network and the server's upload");
        }
    }

    private void observe(Rule rule, long atUs, String threshold, double limit, double measured, String message,
                         String advice) {
        book.observe(new Finding(rule, Severity.WARNING, false, atUs, threshold, limit, measured, message, advice,
                null));
    }

    /**
     * The figures: bufferEmptyCount, stallS (an ongoing stall up to the latest news),
     * timeToFirstFrameMs and liveLatencyS (null while unknown), reconnects; all null when nothing
     * played (the stream read without playback).
     */
    Map<String, Object> figures() {
        Map<String, Object> m = new LinkedHashMap<>();
        if (startNanos == Long.MIN_VALUE) {
            for (String k : FIGURES) {
                m.put(k, null);
            }
            return m;
        }
        long ongoing = stallSinceNanos == Long.MIN_VALUE ? 0 : Math.max(0, lastNanos - stallSinceNanos);
        m.put(FIGURES[0], bufferEmpties);
        m.put(FIGURES[1], TrackStats.round((stalledNanos + ongoing) / NANOS_PER_S));
        m.put(FIGURES[2], Double.isNaN(timeToFirstFrameMs) ? null : TrackStats.round(timeToFirstFrameMs));
        m.put(FIGURES[3], Double.isNaN(liveLatencyS) ? null : TrackStats.round(liveLatencyS));
        m.put(FIGURES[4], reconnects);
        return m;
    }
}
