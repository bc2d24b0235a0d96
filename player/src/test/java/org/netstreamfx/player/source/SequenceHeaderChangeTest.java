package org.netstreamfx.player.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netstreamfx.player.flv.FlvFileWriter;
import org.netstreamfx.player.flv.FlvTag;
import org.netstreamfx.player.flv.FlvTagReader;
import org.netstreamfx.player.flv.FlvTagType;
import org.netstreamfx.player.health.Profiles;
import org.netstreamfx.player.health.Rule;
import org.netstreamfx.player.net.NetStatusCode;
import org.netstreamfx.player.net.NetStatusEvent;

/**
 * An FLV whose H.264 settings change mid-file, as an encoder restarted with other settings makes
 * it: two ffmpeg-made files (320x180, then 640x360, each with its own sequence headers) joined by
 * file surgery. Played, the health analysis raises SequenceHeaderChange at the join, and the
 * decoder is re-opened there: pictures of both sizes are shown, every frame once.
 */
class SequenceHeaderChangeTest {
    private static final Duration ENCODE_TIMEOUT = Duration.ofSeconds(60);
    private static final long TIMEOUT_MS = 60_000;
    private static final int FPS = 25;
    /** Each part's length; the join is here. */
    private static final int PART_S = 2;
    private static final long FRAME_US = 1_000_000 / FPS;
    /** The two parts' picture sizes, in order. */
    private static final List<String> SIZES = List.of("320x180", "640x360");
    private static final String SMALL = SIZES.get(0);
    private static final String LARGE = SIZES.get(1);

    @TempDir
    static Path dir;
    private static Path joined;

    @BeforeAll
    static void makeStream() throws IOException {
        Path a = encode("a.flv", SMALL);
        Path b = encode("b.flv", LARGE);
        joined = dir.resolve("joined.flv");
        try (SeekableByteChannel out = Files.newByteChannel(joined, StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            FlvFileWriter w = new FlvFileWriter(out);
            w.writeHeader(true, true);
            copyMedia(a, w, 0);
            copyMedia(b, w, PART_S * 1000L);
        }
    }

    private static Path encode(String name, String size) {
        Path out = dir.resolve(name);
        org.netstreamfx.testkit.media.Ffmpeg8.run("ffmpeg", ENCODE_TIMEOUT, List.of("-y", "-f", "lavfi", "-i",
                "testsrc2=s=" + size + ":r=" + FPS + ":d=" + PART_S, "-f", "lavfi", "-i", "sine=f=440:r=48000:d="
                + PART_S, "-c:v", "libx264", "-preset", "superfast", "-g", Integer.toString(FPS), "-bf", "0",
                "-c:a", "aac", "-ac", "2", out.toString()));
        return out;
    }

    /** Every audio and video tag of {@code from} (sequence headers included, onMetaData left out), {@code shiftMs} later. */
    private static void copyMedia(Path from, FlvFileWriter w, long shiftMs) throws IOException {
        try (FlvTagReader r = FlvTagReader.open(Files.newByteChannel(from))) {
            for (var t = r.next(); t.isPresent(); t = r.next()) {
                FlvTag tag = t.get();
                if (tag.type() != FlvTagType.SCRIPT_DATA) {
                    w.writeTag(tag.type(), tag.timestampMs() + shiftMs, new byte[0], tag.body());
                }
            }
        }
    }

    @Test
    void theChangeIsRaisedAtTheJoinAndBothSizesAreShown() throws Exception {
        try (PlayCheck run = new PlayCheck().connect(null, TIMEOUT_MS)) {
            run.stream().setHealthProfile(Profiles.GENERIC);
            run.stream().play(joined.toString());
            run.await(NetStatusCode.NETSTREAM_PLAY_STOP.code(), TIMEOUT_MS);

            List<String> sizes = run.pictures.stream().map(PlayCheck.Picture::size).distinct().toList();
            assertEquals(SIZES, sizes, "the first part's pictures, then the second's");
            assertEquals(2 * PART_S * FPS, run.pictures.size(), "every frame shown once");
            long firstLarge = run.pictures.stream().filter(p -> p.size().equals(LARGE)).findFirst().orElseThrow()
                    .ptsUs();
            assertEquals(PART_S * 1_000_000L, firstLarge, FRAME_US, "the second part from the join");
            NetStatusEvent change = run.events.stream().filter(e -> e.code().equals(
                    Rule.SEQUENCE_HEADER_CHANGE.code())).findFirst().orElseThrow(() -> new AssertionError(
                    "no SequenceHeaderChange: " + run.codes()));
            Map<?, ?> d = (Map<?, ?>) change.details();
            assertEquals(firstLarge / 1e6, ((Number) d.get("time")).doubleValue(), 0.001,
                    "raised at the join's first packet");
            assertEquals(false, d.get("cleared"));
            assertTrue(run.codes().stream().noneMatch(c -> c.equals("NetStreamFX.Decode.Error")), run.codes()
                    .toString());
        }
    }
}
