package org.netstreamfx.player.playback;

import org.netstreamfx.player.sink.AudioChunk;
import org.netstreamfx.player.sink.VideoFrame;

/**
 * What the enabled tracks of the feed hold, measured against the playhead: bufferLength, whether
 * a track ran dry or every track has its next frame, where the newest data ends (the live edge),
 * and the seek target the decoded data is trimmed to. The {@link PlaybackCore} decides with these
 * numbers; the renderers hold the frames being shown or written.
 *
 * <p>Thread ownership: the stream's playback thread.
 */
final class Tracks {
    /** What {@link #seekTargetUs} holds when no seek is being trimmed to. */
    static final long NO_TARGET = Long.MIN_VALUE;

    private final AudioRenderer audio;
    private final VideoRenderer video;
    private PlaybackFeed feed;
    private boolean receiveVideo = true;
    private boolean receiveAudio = true;
    private long seekTargetUs = NO_TARGET;

    Tracks(AudioRenderer audio, VideoRenderer video) {
        this.audio = audio;
        this.video = video;
    }

    // Called on the playback thread.

    void start(PlaybackFeed newFeed) {
        feed = newFeed;
        seekTargetUs = NO_TARGET;
    }

    PlaybackFeed feed() {
        return feed;
    }

    void setReceiveVideo(boolean on) {
        receiveVideo = on;
    }

    boolean receiveVideo() {
        return receiveVideo;
    }

    void setReceiveAudio(boolean on) {
        receiveAudio = on;
    }

    boolean videoEnabled() {
        return receiveVideo && feed.video() != null;
    }

    boolean audioEnabled() {
        return receiveAudio && feed.audio() != null;
    }

    /** How far the received data reaches past {@code t}, the smallest over enabled tracks (0 with none). */
    long bufferLengthUs(long t) {
        if (feed == null) {
            return 0;
        }
        long min = Long.MAX_VALUE;
        boolean any = false;
        if (videoEnabled()) {
            min = Math.min(min, ahead(feed.video(), t));
            any = true;
        }
        if (audioEnabled()) {
            min = Math.min(min, ahead(feed.audio(), t));
            any = true;
        }
        return any ? min : 0;
    }

    /** How far one track's received data reaches past {@code t} (0 when the track is absent). */
    long trackBufferUs(boolean ofVideo, long t) {
        if (feed == null) {
            return 0;
        }
        TrackOutput<?> out = ofVideo ? feed.video() : feed.audio();
        return out == null ? 0 : ahead(out, t);
    }

    private static long ahead(TrackOutput<?> out, long t) {
        long end = out.bufferedEndUs();
        return end == TrackOutput.NOTHING ? 0 : Math.max(0, end - t);
    }

    /**
     * Every enabled track has a frame waiting, or has ended ({@code countPending}: audio partly
     * handed to the sink counts as waiting).
     */
    boolean ready(boolean countPending) {
        boolean vReady = !videoEnabled() || feed.video().peek() != null || feed.video().finished();
        boolean aReady = !audioEnabled() || (countPending && audio.pending() != null) || feed.audio().peek() != null
                || feed.audio().finished();
        return vReady && aReady;
    }

    /** An enabled track has nothing decoded and nothing received past {@code t}, and has not ended. */
    boolean starving(long t) {
        return (videoEnabled() && starved(feed.video(), t)) || (audioEnabled() && audio.pending() == null
                && starved(feed.audio(), t));
    }

    private static boolean starved(TrackOutput<?> out, long t) {
        if (out.finished() || out.peek() != null) {
            return false;
        }
        long end = out.bufferedEndUs();
        return end == TrackOutput.NOTHING || end <= t;
    }

    /** Every received track has ended and been played out, up to its last frame's end. */
    boolean drained(long t, boolean fast) {
        boolean v = feed.video() == null || !receiveVideo || feed.video().finished();
        boolean a = feed.audio() == null || !receiveAudio || audio.drained();
        if (!v || !a) {
            return false;
        }
        return fast || t >= lastEndUs(t) - 1_000;
    }

    /** Where the data received for any track ends, or {@code t} if that is later. */
    long lastEndUs(long t) {
        long end = t;
        if (feed.video() != null && feed.video().bufferedEndUs() != TrackOutput.NOTHING) {
            end = Math.max(end, feed.video().bufferedEndUs());
        }
        if (feed.audio() != null && feed.audio().bufferedEndUs() != TrackOutput.NOTHING) {
            end = Math.max(end, feed.audio().bufferedEndUs());
        }
        return end;
    }

    /** The newest time every enabled track has received data to: Long.MAX_VALUE with no track, NOTHING with none yet. */
    long liveEdgeUs() {
        long edge = Long.MAX_VALUE;
        if (videoEnabled()) {
            edge = Math.min(edge, feed.video().bufferedEndUs());
        }
        if (audioEnabled()) {
            edge = Math.min(edge, feed.audio().bufferedEndUs());
        }
        return edge;
    }

    /** The first picture waiting, or {@link LoadControl#NO_JUMP}. */
    long firstPictureUs() {
        VideoFrame v = videoEnabled() ? feed.video().peek() : null;
        return v != null ? v.ptsUs() : LoadControl.NO_JUMP;
    }

    /**
     * Fast mode: the earliest frame waiting once every enabled track has one (or ended);
     * Long.MAX_VALUE when all have ended; {@link #NO_TARGET} while one is still decoding.
     */
    long earliestWaitingUs() {
        long next = Long.MAX_VALUE;
        if (videoEnabled()) {
            VideoFrame v = feed.video().peek();
            if (v == null && !feed.video().finished()) {
                return NO_TARGET;
            }
            if (v != null) {
                next = Math.min(next, v.ptsUs());
            }
        }
        if (audioEnabled()) {
            AudioChunk a = audio.pending() != null ? audio.pending() : feed.audio().peek();
            if (a == null && !feed.audio().finished()) {
                return NO_TARGET;
            }
            if (a != null) {
                next = Math.min(next, a.ptsUs());
            }
        }
        return next;
    }

    // Seek target: frames before it are decoded (to reach it exactly) but not shown.

    void seekTo(long targetUs) {
        seekTargetUs = targetUs;
    }

    /** A seek target is set and not yet reached by every track. */
    boolean seeking() {
        return seekTargetUs != NO_TARGET;
    }

    /** Trims the tracks to the seek target; once every track has data from there, the target is done. */
    void trimToSeekTarget() {
        if (seekTargetUs != NO_TARGET && discardBefore(seekTargetUs)) {
            seekTargetUs = NO_TARGET;
        }
    }

    /**
     * Drops the decoded video and audio that ends at or before {@code targetUs}; an audio chunk
     * that straddles it is cut there. True when every track has a frame at or after the target
     * (or has ended), i.e. nothing earlier can still come.
     */
    boolean discardBefore(long targetUs) {
        boolean videoDone = video.discardBefore(targetUs);
        return audio.discardBefore(targetUs) && videoDone;
    }

    /**
     * Fast mode: when a track has nothing ready (its decoder is still working), waits for the
     * next frame to be queued (a signal after {@code seen}) instead of returning at once and being
     * called again in a busy loop (on 2 cores that spinning thread took CPU from the decoder
     * threads). Waits at most {@code timeoutNs}; at once when the feed has no {@link FrameSignal}.
     */
    void awaitNextFrame(FrameSignal arrivals, long seen, long timeoutNs) {
        if (arrivals == null || ready(true)) {
            return;
        }
        try {
            arrivals.awaitAfter(seen, timeoutNs);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the stream is closing: the caller sees it at its next wait
        }
    }
}
