package org.netstreamfx.e2e.restart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;
import org.netstreamfx.e2e.record.NsfxProcess;
import org.netstreamfx.e2e.rtmp.support.FfmpegPublisher;
import org.netstreamfx.e2e.rtmp.support.NginxServer;

/**
 * Where the user meets it: nginx-rtmp killed (SIGKILL) under five {@code nsfx} processes and started
 * again. {@code play} and {@code publish} without {@code --reconnect} end with exit status 1 right
 * after NetConnection.Connect.Closed; {@code play --reconnect}, {@code record --reconnect} and
 * {@code publish --reconnect --record} print Reconnecting then Reconnected, play and publish again,
 * and their recordings (FLV) go on in one playable file with the gap in its {@code gaps} tag.
 */
@ResourceLock(value = Resources.SYSTEM_OUT, mode = ResourceAccessMode.READ)
class NsfxServerRestartTest {
    private static final Pattern PACKETS = Pattern.compile("\\((\\d+) packets");
    /** A token in the players' address and the publishers' stream key: never printed, never in a file. */
    private static final String SECRET = "sekrit4242";
    @RegisterExtension
    static final NginxServer nginx = new NginxServer();

    @Test
    void theCommandLineThroughAServerKillWithAndWithoutReconnect(@TempDir Path tmp) throws Exception {
        Path recorded = tmp.resolve("recorded.flv");
        Path published = tmp.resolve("published.flv");
        String cam = nginx.url("live", "clicam");
        FfmpegPublisher camera = FfmpegPublisher.testSource(cam).awaitPublishing(Duration.ofSeconds(15));
        FfmpegPublisher again = null;
        String camWithToken = cam + "?token=" + SECRET;
        try (NsfxProcess playOn = new NsfxProcess("play", camWithToken, "--reconnect", "10", "--no-audio",
                     "--stats-interval", "0.5");
             NsfxProcess playOff = new NsfxProcess("play", cam, "--no-audio", "--stats-interval", "0");
             NsfxProcess record = new NsfxProcess("record", camWithToken, "--reconnect", "10", "--to",
                     recorded.toString());
             NsfxProcess publishOn = new NsfxProcess("publish", nginx.url("live", SECRET), "--reconnect", "10",
                     "--size", "320x240", "--keyint", "1", "--stats-interval", "0", "--record", published.toString());
             NsfxProcess publishOff = new NsfxProcess("publish", nginx.url("live", "clipub2"), "--size", "160x120",
                     "--keyint", "1", "--stats-interval", "0")) {
            Duration start = Duration.ofSeconds(60); // five JVMs starting on a loaded 2-core machine
            await("play --reconnect shows pictures", start, () -> picturesAfter(playOn, -1) >= 1);
            await("play shows pictures", start, () -> playOff.codes().contains("NetStream.Buffer.Full"));
            await("record records", start, () -> record.codes().contains("NetStream.Record.Start"));
            await("publish --record publishes and records", start, () -> publishOn.codes()
                    .containsAll(List.of("NetStream.Publish.Start", "NetStream.Record.Start")));
            await("publish publishes", start, () -> publishOff.codes().contains("NetStream.Publish.Start"));
            int[] before = {playOn.codes().size(), playOff.codes().size(), record.codes().size(),
                publishOn.codes().size(), publishOff.codes().size()};
            long killNanos = System.nanoTime();
            nginx.kill();
            camera.close();

            int playOffExit = playOff.exit(20);
            double playOffEnded = (System.nanoTime() - killNanos) / 1e9;
            int publishOffExit = publishOff.exit(20);
            double publishOffEnded = (System.nanoTime() - killNanos) / 1e9;
            for (NsfxProcess p : List.of(playOn, record, publishOn)) {
                await("Reconnecting", Duration.ofSeconds(20),
                        () -> p.codes().contains("NetStreamFX.Connect.Reconnecting"));
            }
            nginx.restart();
            again = FfmpegPublisher.testSource(cam).awaitPublishing(Duration.ofSeconds(15));
            FfmpegPublisher back = again;
            for (NsfxProcess p : List.of(playOn, record, publishOn)) {
                await("Reconnected", Duration.ofSeconds(30), () -> p.codes().contains("NetStreamFX.Connect.Reconnected"));
            }
            await("pictures again after Reconnected", Duration.ofSeconds(30),
                    () -> picturesAfter(playOn, playOn.codes().indexOf("NetStreamFX.Connect.Reconnected")) >= 25);
            await("published again", Duration.ofSeconds(30),
                    () -> publishOn.codes().stream().filter("NetStream.Publish.Start"::equals).count() == 2);
            await("recording again", Duration.ofSeconds(30), () -> record.codes()
                    .subList(record.codes().indexOf("NetStreamFX.Connect.Reconnected"), record.codes().size())
                    .contains("NetStream.Play.Start"));
            // Two more seconds recorded after the restart, on ffmpeg's own clock.
            double sent = back.secondsWritten();
            await("2 s more of the camera", Duration.ofSeconds(20), () -> back.secondsWritten() > sent + 2);
            record.interrupt();
            publishOn.interrupt();
            int recordExit = record.exit(30);
            int publishOnExit = publishOn.exit(30);
            boolean playOnRunning = playOn.isAlive();

            for (NsfxProcess p : List.of(playOn, playOff, record, publishOn, publishOff)) {
                System.out.println(String.join(" ", describe(p)));
            }
            System.out.printf(Locale.ROOT, "play (no reconnect) ended %.2f s after the kill with %d; publish (no "
                    + "reconnect) %.2f s with %d; record --reconnect %d; publish --reconnect %d%n", playOffEnded,
                    playOffExit, publishOffEnded, publishOffExit, recordExit, publishOnExit);

            assertEquals(1, playOffExit, playOff.stdout());
            // Connect.Closed ends the command; the stream's Play.Failed, raised on another thread at the
            // same moment, is printed when it comes first, and so is what the playback of the last
            // buffered moments reports (Buffer.*, Live.*: a loaded machine may only be starting).
            List<String> playOffAfter = since(playOff, before[1]);
            assertTrue(playOffAfter.contains("NetConnection.Connect.Closed") && playOffAfter.stream().allMatch(c ->
                    c.equals("NetStream.Play.Failed") || c.equals("NetConnection.Connect.Closed")
                            || c.startsWith("NetStream.Buffer.") || c.startsWith("NetStreamFX.Live.")),
                    playOff.stdout());
            assertEquals(1, publishOffExit, publishOff.stdout());
            assertTrue(since(publishOff, before[4]).contains("NetConnection.Connect.Closed"), publishOff.stdout());
            assertTrue(playOffEnded < 10 && publishOffEnded < 10, "ended " + playOffEnded + " / " + publishOffEnded
                    + " s after the kill");
            assertTrue(playOnRunning, "play --reconnect still plays: " + playOn.stdout());
            for (NsfxProcess p : List.of(playOn, record, publishOn)) {
                List<String> after = since(p, p == playOn ? before[0] : p == record ? before[2] : before[3]);
                // The first connection event after the kill is Reconnecting; what the playback of the
                // last buffered moments reports (Buffer.*, Live.*) may come before it on a loaded machine.
                assertEquals("NetStreamFX.Connect.Reconnecting", after.stream().filter(c ->
                        !c.startsWith("NetStream.Buffer.") && !c.startsWith("NetStreamFX.Live.")).findFirst()
                        .orElse("nothing"), p.stdout());
                assertTrue(after.contains("NetStreamFX.Connect.Reconnected"), p.stdout());
                assertTrue(after.stream().noneMatch(c -> c.equals("NetStream.Record.Failed")), p.stdout());
                int closed = after.indexOf("NetConnection.Connect.Closed");
                assertTrue(closed < 0 || (closed == after.size() - 1 && p != playOn), "the only Connect.Closed is "
                        + "the one of the Ctrl-C at the end: " + p.stdout());
            }
            assertEquals(0, recordExit, record.stdout());
            assertEquals(0, publishOnExit, publishOn.stdout());
            checkRecording(record, recorded, "missing");
            checkRecording(publishOn, published, "kept");
            for (NsfxProcess p : List.of(playOn, record, publishOn)) {
                assertTrue(!p.stdout().contains(SECRET), "the secret is printed: " + p.stdout());
            }
            for (Path f : List.of(recorded, published)) {
                assertTrue(!new String(java.nio.file.Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1)
                        .contains(SECRET), "the secret is in " + f);
            }
        } finally {
            camera.close();
            if (again != null) {
                again.close();
            }
        }
    }

    /** One gap, of the media given; playable without a word from ffprobe/ffmpeg; every packet written decodes. */
    private static void checkRecording(NsfxProcess p, Path file, String media) {
        RecordingCheck check = RecordingCheck.of(file);
        System.out.println(check);
        assertEquals("", check.errors(), check.toString());
        assertEquals(List.of("video", "audio"), check.streamTypes(), check.toString());
        assertEquals(1, check.gaps().size(), check.toString());
        assertEquals("reconnect", check.gaps().get(0).reason());
        assertEquals(media, check.gaps().get(0).media());
        String stop = p.lines().stream().filter(n -> n.path("code").asText().equals("NetStream.Record.Stop"))
                .map(n -> n.path("description").asText()).findFirst().orElseThrow(() -> new AssertionError(p.stdout()));
        Matcher m = PACKETS.matcher(stop);
        assertTrue(m.find(), stop);
        assertEquals(Long.parseLong(m.group(1)), check.videoFrames() + check.audioFrames(),
                "packets written (" + stop + ") against frames decoded: " + check);
    }

    /** The most pictures a stats line after the {@code afterStatus}-th status line says were rendered. */
    private static long picturesAfter(NsfxProcess p, int afterStatus) {
        int statuses = 0;
        long first = -1;
        long last = -1;
        for (JsonNode n : p.lines()) {
            String type = n.path("type").asText();
            if (type.equals("status")) {
                statuses++;
            } else if (type.equals("stats") && statuses > afterStatus) {
                long rendered = n.path("renderedFrames").asLong(0);
                first = first < 0 ? rendered : Math.min(first, rendered);
                last = Math.max(last, rendered);
            }
        }
        return last < 0 ? 0 : last - Math.max(0, afterStatus < 0 ? 0 : first);
    }

    private static List<String> since(NsfxProcess p, int index) {
        List<String> codes = p.codes();
        return codes.subList(Math.min(index, codes.size()), codes.size()).stream()
                .filter(c -> !c.startsWith("NetStream.Buffer.") && !c.equals("NetStreamFX.Publish.Dropped")).toList();
    }

    /** The status lines of a process: t, code. */
    private static List<String> describe(NsfxProcess p) {
        return p.lines().stream().filter(n -> n.path("type").asText().equals("status"))
                .map(n -> String.format(Locale.ROOT, "%n  %6.2f %s", n.path("t").asDouble(), n.path("code").asText()))
                .toList();
    }

    private static void await(String what, Duration limit, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + limit.toSeconds() + " s waiting for " + what);
            }
            Thread.sleep(50);
        }
    }
}
