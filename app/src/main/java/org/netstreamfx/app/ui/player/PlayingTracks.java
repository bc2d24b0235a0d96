package org.netstreamfx.app.ui.player;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.netstreamfx.player.media.StreamTrack;
import org.netstreamfx.player.media.TrackKind;
import org.netstreamfx.player.net.NetStream;

/**
 * The tracks the playing stream carries (an Enhanced RTMP v2 multitrack stream has several of a
 * kind) and which of each kind plays, as the Tracks menu and the Tester show them; read from the
 * engine at each poll. FX thread.
 */
public final class PlayingTracks {
    private static final int NONE = -1;
    private final ReadOnlyObjectWrapper<List<StreamTrack>> listed = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyIntegerWrapper video = new ReadOnlyIntegerWrapper(NONE);
    private final ReadOnlyIntegerWrapper audio = new ReadOnlyIntegerWrapper(NONE);

    /** Takes the listing {@code now} (from the poll's {@code ns.info()}) and reads the tracks that play from {@code ns}. */
    void poll(NetStream ns, List<StreamTrack> now) {
        if (!now.equals(listed.get())) {
            listed.set(now);
        }
        video.set(ns.playingTrack(TrackKind.VIDEO));
        audio.set(ns.playingTrack(TrackKind.AUDIO));
    }

    /**
     * Plays {@code t} of what {@code ns} plays (null: nothing plays), from its next keyframe
     * (video) or packet (audio), with no reconnect; NetStreamFX.Tracks.Switched says when.
     */
    public void select(NetStream ns, StreamTrack t) {
        if (ns == null) {
            return;
        }
        if (t.kind() == TrackKind.VIDEO) {
            ns.selectVideoTrack(t.id());
        } else {
            ns.selectAudioTrack(t.id());
        }
    }

    /** Nothing plays. */
    void reset() {
        listed.set(List.of());
        video.set(NONE);
        audio.set(NONE);
    }

    /** Every track the stream lists, video first. */
    public ReadOnlyObjectProperty<List<StreamTrack>> listedProperty() {
        return listed.getReadOnlyProperty();
    }

    /** The id of the track of {@code kind} that plays, -1 when none does or the stream has no track ids. */
    public ReadOnlyIntegerProperty playingProperty(TrackKind kind) {
        return (kind == TrackKind.VIDEO ? video : audio).getReadOnlyProperty();
    }

    /** True when there is a choice: more than one track of a kind. */
    public boolean choice() {
        return StreamTrack.multitrack(listed.get());
    }

    /** How a menu or the Tester names one track: "Video 1: vp09 160x90", "Audio 0: mp4a 44100 Hz 1 ch". */
    public static String name(StreamTrack t) {
        StringBuilder s = new StringBuilder(t.kind() == TrackKind.VIDEO ? "Video " : "Audio ").append(t.id())
                .append(": ").append(t.codec());
        if (t.kind() == TrackKind.VIDEO && t.width() > 0) {
            s.append(' ').append(t.width()).append('x').append(t.height());
        } else if (t.kind() == TrackKind.AUDIO && t.sampleRateHz() > 0) {
            s.append(' ').append(t.sampleRateHz()).append(" Hz ").append(t.channels()).append(" ch");
        }
        if (t.bitRateBps() > 0) {
            s.append(String.format(Locale.ROOT, " %.0f kbit/s", t.bitRateBps() / 1000.0));
        }
        return s.toString();
    }

    /** Every track, one per line, the ones that play marked "(playing)"; "—" when none is listed. */
    public String describe() {
        List<String> lines = new ArrayList<>();
        for (StreamTrack t : listed.get()) {
            int playing = (t.kind() == TrackKind.VIDEO ? video : audio).get();
            lines.add(name(t) + (t.id() == playing ? " (playing)" : ""));
        }
        return lines.isEmpty() ? "—" : String.join("\n", lines);
    }
}
