package org.netstreamfx.e2e.restart;

import java.nio.file.Path;
import java.util.List;
import org.netstreamfx.player.media.MediaPacket;
import org.netstreamfx.player.media.TrackFormat;
import org.netstreamfx.player.media.TrackKind;
import org.netstreamfx.player.record.Recorder;

/** A recorder passing everything on to another, counting the video and audio packets the file took. */
final class CountingRecorder implements Recorder {
    private final Recorder file;
    private int videoTrack = -1;
    private long video;
    private long audio;

    CountingRecorder(Recorder file) {
        this.file = file;
    }

    @Override
    public synchronized void start(List<TrackFormat> tracks) {
        tracks.stream().filter(t -> t.kind() == TrackKind.VIDEO).findFirst().ifPresent(t -> videoTrack = t.index());
        file.start(tracks);
    }

    @Override
    public synchronized void write(MediaPacket packet) {
        long before = file.packetsWritten();
        file.write(packet);
        if (file.packetsWritten() > before) {
            if (packet.trackIndex() == videoTrack) {
                video++;
            } else {
                audio++;
            }
        }
    }

    synchronized long videoPacketsWritten() {
        return video;
    }

    synchronized long audioPacketsWritten() {
        return audio;
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
