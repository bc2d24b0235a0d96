package org.netstreamfx.player.net;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.netstreamfx.player.media.StreamTrack;
import org.netstreamfx.player.media.TrackFormat;
import org.netstreamfx.player.media.TrackKind;
import org.netstreamfx.player.source.SourceDescription;

/**
 * Builds the onMetaData object for a stream: the keys Flash's onMetaData carries for FLV and F4V
 * (duration, width, height, framerate, videocodecid, audiocodecid, videodatarate, audiodatarate,
 * audiosamplerate, audiochannels, stereo), codec names and profiles, and the container's own
 * metadata under its own keys.
 */
public final class MetaData {
    private MetaData() {
    }

    /**
     * As {@link #of(SourceDescription)}, plus for an Enhanced RTMP multitrack stream the spec's
     * "Enhancing onMetaData" maps: {@code videoTrackIdInfoMap} and {@code audioTrackIdInfoMap},
     * keyed by trackId, each track's width/height or audiosamplerate/audiochannels (and data rate
     * when known). A single-track stream's onMetaData is unchanged.
     */
    public static Map<String, Object> of(SourceDescription d, List<StreamTrack> tracks) {
        Map<String, Object> m = of(d);
        if (!StreamTrack.multitrack(tracks)) {
            return m;
        }
        Map<String, Object> video = new LinkedHashMap<>();
        Map<String, Object> audio = new LinkedHashMap<>();
        for (StreamTrack t : tracks) {
            Map<String, Object> info = new LinkedHashMap<>();
            if (t.kind() == TrackKind.VIDEO) {
                info.put("videocodecid", t.codec());
                info.put("width", (double) t.width());
                info.put("height", (double) t.height());
                putRate(info, "videodatarate", t);
                video.put(String.valueOf(t.id()), info);
            } else {
                info.put("audiocodecid", t.codec());
                info.put("audiosamplerate", (double) t.sampleRateHz());
                info.put("audiochannels", (double) t.channels());
                putRate(info, "audiodatarate", t);
                audio.put(String.valueOf(t.id()), info);
            }
        }
        if (!video.isEmpty()) {
            m.put("videoTrackIdInfoMap", video);
        }
        if (!audio.isEmpty()) {
            m.put("audioTrackIdInfoMap", audio);
        }
        return m;
    }

    private static void putRate(Map<String, Object> info, String key, StreamTrack t) {
        if (t.bitRateBps() > 0) {
            info.put(key, t.bitRateBps() / 1000.0);
        }
    }

    public static Map<String, Object> of(SourceDescription d) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : d.containerMetadata().entrySet()) {
            m.put(e.getKey(), e.getValue());
        }
        if (d.durationUs() >= 0) {
            m.put("duration", d.durationUs() / 1e6);
        }
        m.put("container", d.container());
        d.track(TrackKind.VIDEO).ifPresent(v -> putVideo(m, v));
        d.track(TrackKind.AUDIO).ifPresent(a -> putAudio(m, a));
        return m;
    }

    private static void putVideo(Map<String, Object> m, TrackFormat v) {
        m.put("width", (double) v.width());
        m.put("height", (double) v.height());
        if (v.frameRate() > 0) {
            m.put("framerate", Math.round(v.frameRate() * 1000) / 1000.0);
        }
        m.put("videocodecid", v.codec().flvCodecId() > 0 ? (Object) (double) v.codec().flvCodecId() : v.codec().fourCc());
        m.put("videocodec", v.codec().displayName());
        m.put("videofourcc", v.codec().fourCc());
        if (!v.profile().isEmpty()) {
            m.put("videoprofile", v.profile());
        }
        if (!v.level().isEmpty()) {
            m.put("videolevel", v.level());
        }
        if (v.bitRateBps() > 0) {
            m.put("videodatarate", v.bitRateBps() / 1000.0);
        }
    }

    private static void putAudio(Map<String, Object> m, TrackFormat a) {
        m.put("audiocodecid", a.codec().flvCodecId() > 0 ? (Object) (double) a.codec().flvCodecId() : a.codec().fourCc());
        m.put("audiocodec", a.codec().displayName());
        m.put("audiofourcc", a.codec().fourCc());
        if (!a.profile().isEmpty()) {
            m.put(a.codec() == org.netstreamfx.player.media.Codec.AAC ? "aacprofile" : "audioprofile", a.profile());
        }
        m.put("audiosamplerate", (double) a.sampleRateHz());
        m.put("audiochannels", (double) a.channels());
        m.put("stereo", a.channels() >= 2);
        if (a.bitRateBps() > 0) {
            m.put("audiodatarate", a.bitRateBps() / 1000.0);
        }
    }
}
