package org.netstreamfx.player.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.netstreamfx.player.media.Codec;
import org.netstreamfx.player.media.MediaPacket;
import org.netstreamfx.player.media.TrackFormat;
import org.netstreamfx.player.net.NetStatusEvent;
import org.netstreamfx.player.net.RecordEvents;
import org.netstreamfx.player.record.Recorder;
import org.netstreamfx.player.source.DataMessage;
import org.netstreamfx.player.source.SourceDescription;
import org.netstreamfx.player.source.SourcePacket;

/**
 * What PlayRecording hands a recorder: from a keyframe, spliced at seeks, stopped at the end; a
 * failure is checked as the NetStatus event the API makes of it ({@link RecordEvents}).
 */
class PlayRecordingTest {
    private static final TrackFormat VIDEO = new TrackFormat(0, Codec.H264, new byte[] {1, 2, 3}, 320, 240, 25, 0, 0,
            0, "Main", "3.0");
    private static final TrackFormat AUDIO = new TrackFormat(1, Codec.AAC, new byte[] {0x12, 0x10}, 0, 0, 0, 44100,
            2, 0, "LC", "");
    private static final SourceDescription AV = new SourceDescription("mp4", 10_000_000, List.of(VIDEO, AUDIO),
            List.of(), Map.of(), true);

    /** Remembers every call; {@code failAt} > 0 makes that write throw. */
    static final class FakeRecorder implements Recorder {
        final List<String> calls = new ArrayList<>();
        final List<MediaPacket> packets = new ArrayList<>();
        State state = State.IDLE;
        int failAt;

        @Override
        public void start(List<TrackFormat> tracks) {
            calls.add("start " + tracks.size());
            state = State.RECORDING;
        }

        @Override
        public void write(MediaPacket packet) {
            if (failAt > 0 && packets.size() + 1 == failAt) {
                throw new IllegalStateException("disk on fire");
            }
            packets.add(packet);
        }

        @Override
        public void writeData(String name, List<?> args) {
            calls.add("data " + name);
        }

        @Override
        public void markGap(long startUs, long lengthUs, String reason, boolean mediaKept) {
            calls.add("gap " + startUs + " " + lengthUs + " " + reason + " " + (mediaKept ? "kept" : "missing"));
        }

        @Override
        public void stop() {
            calls.add("stop");
            state = State.STOPPED;
        }

        @Override
        public State state() {
            return state;
        }

        @Override
        public Path path() {
            return Path.of("out.flv");
        }

        @Override
        public long packetsWritten() {
            return packets.size();
        }

        @Override
        public long packetsSkipped() {
            return 0;
        }
    }

    private static SourcePacket video(long dtsUs, boolean key) {
        return new SourcePacket(new MediaPacket(0, dtsUs, dtsUs, 40_000, key, new byte[] {5}));
    }

    private static SourcePacket audio(long dtsUs) {
        return new SourcePacket(new MediaPacket(1, dtsUs, dtsUs, 23_220, true, new byte[] {6}));
    }

    @Test
    void startsTheRecorderWithTheSourceTracksAndStopsItAtTheEndOfTheStream() {
        FakeRecorder r = new FakeRecorder();
        List<NetStatusEvent> failures = new ArrayList<>();
        PlayRecording rec = new PlayRecording(r, RecordEvents.forwardingTo(failures::add));

        rec.item(AV, video(0, true));
        rec.item(AV, audio(10_000));
        rec.item(AV, new DataMessage(20_000, "onMetaData", List.of(Map.of("width", 320.0))));
        rec.item(AV, new DataMessage(20_000, "onCuePoint", List.of(Map.of("name", "a"))));
        rec.item(AV, null);
        rec.item(AV, video(40_000, false)); // after the end: nothing

        assertEquals(List.of("start 2", "data onCuePoint", "stop"), r.calls);
        assertEquals(2, r.packets.size());
        assertTrue(failures.isEmpty());
    }

    @Test
    void aTrackSwitchToAnotherConfigurationEndsTheRecordingThereSayingWhy() {
        FakeRecorder r = new FakeRecorder();
        List<NetStatusEvent> failures = new ArrayList<>();
        PlayRecording rec = new PlayRecording(r, RecordEvents.forwardingTo(failures::add));
        rec.item(AV, video(0, true));
        rec.item(AV, new SourcePacket(new MediaPacket(0, 40_000, 40_000, 40_000, true, new byte[] {5}), 0, 0, VIDEO));
        assertEquals(List.of("start 2"), r.calls, "the same configuration (a switch back): recorded on");
        TrackFormat vp9 = new TrackFormat(0, Codec.VP9, new byte[0], 160, 90, 30, 0, 0, 0, "", "");
        rec.item(AV, SourcePacket.startingFormat(new MediaPacket(0, 2_523_000, 2_523_000, 33_333, true, new byte[] {7}),
                vp9));
        rec.item(AV, video(2_556_000, false));

        assertEquals(List.of("start 2", "stop"), r.calls);
        assertEquals(2, r.packets.size(), "nothing of the new track");
        assertEquals(1, failures.size());
        assertEquals("NetStream.Record.Failed", failures.get(0).code());
        assertTrue(failures.get(0).description().contains("ends at 2.523 s: another video track (VP9) plays from there"),
                failures.get(0).description());
    }

    @Test
    void aSeekSplicesAtTheNextKeyframeOneFrameAfterTheLastPacketSoTimeNeverGoesBack() {
        FakeRecorder r = new FakeRecorder();
        PlayRecording rec = new PlayRecording(r, e -> { });
        for (int i = 0; i < 5; i++) {
            rec.item(AV, video(i * 40_000L, i == 0));
        }
        rec.seeked(0);
        rec.item(AV, audio(0)); // before the keyframe after the seek: dropped
        rec.item(AV, video(0, false)); // not a keyframe: dropped
        rec.item(AV, video(2_000_000, true));
        rec.item(AV, audio(2_000_000));
        rec.item(AV, video(2_040_000, false));

        List<Long> dts = r.packets.stream().map(MediaPacket::dtsUs).toList();
        assertEquals(List.of(0L, 40_000L, 80_000L, 120_000L, 160_000L, 200_000L, 200_000L, 240_000L), dts);
        assertTrue(r.packets.get(5).keyframe(), "the splice starts on the keyframe");
    }

    @Test
    void aRecorderThatThrowsIsReportedAsRecordFailedAndDroppedWithoutAnExceptionToThePlayback() {
        FakeRecorder r = new FakeRecorder();
        r.failAt = 2;
        List<NetStatusEvent> failures = new ArrayList<>();
        PlayRecording rec = new PlayRecording(r, RecordEvents.forwardingTo(failures::add));

        rec.item(AV, video(0, true));
        rec.item(AV, video(40_000, false));
        rec.item(AV, video(80_000, false));

        assertEquals(1, r.packets.size());
        assertEquals(1, failures.size());
        assertEquals("NetStream.Record.Failed", failures.get(0).code());
        assertEquals("out.flv", failures.get(0).details());
        assertTrue(failures.get(0).description().contains("disk on fire"), failures.get(0).description());
    }

    @Test
    void stopBeforeAnyItemClosesTheRecorderWithoutStartingIt() {
        FakeRecorder r = new FakeRecorder();
        PlayRecording rec = new PlayRecording(r, e -> { });
        rec.stop();
        rec.item(AV, video(0, true));
        assertEquals(List.of("stop"), r.calls);
        assertTrue(r.packets.isEmpty());
    }

    @Test
    void theFileNameChoosesTheFormat() {
        assertTrue(PlayRecording.recorderFor(Path.of("a.FLV"), e -> { })
                instanceof org.netstreamfx.player.record.FlvRecorder);
        assertTrue(PlayRecording.recorderFor(Path.of("a.mp4"), e -> { })
                instanceof org.netstreamfx.player.record.FragmentedMp4Recorder);
    }

    @Test
    void aReconnectGoesOnInTheSameFileAfterAWallClockGapWhateverTheNewTimestampsAndMarksIt() {
        FakeRecorder r = new FakeRecorder();
        long[] nowNanos = {0};
        PlayRecording rec = new PlayRecording(r, e -> { }, () -> nowNanos[0]);
        org.netstreamfx.player.playback.PipelineTap before = rec.newTap();
        for (int i = 0; i < 5; i++) { // 5 frames, 40 ms apart, arriving in real time
            nowNanos[0] = i * 40_000_000L;
            before.item(AV, video(10_000_000 + i * 40_000L, i == 0));
        }
        rec.reconnected(); // the server was away; the stream is played again in a new session
        org.netstreamfx.player.playback.PipelineTap after = rec.newTap();
        before.item(AV, video(10_200_000, true)); // the old session, late: ignored
        before.item(AV, null); // its end does not end the recording
        nowNanos[0] = 160_000_000L + 3_000_000_000L; // the first keyframe 3 s after the last frame
        after.item(AV, audio(0)); // a new publisher starts again from 0; before the keyframe: dropped
        after.item(AV, video(0, true));
        after.item(AV, video(40_000, false));

        List<Long> dts = r.packets.stream().map(MediaPacket::dtsUs).toList();
        assertEquals(List.of(10_000_000L, 10_040_000L, 10_080_000L, 10_120_000L, 10_160_000L, 13_160_000L,
                13_200_000L), dts);
        assertEquals(List.of("start 2", "gap 10200000 2960000 reconnect missing"), r.calls,
                "the gap runs from the end of the last frame to the keyframe after the reconnect");
        rec.stop();
        assertEquals("stop", r.calls.get(r.calls.size() - 1));
    }

    @Test
    void aReconnectWithinAFrameLeavesNoGap() {
        FakeRecorder r = new FakeRecorder();
        long[] nowNanos = {0};
        PlayRecording rec = new PlayRecording(r, e -> { }, () -> nowNanos[0]);
        rec.newTap().item(AV, video(0, true));
        rec.reconnected();
        nowNanos[0] = 10_000_000L;
        rec.newTap().item(AV, video(5_000_000, true));
        assertEquals(List.of(0L, 40_000L), r.packets.stream().map(MediaPacket::dtsUs).toList());
        assertEquals(List.of("start 2"), r.calls);
    }

    @Test
    void theProtocolsSampleAccessMessageIsNotRecorded() {
        FakeRecorder r = new FakeRecorder();
        PlayRecording rec = new PlayRecording(r, e -> { });
        rec.item(AV, video(0, true));
        rec.item(AV, new DataMessage(0, "|RtmpSampleAccess", List.of(true, true)));
        assertEquals(List.of("start 2"), r.calls);
    }
}
