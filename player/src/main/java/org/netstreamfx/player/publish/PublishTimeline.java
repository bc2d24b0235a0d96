package org.netstreamfx.player.publish;

import java.util.BitSet;
import org.netstreamfx.player.media.TrackKind;

/**
 * The RTMP timestamps of one publish: each packet's decode time in milliseconds from the first
 * packet's (never below 0; audio from before the first packet is not sent, see {@link #stamp}), the last timestamp sent of the stream and of each kind (for the
 * sequence headers and ends, and for {@code send}), and the wait for each video track's first
 * keyframe, before which none of its video is sent. A publish that moves to another connection continues the
 * timeline of the one it replaces ({@link #continueFrom}), so that a viewer's timestamps go on
 * without a jump.
 *
 * <p>Threads: the feeds' threads and the stream's worker; every method holds this object's lock.
 */
final class PublishTimeline {
    /** No packet yet: the first one sets the base. */
    private static final long NO_BASE = Long.MIN_VALUE;
    /** What {@link #stamp} answers for a packet that is not sent. */
    static final long SKIPPED = -1;

    private long baseUs = NO_BASE;
    private long lastMs;
    private final long[] lastKindMs = new long[TrackKind.values().length];
    /** The video tracks whose first keyframe went out: each starts at a keyframe of its own. */
    private final BitSet startedTracks = new BitSet();

    /**
     * The timestamp of {@code p}, now the latest one sent; {@link #SKIPPED} for video before its
     * track's first keyframe, and for audio encoded before the stream's first packet: the two feeds
     * hand their packets over in no set order, and audio the encoder finished after the first
     * keyframe went out but from before it would be sent at 0, overlapping the next packet (an Opus
     * frame at 0 and the next at 2 ms, which FFmpeg 8 decodes with timestamps going backwards).
     */
    synchronized long stamp(FeedPacket p) {
        if (p.kind() == TrackKind.VIDEO && !startedTracks.get(p.trackId())) {
            if (!p.keyframe()) {
                return SKIPPED;
            }
            startedTracks.set(p.trackId());
        }
        if (p.kind() == TrackKind.AUDIO && baseUs != NO_BASE && p.dtsUs() < baseUs) {
            return SKIPPED;
        }
        long ts = timestamp(p);
        lastMs = Math.max(lastMs, ts);
        lastKindMs[p.kind().ordinal()] = Math.max(lastKindMs[p.kind().ordinal()], ts);
        return ts;
    }

    private long timestamp(FeedPacket p) {
        if (baseUs == NO_BASE) {
            baseUs = p.dtsUs();
        }
        return Math.max(0, Math.floorDiv(p.dtsUs() - baseUs, 1000));
    }

    /** The stream's last timestamp (0 before its first packet). */
    synchronized long lastMs() {
        return lastMs;
    }

    /** The last timestamp of {@code kind}'s packets (0 before the first one). */
    synchronized long lastMs(TrackKind kind) {
        return lastKindMs[kind.ordinal()];
    }

    /** Goes on from {@code before}'s base and last timestamps; the wait for a keyframe stays as it is. */
    void continueFrom(PublishTimeline before) {
        long base;
        long last;
        long[] kinds;
        synchronized (before) {
            base = before.baseUs;
            last = before.lastMs;
            kinds = before.lastKindMs.clone();
        }
        synchronized (this) {
            baseUs = base;
            lastMs = last;
            System.arraycopy(kinds, 0, lastKindMs, 0, kinds.length);
        }
    }

    /**
     * Starts at {@code first}: its timestamp becomes the last one of the stream and of every kind
     * (the headers sent before it carry it), and is returned.
     */
    synchronized long startAt(FeedPacket first) {
        long ts = timestamp(first);
        lastMs = Math.max(lastMs, ts);
        for (int i = 0; i < lastKindMs.length; i++) {
            lastKindMs[i] = Math.max(lastKindMs[i], ts);
        }
        return ts;
    }
}
