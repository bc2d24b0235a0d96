package org.netstreamfx.player.playback;

import java.util.EnumMap;
import java.util.Map;
import org.netstreamfx.player.media.TrackKind;
import org.netstreamfx.player.source.MediaSource;
import org.netstreamfx.player.source.SourcePacket;

/**
 * Which Enhanced RTMP track of each kind a stream's pipeline plays: the choice made before or
 * while the source is open, handed to the source, and the switches the source makes, each
 * reported once to the listener.
 *
 * <p>Thread ownership: {@link #select} from any thread; the rest on the demux thread.
 */
final class TrackSelection {
    private static final int NONE = -1;
    private final Map<TrackKind, Integer> wanted = new EnumMap<>(TrackKind.class);
    private final Map<TrackKind, Integer> shown = new EnumMap<>(TrackKind.class);
    private final PipelineListener listener;
    private volatile MediaSource source;

    TrackSelection(PipelineListener listener) {
        this.listener = listener;
    }

    /** Plays track {@code trackId} of {@code kind}: from its next start point if the source is open, else from the start. */
    void select(TrackKind kind, int trackId) {
        synchronized (wanted) {
            wanted.put(kind, trackId);
        }
        MediaSource s = source;
        if (s != null) {
            s.selectTrack(kind, trackId);
        }
    }

    /** The source is made, not yet opened: it starts with the tracks chosen so far. */
    void made(MediaSource s) {
        synchronized (wanted) {
            wanted.forEach(s::selectTrack);
        }
        source = s;
    }

    /** The source is open: the tracks it plays now are the ones a switch is reported from. */
    void opened() {
        for (TrackKind kind : TrackKind.values()) {
            shown.put(kind, source.playingTrack(kind));
        }
    }

    /** The track of {@code kind} that plays, or -1. */
    int playing(TrackKind kind) {
        MediaSource s = source;
        return s == null ? NONE : s.playingTrack(kind);
    }

    /** {@code p} of a track of {@code kind} is routed: when it starts another track, the listener hears it, once. */
    void routed(TrackKind kind, SourcePacket p) {
        if (p.newFormat() == null) {
            return;
        }
        int to = source.playingTrack(kind);
        int from = shown.getOrDefault(kind, NONE);
        if (to == from || to < 0) {
            return;
        }
        shown.put(kind, to);
        listener.trackSwitched(kind, from, to, p.ptsUs());
    }
}
