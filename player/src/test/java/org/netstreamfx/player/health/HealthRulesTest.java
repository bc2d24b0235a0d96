package org.netstreamfx.player.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each rule provoked by a hand-made packet sequence, at about the right time, and shown to clear. */
class HealthRulesTest {

    @Test
    void aRegularStreamRaisesNothingUnderAnyProfile() {
        for (Profile p : List.of(Profiles.GENERIC, Profiles.YOUTUBE, Profiles.TWITCH)) {
            HealthFeed f = new HealthFeed(p);
            f.play(0, 30, 2, 4_000);
            assertEquals(List.of(), f.findings, p.name());
            HealthReport r = f.analyzer.report();
            assertEquals(2.0, (double) r.tracks().get(0).get("keyframeIntervalMaxS"), 0.05);
            assertEquals(30.0, (double) r.tracks().get(0).get("measuredFps"), 0.1);
        }
    }

    @Test
    void aLongKeyframeIntervalIsRaisedPastTheLimitAndClearsOnceGopsAreShort() {
        HealthFeed f = new HealthFeed(Profiles.GENERIC);
        long t = f.play(0, 20, 10, 4_000);
        Finding k = f.first(Rule.KEYFRAME_INTERVAL);
        assertEquals(5.0, k.atUs() / 1e6, 0.1, "raised as soon as the GOP runs past 5 s");
        assertEquals(Severity.WARNING, k.severity());
        assertEquals("maxKeyframeIntervalS", k.threshold());
        assertEquals("set your encoder's keyframe interval to 2 s", k.advice());
        assertFalse(f.cleared(Rule.KEYFRAME_INTERVAL), "stays raised while GOPs are long");
        f.play(t, 15, 2, 4_000);
        assertTrue(f.cleared(Rule.KEYFRAME_INTERVAL));
        Finding c = f.findings.stream().filter(x -> x.cleared()).findFirst().orElseThrow();
        assertEquals(30.0, c.atUs() / 1e6, 0.1, "10 s after the last long GOP was seen");
    }

    @Test
    void youtubeAndTwitchMakeALongIntervalAnError() {
        HealthFeed f = new HealthFeed(Profiles.TWITCH);
        f.play(0, 8, 4, 4_000);
        assertEquals(Severity.ERROR, f.first(Rule.KEYFRAME_INTERVAL).severity());
        assertEquals(2.1, f.first(Rule.KEYFRAME_INTERVAL).limit());
    }

    @Test
    void irregularKeyframesAreRaisedAndClear() {
        HealthFeed f = new HealthFeed(Profiles.GENERIC);
        long t = 0;
        for (double gop : new double[] {0.5, 3, 0.5, 3}) {
            t = f.play(t, gop, gop, 4_000);
        }
        assertEquals(Severity.INFO, f.first(Rule.KEYFRAME_IRREGULAR).severity());
        f.play(t, 30, 2, 4_000);
        assertTrue(f.cleared(Rule.KEYFRAME_IRREGULAR), "regular again");
    }

    @Test
    void dtsGoingBackwardsIsAnErrorThatClears() {
        HealthFeed f = new HealthFeed(Profiles.GENERIC);
        long t = f.play(0, 4, 2, 4_000);
        long back = t - 1_000_000;
        f.packet(0, back, back, true, 4_000);
        assertEquals(Severity.ERROR, f.first(Rule.DTS_BACKWARDS).severity());
        assertEquals(-1.0, f.first(Rule.DTS_BACKWARDS).measured(), 0.05);
        assertTrue(f.analyzer.report().hasError());
        f.play(t, 15, 2, 4_000);
        assertTrue(f.cleared(Rule.DTS_BACKWARDS), "in order again");
    }

    @Test
    void aTimestampJumpBeyondTheLimitIsRaisedAndClears() {
        HealthFeed f = new HealthFeed(Profiles.GENERIC);
        f.play(f.play(0, 4, 2, 4_000) + 5_000_000, 14, 2, 4_000); // 5 s missing after 4 s
        Finding j = f.first(Rule.TIMESTAMP_JUMP);
        assertEquals(9.0, j.atUs() / 1e6, 0.1);
        assertEquals(2.0, j.limit());
        assertTrue(f.cleared(Rule.TIMESTAMP_JUMP));
    }

    @Test
    void negativeOrHugeCompositionOffsetsAreRaisedAndClear() {
        HealthFeed f = new HealthFeed(Profiles.GENERIC);
        long t = f.play(0, 2, 2, 4_000);
        f.packet(0, t - 100_000, t, false, 4_000);
        assertTrue(f.first(Rule.COMPOSITION_OFFSET).measured() < 0);
        f.play(t + HealthFeed.FRAME_US, 12, 2, 4_000);
        assertTrue(f.cleared(Rule.COMPOSITION_OFFSET));
    }

    @Test
    void aVariableFrameRateIsRaisedAndClears() {
        HealthFeed f = new HealthFeed(Profiles.GENERIC);
        long t = f.play(0, 2, 2, 4_000);
        for (int i = 0; i < 10; i++) {
            t += 3 * HealthFeed.FRAME_US; // frames dropped: 10 fps for a while
            f.packet(0, t, t, false, 4_000);
        }
        assertEquals(Severity.INFO, f.first(Rule.VARIABLE_FRAME_RATE).severity());
        f.play(t + HealthFeed.FRAME_US, 15, 2, 4_000);
        assertTrue(f.cleared(Rule.VARIABLE_FRAME_RATE));
    }

    @Test
    void bFramesAreRaisedUnderTwitchOnlyAndClear() {
        for (Profile p : List.of(Profiles.GENERIC, Profiles.TWITCH)) {
            HealthFeed f = new HealthFeed(p);
            long t = 0;
            for (int i = 0; i < 60; i++, t += HealthFeed.FRAME_US) {
                f.packet(0, t + 2 * HealthFeed.FRAME_US, t, i % 60 == 0, 4_000);
            }
            assertEquals(p == Profiles.TWITCH, f.raised(Rule.B_FRAMES), p.name());
            if (p == Profiles.TWITCH) {
                f.play(t, 12, 2, 4_000);
                assertTrue(f.cleared(Rule.B_FRAMES));
            }
        }
    }

    @Test
    void lowRateMonoAudioIsRaisedAndClearsWhenTheFormatIsRight() {
        var low = new org.netstreamfx.player.media.TrackFormat(1, org.netstreamfx.player.media.Codec.AAC,
                new byte[] {0x13, (byte) 0x88}, 0, 0, 0, 22_050, 1, 0, "LC", "");
        HealthFeed f = new HealthFeed(Profiles.GENERIC, false, HealthFeed.VIDEO, low);
        for (long t = 0; t < 1_000_000; t += 46_440) {
            f.packet(1, t, t, true, 100);
        }
        assertEquals(22_050.0, f.first(Rule.AUDIO_SAMPLE_RATE).measured());
        assertEquals(Severity.WARNING, f.first(Rule.AUDIO_SAMPLE_RATE).severity());
        assertEquals(Severity.INFO, f.first(Rule.AUDIO_CHANNELS).severity());
        f.format(HealthFeed.AUDIO, 1_000_000, true, 200);
        f.play(1_023_220, 12, 2, 4_000);
        assertTrue(f.cleared(Rule.AUDIO_SAMPLE_RATE));
        assertTrue(f.cleared(Rule.AUDIO_CHANNELS));
    }

    @Test
    void codecsAndAacProfilesAreCheckedAgainstTheService() {
        var mp3 = new org.netstreamfx.player.media.TrackFormat(1, org.netstreamfx.player.media.Codec.MP3, null, 0, 0, 0,
                44_100, 2, 0, "", "");
        HealthFeed f = new HealthFeed(Profiles.TWITCH, false, HealthFeed.VIDEO, mp3);
        f.packet(1, 0, 0, true, 100);
        assertEquals(Severity.ERROR, f.first(Rule.AUDIO_CODEC).severity());
        HealthFeed he = new HealthFeed(Profiles.TWITCH, false, HealthFeed.VIDEO, HealthFeed.AUDIO.withProfile("HE-AAC"));
        he.packet(1, 0, 0, true, 100);
        assertEquals("aacProfiles", he.first(Rule.AUDIO_CODEC).threshold());
    }

    @Test
    void aCodecTheServiceDoesNotTakeIsAnErrorThatClearsOnceTheTrackChangesToOneItTakes() {
        var hevc = new org.netstreamfx.player.media.TrackFormat(0, org.netstreamfx.player.media.Codec.HEVC,
                new byte[] {1, 1, 0x60}, 1280, 720, 30, 0, 0, 0, "", "");
        var mp3 = new org.netstreamfx.player.media.TrackFormat(1, org.netstreamfx.player.media.Codec.MP3, null, 0, 0, 0,
                44_100, 2, 0, "", "");
        HealthFeed f = new HealthFeed(Profiles.TWITCH, false, hevc, mp3);
        long t = f.play(0, 4, 2, 4_000);
        assertEquals(Severity.ERROR, f.first(Rule.VIDEO_CODEC).severity());
        assertEquals("encode video as H.264", f.first(Rule.VIDEO_CODEC).advice());
        assertEquals(Severity.ERROR, f.first(Rule.AUDIO_CODEC).severity());
        f.format(HealthFeed.VIDEO, t, true, 4_000);
        f.format(HealthFeed.AUDIO, t, true, 200);
        f.play(t + HealthFeed.FRAME_US, 12, 2, 4_000);
        assertTrue(f.cleared(Rule.VIDEO_CODEC), f.findings.toString());
        assertTrue(f.cleared(Rule.AUDIO_CODEC), f.findings.toString());
    }

    @Test
    void bitRatesOverTheLimitsAndTheDeclaredRateClearOnceTheyComeDown() {
        HealthFeed video = new HealthFeed(Profiles.TWITCH);
        long t = video.play(0, 12, 2, 30_000); // 7200 kbit/s
        assertTrue(video.raised(Rule.VIDEO_BITRATE));
        video.play(t, 25, 2, 4_000); // 960 kbit/s
        assertTrue(video.cleared(Rule.VIDEO_BITRATE), video.findings.toString());

        HealthFeed audio = new HealthFeed(Profiles.TWITCH, false, HealthFeed.AUDIO);
        long a = 0;
        for (; a < 12_000_000; a += HealthFeed.AAC_US) {
            audio.packet(1, a, a, true, 2_000); // 2000 bytes every 23 ms: 690 kbit/s
        }
        Finding loud = audio.first(Rule.AUDIO_BITRATE);
        assertEquals(160.0, loud.limit());
        assertTrue(loud.measured() > 600, "measured " + loud.measured());
        for (; a < 37_000_000; a += HealthFeed.AAC_US) {
            audio.packet(1, a, a, true, 200);
        }
        assertTrue(audio.cleared(Rule.AUDIO_BITRATE), audio.findings.toString());

        HealthFeed declared = new HealthFeed(Profiles.GENERIC);
        declared.data("onMetaData", Map.of("videodatarate", 500.0));
        long d = declared.play(0, 12, 2, 4_000); // ~960 kbit/s
        assertTrue(declared.raised(Rule.DECLARED_BITRATE));
        declared.play(d, 25, 2, 1_500); // ~360 kbit/s
        assertTrue(declared.cleared(Rule.DECLARED_BITRATE), declared.findings.toString());
    }

    @Test
    void aSpikeIsRaisedAndClears() {
        HealthFeed f = new HealthFeed(Profiles.GENERIC);
        long t = f.play(0, 12, 2, 2_000);
        t = f.play(t, 1, 1, 60_000);
        Finding s = f.first(Rule.BITRATE_SPIKE);
        assertEquals(12.0, s.atUs() / 1e6, 0.5);
        f.play(t, 25, 2, 2_000);
        assertTrue(f.cleared(Rule.BITRATE_SPIKE));
    }

    @Test
    void twitchLimitsVideoTo6000AndAudioTo160Kbps() {
        HealthFeed f = new HealthFeed(Profiles.TWITCH);
        f.play(0, 12, 2, 30_000); // 30 kB a frame at 30 fps: 7200 kbit/s
        Finding v = f.first(Rule.VIDEO_BITRATE);
        assertEquals(6000.0, v.limit());
        assertTrue(v.measured() > 7000);
        assertFalse(f.raised(Rule.AUDIO_BITRATE), "200 bytes every 23 ms is 69 kbit/s");
    }

    @Test
    void youtubeLimitsByResolutionAndFrameRate() {
        assertEquals(10_000, Profiles.YOUTUBE.videoLimitKbps(1080, 60));
        assertEquals(8_000, Profiles.YOUTUBE.videoLimitKbps(1080, 30));
        assertEquals(40_000, Profiles.YOUTUBE.videoLimitKbps(2160, 60));
        assertEquals(8_000, Profiles.YOUTUBE.videoLimitKbps(360, 25));
        assertEquals(0, Profiles.GENERIC.videoLimitKbps(1080, 60));
    }

    @Test
    void aRateOverWhatOnMetaDataDeclaresIsRaised() {
        HealthFeed f = new HealthFeed(Profiles.GENERIC);
        f.data("onMetaData", Map.of("videodatarate", 500.0));
        f.play(0, 12, 2, 4_000); // ~960 kbit/s
        assertEquals(Severity.INFO, f.first(Rule.DECLARED_BITRATE).severity());
    }

    @Test
    void aSequenceHeaderChangeAndANewResolutionAreRaisedAndClear() {
        HealthFeed f = new HealthFeed(Profiles.GENERIC);
        long t = f.play(0, 4, 2, 4_000);
        var bigger = new org.netstreamfx.player.media.TrackFormat(0, org.netstreamfx.player.media.Codec.H264,
                new byte[] {1, 100, 0, 40}, 1920, 1080, 30, 0, 0, 0, "High", "4.0");
        f.format(bigger, t, true, 4_000);
        assertTrue(f.first(Rule.SEQUENCE_HEADER_CHANGE).message().contains("sequence header changed"));
        assertTrue(f.first(Rule.RESOLUTION_CHANGE).message().contains("1280x720 to 1920x1080"));
        f.play(t + HealthFeed.FRAME_US, 12, 2, 4_000);
        assertTrue(f.cleared(Rule.SEQUENCE_HEADER_CHANGE));
        assertTrue(f.cleared(Rule.RESOLUTION_CHANGE));
    }

    @Test
    void anAudioGapIsRaisedAndClears() {
        HealthFeed f = new HealthFeed(Profiles.GENERIC, false, HealthFeed.AUDIO);
        long t = 0;
        for (int i = 0; i < 50; i++, t += HealthFeed.AAC_US) {
            f.packet(1, t, t, true, 200);
        }
        t += 300_000;
        for (int i = 0; i < 600; i++, t += HealthFeed.AAC_US) {
            f.packet(1, t, t, true, 200);
        }
        assertEquals(300.0, f.first(Rule.AUDIO_GAP).measured(), 1);
        assertTrue(f.cleared(Rule.AUDIO_GAP));
        assertEquals(1, f.analyzer.report().tracks().get(0).get("audioGaps"));
    }

    @Test
    void audioFarBehindVideoInArrivalOrderIsSkewThatClears() {
        HealthFeed f = new HealthFeed(Profiles.GENERIC);
        f.packet(1, 0, 0, true, 200);
        long t = 0;
        for (; t < 4_000_000; t += HealthFeed.FRAME_US) {
            f.packet(0, t, t, t % 2_000_000 < HealthFeed.FRAME_US, 4_000);
        }
        assertTrue(f.first(Rule.INTERLEAVE_SKEW).measured() > 3);
        f.play(t, 15, 2, 4_000);
        assertTrue(f.cleared(Rule.INTERLEAVE_SKEW));
    }

    @Test
    void liveArrivalJitterAndIngestRateAreJudgedOnlyLive() {
        for (boolean live : new boolean[] {false, true}) {
            HealthFeed f = new HealthFeed(Profiles.GENERIC, live, HealthFeed.VIDEO);
            long t = 0;
            for (int i = 0; t < 20_000_000; i++, t += HealthFeed.FRAME_US) {
                // A second of media every 5 s, in one lump: a fifth of real time.
                f.arrivalNanos = (t / 1_000_000) * 5_000_000_000L;
                f.packet(0, t, t, i % 60 == 0, 4_000);
            }
            assertEquals(live, f.raised(Rule.INGEST_RATE), "live " + live);
            assertEquals(live, f.raised(Rule.ARRIVAL_JITTER), "live " + live);
            if (live) {
                assertEquals("starving", f.first(Rule.INGEST_RATE).details().get("state"));
                for (int i = 0; i < 900; i++, t += HealthFeed.FRAME_US) {
                    f.arrivalNanos += HealthFeed.FRAME_US * 1000;
                    f.packet(0, t, t, i % 60 == 0, 4_000);
                }
                assertTrue(f.cleared(Rule.INGEST_RATE));
                assertTrue(f.cleared(Rule.ARRIVAL_JITTER));
            }
        }
    }

    @Test
    void aSeekStartsContinuityAgainWithoutFindings() {
        HealthFeed f = new HealthFeed(Profiles.GENERIC);
        f.play(10_000_000, 4, 2, 4_000);
        f.analyzer.seeked(0);
        f.play(0, 4, 2, 4_000);
        assertEquals(List.of(), f.findings);
    }
}
