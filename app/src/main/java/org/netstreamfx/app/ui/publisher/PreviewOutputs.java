package org.netstreamfx.app.ui.publisher;

import java.util.function.Consumer;
import org.netstreamfx.capture.device.AudioBlock;
import org.netstreamfx.capture.device.AudioLevel;
import org.netstreamfx.capture.device.VideoFrame;

/**
 * Where the devices' pictures and sound levels go, whoever holds the devices (the preview, a
 * session, a stream check): pictures to the view's sink, levels to a {@link LevelHold} the meter
 * reads.
 *
 * <p>Threads: {@link #frame} and {@link #block} on capture threads; the rest on the FX thread.
 */
final class PreviewOutputs {
    private volatile Consumer<VideoFrame> sink;
    private final LevelHold level = new LevelHold();

    /** Where pictures go from now on (null: nowhere); a picture is valid only during the call. */
    void setSink(Consumer<VideoFrame> s) {
        sink = s;
    }

    void frame(VideoFrame frame) {
        Consumer<VideoFrame> s = sink;
        if (s != null) {
            s.accept(frame);
        }
    }

    void block(AudioBlock block) {
        level.add(block.level());
    }

    /** The loudest level since the last call, or null. */
    AudioLevel takeLevel() {
        return level.take();
    }
}
