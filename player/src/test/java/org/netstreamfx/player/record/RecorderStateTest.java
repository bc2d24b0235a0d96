package org.netstreamfx.player.record;

import org.netstreamfx.player.net.RecordEvents;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.netstreamfx.player.media.Codec;
import org.netstreamfx.player.media.MediaPacket;
import org.netstreamfx.player.media.TrackFormat;
import org.netstreamfx.player.net.NetStatusEvent;

/**
 * The recorder's states and timeline, on a recorder whose "file" is a list and whose disk fills up
 * on demand: the full event sequence, what is written and what is skipped.
 */
class RecorderStateTest {
    private static final TrackFormat VIDEO = new TrackFormat(0, Codec.H264, new byte[] {1}, 320, 240, 25, 0, 0, 0, "", "");
    private static final TrackFormat AUDIO = new TrackFormat(1, Codec.AAC, new byte[] {0x12, 0x10}, 0, 0, 0, 44_100, 2,
            0, "", "");

    /** Records "track dts/pts" lines; throws "No space left on device" once {@code capacity} packets are in. */
    private static final class ListRecorder extends AbstractRecorder {
        final List<String> file = new ArrayList<>();
        int capacity = Integer.MAX_VALUE;
        boolean released;

        ListRecorder(List<NetStatusEvent> events) {
            super(Path.of("/recordings/test.bin"), Runnable::run, RecordEvents.forwardingTo(events::add));
        }

        @Override
        void open(List<TrackFormat> tracks) {
            file.add("open " + tracks.size());
        }

        @Override
        void writePacket(TrackFormat track, MediaPacket packet, long ptsUs, long dtsUs) throws IOException {
            if (file.size() > capacity) {
                throw new IOException("No space left on device");
            }
            file.add(track.index() + " " + dtsUs + "/" + ptsUs);
        }

        @Override
        boolean writeScript(String name, List<?> args, long timeUs) {
            file.add(name + " @" + timeUs);
            return true;
        }

        @Override
        void finish(long durationUs) {
            file.add("finish " + durationUs);
        }

        @Override
        void release() {
            released = true;
        }
    }

    private static MediaPacket video(long dtsUs, long ptsUs, boolean key) {
        return new MediaPacket(0, ptsUs, dtsUs, 40_000, key, new byte[1]);
    }

    private static MediaPacket audio(long us) {
        return new MediaPacket(1, us, us, 23_220, true, new byte[1]);
    }

    @Test
    void startsAtTheFirstKeyframeRebasesAndSkipsWhatGoesBackwards() {
        List<NetStatusEvent> events = new ArrayList<>();
        ListRecorder r = new ListRecorder(events);
        r.start(List.of(VIDEO, AUDIO));
        r.write(audio(1_000_000));                        // before any keyframe: skipped
        r.write(video(1_000_000, 1_080_000, false));       // not a keyframe: skipped
        r.write(video(1_040_000, 1_120_000, true));        // the timeline starts here
        r.write(audio(1_030_000));                         // before the start: skipped
        r.write(audio(1_053_000));
        r.writeData("onCuePoint", List.of());
        r.write(video(1_080_000, 1_080_000, false));
        r.write(video(1_080_000, 1_160_000, false));       // same dts again: skipped
        r.write(new MediaPacket(7, 0, 0, 0, true, new byte[1])); // unknown track: skipped
        r.stop();
        r.stop();
        assertEquals(List.of("open 2", "0 0/80000", "1 13000/13000", "onCuePoint @13000", "0 40000/40000",
                "finish 120000"), r.file);
        assertEquals(3, r.packetsWritten());
        assertEquals(5, r.packetsSkipped());
        assertEquals(List.of("NetStream.Record.Start", "NetStream.Record.Stop"),
                events.stream().map(NetStatusEvent::code).toList());
        assertEquals("Stopped recording to /recordings/test.bin (3 packets, 0.12 s).", events.get(1).description());
        assertEquals(Recorder.State.STOPPED, r.state());
    }

    @Test
    void aFullDiskMidwayIsOneFailedEventAndTheStreamGoesOn() {
        List<NetStatusEvent> events = new ArrayList<>();
        ListRecorder r = new ListRecorder(events);
        r.capacity = 3;
        r.start(List.of(AUDIO));
        for (int i = 0; i < 10; i++) {
            r.write(audio(i * 23_220L)); // never throws
        }
        r.writeData("onTextData", List.of("ignored"));
        r.stop();
        assertEquals(List.of("NetStream.Record.Start", "NetStream.Record.Failed"),
                events.stream().map(NetStatusEvent::code).toList());
        assertEquals("Recording to /recordings/test.bin failed after 3 packets: No space left on device. The file "
                + "holds what was written before; the stream goes on without recording.", events.get(1).description());
        assertEquals("/recordings/test.bin", events.get(1).details());
        assertEquals(Recorder.State.FAILED, r.state());
        assertEquals(true, r.released);
        assertEquals(3, r.packetsWritten());
    }
}
