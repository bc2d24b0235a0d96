package org.netstreamfx.e2e.restart;

import java.util.List;
import org.netstreamfx.player.media.MediaPacket;
import org.netstreamfx.player.media.TrackFormat;
import org.netstreamfx.player.media.TrackKind;
import org.netstreamfx.player.record.ForwardingRecorder;
import org.netstreamfx.player.record.Recorder;

/** A recorder passing everything on to another, counting the video and audio packets the file took. */
final class CountingRecorder extends ForwardingRecorder {
    private int videoTrack = -1;
    private long video;
    private long audio;

    CountingRecorder(Recorder file) {
        super(file);
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
}
