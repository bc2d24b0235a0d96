package org.netstreamfx.player.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.netstreamfx.player.media.MediaPacket;
import org.netstreamfx.player.net.NetStatusEvent;
import org.netstreamfx.player.source.SourcePacket;

/**
 * A gap marked in a recording (what a reconnect does): the 4 s test stream recorded with its second
 * half 2 s later, the gap marked between; ffprobe reads the file without a word, lasts 6 s, and
 * shows the gap in the {@code gaps} tag; a gap marked before the file is finished is there too.
 */
class RecordedGapsTest {
    private static final long GAP_US = 2_000_000;
    /** Long enough for an audio-only fragment (1 s) to be cut, which writes the delayed moov. */
    private static final int AC3_SECONDS = 3;
    private static final long AC3_GAP_AT_US = 500_000;
    @TempDir
    static Path dir;
    static StreamFeed feed;

    @BeforeAll
    static void makeStream() throws Exception {
        Path source = dir.resolve("source.flv");
        Cli.makeStream(source, 4, 25);
        feed = StreamFeed.read(source.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"flv", "mp4"})
    void aMarkedGapIsInTheGapsTagAndTheFilePlaysAcrossIt(String kind) throws Exception {
        Path out = dir.resolve("gap." + kind);
        List<NetStatusEvent> events = new CopyOnWriteArrayList<>();
        Recorder r = RecorderTest.recorder(kind, out, events);
        r.start(feed.tracks);
        int videoTrack = feed.tracks.stream().filter(t -> t.kind() == org.netstreamfx.player.media.TrackKind.VIDEO)
                .findFirst().orElseThrow().index();
        long shift = 0;
        long lastDts = 0;
        boolean second = false;
        for (var item : feed.items) {
            if (!(item instanceof SourcePacket sp)) {
                continue;
            }
            MediaPacket p = sp.packet();
            if (!second && p.trackIndex() == videoTrack && p.keyframe() && p.dtsUs() >= 2_000_000) {
                second = true;
                shift = GAP_US;
                r.markGap(lastDts + 40_000, GAP_US, "reconnect", false);
            }
            if (!second) {
                lastDts = Math.max(lastDts, p.dtsUs());
            }
            r.write(new MediaPacket(p.trackIndex(), p.ptsUs() + shift, p.dtsUs() + shift, p.durationUs(), p.keyframe(),
                    p.data()));
        }
        assertTrue(second, "the stream has a keyframe at 2 s");
        String tagBeforeStop = Cli.run("ffprobe", "-v", "error", "-show_entries", "format_tags=gaps", "-of",
                "default=noprint_wrappers=1:nokey=1", out.toString()).stdout().strip();
        r.stop();
        assertEquals(List.of("NetStream.Record.Start", "NetStream.Record.Stop"),
                events.stream().map(NetStatusEvent::code).toList());
        Cli.Result tags = Cli.run("ffprobe", "-v", "error", "-show_entries", "format=duration:format_tags=gaps",
                "-of", "default=noprint_wrappers=1", out.toString());
        assertEquals("", tags.stderr());
        var values = Cli.keyValues(tags.stdout());
        long firstDts = feed.packets(videoTrack).get(0).dtsUs(); // the file's time 0
        String expected = String.format(java.util.Locale.ROOT,
                "[{\"start\":%.3f,\"duration\":2.000,\"reason\":\"reconnect\",\"media\":\"missing\"}]",
                (lastDts + 40_000 - firstDts) / 1e6);
        assertEquals(expected, values.get("TAG:gaps"), tags.stdout());
        assertEquals(expected, tagBeforeStop, "the tag is written when the gap is marked, not at the end");
        assertEquals(6.0, Double.parseDouble(values.get("duration")), 0.15, tags.stdout());
        assertEquals("", Cli.decodeErrors(out));
        assertEquals(feed.packets(videoTrack).size(),
                Long.parseLong(Cli.stream(out, "v:0", "nb_read_frames").get("nb_read_frames")));
    }

    /**
     * AC-3 in MP4 waits for its first frames before the moov goes out (delay_moov): a gap marked
     * before then is written into the moov once it is in the file, not lost.
     */
    @Test
    void aGapMarkedBeforeTheDelayedMoovOfAc3IsWrittenWithIt() throws Exception {
        Path source = dir.resolve("tone.ac3.mkv");
        Cli.Result made = Cli.run("ffmpeg", "-nostdin", "-v", "error", "-y", "-f", "lavfi", "-i",
                "sine=frequency=440:sample_rate=48000:duration=" + AC3_SECONDS, "-ac", "2", "-c:a", "ac3",
                source.toString());
        assertEquals(0, made.exitCode(), made.stderr());
        StreamFeed ac3 = StreamFeed.read(source.toString());
        List<MediaPacket> packets = ac3.packets(ac3.tracks.get(0).index());
        Path out = dir.resolve("ac3-gap.mp4");
        List<NetStatusEvent> events = new CopyOnWriteArrayList<>();
        Recorder r = RecorderTest.recorder("mp4", out, events);
        r.start(ac3.tracks);
        r.write(packets.get(0));
        long firstDts = packets.get(0).dtsUs();
        r.markGap(firstDts + AC3_GAP_AT_US, GAP_US, "reconnect", true);
        packets.subList(1, packets.size()).forEach(r::write);
        String tagBeforeStop = Cli.run("ffprobe", "-v", "error", "-show_entries", "format_tags=gaps", "-of",
                "default=noprint_wrappers=1:nokey=1", out.toString()).stdout().strip();
        r.stop();
        assertEquals(List.of("NetStream.Record.Start", "NetStream.Record.Stop"),
                events.stream().map(NetStatusEvent::code).toList());
        String expected = String.format(java.util.Locale.ROOT,
                "[{\"start\":%.3f,\"duration\":2.000,\"reason\":\"reconnect\",\"media\":\"kept\"}]",
                AC3_GAP_AT_US / 1e6);
        assertEquals(expected, tagBeforeStop, "written once the moov is in the file, before the end");
        Cli.Result tags = Cli.run("ffprobe", "-v", "error", "-show_entries", "format_tags=gaps", "-of",
                "default=noprint_wrappers=1:nokey=1", out.toString());
        assertEquals("", tags.stderr());
        assertEquals(expected, tags.stdout().strip());
    }

    @Test
    void gapsPastTheReservedFieldAreCountedInALastEntry() {
        RecordedGaps gaps = new RecordedGaps();
        for (int i = 0; i < 40; i++) {
            gaps.add(new RecordedGaps.Gap(i * 10_000_000L, 1_500_000, "reconnect", i % 2 == 0));
        }
        String json = gaps.json();
        assertTrue(json.length() <= RecordedGaps.FIELD_BYTES, json.length() + " bytes");
        assertTrue(json.startsWith("[{\"start\":0.000,\"duration\":1.500,\"reason\":\"reconnect\",\"media\":\"kept\"},"),
                json);
        int kept = json.split("\"start\"").length - 1;
        assertTrue(json.endsWith(",{\"more\":" + (40 - kept) + "}]"), json);
        assertEquals(RecordedGaps.FIELD_BYTES, gaps.field().length);
        assertEquals(RecordedGaps.FIELD_BYTES, RecordedGaps.EMPTY.length());
    }
}
