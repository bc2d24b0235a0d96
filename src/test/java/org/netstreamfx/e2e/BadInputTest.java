package org.netstreamfx.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.netstreamfx.e2e.fixtures.Fixtures;
import org.netstreamfx.e2e.fixtures.Fixtures.AudioCodec;
import org.netstreamfx.e2e.fixtures.Fixtures.Container;
import org.netstreamfx.e2e.fixtures.Fixtures.VideoCodec;
import org.netstreamfx.e2e.support.EngineRun;
import org.netstreamfx.player.net.NetStatusEvent;
import org.netstreamfx.testkit.RunsAlone;

/**
 * Bad input gets a clear error within a second and nothing escapes: truncated files, an empty
 * file, a text file named .mp4, an FLV whose tag sizes run past the end, a missing file.
 */
@RunsAlone
class BadInputTest {

    static Stream<Arguments> badFiles() {
        Supplier<Path> mp4 = () -> Fixtures.make(Container.MP4, VideoCodec.H264, AudioCodec.HE_AAC_V2, 3.0);
        Supplier<Path> flv = () -> Fixtures.make(Container.FLV, VideoCodec.H264, AudioCodec.HE_AAC_V2, 3.0);
        return Stream.of(
                Arguments.of("MP4 cut at 50%", (Supplier<Path>) () -> Fixtures.truncated(mp4.get(), 0.5),
                        "NetStream.Play.Failed", "truncated"),
                Arguments.of("MP4 cut at 5%", (Supplier<Path>) () -> Fixtures.truncated(mp4.get(), 0.05),
                        "NetStream.Play.Failed", "truncated"),
                Arguments.of("FLV cut at 50%", (Supplier<Path>) () -> Fixtures.truncated(flv.get(), 0.5),
                        "NetStream.Play.Failed", "FLV"),
                Arguments.of("zero-length file", (Supplier<Path>) Fixtures::zeroLength,
                        "NetStream.Play.Failed", "empty"),
                Arguments.of("text file named .mp4", (Supplier<Path>) Fixtures::textNamedMp4,
                        "NetStream.Play.Failed", "Not a media file"),
                Arguments.of("FLV tag size past the end", (Supplier<Path>) Fixtures::flvWithTagSizePastEnd,
                        "NetStream.Play.Failed", "FLV tag"),
                Arguments.of("missing file", (Supplier<Path>) Fixtures::missing,
                        "NetStream.Play.StreamNotFound", "No such file"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void clearErrorWithinASecondAndNothingEscapes(String name, Supplier<Path> file, String code, String mentions)
            throws Exception {
        Path path = file.get();
        try (EngineRun run = new EngineRun(false)) {
            long start = System.nanoTime();
            run.play(path.toString(), Duration.ofSeconds(10));
            NetStatusEvent error = run.events.stream().filter(NetStatusEvent::isError).findFirst()
                    .orElseThrow(() -> new AssertionError("no error event: " + run.sequence));
            double seconds = (error.monotonicNanos() - start) / 1e9;

            assertEquals(code, error.code(), name + ": " + error);
            assertTrue(error.description().contains(mentions), name + ": description \"" + error.description()
                    + "\" should mention \"" + mentions + "\"");
            assertTrue(seconds < 1.0, name + ": error after " + seconds + " s");
            assertFalse(run.sequence.contains("NetStream.Play.Stop"), name + ": must not look like a clean end");
            assertTrue(run.escaped.isEmpty(), name + ": exceptions escaped: " + run.escaped);
        }
    }
}
