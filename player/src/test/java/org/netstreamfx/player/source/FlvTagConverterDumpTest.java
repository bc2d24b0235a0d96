package org.netstreamfx.player.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.zip.CRC32;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.netstreamfx.player.media.MediaPacket;
import org.netstreamfx.player.media.TrackFormat;

/**
 * Golden dumps of what {@link FlvTagConverter} makes of real FLV files, read through
 * {@link FlvSource} as the player reads them (ExoPlayer's extractor dump tests): the track formats,
 * then every packet (track, pts, dts, duration, keyframe flag, size, CRC32 of its bytes) and data
 * message, one line each, compared with {@code src/test/resources/dumps/NAME.dump}.
 *
 * <p>A change in what the converter produces fails here with the first line that differs. When the
 * change is meant, rewrite the dumps with {@code -Dnsfx.dumps.update=true} and review their diff:
 * {@code mvn -o -q verify -pl testkit,player -Dtest=FlvTagConverterDumpTest -Dnsfx.dumps.update=true}.
 * The inputs under {@code dumps/inputs/} are remuxes (ffmpeg {@code -c copy -fflags +bitexact}) of
 * the fixtures in {@code resources/media/}, and {@code hevc-1s.flv}: Enhanced RTMP v2 HEVC
 * ({@code hvc1} FourCC tags, B-frames, so composition times), written by {@code make-hevc-flv.py}
 * from a libx265 MP4 since ffmpeg 5.1 cannot write HEVC in FLV.
 */
class FlvTagConverterDumpTest {
    /** Where the dumps live in the source tree (surefire runs in the module's folder). */
    private static final Path DUMPS = Path.of("src", "test", "resources", "dumps");
    /** Set to true to rewrite the dumps from what the converter produces now. */
    private static final String UPDATE_PROPERTY = "nsfx.dumps.update";
    /** A sane bound on the items of a one-second fixture: a runaway reader fails instead of filling memory. */
    private static final int MAX_ITEMS = 10_000;

    @ParameterizedTest
    @ValueSource(strings = {"h264-heaac-v2-1s", "heaac-v1-1s", "hevc-1s"})
    void converterOutputMatchesItsGoldenDump(String name) throws Exception {
        Path input = DUMPS.resolve("inputs").resolve(name + ".flv");
        String actual = dump(input);
        Path golden = DUMPS.resolve(name + ".dump");
        if (Boolean.getBoolean(UPDATE_PROPERTY)) {
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
        }
        assertTrue(Files.exists(golden), "no golden dump " + golden.toAbsolutePath() + ": run with -D"
                + UPDATE_PROPERTY + "=true to write it");
        compare(Files.readString(golden, StandardCharsets.UTF_8), actual, golden);
        assertTrue(actual.lines().filter(l -> l.startsWith("packet ")).count() >= 10,
                "a dump of a real file holds its packets:\n" + actual);
    }

    private static String dump(Path input) throws Exception {
        StringBuilder out = new StringBuilder();
        out.append("# FlvTagConverter through FlvSource: ").append(input.getFileName()).append('\n');
        out.append("# rewrite with -D").append(UPDATE_PROPERTY).append("=true (see FlvTagConverterDumpTest)\n");
        try (FlvSource source = new FlvSource(FileInput.open(input))) {
            SourceDescription d = source.open();
            out.append("container=").append(d.container()).append(" durationUs=").append(d.durationUs())
                    .append(" ignored=").append(d.ignoredTracks()).append('\n');
            for (TrackFormat t : d.tracks()) {
                out.append(track(t)).append('\n');
            }
            int items = 0;
            for (SourceItem item = source.read(); item != null; item = source.read()) {
                if (++items > MAX_ITEMS) {
                    fail("more than " + MAX_ITEMS + " items in " + input);
                }
                if (item instanceof SourcePacket p) {
                    out.append(packet(p)).append('\n');
                } else if (item instanceof DataMessage m) {
                    out.append("data ptsUs=").append(m.ptsUs()).append(" handler=").append(m.handler())
                            .append(" args=").append(m.args().size()).append('\n');
                } else {
                    out.append("item ").append(item.getClass().getSimpleName()).append('\n');
                }
            }
        }
        return out.toString();
    }

    private static String track(TrackFormat t) {
        return String.format(Locale.ROOT, "track %d codec=%s extradata=%d bytes crc32=%s size=%dx%d fps=%.3f "
                        + "sampleRateHz=%d channels=%d bitRateBps=%d profile=%s level=%s reorderDepth=%d",
                t.index(), t.codec(), t.extradata().length, crc(t.extradata()), t.width(), t.height(), t.frameRate(),
                t.sampleRateHz(), t.channels(), t.bitRateBps(), t.profile(), t.level(), t.reorderDepth());
    }

    private static String packet(SourcePacket sp) {
        MediaPacket p = sp.packet();
        String kind = p.trackIndex() == FlvTagConverter.VIDEO_TRACK ? "video" : "audio";
        return String.format(Locale.ROOT, "packet %s ptsUs=%d dtsUs=%d durationUs=%d key=%b size=%d crc32=%s"
                        + " skip=%d/%d", kind, p.ptsUs(), p.dtsUs(), p.durationUs(), p.keyframe(), p.data().length,
                crc(p.data()), sp.skipStartSamples(), sp.skipEndSamples());
    }

    private static String crc(byte[] data) {
        CRC32 c = new CRC32();
        c.update(data);
        return HexFormat.of().toHexDigits((int) c.getValue());
    }

    /** Fails at the first line that differs, naming it, rather than with two whole dumps. */
    private static void compare(String expected, String actual, Path golden) {
        List<String> e = expected.lines().toList();
        List<String> a = actual.lines().toList();
        for (int i = 0; i < Math.min(e.size(), a.size()); i++) {
            assertEquals(e.get(i), a.get(i), golden + " line " + (i + 1) + " differs (rewrite with -D"
                    + UPDATE_PROPERTY + "=true if the change is meant)");
        }
        assertEquals(e.size(), a.size(), golden + ": line counts differ");
    }
}
