package org.netstreamfx.player.publish;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The further video renditions of a multitrack camera feed (trackId 1..; track 0 is the
 * publisher's own video configuration): their configurations, for the Multitrack SequenceStarts
 * and SequenceEnds; their share of onMetaData, E-RTMP v2's {@code videoTrackIdInfoMap} ("Enhancing
 * onMetaData": keyed by trackId from 1, since the top-level fields describe track 0, each an
 * object with width, height, framerate, videodatarate and videocodecid); and the order in which
 * the outgoing queue gives the tracks up (the highest {@code videodatarate} first, track 0 last).
 *
 * <p>Threads: written by the camera feed's thread, read by the session's; the map is concurrent.
 */
final class RenditionTracks {
    /** onMetaData's map of the further video tracks. */
    static final String VIDEO_TRACK_MAP = "videoTrackIdInfoMap";
    /** The properties of a track's own onMetaData that describe it in the map. */
    private static final List<String> TRACK_KEYS = List.of("width", "height", "framerate", "videodatarate",
            "videocodecid");
    private static final String DATA_RATE = "videodatarate";

    private final Map<Integer, FeedConfig> configs = new ConcurrentSkipListMap<>();

    /** A further track's configuration (trackId 1..), replacing any before it. */
    void configured(FeedConfig c) {
        if (c.trackId() == 0) {
            throw new IllegalArgumentException("track 0 is the publisher's own video configuration");
        }
        configs.put(c.trackId(), c);
    }

    /** The camera stopped or was detached: its renditions go with it. */
    void clear() {
        configs.clear();
    }

    /** The configuration of track {@code trackId}, or null when none came. */
    FeedConfig config(int trackId) {
        return configs.get(trackId);
    }

    /** The further tracks' configurations, by trackId. */
    List<FeedConfig> configs() {
        return new ArrayList<>(configs.values());
    }

    /** Adds {@code videoTrackIdInfoMap} to {@code metaData} when there are further tracks. */
    void addMetaData(Map<String, Object> metaData) {
        if (configs.isEmpty()) {
            return;
        }
        Map<String, Object> tracks = new LinkedHashMap<>();
        for (FeedConfig c : configs.values()) {
            Map<String, Object> info = new LinkedHashMap<>();
            for (String key : TRACK_KEYS) {
                Object v = c.metaData().get(key);
                if (v != null) {
                    info.put(key, v);
                }
            }
            tracks.put(String.valueOf(c.trackId()), info);
        }
        metaData.put(VIDEO_TRACK_MAP, tracks);
    }

    /**
     * The video trackIds in the order the queue drops them: the further tracks by falling
     * {@code videodatarate} (then falling trackId), track 0 last whatever its rate.
     */
    List<Integer> dropOrder() {
        List<FeedConfig> further = configs();
        further.sort(Comparator.comparingDouble(RenditionTracks::dataRate).reversed()
                .thenComparing(Comparator.comparingInt(FeedConfig::trackId).reversed()));
        List<Integer> order = new ArrayList<>(further.size() + 1);
        further.forEach(c -> order.add(c.trackId()));
        order.add(0);
        return order;
    }

    private static double dataRate(FeedConfig c) {
        return c.metaData().get(DATA_RATE) instanceof Number n ? n.doubleValue() : 0;
    }
}
