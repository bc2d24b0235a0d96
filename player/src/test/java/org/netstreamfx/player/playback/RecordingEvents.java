package org.netstreamfx.player.playback;

import java.util.ArrayList;
import java.util.List;
import org.netstreamfx.player.net.CoreEventStatus;
import org.netstreamfx.player.sink.VideoFrame;
import org.netstreamfx.player.source.DataMessage;

/**
 * Records, in order, every status code ("NetStream.Buffer.Full"), onPlayStatus
 * ("playStatus:NetStream.Play.Complete"), data message ("data:onCuePoint@120") and rendered frame
 * ("render:40@70": the frame at 40 ms shown at fake time 70 ms).
 */
final class RecordingEvents implements CoreEvents {
    private final FakeTime time;
    private final List<String> all = new ArrayList<>();
    private final List<String> descriptions = new ArrayList<>();

    RecordingEvents(FakeTime time) {
        this.time = time;
    }

    @Override
    public void transition(CoreEvent event) {
        CoreEventStatus status = CoreEventStatus.of(event); // the NetStatus event the stream makes of it
        all.add(status.code().code());
        descriptions.add(status.description());
        if (status.playStatus() != null) {
            all.add("playStatus:" + status.playStatus());
        }
    }

    /** The descriptions of the status events, in order. */
    List<String> descriptions() {
        return List.copyOf(descriptions);
    }

    @Override
    public void data(DataMessage message) {
        all.add("data:" + message.handler() + "@" + time.nowMs());
    }

    @Override
    public void render(VideoFrame frame) {
        if (frame instanceof TestVideoFrame f && f.released()) {
            throw new AssertionError("frame at " + frame.ptsUs() / 1000 + " ms rendered after release");
        }
        all.add("render:" + frame.ptsUs() / 1000 + "@" + time.nowMs());
    }

    /** Everything, in order. */
    List<String> all() {
        return List.copyOf(all);
    }

    /** Status codes and play statuses, in order. */
    List<String> codes() {
        return all.stream().filter(e -> !e.startsWith("render:") && !e.startsWith("data:")).toList();
    }

    /** Rendered frames as "ptsMs@fakeMs", in order. */
    List<String> renders() {
        return all.stream().filter(e -> e.startsWith("render:")).map(e -> e.substring("render:".length())).toList();
    }
}
