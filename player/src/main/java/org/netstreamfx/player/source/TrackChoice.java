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
    private boolean switched;

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

    boolean configured(int trackId) {
        return configured.containsKey(trackId);
    }

    /** The track that plays, or {@link #NONE}. Any thread. */
    int playing() {
        return playing;
    }

    /** The track wanted by {@link #select}, or {@link #NONE} (the first configured plays). Any thread. */
    int wanted() {
        return wanted;
    }

    /** Plays {@code trackId} from its next packet a decoder can start from. Any thread. */
    void select(int trackId) {
        wanted = trackId;
    }

    /** The format of the track that plays, or null while none is configured. */
    TrackFormat format() {
        ExAudioFormats.Configured c = configured.get(playing);
        return c == null ? null : c.format();
    }

    /** The duration of one packet of the track that plays, 0 when unknown. */
    long frameUs() {
        ExAudioFormats.Configured c = configured.get(playing);
        return c == null ? 0 : c.frameUs();
    }

    /**
     * Called for each packet of a configured track that a decoder can start from ({@code trackId}
     * carries one in this tag): switches to it when it is the wanted track.
     */
    void startPoint(int trackId) {
        int w = wanted;
        if (w != NONE && w == trackId && w != playing && configured.containsKey(w)) {
            playing = w;
            switched = true;
        }
    }

    /** True once after a switch: the next packet of the playing track starts the new track. */
    boolean takeSwitch() {
        boolean s = switched;
        switched = false;
        return s;
    }
}
