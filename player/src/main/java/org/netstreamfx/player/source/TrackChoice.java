package org.netstreamfx.player.source;

import java.util.Map;
import java.util.TreeMap;
import org.netstreamfx.player.media.TrackFormat;

/**
 * Which track of one kind (video or audio) an FLV stream plays, among the Enhanced RTMP v2
 * tracks it carries, and how each of them is configured. The first track configured plays until
 * another is {@link #select selected}; the switch happens on that track's next packet that a
 * decoder can start from (a keyframe for video, any packet for audio), so nothing is shown of a
 * track before its configuration and its first keyframe. The packet a switch happens on carries
 * the new track's format (see {@link #takeSwitch}) so that the decoder is re-opened for it.
 *
 * <p>Thread ownership: the demux thread, except {@link #select} and {@link #playing}, which any
 * thread may call.
 */
final class TrackChoice {
    /** No track: none configured yet, or none selected. */
    static final int NONE = -1;

    private final Map<Integer, ExAudioFormats.Configured> configured = new TreeMap<>();
    private volatile int wanted = NONE;
    private volatile int playing = NONE;
    private final boolean stopAtKeyframe;
    private boolean switched;
    /** The old track stopped at its keyframe: a switch waits for the wanted track's. */
    private boolean stopped;
    /** A stop found no keyframe of the wanted track: switch without stopping (at its first keyframe later than the old track's last frame). */
    private boolean stopFailed;
    /** The timestamp of the last part played. */
    private long lastMs = Long.MIN_VALUE;

    /** @param stopAtKeyframe video: the old track stops at its keyframe once a switch is wanted (see {@link #plays}) */
    TrackChoice(boolean stopAtKeyframe) {
        this.stopAtKeyframe = stopAtKeyframe;
    }

    /**
     * Notes a track's configuration: the first one a track gets is kept (a repeated sequence
     * header changes nothing). The first track configured is the one that plays.
     */
    void configure(int trackId, ExAudioFormats.Configured c) {
        configured.putIfAbsent(trackId, c);
        if (playing == NONE) {
            playing = trackId;
        }
    }

    /**
     * A sequence header for a track already configured: when its configuration differs (an
     * encoder restarted with other settings mid-stream), the track has {@code c} from here, and
     * if it plays, its next packet carries the new format as a switch does, so that the decoder
     * is re-opened for it. The same configuration again changes nothing.
     */
    void reconfigure(int trackId, ExAudioFormats.Configured c) {
        ExAudioFormats.Configured before = configured.get(trackId);
        if (before == null) {
            configure(trackId, c);
            return;
        }
        if (java.util.Arrays.equals(before.format().extradata(), c.format().extradata())
                && before.format().codec() == c.format().codec()) {
            return;
        }
        configured.put(trackId, c);
        switched |= trackId == playing;
    }

    boolean configured(int trackId) {
        return configured.containsKey(trackId);
    }

    /** The track that plays, or {@link #NONE}. Any thread. */
    int playing() {
        return playing;
    }

    /** Plays {@code trackId} from its next packet a decoder can start from. Any thread. */
    void select(int trackId) {
        wanted = trackId;
    }

    /** The format of track {@code trackId}, or null while it is not configured. */
    TrackFormat format(int trackId) {
        ExAudioFormats.Configured c = configured.get(trackId);
        return c == null ? null : c.format();
    }

    /** The format of the track that plays, or null while none is configured. */
    TrackFormat format() {
        return format(playing);
    }

    /** The duration of one packet of the track that plays, 0 when unknown. */
    long frameUs() {
        ExAudioFormats.Configured c = configured.get(playing);
        return c == null ? 0 : c.frameUs();
    }

    /**
     * Whether the part of track {@code trackId} at {@code tsMs} plays, switching tracks where a
     * switch is due: at the first packet of the wanted track a decoder can start from
     * ({@code startPoint}) that is later than the last one played. For video the track that
     * plays also stops at its own keyframe once a switch is wanted, and nothing plays until the
     * wanted track's keyframe: when the tracks' keyframes are aligned (as E-RTMP multitrack
     * publishers make them) and the old track's keyframe comes first, its frame at that time is
     * not shown twice. Should the wanted track have no keyframe before the old one's next, the
     * old track plays on from there, and the switch then happens at the wanted track's first
     * keyframe later than the old track's last frame, without stopping again.
     */
    boolean plays(int trackId, boolean startPoint, long tsMs) {
        int w = wanted;
        boolean due = w != NONE && w != playing && configured.containsKey(w);
        if (trackId == playing) {
            if (!startPoint && stopped) {
                return false;
            }
            if (due && startPoint && stopAtKeyframe && !stopped && !stopFailed && tsMs > lastMs) {
                stopped = true;
                return false;
            }
            stopFailed |= stopped; // the wanted track had no keyframe in a whole group: do not stop again
            stopped = false;
            lastMs = tsMs;
            return true;
        }
        if (due && trackId == w && startPoint && (stopped || tsMs > lastMs)) {
            playing = w;
            stopped = false;
            stopFailed = false;
            switched = true;
            lastMs = tsMs;
            return true;
        }
        return false;
    }

    /** True once after a switch: the next packet of the playing track starts the new track. */
    boolean takeSwitch() {
        boolean s = switched;
        switched = false;
        return s;
    }
}
