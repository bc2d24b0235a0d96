package org.netstreamfx.player.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.netstreamfx.player.media.Codec;
import org.netstreamfx.player.media.TrackFormat;
import org.netstreamfx.player.record.FlvRecorder;
import org.netstreamfx.player.record.FragmentedMp4Recorder;
import org.netstreamfx.player.record.RecordStatus;
import org.netstreamfx.player.record.Recorder;
import org.netstreamfx.testkit.media.CodecClips;

/**
 * Recording keeps the Enhanced RTMP codecs: every video codec legacy FLV has no id for (HEVC, AV1,
 * VP9) and every audio codec but AAC (Opus, FLAC, AC-3, E-AC-3, MP3), in five pairs, is read
 * with the player's demuxers and recorded to an enhanced FLV (from the pair's MP4, so the MP4
 * demuxer's configuration records go into FLV tags) and to a fragmented MP4 (from the pair's
 * FLV, so the FLV tags' records go into MP4 sample entries). Then FFmpeg 8 reads the recording
 * and finds the codecs, size, sample rate, packet counts and duration of the clip, and the
 * player plays it: Buffer.Full, decoded pictures and sound. H.264 and AAC are RecorderTest's.
 * FLAC also comes with its configuration in the marked form an FLV may hold.
 */
class RecordEnhancedCodecsTest {
    private static final long CONNECT_TIMEOUT_MS = 15_000;
    private static final long PLAY_TIMEOUT_MS = 20_000;
    /** The recording starts at the first video keyframe: audio packets before it are left out. */
    private static final int AUDIO_PACKETS_SKIPPABLE = 2;
    private static final double DURATION_TOLERANCE_S = 0.1;
    /** "fLaC", then a metadata block header: last block, type 0 (STREAMINFO), 34 bytes. */
    private static final byte[] FLAC_MARKED_HEADER = {'f', 'L', 'a', 'C', (byte) 0x80, 0, 0, 34};
    private static final List<List<Codec>> PAIRS = List.of(List.of(Codec.HEVC, Codec.OPUS),
            List.of(Codec.AV1, Codec.FLAC), List.of(Codec.VP9, Codec.AC3), List.of(Codec.HEVC, Codec.EAC3),
            List.of(Codec.VP9, Codec.MP3));

    /** The clips, each made on first use and kept for the class. */
    @TempDir
    static Path dir;

    static Stream<Arguments> recordings() {
        return Stream.of("flv", "mp4").flatMap(to -> PAIRS.stream().map(p -> Arguments.of(p.get(0), p.get(1), to)));
    }

    @ParameterizedTest(name = "{0} + {1} to {2}")
    @MethodSource("recordings")
    void recordingKeepsTheCodecs(Codec video, Codec audio, String to) throws Exception {
        String v = clipName(video);
        String a = clipName(audio);
        CodecClips clips = new CodecClips(dir);
        Path source = to.equals("flv") ? clips.mp4(v, a) : clips.flv(v, a);
        assertKept(source, dir.resolve(v + "-" + a + "-recorded." + to), video, audio, UnaryOperator.identity());
    }

    /**
     * An FLV FLAC SequenceStart may hold the "fLaC" marker and a block header before the
     * STREAMINFO (FlacStreamInfo reads both); an FLV SequenceStart as FFmpeg writes it, and MP4's
     * 'dfLa', take the bare block. The clip's FLAC track is given in the marked form.
     */
    @ParameterizedTest(name = "FLAC configured with the fLaC marker to {0}")
    @ValueSource(strings = {"flv", "mp4"})
    void flacWithItsMarkerKeepsTheStreamInfo(String to) throws Exception {
        Path source = new CodecClips(dir).flv("av1", "flac");
        assertKept(source, dir.resolve("av1-flac-marked." + to), Codec.AV1, Codec.FLAC,
                t -> t.codec() == Codec.FLAC ? marked(t) : t);
    }

    /** The track with its STREAMINFO after "fLaC" and a last-block STREAMINFO header (FLAC format, 8.1). */
    private static TrackFormat marked(TrackFormat flac) {
        byte[] block = flac.extradata();
        byte[] marked = new byte[FLAC_MARKED_HEADER.length + block.length];
        System.arraycopy(FLAC_MARKED_HEADER, 0, marked, 0, FLAC_MARKED_HEADER.length);
        System.arraycopy(block, 0, marked, FLAC_MARKED_HEADER.length, block.length);
        return new TrackFormat(flac.index(), flac.codec(), marked, 0, 0, 0, flac.sampleRateHz(), flac.channels(),
                flac.bitRateBps(), flac.profile(), flac.level());
    }

    /**
     * Records {@code source} to {@code out} (its extension says the format), then checks that FFmpeg
     * 8 finds what it finds in the source and the player plays it.
     */
    private static void assertKept(Path source, Path out, Codec video, Codec audio, UnaryOperator<TrackFormat> tracks)
            throws Exception {
        String to = out.getFileName().toString().endsWith(".flv") ? "flv" : "mp4";
        List<RecordStatus> statuses = new CopyOnWriteArrayList<>();
        Recorder recorder = to.equals("flv") ? new FlvRecorder(out, Runnable::run, statuses::add)
                : new FragmentedMp4Recorder(out, Runnable::run, statuses::add);
        record(source, recorder, tracks);
        assertEquals(List.of(RecordStatus.Kind.STARTED, RecordStatus.Kind.STOPPED),
                statuses.stream().map(RecordStatus::kind).toList(), () -> statuses.toString());

        Ffmpeg8Probe clip = Ffmpeg8Probe.of(source);
        Ffmpeg8Probe recorded = Ffmpeg8Probe.of(out);
        assertEquals(List.of(clip.videoCodec(), clip.size(), clip.audioCodec(), clip.sampleRateHz(), clip.channels()),
                List.of(recorded.videoCodec(), recorded.size(), recorded.audioCodec(), recorded.sampleRateHz(),
                        recorded.channels()), () -> "clip " + clip + ", recording " + recorded);
        if (to.equals("mp4")) {
            // The sample entries: the codec's FourCC; MP3 goes in an 'mp4a' entry (ISO/IEC 14496-14, OTI 0x6B).
            assertEquals(List.of(video.fourCc(), audio == Codec.MP3 ? "mp4a" : audio.fourCc()),
                    List.of(recorded.videoTag(), recorded.audioTag()), () -> "sample entries: " + recorded);
        }
        assertEquals(clip.videoPackets(), recorded.videoPackets(), () -> "video packets: " + recorded);
        assertTrue(recorded.audioPackets() <= clip.audioPackets()
                && recorded.audioPackets() >= clip.audioPackets() - AUDIO_PACKETS_SKIPPABLE,
                () -> "audio packets: clip " + clip + ", recording " + recorded);
        assertEquals(clip.durationS(), recorded.durationS(), DURATION_TOLERANCE_S, () -> "duration: " + recorded);

        try (PlayCheck run = new PlayCheck().connect(null, CONNECT_TIMEOUT_MS)) {
            run.play(out.toString(), PLAY_TIMEOUT_MS);
            assertTrue(run.codes().contains("NetStream.Buffer.Full"), () -> "no Buffer.Full: " + run.codes());
            assertTrue(run.events.stream().noneMatch(e -> e.isError()), () -> "an error event: " + run.events);
            assertTrue(run.frames.get() > 0, "no decoded picture");
            assertEquals(CodecClips.WIDTH + "x" + CodecClips.HEIGHT, run.pictureSize);
            assertEquals(CodecClips.sampleRate(clipName(audio)) + " Hz " + CodecClips.CHANNELS + " ch", run.soundFormat);
        }
    }

    /** Reads {@code source} with the player's demuxer and records every packet and data message. */
    private static void record(Path source, Recorder recorder, UnaryOperator<TrackFormat> tracks) throws Exception {
        try (MediaSource s = Sources.open(source.toString())) {
            recorder.start(s.open().tracks().stream().map(tracks).toList());
            SourceItem item;
            while ((item = s.read()) != null) {
                if (item instanceof SourcePacket p) {
                    recorder.write(p.packet());
                } else if (item instanceof DataMessage m) {
                    recorder.writeData(m.handler(), m.args());
                }
            }
        }
        recorder.stop();
    }

    /** The codec's name in {@link CodecClips}: "hevc", "eac3". */
    private static String clipName(Codec c) {
        return c.name().toLowerCase(Locale.ROOT);
    }
}
