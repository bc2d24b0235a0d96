package org.netstreamfx.player.playback;

import java.util.ArrayDeque;
import org.netstreamfx.player.sink.TimedFrame;

/** A track whose decoded frames and received extent the test controls. */
final class ScriptedTrack<F extends TimedFrame> implements TrackOutput<F> {
    private final ArrayDeque<F> frames = new ArrayDeque<>();
    private long bufferedEndUs = NOTHING;
    private boolean ended;

    /** A frame was received and decoded: it is ready and extends what the track has received. */
    ScriptedTrack<F> add(F frame) {
        frames.addLast(frame);
        bufferedEndUs = bufferedEndUs == NOTHING ? frame.endUs() : Math.max(bufferedEndUs, frame.endUs());
        return this;
    }

    /** Data up to {@code endUs} was received but is not decoded yet. */
    void receivedUpToUs(long endUs) {
        bufferedEndUs = endUs;
    }

    void end() {
        ended = true;
    }

    /** What a seek does to the track: everything queued goes, nothing is received. */
    void reset() {
        F f;
        while ((f = frames.pollFirst()) != null) {
            f.release();
        }
        bufferedEndUs = NOTHING;
        ended = false;
    }

    int queued() {
        return frames.size();
    }

    @Override
    public F peek() {
        return frames.peekFirst();
    }

    @Override
    public F poll() {
        return frames.pollFirst();
    }

    @Override
    public long bufferedEndUs() {
        return bufferedEndUs;
    }

    @Override
    public long bufferedBytes() {
        return 0;
    }

    @Override
    public boolean finished() {
        return ended && frames.isEmpty();
    }
}
