package org.netstreamfx.player.record;

import java.nio.file.Path;
import java.util.List;
import org.netstreamfx.player.media.MediaPacket;
import org.netstreamfx.player.media.TrackFormat;

/**
 * A {@link Recorder} that passes every call on to another, for recorders that change or watch
 * one part (what is written, when to stop) and leave the rest to the file's own recorder.
 */
public abstract class ForwardingRecorder implements Recorder {
    protected final Recorder file;

    protected ForwardingRecorder(Recorder file) {
        this.file = file;
    }

    @Override
    public void start(List<TrackFormat> tracks) {
        file.start(tracks);
    }

    @Override
    public void write(MediaPacket packet) {
        file.write(packet);
    }

    @Override
    public void writeData(String name, List<?> args) {
        file.writeData(name, args);
    }

    @Override
    public void markGap(long startUs, long lengthUs, String reason, boolean mediaKept) {
        file.markGap(startUs, lengthUs, reason, mediaKept);
    }

    @Override
    public void stop() {
        file.stop();
    }

    @Override
    public State state() {
        return file.state();
    }

    @Override
    public Path path() {
        return file.path();
    }

    @Override
    public long packetsWritten() {
        return file.packetsWritten();
    }

    @Override
    public long packetsSkipped() {
        return file.packetsSkipped();
    }
}
