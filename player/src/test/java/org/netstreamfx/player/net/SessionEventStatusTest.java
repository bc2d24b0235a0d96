package org.netstreamfx.player.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.netstreamfx.player.media.StreamTrack;
import org.netstreamfx.player.media.TrackKind;
import org.netstreamfx.player.session.SessionEvent;
import org.netstreamfx.player.source.LiveTimeline;
import org.netstreamfx.player.source.SourceDescription;
import org.netstreamfx.player.source.StreamNotFoundException;
import org.netstreamfx.player.wire.WireFormatException;

/** Each event of a play session becomes the NetStatus event the engine has always sent for it. */
class SessionEventStatusTest {

    @Test
    void startAndFailuresNameTheStream() {
        assertStatus(new SessionEvent.PlayStarted("a.flv"), "NetStream.Play.Start", "Started playing a.flv.", "a.flv");
        assertStatus(new SessionEvent.OpenFailed(new StreamNotFoundException("No such file: a.flv"), "a.flv"),
                "NetStream.Play.StreamNotFound", "No such file: a.flv", "a.flv");
        assertStatus(new SessionEvent.OpenFailed(new WireFormatException("tag", "bad tag"), "a.flv"),
                "NetStream.Play.Failed", "Malformed data: bad tag", "a.flv");
        assertStatus(new SessionEvent.OpenFailed(new IOException("refused"), "a.flv"),
                "NetStream.Play.Failed", "refused", "a.flv");
        assertStatus(new SessionEvent.PlayFailed("The source failed.", "a.flv"), "NetStream.Play.Failed",
                "The source failed.", "a.flv");
        assertStatus(new SessionEvent.SendFailed("Broken pipe", "live"), "NetStream.Play.Failed",
                "Could not send to the server: Broken pipe", "live");
        assertStatus(new SessionEvent.DecodeError("Bad frame."), "NetStreamFX.Decode.Error", "Bad frame.", null);
    }

    @Test
    void seeksAndStepsThatCannotBeMadeSayWhy() {
        assertStatus(new SessionEvent.SeekBeyondDownload(8_000_000, 2_500_000), "NetStream.Seek.InvalidTime",
                "Cannot seek to 8.0 s: only up to 2.5 s has been downloaded.", 2.5);
        assertStatus(new SessionEvent.SeekFailed(4_000_000, "read error"), "NetStream.Seek.Failed",
                "Seek to 4.0 s failed: read error", 4.0);
        assertStatus(new SessionEvent.SeekWithoutPlay(3.5), "NetStream.Seek.Failed",
                "Nothing is playing: call play() before seek().", 3.5);
        assertStatus(new SessionEvent.SeekNotANumber(), "NetStream.Seek.InvalidTime", "Seek time is not a number.",
                0.0);
        assertStatus(new SessionEvent.SeekPastEnd(12.0, 10_000_000), "NetStream.Seek.InvalidTime",
                "Cannot seek to 12.0 s: the stream is 10.0 s long.", 10.0);
        assertStatus(new SessionEvent.StepWithoutPlay(2), "NetStreamFX.Step.Invalid",
                "Cannot step 2 frame(s): nothing is playing.", 2);
    }

    @Test
    void aLiveJumpCarriesItsNumbers() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("reason", "new publisher");
        details.put("fromMs", 5000L);
        details.put("toMs", 0L);
        details.put("jumpMs", -5000L);
        details.put("continuesAt", 5.04);
        assertStatus(new SessionEvent.LiveDiscontinuity(new LiveTimeline.LiveDiscontinuity("new publisher", 5000, 0,
                -5000, 5040)), "NetStreamFX.Live.Discontinuity", "Live timestamps jumped from 5000 ms to 0 ms "
                + "(new publisher, -5000 ms): the timeline goes on without waiting for them.", details);
    }

    @Test
    void aNewSetOfTracksListsEachTrack() {
        List<StreamTrack> tracks = List.of(StreamTrack.of(0, TrackKind.VIDEO, "avc1").withSize(320, 180),
                StreamTrack.of(1, TrackKind.VIDEO, "avc1").withSize(160, 90),
                StreamTrack.of(0, TrackKind.AUDIO, "mp4a").withAudio(44100, 2));
        Map<String, Object> video0 = ordered("id", 0, "kind", "video", "codec", "avc1", "width", 320, "height", 180);
        Map<String, Object> video1 = ordered("id", 1, "kind", "video", "codec", "avc1", "width", 160, "height", 90);
        Map<String, Object> audio0 = ordered("id", 0, "kind", "audio", "codec", "mp4a", "sampleRate", 44100,
                "channels", 2);
        assertStatus(new SessionEvent.TracksChanged(tracks), "NetStreamFX.Tracks.Changed",
                "The stream carries 2 video and 1 audio track(s).", List.of(video0, video1, audio0));
        assertTrue(new SessionEvent.TracksChanged(tracks).multitrack());
        assertFalse(new SessionEvent.TracksChanged(List.of(tracks.get(0), tracks.get(2))).multitrack(),
                "one track of each kind, both track 0: a single-track stream");
    }

    @Test
    void aTrackSwitchSaysWhichTrackPlaysFromWhen() {
        assertStatus(new SessionEvent.TrackSwitched(TrackKind.VIDEO, 0, 1, 2_523_000), "NetStreamFX.Tracks.Switched",
                "The video track 1 plays from 2.523 s (was track 0).",
                ordered("kind", "video", "from", 0, "to", 1, "time", 2.523));
        assertStatus(new SessionEvent.TrackSwitched(TrackKind.AUDIO, 1, 0, 40_000), "NetStreamFX.Tracks.Switched",
                "The audio track 0 plays from 0.040 s (was track 1).",
                ordered("kind", "audio", "from", 1, "to", 0, "time", 0.04));
    }

    @Test
    void onMetaDataOfAMultitrackStreamMapsItsTracksById() {
        SourceDescription d = new SourceDescription("flv", -1, List.of(), List.of(), Map.of(), false);
        List<StreamTrack> tracks = List.of(StreamTrack.of(0, TrackKind.AUDIO, "mp4a").withAudio(44100, 2),
                StreamTrack.of(1, TrackKind.AUDIO, "Opus").withAudio(48000, 1));
        Map<String, Object> meta = MetaData.of(d, tracks);
        assertEquals(Map.of("0", Map.of("audiocodecid", "mp4a", "audiosamplerate", 44100.0, "audiochannels", 2.0),
                "1", Map.of("audiocodecid", "Opus", "audiosamplerate", 48000.0, "audiochannels", 1.0)),
                meta.get("audioTrackIdInfoMap"));
        assertFalse(meta.containsKey("videoTrackIdInfoMap"));
        assertEquals(MetaData.of(d), MetaData.of(d, List.of(tracks.get(0))), "a single track adds nothing");
    }

    /** An event added to SessionEvent without a case here (and so, likely, without a mapping) fails. */
    @Test
    void everyKindOfSessionEventIsCoveredHere() {
        Set<String> covered = Set.of("PlayStarted", "OpenFailed", "PlayFailed", "SendFailed", "DecodeError",
                "SeekBeyondDownload", "SeekFailed", "SeekWithoutPlay", "SeekNotANumber", "SeekPastEnd",
                "StepWithoutPlay", "LiveDiscontinuity", "TracksChanged", "TrackSwitched");
        Set<String> kinds = List.of(SessionEvent.class.getPermittedSubclasses()).stream().map(Class::getSimpleName)
                .collect(Collectors.toSet());
        assertEquals(covered, kinds);
    }

    /** A map of the keys and values given, in that order (details compare with their order). */
    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    private static void assertStatus(SessionEvent event, String code, String description, Object details) {
        SessionEventStatus status = SessionEventStatus.of(event);
        assertEquals(code, status.code().code());
        assertEquals(description, status.description());
        assertEquals(details, status.details());
    }
}
