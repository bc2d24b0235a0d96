package org.netstreamfx.e2e.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.netstreamfx.e2e.record.NsfxProcess;
import org.netstreamfx.e2e.rtmp.support.FfmpegPublisher;
import org.netstreamfx.e2e.rtmp.support.NginxRtmp;
import org.netstreamfx.testkit.RunsAlone;
import org.netstreamfx.testkit.sound.SoundServerExtension;

/**
 * A live stream whose publisher restarts, as OBS and every encoder do all the time: ffmpeg
 * publishes to a real nginx-rtmp, {@code nsfx play} plays it through the test sound server, ffmpeg
 * stops and a new ffmpeg publishes on the same name, its timestamps starting again at 0. The
 * picture moves again within 3 s of the new publisher's PublishNotify (a keyframe interval, 1 s,
 * plus bufferTime and the start of the encoder), with a NetStreamFX.Live.Discontinuity giving the
 * jump, and the frames dropped are not the thousands that waiting for the old timestamps gives.
 */
@ExtendWith(SoundServerExtension.class)
@RunsAlone
class PublisherRestartTest {
    /** What the issue asks: the picture back within 3 s of the new publisher. */
    private static final double PICTURE_BACK_S = 3.0;
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @Test
    void aRestartedPublisherIsPlayingAgainWithinThreeSeconds() throws Exception {
        try (NginxRtmp nginx = NginxRtmp.start(dir)) {
            String url = nginx.url("live", "cam");
            NsfxProcess play;
            try (FfmpegPublisher first = FfmpegPublisher.testSource(url).awaitPublishing(WAIT)) {
                play = new NsfxProcess("play", url, "--stats-interval", "0.2");
                awaitLine(play, "the first publisher's pictures", l -> stats(l) && l.get("renderedFrames").asLong() >= 50);
                first.stop();
            }
            try (play) {
                JsonNode gone = awaitLine(play, "UnpublishNotify", l -> status(l, "NetStream.Play.UnpublishNotify"));
                awaitLine(play, "Buffer.Empty after the publisher left", l -> status(l, "NetStream.Buffer.Empty")
                        && play.lines().indexOf(l) > play.lines().indexOf(gone));
                long renderedBefore = last(play, PublisherRestartTest::stats).get("renderedFrames").asLong();
                long droppedBefore = last(play, PublisherRestartTest::stats).get("droppedFrames").asLong();
                try (FfmpegPublisher second = FfmpegPublisher.testSource(url).awaitPublishing(WAIT)) {
                    JsonNode notify = awaitLine(play, "the second PublishNotify",
                            l -> status(l, "NetStream.Play.PublishNotify")
                                    && countBefore(play, l, "NetStream.Play.PublishNotify") == 1);
                    JsonNode moving = awaitLine(play, "pictures of the new publisher",
                            l -> stats(l) && l.get("renderedFrames").asLong() >= renderedBefore + 25);
                    JsonNode back = firstAfter(play, notify, l -> stats(l)
                            && l.get("renderedFrames").asLong() > renderedBefore).orElseThrow();
                    double backS = back.get("t").asDouble() - notify.get("t").asDouble();
                    JsonNode jump = awaitLine(play, "the discontinuity",
                            l -> status(l, "NetStreamFX.Live.Discontinuity"));
                    System.out.printf("publisher restart: PublishNotify at %.3f s, picture moving at %.3f s (%.3f s "
                            + "later, stats every 0.2 s), %s%n", notify.get("t").asDouble(), back.get("t").asDouble(),
                            backS, jump.get("description").asText());
                    System.out.println("events: " + play.codes());
                    assertTrue(backS <= PICTURE_BACK_S, "the picture moved again " + backS + " s after PublishNotify");
                    JsonNode details = jump.get("details");
                    assertEquals("new publisher", details.get("reason").asText(), jump.toString());
                    assertTrue(details.get("fromMs").asLong() > 1_000, "the old publisher's last timestamp: " + jump);
                    assertTrue(details.get("toMs").asLong() < 1_000, "ffmpeg starts again near 0: " + jump);
                    assertEquals(details.get("toMs").asLong() - details.get("fromMs").asLong(),
                            details.get("jumpMs").asLong());
                    long dropped = moving.get("droppedFrames").asLong() - droppedBefore;
                    assertTrue(dropped <= 60, dropped + " frames dropped across the restart (a new publisher's "
                            + "frames are not late; waiting for the old timestamps dropped thousands; a loaded "
                            + "machine may drop a few dozen)");
                    assertEquals(List.of(), play.codes().stream().filter(c -> c.endsWith(".Failed")).toList());
                }
                play.interrupt();
                int exit = play.exit(20);
                assertTrue(exit == 130 || exit == 143, "ended by Ctrl-C (128 + SIGINT, or SIGTERM), not an error: "
                        + exit + "\n" + play.stderr());
            }
        }
    }

    private static boolean stats(JsonNode l) {
        return "stats".equals(l.path("type").asText());
    }

    private static boolean status(JsonNode l, String code) {
        return "status".equals(l.path("type").asText()) && code.equals(l.path("code").asText());
    }

    private static long countBefore(NsfxProcess p, JsonNode line, String code) {
        return p.lines().stream().takeWhile(l -> l != line).filter(l -> status(l, code)).count();
    }

    private static JsonNode last(NsfxProcess p, Predicate<JsonNode> which) {
        List<JsonNode> lines = p.lines();
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (which.test(lines.get(i))) {
                return lines.get(i);
            }
        }
        throw new AssertionError("no such line in " + p.stdout());
    }

    private static Optional<JsonNode> firstAfter(NsfxProcess p, JsonNode after, Predicate<JsonNode> which) {
        return p.lines().stream().dropWhile(l -> l != after).filter(which).findFirst();
    }

    /** The first line that matches, waiting for it. */
    private static JsonNode awaitLine(NsfxProcess p, String what, Predicate<JsonNode> which) throws Exception {
        return p.awaitLine(what, WAIT, which);
    }
}
