package org.netstreamfx.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.netstreamfx.e2e.fixtures.Ffprobe;
import org.netstreamfx.e2e.fixtures.Fixtures;
import org.netstreamfx.e2e.fixtures.Fixtures.AudioCodec;
import org.netstreamfx.e2e.fixtures.Fixtures.Combination;
import org.netstreamfx.e2e.fixtures.Fixtures.Container;
import org.netstreamfx.e2e.fixtures.Fixtures.VideoCodec;
import org.netstreamfx.e2e.fixtures.Flv;
import org.netstreamfx.e2e.fixtures.Tools;

/**
 * The test media itself: the generated fixtures, the bad-input fixtures and the bundled clips.
 * Its cases run two at a time (see junit-platform.properties): each runs ffmpeg and ffprobe over
 * a file and times nothing, and {@link Fixtures} makes each file once under its own lock.
 */
@Execution(ExecutionMode.CONCURRENT)
class FixturesTest {

    private static final double SECONDS = 3.0;
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    static Stream<Arguments> combinations() {
        return Fixtures.allCombinations().stream().map(Arguments::of);
    }

    // ------------------------------------------------------------------ every combination

    @ParameterizedTest(name = "{0}")
    @MethodSource("combinations")
    void everyCombinationMuxesWithTheExpectedCodecs(Combination combo) throws IOException {
        Path f = combo.make(SECONDS);
        assertTrue(f.getFileName().toString().endsWith("." + combo.container().extension), f.toString());
        assertTrue(Files.size(f) > 0);

        Ffprobe.Probe p = Ffprobe.probe(f);
        String expectedFormat = combo.container() == Container.FLV ? "flv" : "mov,mp4,m4a,3gp,3g2,mj2";
        assertEquals(expectedFormat, p.formatName());
        int expectedStreams = (combo.video() == VideoCodec.NONE ? 0 : 1) + (combo.audio() == AudioCodec.NONE ? 0 : 1);
        assertEquals(expectedStreams, p.streams().size(), () -> "streams: " + p.streams());
        assertEquals(SECONDS, p.duration(), 0.15, "container duration");

        if (combo.video() == VideoCodec.H264) {
            Ffprobe.Stream v = p.video().orElseThrow();
            assertEquals("h264", v.codecName());
            assertEquals(VideoCodec.H264_PROFILE, v.profile());
            assertEquals(VideoCodec.WIDTH, v.width());
            assertEquals(VideoCodec.HEIGHT, v.height());
            assertEquals(VideoCodec.FPS, v.avgFrameRateValue(), 0.01, v.avgFrameRate());
        } else {
            assertTrue(p.video().isEmpty());
        }
        if (combo.audio() != AudioCodec.NONE) {
            Ffprobe.Stream a = p.audio().orElseThrow();
            assertEquals("aac", a.codecName());
            assertEquals(combo.audio().ffprobeProfile, a.profile());
            assertEquals(AudioCodec.SAMPLE_RATE, a.sampleRate());
            assertEquals(AudioCodec.CHANNELS, a.channels());
        } else {
            assertTrue(p.audio().isEmpty());
        }

        // ffmpeg decodes the whole file without a single message
        Tools.Result decode = Tools.run(List.of(Tools.ffmpeg().toString(), "-nostdin", "-v", "error",
                "-i", f.toString(), "-f", "null", "-"), TIMEOUT);
        assertEquals("", decode.stderr().strip(), "decode errors");

        if (combo.container().isIsoBmff()) {
            assertEquals(expectedBrand(combo), majorBrand(f), "ftyp major brand");
            assertEquals("moov", secondTopLevelBox(f), "faststart: moov right after ftyp");
        }
    }

    private static String expectedBrand(Combination combo) {
        boolean video = combo.video() != VideoCodec.NONE;
        return switch (combo.container()) {
            case F4V -> "f4v ";
            case MP4, MP4V -> "isom";
            case M4A -> video ? "M4V " : "M4A "; // the ipod muxer brands by content
            case MOV -> "qt  ";
            case THREE_GP -> video || combo.audio().isHeAac() ? "3gp6" : "3gp4";
            case THREE_G2 -> video ? "3g2b" : "3g2a";
            case FLV -> throw new IllegalArgumentException();
        };
    }

    @Test
    void combinationListCoversAllContainersAndPairs() {
        List<Combination> all = Fixtures.allCombinations();
        assertEquals(8 * 7, all.size());
        assertEquals(Map.of("flv", "flv", "f4v", "f4v", "mp4", "mp4", "m4a", "ipod", "mov", "mov",
                        "mp4v", "mp4", "3gp", "3gp", "3g2", "3g2"),
                Arrays.stream(Container.values()).collect(java.util.stream.Collectors.toMap(c -> c.extension, c -> c.muxer)));
    }

    @Test
    void filesAreMadeOncePerRun() throws IOException {
        Path first = Fixtures.make(Container.MP4, VideoCodec.H264, AudioCodec.HE_AAC_V2, SECONDS);
        var modified = Files.getLastModifiedTime(first);
        Path again = Fixtures.make(Container.MP4, VideoCodec.H264, AudioCodec.HE_AAC_V2, SECONDS);
        assertSame(first, again);
        assertEquals(modified, Files.getLastModifiedTime(again));
        assertTrue(first.startsWith(Fixtures.dir()));
        assertTrue(Fixtures.dir().toString().replace('\\', '/').contains("src/test/target/fixtures/run-"),
                Fixtures.dir().toString());
    }

    @Test
    void rejectsNonsense() {
        assertThrows(IllegalArgumentException.class,
                () -> Fixtures.make(Container.MP4, VideoCodec.NONE, AudioCodec.NONE, 1));
        assertThrows(IllegalArgumentException.class,
                () -> Fixtures.make(Container.MP4, VideoCodec.H264, AudioCodec.NONE, 0));
        assertThrows(IllegalArgumentException.class,
                () -> Fixtures.truncated(Fixtures.textNamedMp4(), 1.0));
    }

    // ------------------------------------------------------------------ decoded counts, real packets

    @Test
    void decodedCountsAreExact() {
        Path mp4 = Fixtures.make(Container.MP4, VideoCodec.H264, AudioCodec.HE_AAC_V2, SECONDS);
        assertEquals(75, Ffprobe.countVideoFrames(mp4));
        long heAacSamples = Fixtures.heAacPackets(SECONDS) * Fixtures.HE_AAC_SAMPLES_PER_PACKET;
        assertEquals(65 * 2048, heAacSamples);
        assertEquals(heAacSamples, Ffprobe.countAudioSamples(mp4));
        // the same HE-AAC packets decode to the same count in FLV (no edit list needed: no priming trim)
        Path flv = Fixtures.make(Container.FLV, VideoCodec.NONE, AudioCodec.HE_AAC_V1, SECONDS);
        assertEquals(heAacSamples, Ffprobe.countAudioSamples(flv));
        assertEquals(0, Ffprobe.countVideoFrames(flv));
        // AAC-LC: 3 s of sine; FLV keeps the encoder's 1024 priming samples, MP4's edit list trims them
        long lcMp4 = Ffprobe.countAudioSamples(Fixtures.make(Container.MP4, VideoCodec.NONE, AudioCodec.AAC_LC, SECONDS));
        long lcFlv = Ffprobe.countAudioSamples(Fixtures.make(Container.FLV, VideoCodec.NONE, AudioCodec.AAC_LC, SECONDS));
        assertTrue(lcMp4 >= 132300 && lcMp4 < 132300 + 2048, "LC in MP4: " + lcMp4);
        assertTrue(lcFlv >= lcMp4 && lcFlv <= lcMp4 + 2048, "LC in FLV: " + lcFlv);
    }

    @Test
    void heAacAudioIsTheRealPacketsWithContiguousTimestamps() {
        for (AudioCodec a : List.of(AudioCodec.HE_AAC_V1, AudioCodec.HE_AAC_V2)) {
            Path f = Fixtures.make(Container.MP4, VideoCodec.NONE, a, 5.0);
            List<long[]> packets = audioPackets(f);
            assertEquals(Fixtures.heAacPackets(5.0), packets.size());
            for (int i = 0; i < packets.size(); i++) {
                assertEquals((long) i * 2048, packets.get(i)[0], a + " pts of packet " + i);
                assertEquals(2048, packets.get(i)[1], a + " duration of packet " + i);
            }
            // the first loop is the original clip, packet for packet
            assertEquals(streamHash(Fixtures.heAacClip(a), 22), streamHash(f, 22), a.toString());
            // and so is the second
            assertEquals(streamHash(Fixtures.heAacClip(a), 22), streamHashSkipping(f, 22, 22), a.toString());
        }
        // the HE-AAC v2 packets are the ones SOURCES.md documents
        assertEquals("4a000cf03431ca7f46339e3292a01b092f97d762aa94a9c6e208df22d6e64ad2",
                streamHash(Fixtures.make(Container.MOV, VideoCodec.H264, AudioCodec.HE_AAC_V2, SECONDS), 22));
    }

    @Test
    void flvCarriesTheOriginalAudioSpecificConfig() throws IOException {
        Map<AudioCodec, String> asc = Map.of(AudioCodec.HE_AAC_V2, "eb8a0800", AudioCodec.HE_AAC_V1, "2b920800");
        for (var e : asc.entrySet()) {
            Path f = Fixtures.make(Container.FLV, VideoCodec.H264, e.getKey(), SECONDS);
            byte[] b = Files.readAllBytes(f);
            Flv.Tag seq = Flv.tags(b).stream()
                    .filter(t -> t.type() == Flv.TYPE_AUDIO && b[(int) t.offset() + Flv.TAG_HEADER_SIZE + 1] == 0)
                    .findFirst().orElseThrow();
            int data = (int) seq.offset() + Flv.TAG_HEADER_SIZE;
            assertEquals(0xAF, b[data] & 0xFF, "SoundFormat 10 (AAC), 44 kHz, 16 bit, stereo");
            assertEquals(e.getValue(), HexFormat.of().formatHex(b, data + 2, (int) seq.dataEnd()));
        }
    }

    @Test
    void videoHasAKeyframeEverySecondAndBFrames() {
        Path f = Fixtures.make(Container.FLV, VideoCodec.H264, AudioCodec.NONE, SECONDS);
        String out = Tools.run(List.of(Tools.ffprobe().toString(), "-v", "error", "-select_streams", "v:0",
                "-show_entries", "packet=pts,dts,flags", "-of", "csv=p=0", f.toString()), TIMEOUT).stdout();
        List<String[]> rows = out.lines().filter(l -> !l.isBlank()).map(l -> l.split(",")).toList();
        assertEquals(75, rows.size());
        int keyframes = 0;
        boolean reordered = false;
        for (int i = 0; i < rows.size(); i++) {
            boolean key = rows.get(i)[2].startsWith("K");
            if (key) {
                keyframes++;
                assertEquals(0, i % 25, "keyframe at packet " + i);
            }
            reordered |= !rows.get(i)[0].equals(rows.get(i)[1]);
        }
        assertEquals(3, keyframes);
        assertTrue(reordered, "B-frames: some pts != dts");
    }

    // ------------------------------------------------------------------ bad input

    @Test
    void truncatedIsAPrefixOfTheRequestedLength() throws IOException {
        Path src = Fixtures.make(Container.MP4, VideoCodec.H264, AudioCodec.AAC_LC, SECONDS);
        byte[] all = Files.readAllBytes(src);
        for (double fraction : new double[] {0.1, 0.5, 0.9}) {
            Path t = Fixtures.truncated(src, fraction);
            assertTrue(t.getFileName().toString().endsWith(".mp4"), t.toString());
            byte[] cut = Files.readAllBytes(t);
            assertEquals((long) Math.floor(all.length * fraction), cut.length, "fraction " + fraction);
            assertArrayEquals(Arrays.copyOf(all, cut.length), cut);
        }
        assertEquals(all.length, Files.size(src), "the source is untouched");
    }

    @Test
    void zeroLengthTextAndMissing() throws IOException {
        Path empty = Fixtures.zeroLength();
        assertEquals("zero-length.mp4", empty.getFileName().toString());
        assertEquals(0, Files.size(empty));
        assertEquals(0, Files.size(Fixtures.zeroLength(Container.FLV)));

        Path text = Fixtures.textNamedMp4();
        assertEquals("x.mp4", text.getFileName().toString());
        String s = Files.readString(text, StandardCharsets.US_ASCII);
        assertTrue(s.chars().allMatch(c -> c == '\n' || (c >= 0x20 && c < 0x7F)), "plain text");
        Tools.Result probe = Tools.runAllowingFailure(List.of(Tools.ffprobe().toString(), "-v", "error",
                "-show_streams", text.toString()), TIMEOUT);
        assertNotEquals(0, probe.exitCode(), "ffprobe must reject the text file");

        Path missing = Fixtures.missing();
        assertFalse(Files.exists(missing));
        assertFalse(Files.exists(missing.getParent()));
        assertTrue(missing.getFileName().toString().endsWith(".mp4"));
    }

    @Test
    void flvLastTagDataSizeRunsPastTheEnd() throws IOException {
        Path bad = Fixtures.flvWithTagSizePastEnd();
        Path good = Fixtures.make(Container.FLV, VideoCodec.H264, AudioCodec.HE_AAC_V2, 2.0);
        byte[] g = Files.readAllBytes(good);
        byte[] b = Files.readAllBytes(bad);
        assertEquals(g.length, b.length);

        List<Flv.Tag> goodTags = Flv.tags(g);
        List<Flv.Tag> badTags = Flv.tags(b);
        assertEquals(goodTags.size(), badTags.size());
        assertEquals(goodTags.subList(0, goodTags.size() - 1), badTags.subList(0, badTags.size() - 1));
        Flv.Tag lastGood = goodTags.get(goodTags.size() - 1);
        Flv.Tag lastBad = badTags.get(badTags.size() - 1);
        assertEquals(g.length, lastGood.dataEnd() + 4, "the valid file ends with the last tag's PreviousTagSize");
        assertEquals(lastGood.offset(), lastBad.offset());
        assertTrue(lastBad.dataEnd() > b.length, "DataSize " + lastBad.dataSize() + " must run past the end");
        assertEquals(b.length + 1000, lastBad.dataEnd());

        // only the three DataSize bytes differ
        int at = (int) lastBad.dataSizeOffset();
        for (int i = 0; i < g.length; i++) {
            if (i < at || i >= at + 3) {
                assertEquals(g[i], b[i], "byte " + i);
            }
        }
    }

    // ------------------------------------------------------------------ tools

    @Test
    void missingToolIsAnErrorWithInstructions() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Tools.locate("ffmpeg", Fixtures.dir().resolve("missing").toString()));
        assertEquals("ffmpeg CLI not found on PATH: run ./scripts/install-deps (CI=true makes a missing tool fail the run)",
                e.getMessage());
        assertTrue(Files.isExecutable(Tools.ffmpeg()));
        assertTrue(Files.isExecutable(Tools.ffprobe()));
    }

    @Test
    void runReportsFailureAndTimeout() {
        AssertionError fail = assertThrows(AssertionError.class, () -> Tools.run(List.of(Tools.ffmpeg().toString(),
                "-v", "error", "-i", Fixtures.missing().toString(), "-f", "null", "-"), TIMEOUT));
        assertTrue(fail.getMessage().contains("No such file or directory"), fail.getMessage());
        long t0 = System.nanoTime();
        AssertionError timeout = assertThrows(AssertionError.class, () -> Tools.run(List.of(Tools.ffmpeg().toString(),
                "-nostdin", "-v", "error", "-re", "-f", "lavfi", "-i", "sine=duration=30", "-f", "null", "-"),
                Duration.ofMillis(500)));
        assertTrue(timeout.getMessage().contains("timed out"), timeout.getMessage());
        assertTrue(System.nanoTime() - t0 < Duration.ofSeconds(10).toNanos(), "killed promptly");
    }

    // ------------------------------------------------------------------ bundled resources

    @Test
    void bundledClipsMatchTheirDocumentedChecksums() throws IOException {
        Map<String, String> sha = Map.of(
                "heaac-v2-stereo-44k-fmp4-1s.mp4", "c539720c8c9354263092399c9ceafbe861ee68939597e902d1f3b019dd9bb8b5",
                "heaac-v1-stereo-44k-fmp4-1s.mp4", "d59eaaa201f654091045c40167bf7636aea2aa543f3d541015eb7a97c2966b52",
                "h264-heaac-v2-stereo-44k-1s.mp4", "bb3773e97bed9bcd330247793196af9f45f987cc668345365dd94991275a06ff");
        String sources = Files.readString(Fixtures.mediaDir().resolve("SOURCES.md"));
        for (var e : sha.entrySet()) {
            assertEquals(e.getValue(), sha256(Fixtures.mediaDir().resolve(e.getKey())), e.getKey());
            assertTrue(sources.contains(e.getValue() + "  " + e.getKey()), "SOURCES.md lists " + e.getKey());
        }
        assertEquals("HE-AACv2", Ffprobe.probe(Fixtures.heAacClip(AudioCodec.HE_AAC_V2)).audio().orElseThrow().profile());
        assertEquals("HE-AAC", Ffprobe.probe(Fixtures.heAacClip(AudioCodec.HE_AAC_V1)).audio().orElseThrow().profile());
    }

    @Test
    void demoClipIsH264AndRealHeAacV2() throws IOException {
        Path demo = Fixtures.demoClip();
        assertTrue(Files.size(demo) < 1_500_000, "demo.mp4 is " + Files.size(demo) + " bytes");
        Ffprobe.Probe p = Ffprobe.probe(demo);
        assertEquals(20.0, p.duration(), 0.1);
        Ffprobe.Stream v = p.video().orElseThrow();
        assertEquals("h264", v.codecName());
        assertEquals("High", v.profile());
        assertEquals(640, v.width());
        assertEquals(360, v.height());
        assertEquals(25.0, v.avgFrameRateValue(), 0.01);
        Ffprobe.Stream a = p.audio().orElseThrow();
        assertEquals("aac", a.codecName());
        assertEquals("HE-AACv2", a.profile());
        assertEquals(44100, a.sampleRate());
        assertEquals(2, a.channels());
        assertEquals("moov", secondTopLevelBox(demo), "faststart");
        List<long[]> packets = audioPackets(demo);
        for (int i = 0; i < packets.size(); i++) {
            assertEquals((long) i * 2048, packets.get(i)[0], "demo audio pts of packet " + i);
        }
        assertEquals("4a000cf03431ca7f46339e3292a01b092f97d762aa94a9c6e208df22d6e64ad2", streamHash(demo, 22));
    }

    // ------------------------------------------------------------------ helpers

    /** (pts, duration) of each audio packet, in the stream's time base. */
    private static List<long[]> audioPackets(Path f) {
        String out = Tools.run(List.of(Tools.ffprobe().toString(), "-v", "error", "-select_streams", "a:0",
                "-show_entries", "packet=pts,duration", "-of", "csv=p=0", f.toString()), TIMEOUT).stdout();
        return out.lines().filter(l -> !l.isBlank()).map(l -> {
            String[] p = l.split(",");
            return new long[] {Long.parseLong(p[0].trim()), Long.parseLong(p[1].trim())};
        }).toList();
    }

    /** ffmpeg's streamhash (sha256 of the packet payloads) of the first {@code n} audio packets. */
    private static String streamHash(Path f, int n) {
        return streamHashSkipping(f, 0, n);
    }

    private static String streamHashSkipping(Path f, int skip, int n) {
        // A bitstream filter that drops the first `skip` packets keeps the payloads intact.
        String bsf = "noise=drop=lt(n\\," + skip + ")";
        String out = Tools.run(List.of(Tools.ffmpeg().toString(), "-nostdin", "-v", "error", "-i", f.toString(),
                "-map", "0:a:0", "-c", "copy", "-bsf:a", bsf, "-frames:a", String.valueOf(n),
                "-f", "streamhash", "-hash", "sha256", "-"), TIMEOUT).stdout().trim();
        return out.substring(out.indexOf("SHA256=") + "SHA256=".length());
    }

    private static String majorBrand(Path f) throws IOException {
        byte[] head = readHead(f, 12);
        assertEquals("ftyp", new String(head, 4, 4, StandardCharsets.ISO_8859_1));
        return new String(head, 8, 4, StandardCharsets.ISO_8859_1);
    }

    /** The type of the first top-level box after ftyp, skipping free/wide boxes. */
    private static String secondTopLevelBox(Path f) throws IOException {
        byte[] b = readHead(f, 64 * 1024);
        int off = 0;
        while (off + 8 <= b.length) {
            long size = ((long) (b[off] & 0xFF) << 24) | ((b[off + 1] & 0xFF) << 16) | ((b[off + 2] & 0xFF) << 8) | (b[off + 3] & 0xFF);
            String type = new String(b, off + 4, 4, StandardCharsets.ISO_8859_1);
            if (!type.equals("ftyp") && !type.equals("free") && !type.equals("wide")) {
                return type;
            }
            if (size < 8) {
                return "?";
            }
            off += (int) size;
        }
        return "?";
    }

    private static byte[] readHead(Path f, int n) throws IOException {
        try (var in = Files.newInputStream(f)) {
            return in.readNBytes(n);
        }
    }

    private static String sha256(Path f) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f)));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
