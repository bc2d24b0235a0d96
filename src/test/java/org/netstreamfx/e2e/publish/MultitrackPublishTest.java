package org.netstreamfx.e2e.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;
import org.netstreamfx.app.Main;
import org.netstreamfx.e2e.rtmp.support.Ffmpeg8Ingest;
import org.netstreamfx.e2e.rtmp.support.ScriptedRelay;
import org.netstreamfx.e2e.support.EngineRun;
import org.netstreamfx.capture.device.CaptureClock;
import org.netstreamfx.capture.device.TestCamera;
import org.netstreamfx.capture.encode.H264Settings;
import org.netstreamfx.capture.encode.Renditions;
import org.netstreamfx.capture.encode.VideoEncoders;
import org.netstreamfx.capture.feed.MultitrackCameraFeed;
import org.netstreamfx.player.flv.MultitrackTracks;
import org.netstreamfx.player.media.TrackKind;
import org.netstreamfx.player.flv.VideoTagHeader;
import org.netstreamfx.player.publish.FeedCodec;
import org.netstreamfx.player.publish.TrackFigures;
import org.netstreamfx.player.rtmp.client.RtmpOptions;

/**
 * One test camera as three H.264 renditions, Enhanced RTMP v2 multitrack (track 0 a plain legacy
 * stream, tracks 1 and 2 Multitrack OneTrack messages). Published by the engine to FFmpeg 8 as the
 * ingest server, which reads every track at its size, with the keyframes of all three at the same
 * times; published by {@code nsfx publish --tracks} to a relay, whose forwarded messages read, with
 * our player's parsers, as tracks 0, 1 and 2, and whose stats lines count each track's frames.
 */
@ResourceLock(Resources.SYSTEM_OUT)
class MultitrackPublishTest {
    private static final Duration LIMIT = Duration.ofSeconds(30);
    /** Small and slow, for two cores: a 320x180 camera at 10 fps… */
    private static final int WIDTH = 320;
    private static final int HEIGHT = 180;
    private static final int FPS = 10;
    private static final String SIZE = WIDTH + "x" + HEIGHT;
    /** …at 300 kbit/s for a single-track feed, a keyframe every half second… */
    private static final int KBPS = 300;
    private static final double KEYINT_S = 0.5;
    /** …as 320x180, 214x120 and 160x90. */
    private static final String TRACKS = "180p@300,120p@200,90p@100";
    /**
     * How long {@code nsfx publish} runs: its clock starts before it connects, and the first connect
     * of a run (natives loading, devices opening) may take a second or two on a busy machine.
     */
    private static final double CLI_SECONDS = 4;
    /** A second and a half of pictures: three keyframes or more. */
    private static final int SENT_PER_TRACK = 15;
    private static final List<String> OPTIONS = List.of("--camera", "test", "--mic", "tone", "--size",
            SIZE, "--fps", String.valueOf(FPS), "--keyint", String.valueOf(KEYINT_S), "--tracks", TRACKS,
            "--stats-interval", "0.5");
    private static final List<String> SIZES = List.of("320x180", "214x120", "160x90");

    /** Runs {@code nsfx publish URL OPTIONS --duration S} in this JVM: its exit status and stdout. */
    private static CompletableFuture<String[]> publish(String url, double seconds) {
        return CompletableFuture.supplyAsync(() -> {
            ByteArrayOutputStream o = new ByteArrayOutputStream();
            PrintStream saved = System.out;
            int exit;
            synchronized (PublishCommandTest.class) {
                System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
                try {
                    List<String> args = new java.util.ArrayList<>(List.of("publish", url, "--duration",
                            String.valueOf(seconds)));
                    args.addAll(OPTIONS);
                    exit = Main.run(args.toArray(String[]::new));
                } finally {
                    System.setOut(saved);
                }
            }
            return new String[] {String.valueOf(exit), o.toString(StandardCharsets.UTF_8)};
        });
    }

    @Test
    void ffmpeg8ReadsEveryTrackAtItsSizeWithTheKeyframesAligned(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("tracks.mkv");
        try (Ffmpeg8Ingest ingest = Ffmpeg8Ingest.recordAllStreams(out, LIMIT)) {
            try (EnginePublisher publisher = new EnginePublisher(ingest.appUrl(), WIDTH, HEIGHT, FPS,
                    RtmpOptions.DEFAULTS, KBPS, KEYINT_S)) {
                MultitrackCameraFeed camera = new MultitrackCameraFeed(new TestCamera(), H264Settings.of(WIDTH, HEIGHT,
                        FPS, KBPS).withKeyframeInterval(KEYINT_S), Renditions.parse(TRACKS), FeedCodec.H264,
                        VideoEncoders.SOFTWARE, CaptureClock.system());
                publisher.ns.attachCamera(camera);
                publisher.ns.publish(Ffmpeg8Ingest.STREAM, "live");
                publisher.await("NetStream.Publish.Start", LIMIT);
                publisher.awaitTrue(SENT_PER_TRACK + " frames sent on every track", LIMIT, () -> {
                    List<TrackFigures> f = camera.trackFigures();
                    return f.size() == SIZES.size() && f.stream().allMatch(t -> t.framesSent() >= SENT_PER_TRACK);
                });
                assertEquals(List.of(0, 1, 2), camera.trackFigures().stream().map(TrackFigures::trackId).toList());
            }
            assertTrue(ingest.awaitExit(LIMIT), "the ingest server did not end after the unpublish\n" + ingest.describe());
            List<String> video = Ffmpeg8Ingest.streams(out).stream().filter(l -> l.contains("Video:")).toList();
            assertEquals(SIZES.size(), video.size(), video + "\n" + ingest.describe());
            for (int i = 0; i < SIZES.size(); i++) {
                assertTrue(video.get(i).contains("Video: h264") && video.get(i).contains(SIZES.get(i)), video.toString());
            }
        }
        Map<Integer, List<Long>> keys = Ffmpeg8Ingest.videoKeyframes(out);
        assertEquals(SIZES.size(), keys.size(), keys.toString());
        List<Long> first = keys.values().iterator().next();
        assertTrue(first.size() >= 3, "a keyframe every half second: " + keys);
        keys.values().forEach(k -> assertEquals(first, k, "every track's keyframes at the same times: " + keys));
    }

    /**
     * What a relay forwards to players, read as our player lists tracks (its {@code TrackCatalog}
     * reads each video message with {@code VideoTagHeader} and {@code MultitrackTracks}): track 0
     * as plain messages, tracks 1 and 2 as Multitrack ones, every track {@code avc1}, each starting
     * with its own SequenceStart and keyframe.
     */
    @Test
    void aRelayForwardsTracksOurPlayersParsersListWithTheirIdsAndCodecs() throws Exception {
        try (ScriptedRelay relay = new ScriptedRelay()) {
            String[] run = publish(relay.appUrl("live") + "/key", CLI_SECONDS).get(LIMIT.toSeconds(), TimeUnit.SECONDS);
            assertEquals("0", run[0], run[1]);
            JsonNode stats = lastStats(run[1]).get("tracks");
            assertEquals(SIZES.size(), stats.size(), run[1]);
            for (int i = 0; i < SIZES.size(); i++) {
                assertEquals(i, stats.get(i).get("id").asInt());
                assertTrue(stats.get(i).get("sent").asLong() > 0, run[1]);
            }
            assertEquals("120p@200", stats.get(1).get("rendition").asText());
            Map<Integer, List<String>> seen = new java.util.TreeMap<>();
            for (byte[] body : relay.videoBodies()) {
                VideoTagHeader h = VideoTagHeader.parse(body);
                List<MultitrackTracks.Track> tracks = MultitrackTracks.of(h, body);
                int id = tracks.isEmpty() ? 0 : tracks.get(0).trackId();
                String codec = tracks.isEmpty() ? h.codec().fourCc() : tracks.get(0).fourCc();
                assertEquals(tracks.isEmpty(), id == 0, "track 0 alone goes as plain messages");
                seen.computeIfAbsent(id, i -> new java.util.ArrayList<>()).add(codec + " " + h.packetType()
                        + (h.isKeyFrame() ? " key" : ""));
            }
            assertEquals(List.of(0, 1, 2), List.copyOf(seen.keySet()), seen.toString());
            for (List<String> track : seen.values()) {
                assertEquals("avc1 SEQUENCE_START key", track.get(0), track.toString());
                assertTrue(track.get(1).startsWith("avc1 CODED_FRAMES") && track.get(1).endsWith(" key"), track.toString());
            }
        }
    }

    /**
     * Our player on the relay while the engine publishes three renditions: it lists every track
     * with its size, plays track 0, and switches to track 2 at a keyframe with no reconnect.
     */
    @Test
    void ourPlayerListsTheRenditionsAndSwitchesToAnother() throws Exception {
        try (ScriptedRelay relay = new ScriptedRelay();
             EngineRun player = new EngineRun(false, relay.appUrl("live"))) {
            player.ns.play("key"); // before the publisher: every track's SequenceStart reaches it
            try (EnginePublisher publisher = new EnginePublisher(relay.appUrl("live"), WIDTH, HEIGHT, FPS,
                    RtmpOptions.DEFAULTS, KBPS, KEYINT_S)) {
                publisher.ns.attachCamera(new MultitrackCameraFeed(new TestCamera(), H264Settings.of(WIDTH, HEIGHT,
                        FPS, KBPS).withKeyframeInterval(KEYINT_S), Renditions.parse(TRACKS), FeedCodec.H264,
                        VideoEncoders.SOFTWARE, CaptureClock.system()));
                publisher.ns.publish("key", "live");
                publisher.awaitTrue("our player lists three sized video tracks", LIMIT, () -> player.info().tracks()
                        .stream().filter(t -> t.width() > 0).count() == SIZES.size());
                assertEquals(SIZES, player.info().tracks().stream().filter(t -> t.kind() == TrackKind.VIDEO)
                        .map(t -> t.width() + "x" + t.height()).toList());
                publisher.awaitTrue("track 0's pictures", LIMIT, () -> player.renderedSizes.contains(SIZES.get(0)));
                player.ns.selectVideoTrack(2);
                publisher.awaitTrue("track 2's pictures", LIMIT, () -> player.renderedSizes.contains(SIZES.get(2)));
            }
            List<String> shown = player.renderedSizes.stream().distinct().toList();
            assertEquals(List.of(SIZES.get(0), SIZES.get(2)), shown, "track 0, then track 2, never track 1");
            assertTrue(player.codes().contains("NetStreamFX.Tracks.Switched"), player.codes().toString());
            assertTrue(player.connectionEvents.stream().noneMatch(e -> e.code().startsWith("NetStreamFX.Connect.")),
                    "no reconnect: " + player.connectionEvents);
        }
    }

    private static JsonNode lastStats(String out) throws Exception {
        ObjectMapper json = new ObjectMapper();
        JsonNode last = null;
        for (String line : out.strip().split("\n")) {
            JsonNode n = json.readTree(line);
            if ("stats".equals(n.path("type").asText())) {
                last = n;
            }
        }
        if (last == null) {
            throw new AssertionError("no stats line in " + out);
        }
        return last;
    }
}
