package org.netstreamfx.player.net;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.netstreamfx.player.media.StreamTrack;
import org.netstreamfx.player.media.TrackKind;
import org.netstreamfx.player.session.SessionEvent;

/**
 * A stream's tracks as the API shows them: each track as a map of plain values (id, kind,
 * codec, then width and height or sampleRate and channels, and bitrate when known), the details
 * of NetStreamFX.Tracks.Changed, the sentence that announces a new set of tracks, and the
 * NetStreamFX.Tracks.Switched event of a track switch.
 */
final class TrackListing {
    private TrackListing() {
    }

    /** The NetStreamFX.Tracks.Changed event for {@code tracks}. */
    static SessionEventStatus changed(List<StreamTrack> tracks) {
        long video = tracks.stream().filter(t -> t.kind() == TrackKind.VIDEO).count();
        long audio = tracks.size() - video;
        return new SessionEventStatus(NetStatusCode.NSFX_TRACKS_CHANGED, "The stream carries " + video
                + " video and " + audio + " audio track(s).", details(tracks));
    }

    /** The NetStreamFX.Tracks.Switched event: which track of a kind plays now, and from when. */
    static SessionEventStatus switched(SessionEvent.TrackSwitched e) {
        String kind = e.kind() == TrackKind.VIDEO ? "video" : "audio";
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("kind", kind);
        details.put("from", e.from());
        details.put("to", e.to());
        details.put("time", e.atUs() / 1e6);
        return new SessionEventStatus(NetStatusCode.NSFX_TRACKS_SWITCHED, String.format(java.util.Locale.ROOT,
                "The %s track %d plays from %.3f s (was track %d).", kind, e.to(), e.atUs() / 1e6, e.from()), details);
    }

    /** Each track as a map: id, kind ("video"/"audio"), codec, size or rate and channels, bitrate if known. */
    static List<Map<String, Object>> details(List<StreamTrack> tracks) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (StreamTrack t : tracks) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", t.id());
            m.put("kind", t.kind() == TrackKind.VIDEO ? "video" : "audio");
            m.put("codec", t.codec());
            if (t.kind() == TrackKind.VIDEO) {
                m.put("width", t.width());
                m.put("height", t.height());
            } else {
                m.put("sampleRate", t.sampleRateHz());
                m.put("channels", t.channels());
            }
            if (t.bitRateBps() > 0) {
                m.put("bitrate", t.bitRateBps());
            }
            out.add(m);
        }
        return List.copyOf(out);
    }
}
