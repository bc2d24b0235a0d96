package org.netstreamfx.player.source;

import java.util.function.Consumer;
import org.netstreamfx.player.flv.FlvTagType;

/**
 * The one timeline of an RTMP stream's messages: unwraps 32-bit millisecond timestamps (RTMP spec
 * 5.3.1.3) and, for a live stream, joins the timelines a publisher restart, a server clock reset
 * or an encoder's jump would otherwise break, so that a live player shows the new data as soon as
 * it is buffered.
 *
 * <pre>
 *   sent:     ... 301946 301986 | 0    40   80 ...      (a new publisher starts at 0)
 *   out:      ... 301946 301986 | 302026 302066 ...     (continues {@value #LIVE_REBASE_STEP_MS} ms on)
 * </pre>
 *
 * <p>Thread ownership: owned by the {@link RtmpSource}'s demux thread; not thread-safe.
 */
public final class LiveTimeline {
    /** A 32-bit millisecond timestamp that goes back by more than this has wrapped (RTMP spec 5.3.1.3). */
    static final long WRAP_THRESHOLD_MS = 1L << 31;
    /**
     * A live track whose timestamp goes back by more than this (against its own previous one) has
     * started a new timeline: a server that restarted its clock, or a new publisher the server did
     * not announce. Audio and video each go forward on their own; between them, encoders and
     * servers interleave a few hundred milliseconds apart, so less than this is not a jump.
     */
    public static final long LIVE_MAX_BACKWARD_JUMP_MS = 1_000;
    /**
     * A live message whose timestamp is more than this ahead of everything before it has started
     * a new timeline (an encoder that jumped its clock, a pause the server skipped over): played
     * as sent, the picture would freeze that long.
     */
    public static final long LIVE_MAX_FORWARD_JUMP_MS = 5_000;
    /** Where a new timeline continues: this long after the newest timestamp of the one before. */
    public static final long LIVE_REBASE_STEP_MS = 40;

    /**
     * A live stream's timestamps broke, and the timeline was joined: what was received from
     * {@code fromMs} (the last timestamp before, as the publisher sent it) continues with
     * {@code toMs} (the first after) at {@code continuesAtMs} on the stream's timeline (where its
     * first media is 0, as the player's time is).
     *
     * @param reason what happened, in words: "new publisher", "timestamps went back", "timestamps jumped forward"
     * @param jumpMs {@code toMs - fromMs}, as sent (negative: back)
     */
    public record LiveDiscontinuity(String reason, long fromMs, long toMs, long jumpMs, long continuesAtMs) {
    }

    private final Consumer<LiveDiscontinuity> listener;

    // Demux thread only.
    private long lastRawMs = -1;
    private long wrapOffsetMs;
    /** Added to every unwrapped timestamp of a live stream: where its timelines are joined. */
    private long rebaseMs;
    /** The newest timestamp given out (after unwrap and rebase), of any track; MIN_VALUE before one. */
    private long maxOutMs = Long.MIN_VALUE;
    /** The last timestamp given out per track (audio, video), to see one go back. */
    private long lastAudioOutMs = Long.MIN_VALUE;
    private long lastVideoOutMs = Long.MIN_VALUE;
    /** The raw timestamp of the last media message, as the publisher sent it. */
    private long lastMediaRawMs = -1;
    /** The timestamp (unwrapped, rebased) that is 0 on the stream's timeline: its first media. */
    private long timelineStartMs;
    /** Set by {@link #markNewTimeline}: the next media message starts a new timeline. */
    private String pendingTimeline;

    /** @param listener told of each joined timeline, when the first message of the new one is read */
    LiveTimeline(Consumer<LiveDiscontinuity> listener) {
        this.listener = listener;
    }

    /**
     * Where the stream's timeline is 0 (its first media, unwrapped); unwrapping starts again, as
     * the messages read before it are read once more.
     */
    void startAt(long timelineStartMs) {
        this.timelineStartMs = timelineStartMs;
        lastRawMs = -1;
        wrapOffsetMs = 0;
    }

    /** The server said a new publisher starts: the next media message starts a new timeline. */
    void markNewTimeline(String reason) {
        if (maxOutMs != Long.MIN_VALUE) {
            pendingTimeline = reason;
        }
    }

    /**
     * A live message's timestamp on the stream's one timeline. Timestamps are unwrapped (32-bit
     * wrap-around); where a new timeline starts ({@link #markNewTimeline}, a track going back more
     * than {@value #LIVE_MAX_BACKWARD_JUMP_MS} ms, anything jumping forward more than
     * {@value #LIVE_MAX_FORWARD_JUMP_MS} ms), it is joined on {@value #LIVE_REBASE_STEP_MS} ms
     * after the newest timestamp so far: a live player shows the new data as soon as it is
     * buffered, instead of waiting for the new timestamps to pass the old ones.
     */
    long liveTimestamp(FlvTagType type, long rawMs) {
        boolean media = type != FlvTagType.SCRIPT_DATA;
        if (!media) {
            // Script data (onMetaData, cue points) is timed on the media's timeline but does not
            // move it: a new publisher's onMetaData at 0 would otherwise look like a wrap.
            long out = peekUnwrap(rawMs) + rebaseMs;
            return maxOutMs != Long.MIN_VALUE && out > maxOutMs + LIVE_MAX_FORWARD_JUMP_MS ? maxOutMs : out;
        }
        long out = unwrap(rawMs) + rebaseMs;
        long lastTrack = type == FlvTagType.AUDIO ? lastAudioOutMs : lastVideoOutMs;
        String reason = null;
        if (maxOutMs != Long.MIN_VALUE) {
            if (pendingTimeline != null) {
                reason = pendingTimeline;
            } else if (lastTrack != Long.MIN_VALUE && out < lastTrack - LIVE_MAX_BACKWARD_JUMP_MS) {
                reason = "timestamps went back";
            } else if (out > maxOutMs + LIVE_MAX_FORWARD_JUMP_MS) {
                reason = "timestamps jumped forward";
            }
        }
        if (reason != null) {
            pendingTimeline = null;
            lastRawMs = -1; // a new timeline unwraps on its own
            wrapOffsetMs = 0;
            long unwrapped = unwrap(rawMs);
            long continuesAt = maxOutMs + LIVE_REBASE_STEP_MS;
            rebaseMs = continuesAt - unwrapped;
            out = continuesAt;
            listener.accept(new LiveDiscontinuity(reason, lastMediaRawMs, rawMs, rawMs - lastMediaRawMs,
                    continuesAt - timelineStartMs));
        }
        lastMediaRawMs = rawMs;
        if (type == FlvTagType.AUDIO) {
            lastAudioOutMs = out;
        } else {
            lastVideoOutMs = out;
        }
        maxOutMs = maxOutMs == Long.MIN_VALUE ? out : Math.max(maxOutMs, out);
        return out;
    }

    /** {@link #unwrap} without moving its state. */
    private long peekUnwrap(long rawMs) {
        boolean wraps = lastRawMs >= 0 && rawMs < lastRawMs && lastRawMs - rawMs > WRAP_THRESHOLD_MS;
        return rawMs + wrapOffsetMs + (wraps ? 1L << 32 : 0);
    }

    /** RTMP timestamps are 32-bit milliseconds; a long stream wraps after 49.7 days. */
    long unwrap(long rawMs) {
        if (lastRawMs >= 0 && rawMs < lastRawMs && lastRawMs - rawMs > WRAP_THRESHOLD_MS) {
            wrapOffsetMs += 1L << 32;
        }
        lastRawMs = rawMs;
        return rawMs + wrapOffsetMs;
    }
}
