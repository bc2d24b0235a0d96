package org.netstreamfx.app.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.netstreamfx.player.source.MediaSource;
import org.netstreamfx.player.source.Sources;
import org.netstreamfx.testkit.media.CodecClips;

/**
 * {@code nsfx probe} (MediaInfo's JSON) names the Enhanced RTMP codecs of enhanced FLV files
 * made by FFmpeg 8: each stream's codec, FourCC, sample rate and channels.
 */
class EnhancedCodecProbeTest {
    @TempDir
    static Path dir;
    private static CodecClips clips;

    @BeforeAll
    static void makeClips() {
        clips = new CodecClips(dir);
    }

    @ParameterizedTest(name = "{0} + {1}")
    @CsvSource({
        "vp9, opus, VP9, vp09, Opus, Opus, 48000",
        "av1, flac, AV1, av01, FLAC, fLaC, 48000",
        "hevc, ac3, H.265, hvc1, AC-3, ac-3, 48000",
        "vp9, eac3, VP9, vp09, E-AC-3, ec-3, 48000",
        "av1, mp3, AV1, av01, MP3, .mp3, 44100",
    })
    void probeNamesTheCodecs(String video, String audio, String videoName, String videoFourCc, String audioName,
            String audioFourCc, int rate) throws Exception {
        Path file = clips.flv(video, audio);
        Map<String, Object> json;
        try (MediaSource s = Sources.open(file.toString())) {
            json = new MediaInfo(s.open(), s.bytesTotal(), Map.of()).toJson();
        }
        List<?> streams = (List<?>) json.get("streams");
        Map<?, ?> v = (Map<?, ?>) streams.get(0);
        Map<?, ?> a = (Map<?, ?>) streams.get(1);
        assertEquals(List.of("video", videoName, videoFourCc, CodecClips.WIDTH, CodecClips.HEIGHT),
                List.of(v.get("type"), v.get("codec"), v.get("fourcc"), v.get("width"), v.get("height")));
        assertEquals(List.of("audio", audioName, audioFourCc, rate, CodecClips.CHANNELS),
                List.of(a.get("type"), a.get("codec"), a.get("fourcc"), a.get("sampleRate"), a.get("channels")));
        assertEquals(List.of(), json.get("ignoredStreams"));
    }
}
