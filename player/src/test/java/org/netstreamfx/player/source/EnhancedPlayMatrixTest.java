package org.netstreamfx.player.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.netstreamfx.player.media.Codec;
import org.netstreamfx.testkit.RunsAlone;
import org.netstreamfx.testkit.media.CodecClips;
import org.netstreamfx.testkit.media.RtmpServer;

/**
 * Every Enhanced RTMP v2 play pair, video {H.264, HEVC, AV1, VP9} x audio {AAC, Opus, FLAC,
 * AC-3, E-AC-3, MP3}, played from an enhanced FLV file, from an MP4 file and over RTMP from
 * FFmpeg 8 as the server, through NetConnection/NetStream: Play.Start, Buffer.Full, decoded
 * 160x90 pictures, decoded sound at the clip's rate in stereo, an onMetaData naming both codecs,
 * and no error event. Clips are one second long, made once for the class ({@link CodecClips}).
 */
@RunsAlone
class EnhancedPlayMatrixTest {
    private static final long CONNECT_TIMEOUT_MS = 15_000;
    private static final long PLAY_TIMEOUT_MS = 20_000;
    private static final String PLAY_START = "NetStream.Play.Start";
    private static final String BUFFER_FULL = "NetStream.Buffer.Full";
    private static final String PLAY_FAILED = "NetStream.Play.Failed";

    @TempDir
    static Path dir;
    private static final List<Codec> VIDEO = List.of(Codec.H264, Codec.HEVC, Codec.AV1, Codec.VP9);
    private static final List<Codec> AUDIO = List.of(Codec.AAC, Codec.OPUS, Codec.FLAC, Codec.AC3, Codec.EAC3,
            Codec.MP3);
    private static CodecClips clips;

    @BeforeAll
    static void makeClips() {
        clips = new CodecClips(dir).prepare();
    }

    static Stream<Arguments> pairs() {
        return VIDEO.stream().flatMap(v -> AUDIO.stream().map(a -> Arguments.of(v, a)));
    }

    /** The codec's name in {@link CodecClips}: "h264", "eac3". */
    private static String clipName(Codec c) {
        return c.name().toLowerCase(Locale.ROOT);
    }

    static Stream<Arguments> filePairs() {
        return Stream.of("flv", "mp4").flatMap(container -> pairs().map(p -> Arguments.of(container, p.get()[0],
                p.get()[1])));
    }

    @ParameterizedTest(name = "{1} + {2} from {0}")
    @MethodSource("filePairs")
    void playsFromFile(String container, Codec video, Codec audio) throws Exception {
        Path file = container.equals("flv") ? clips.flv(clipName(video), clipName(audio))
                : clips.mp4(clipName(video), clipName(audio));
        try (PlayCheck run = new PlayCheck().connect(null, CONNECT_TIMEOUT_MS)) {
            run.play(file.toString(), PLAY_TIMEOUT_MS);
            assertPlayed(run, video, audio);
            // The engine's onMetaData (MetaData.of): the codecs by name and FourCC.
            Map<String, Object> meta = run.metaData.get(0);
            assertEquals(video.displayName(), meta.get("videocodec"), "videocodec in " + meta);
            assertEquals(audio.displayName(), meta.get("audiocodec"), "audiocodec in " + meta);
            assertEquals(audio.fourCc(), meta.get("audiofourcc"), "audiofourcc in " + meta);
        }
    }

    @ParameterizedTest(name = "{0} + {1} over RTMP from FFmpeg 8")
    @MethodSource("pairs")
    void playsOverRtmp(Codec video, Codec audio) throws Exception {
        try (RtmpServer server = RtmpServer.serve(clips.flv(clipName(video), clipName(audio)), true);
             PlayCheck run = new PlayCheck().connect(server.appUrl(), CONNECT_TIMEOUT_MS)) {
            run.play("stream", PLAY_TIMEOUT_MS);
            assertPlayed(run, video, audio);
            // The server's own onMetaData: Enhanced RTMP names codecs by legacy id or FourCC number.
            Map<String, Object> meta = run.metaData.get(0);
            assertCodecId(video, meta.get("videocodecid"));
            assertCodecId(audio, meta.get("audiocodecid"));
        }
    }

    private static void assertPlayed(PlayCheck run, Codec video, Codec audio) {
        assertTrue(run.codes().contains(PLAY_START), () -> "no Play.Start: " + run.codes());
        assertTrue(run.codes().contains(BUFFER_FULL), () -> "no Buffer.Full: " + run.codes());
        assertFalse(run.codes().contains(PLAY_FAILED), () -> "Play.Failed: " + run.events);
        assertTrue(run.events.stream().noneMatch(e -> e.isError()), () -> "an error event: " + run.events);
        assertTrue(run.frames.get() > 0, "no decoded picture");
        assertEquals(CodecClips.WIDTH + "x" + CodecClips.HEIGHT, run.pictureSize, video + " picture size");
        assertTrue(run.samples.get() > 0, "no decoded sound");
        assertEquals(CodecClips.sampleRate(clipName(audio)) + " Hz " + CodecClips.CHANNELS + " ch", run.soundFormat,
                audio + " sound format");
        assertFalse(run.metaData.isEmpty(), "no onMetaData");
    }

    private static void assertCodecId(Codec codec, Object id) {
        assertTrue(id instanceof Number, () -> codec + ": codec id " + id);
        long value = ((Number) id).longValue();
        assertTrue(value == codec.flvCodecId() || value == fourCcNumber(codec.fourCc()),
                () -> codec + ": codec id " + value + " is neither " + codec.flvCodecId() + " nor " + codec.fourCc());
    }

    private static long fourCcNumber(String fourCc) {
        long v = 0;
        for (byte b : fourCc.getBytes(StandardCharsets.US_ASCII)) {
            v = (v << 8) | (b & 0xFF);
        }
        return v;
    }
}
