package org.netstreamfx.player.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netstreamfx.player.source.MediaSource;
import org.netstreamfx.player.source.SourceDescription;
import org.netstreamfx.player.source.SourceItem;
import org.netstreamfx.player.source.Sources;
import org.netstreamfx.testkit.media.Ffmpeg8;

/**
 * Streams made with ffmpeg (x264 and AAC in FLV, 160x90, made once for the class) that each
 * carry one defect, read directly as {@code nsfx inspect --no-decode} does: each raises its
 * finding at about the right time; the normal clip and the demo clip raise nothing under generic.
 */
class HealthClipsTest {
    private static final Duration ENCODE_TIMEOUT = Duration.ofSeconds(60);
    private static final String SYSTEM_FFMPEG = "ffmpeg";

    @TempDir
    static Path dir;
    static Path normal;
    static Path gop10;
    static Path lowAudio;
    static Path spike;
    static Path vfr;

    @BeforeAll
    static void makeClips() {
        normal = encode("normal.flv", 12, "", List.of("-g", "50"), List.of());
        gop10 = encode("gop10.flv", 12, "", List.of("-g", "250", "-keyint_min", "250", "-sc_threshold", "0"),
                List.of());
        lowAudio = encode("low-audio.flv", 5, "", List.of("-g", "50"), List.of("-ar", "22050", "-ac", "1"));
        spike = encode("spike.flv", 13, "noise=alls=100:allf=t+u:enable='between(t,11,12)'",
                List.of("-g", "50", "-x264-params", "zones=275,299,q=1"), List.of()); // 11 to 12 s: noise at QP 1
        vfr = encode("vfr.flv", 8, "select='not(between(t,3,5))+not(mod(n,4))'", List.of("-g", "50", "-fps_mode",
                "vfr"), List.of());
    }

    private static Path encode(String name, int seconds, String filter, List<String> video, List<String> audio) {
        Path out = dir.resolve(name);
        List<String> args = new ArrayList<>(List.of("-y", "-f", "lavfi", "-i", "testsrc2=s=160x90:r=25:d=" + seconds,
                "-f", "lavfi", "-i", "sine=f=440:r=48000:d=" + seconds));
        if (!filter.isEmpty()) {
            args.addAll(List.of("-vf", filter));
        }
        args.addAll(List.of("-c:v", "libx264", "-preset", "superfast"));
        args.addAll(video);
        args.addAll(List.of("-c:a", "aac", "-b:a", "96k", "-ac", "2"));
        args.addAll(audio);
        args.add(out.toString());
        Ffmpeg8.run(SYSTEM_FFMPEG, ENCODE_TIMEOUT, args);
        return out;
    }

    static HealthReport inspect(Path file, Profile profile) throws IOException {
        HealthAnalyzer a = new HealthAnalyzer(profile, f -> { });
        try (MediaSource s = Sources.open(file.toString())) {
            SourceDescription d = s.open();
            for (SourceItem i = s.read(); i != null; i = s.read()) {
                a.item(d, i, System.nanoTime());
            }
        }
        return a.report();
    }

    private static Finding first(HealthReport r, Rule rule) {
        return r.findings().stream().filter(f -> f.rule() == rule && !f.cleared()).findFirst()
                .orElseThrow(() -> new AssertionError(rule + " not raised; found " + r.findings()));
    }

    @Test
    void theNormalClipAndTheDemoClipRaiseNothingUnderGeneric() throws IOException {
        assertEquals(List.of(), inspect(normal, Profiles.GENERIC).findings());
        Path demo = Path.of("..", "resources", "demo", "demo.mp4").toAbsolutePath().normalize();
        HealthReport r = inspect(demo, Profiles.GENERIC);
        assertEquals(List.of(), r.findings());
        assertEquals(20.0, r.coveredS(), 0.5);
        assertEquals(1.0, (double) r.tracks().get(0).get("keyframeIntervalMaxS"), 0.05);
    }

    @Test
    void aKeyframeEvery10SecondsIsRaisedAt5() throws IOException {
        HealthReport r = inspect(gop10, Profiles.GENERIC);
        assertEquals(5.0, first(r, Rule.KEYFRAME_INTERVAL).atUs() / 1e6, 0.1);
        assertEquals(10.0, (double) r.tracks().get(0).get("keyframeIntervalMaxS"), 0.05);
        assertFalse(r.findings().stream().anyMatch(Finding::cleared), "the GOP is long to the end");
        assertEquals(4.0, inspect(gop10, Profiles.YOUTUBE).findings().get(0).atUs() / 1e6, 0.1);
    }

    @Test
    void audioAt22kHzMonoIsRaised() throws IOException {
        HealthReport r = inspect(lowAudio, Profiles.GENERIC);
        assertEquals(22_050.0, first(r, Rule.AUDIO_SAMPLE_RATE).measured());
        assertEquals(1.0, first(r, Rule.AUDIO_CHANNELS).measured());
        assertFalse(inspect(lowAudio, Profiles.TWITCH).raisedRules().contains(Rule.AUDIO_CHANNELS), "Twitch takes mono");
    }

    @Test
    void aBitrateSpikeIsRaisedWhereItIs() throws IOException {
        Finding s = first(inspect(spike, Profiles.GENERIC), Rule.BITRATE_SPIKE);
        assertEquals(11.0, s.atUs() / 1e6, 1.0);
    }

    @Test
    void aVariableFrameRateIsRaisedWhereItStarts() throws IOException {
        Finding v = first(inspect(vfr, Profiles.GENERIC), Rule.VARIABLE_FRAME_RATE);
        assertEquals(3.0, v.atUs() / 1e6, 0.3);
    }

    @Test
    void bFramesAreRaisedUnderTwitchOnly() throws IOException {
        assertTrue(inspect(normal, Profiles.TWITCH).raisedRules().contains(Rule.B_FRAMES));
        assertEquals(Severity.WARNING, first(inspect(normal, Profiles.TWITCH), Rule.B_FRAMES).severity());
    }

    @Test
    void aTimestampJumpAndADtsGoingBackMadeByFileSurgeryAreRaised() throws IOException {
        Path jump = FlvRetime.copy(normal, dir.resolve("jump.flv"), FlvRetime.shiftFrom(6000, 5000));
        Finding j = first(inspect(jump, Profiles.GENERIC), Rule.TIMESTAMP_JUMP);
        assertEquals(11.0, j.atUs() / 1e6, 0.1);
        Path back = FlvRetime.copy(normal, dir.resolve("back.flv"), (video, ms) -> video == 100 ? ms - 1000 : ms);
        Finding b = first(inspect(back, Profiles.GENERIC), Rule.DTS_BACKWARDS);
        assertEquals(Severity.ERROR, b.severity());
        assertTrue(inspect(back, Profiles.GENERIC).hasError());
    }
}
