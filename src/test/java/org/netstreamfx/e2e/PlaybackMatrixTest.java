package org.netstreamfx.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.netstreamfx.e2e.fixtures.Ffprobe;
import org.netstreamfx.e2e.fixtures.Fixtures;
import org.netstreamfx.e2e.fixtures.Fixtures.AudioCodec;
import org.netstreamfx.e2e.fixtures.Fixtures.Combination;
import org.netstreamfx.e2e.fixtures.Fixtures.VideoCodec;
import org.netstreamfx.e2e.support.EngineRun;
import org.netstreamfx.player.net.NetStreamInfo;

/**
 * Every container (FLV, F4V, MP4, M4A, MOV, MP4V, 3GP, 3G2) with H.264 + AAC-LC / HE-AAC v1 /
 * HE-AAC v2, audio only and video only, made by the ffmpeg CLI: played through the engine, the
 * decoded video frames and audio samples equal ffprobe's counts, the AAC profile is reported as
 * ffprobe reports it, and the status sequence is Flash's.
 */
class PlaybackMatrixTest {

    static Stream<Combination> combinations() {
        return Fixtures.allCombinations().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("combinations")
    void decodesEveryFrameAndSampleWithFlashEvents(Combination c) throws Exception {
        Path file = c.make(3.0);
        try (EngineRun run = new EngineRun(true)) {
            run.play(file.toString(), Duration.ofSeconds(60));

            assertEquals(List.of("NetStream.Play.Start", "onMetaData", "NetStream.Buffer.Full",
                    "NetStream.Buffer.Flush", "NetStream.Play.Stop", "onPlayStatus:NetStream.Play.Complete"),
                    run.sequence.stream().filter(s -> !s.startsWith("NetStreamFX.")).toList(),
                    "status sequence for " + c);
            assertTrue(run.escaped.isEmpty(), "exceptions escaped: " + run.escaped);

            NetStreamInfo info = run.info();
            if (c.video() == VideoCodec.H264) {
                assertEquals(Ffprobe.countVideoFrames(file), info.decodedFrames(), "video frames of " + c);
                assertEquals(info.decodedFrames(), info.renderedFrames(), "fast mode shows every frame of " + c
                        + " (dropped " + info.droppedFrames() + ", sink saw " + run.renderedPtsUs.size() + ")");
            } else {
                assertEquals(0, info.decodedFrames());
            }
            Map<String, Object> meta = run.metaData.get(0);
            if (c.audio() != AudioCodec.NONE) {
                assertEquals(Ffprobe.countAudioSamples(file), info.decodedAudioSamples(), "audio samples of " + c);
                assertEquals(c.audio().ffprobeProfile, meta.get("aacprofile"), "AAC profile of " + c);
                assertEquals(44100.0, meta.get("audiosamplerate"));
                assertEquals(2.0, meta.get("audiochannels"));
            } else {
                assertEquals(0, info.decodedAudioSamples());
            }
            if (c.video() == VideoCodec.H264) {
                assertEquals(320.0, meta.get("width"));
                assertEquals(240.0, meta.get("height"));
                assertEquals("H.264", meta.get("videocodec"));
            }
        }
    }
}
