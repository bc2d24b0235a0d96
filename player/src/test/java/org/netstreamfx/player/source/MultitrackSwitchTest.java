package org.netstreamfx.player.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netstreamfx.player.net.NetStatusEvent;
import org.netstreamfx.player.net.NetStream;
import org.netstreamfx.testkit.media.MultitrackClip;
import org.netstreamfx.testkit.media.RtmpServer;

/**
 * Enhanced RTMP v2 multitrack play and switch, with a stream FFmpeg 8 writes ({@link MultitrackClip}:
 * H.264 and VP9 video tracks, AAC and Opus audio tracks). Both video tracks have a frame at every
 * 1/30 s and a keyframe every half second, so a switch is counted frame-exact: every
 * frame time of the stream is shown exactly once, the old track's size up to the switch and the
 * new one's from it, with no reconnect and no Buffer.Empty.
 */
class MultitrackSwitchTest {
    private static final int FPS = MultitrackClip.FPS;
    private static final int SECONDS = MultitrackClip.SECONDS;
    private static final int GOP = MultitrackClip.GOP;
    private static final String TRACK0_SIZE = MultitrackClip.TRACK0_SIZE;
    private static final String TRACK1_SIZE = MultitrackClip.TRACK1_SIZE;
    private static final long FRAME_US = 1_000_000 / FPS;
    private static final long TIMEOUT_MS = 60_000;
    private static final String SWITCHED = "NetStreamFX.Tracks.Switched";
    private static final String STOP = "NetStream.Play.Stop";
    private static final String EMPTY = "NetStream.Buffer.Empty";
    private static final String SERVER_DONE = "NetConnection.Connect.Closed";

    @TempDir
    static Path dir;
    private static Path multitrack;

    @BeforeAll
    static void makeStream() {
        multitrack = MultitrackClip.make(dir.resolve("multitrack.flv"));
    }

    @Test
    void switchingVideoAndAudioMidFileShowsEveryFrameOnceAndReopensTheDecoders() throws Exception {
        try (PlayCheck run = new PlayCheck().connect(null, TIMEOUT_MS)) {
            NetStream ns = run.stream();
            run.onPicture = p -> {
                if (run.pictures.size() == 1) {
                    ns.selectVideoTrack(1);
                    ns.selectAudioTrack(1);
                }
            };
            ns.play(multitrack.toString());
            run.await(STOP, TIMEOUT_MS);

            assertEveryFrameOnceThenSwitched(run, 0);
            assertEquals(List.of("44100 Hz 1 ch", "48000 Hz 2 ch"), run.soundFormats, "AAC mono, then Opus stereo");
            List<Map<String, Object>> switches = details(run, SWITCHED);
            assertEquals(2, switches.size(), "one switch of each kind: " + switches);
            assertEquals(java.util.Set.of("video", "audio"),
                    switches.stream().map(d -> d.get("kind")).collect(java.util.stream.Collectors.toSet()));
            assertFalse(run.codes().subList(0, run.codes().indexOf(STOP)).contains(EMPTY), "no Buffer.Empty: " + run.codes());
            assertEquals(List.of("video 0 avc1 " + TRACK0_SIZE, "video 1 vp09 " + TRACK1_SIZE, "audio 0 mp4a 44100 Hz 1 ch",
                    "audio 1 Opus 48000 Hz 2 ch"), ns.info().tracks().stream().map(t -> t.kind().name()
                    .toLowerCase(java.util.Locale.ROOT) + " " + t.id() + " " + t.codec() + " " + (t.width() > 0
                    ? t.width() + "x" + t.height() : t.sampleRateHz() + " Hz " + t.channels() + " ch")).toList(),
                    "every track listed, with its size or rate and channels (video sizes from each track's first keyframe)");
        }
    }

    @Test
    void aTrackSelectedBeforePlayIsTheOnlyOneShown() throws Exception {
        try (PlayCheck run = new PlayCheck().connect(null, TIMEOUT_MS)) {
            run.stream().selectVideoTrack(1);
            run.stream().play(multitrack.toString());
            run.await(STOP, TIMEOUT_MS);
            assertEquals(List.of(TRACK1_SIZE), run.pictures.stream().map(PlayCheck.Picture::size).distinct().toList());
            assertEquals(FPS * SECONDS, run.pictures.size(), "every frame of track 1");
            assertTrue(details(run, SWITCHED).isEmpty(), "it started on track 1: no switch");
        }
    }

    @Test
    void aTrackTheStreamDoesNotListIsRefusedWhilePlaying() throws Exception {
        try (PlayCheck run = new PlayCheck().connect(null, TIMEOUT_MS)) {
            run.stream().play(multitrack.toString());
            run.await("NetStreamFX.Tracks.Changed", TIMEOUT_MS);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> run.stream().selectVideoTrack(7));
            assertEquals("the stream has no video track 7; its tracks: [0, 1]", e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> run.stream().selectAudioTrack(NetStream.MAX_TRACK_ID + 1));
        }
    }

    @Test
    void switchingWhileALiveRtmpStreamPlaysFromFfmpeg8NeedsNoReconnect() throws Exception {
        try (RtmpServer server = RtmpServer.serve(multitrack, true, true);
             PlayCheck run = new PlayCheck().connect(server.appUrl(), TIMEOUT_MS)) {
            NetStream ns = run.stream();
            ns.play("stream");
            run.await("NetStream.Buffer.Full", TIMEOUT_MS);
            ns.selectVideoTrack(1);
            run.await(SWITCHED, TIMEOUT_MS);
            long switchedAtUs = Math.round(((Number) details(run, SWITCHED).get(0).get("time")).doubleValue() * 1e6);
            run.await(SERVER_DONE, TIMEOUT_MS); // FFmpeg's listen mode closes the connection at the end

            List<String> sizes = run.pictures.stream().map(PlayCheck.Picture::size).distinct().toList();
            assertEquals(List.of(TRACK0_SIZE, TRACK1_SIZE), sizes, "track 0, then track 1");
            long firstNew = run.pictures.stream().filter(p -> p.size().equals(TRACK1_SIZE)).findFirst().orElseThrow()
                    .ptsUs();
            assertEquals(switchedAtUs, firstNew, "the event names the first picture of track 1");
            List<String> whilePlaying = run.codes().subList(run.codes().indexOf(SWITCHED), run.codes().indexOf(SERVER_DONE));
            assertTrue(whilePlaying.stream().noneMatch(c -> c.startsWith("NetStreamFX.Connect.") || c.equals(EMPTY)),
                    "no reconnect and no Buffer.Empty from the switch to the end: " + whilePlaying);
        }
    }

    /** Every frame time once, in order; track 0's size before the switch, track 1's from it, at a keyframe. */
    private static void assertEveryFrameOnceThenSwitched(PlayCheck run, long startUs) {
        List<Long> pts = run.pictures.stream().map(PlayCheck.Picture::ptsUs).toList();
        List<Long> expected = new ArrayList<>();
        LongStream.range(0, (long) FPS * SECONDS).forEach(i -> expected.add(startUs + i * FRAME_US));
        assertEquals(expected.size(), pts.size(), "every frame shown once: " + pts);
        for (int i = 0; i < pts.size(); i++) {
            assertTrue(Math.abs(pts.get(i) - pts.get(0) - i * 1_000_000L / FPS) <= 1_000, "frame " + i + " at " + pts.get(i));
        }
        int firstNew = -1;
        for (int i = 0; i < run.pictures.size(); i++) {
            if (run.pictures.get(i).size().equals(TRACK1_SIZE)) {
                firstNew = i;
                break;
            }
        }
        assertTrue(firstNew > 0, "switched after the first picture");
        int at = firstNew;
        assertTrue(run.pictures.subList(0, at).stream().allMatch(p -> p.size().equals(TRACK0_SIZE)), "track 0 up to the switch");
        assertTrue(run.pictures.subList(at, pts.size()).stream().allMatch(p -> p.size().equals(TRACK1_SIZE)),
                "track 1 from the switch");
        assertEquals(0, at % GOP, "the switch is at a keyframe of track 1 (frame " + at + ")");
        long eventUs = Math.round(((Number) details(run, SWITCHED).stream().filter(d -> d.get("kind").equals("video"))
                .findFirst().orElseThrow().get("time")).doubleValue() * 1e6);
        assertEquals(run.pictures.get(at).ptsUs(), eventUs, "the event names the first picture of track 1");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> details(PlayCheck run, String code) {
        return run.events.stream().filter(e -> e.code().equals(code)).map(NetStatusEvent::details)
                .map(d -> (Map<String, Object>) d).toList();
    }
}
