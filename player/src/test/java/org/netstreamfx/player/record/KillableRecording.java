package org.netstreamfx.player.record;

import org.netstreamfx.player.net.RecordEvents;
import java.nio.file.Path;
import java.util.List;
import org.netstreamfx.player.media.MediaPacket;
import org.netstreamfx.player.source.SourceItem;
import org.netstreamfx.player.source.SourcePacket;

/**
 * The child process of {@link KillRecordingTest}: reads a stream with the player's demuxers and
 * records it to fragmented MP4 in real time (each packet written when its decode time comes),
 * printing "RECORDING" once the recorder has started. It is meant to be killed with SIGKILL.
 *
 * <p>Arguments: source file, fragmented MP4 to write.
 */
public final class KillableRecording {
    private KillableRecording() {
    }

    public static void main(String[] args) throws Exception {
        StreamFeed feed = StreamFeed.read(args[0]);
        Recorder recorder = new FragmentedMp4Recorder(Path.of(args[1]), Runnable::run,
                RecordEvents.forwardingTo(e -> System.out.println(e.code() + " " + e.description())));
        recorder.start(feed.tracks);
        System.out.println("RECORDING");
        System.out.flush();
        long startNanos = System.nanoTime();
        List<SourceItem> items = feed.items;
        for (SourceItem item : items) {
            if (item instanceof SourcePacket p) {
                MediaPacket packet = p.packet();
                long dueNanos = startNanos + Math.max(0, packet.dtsUs()) * 1000;
                long waitNanos = dueNanos - System.nanoTime();
                if (waitNanos > 0) {
                    Thread.sleep(waitNanos / 1_000_000, (int) (waitNanos % 1_000_000));
                }
                recorder.write(packet);
            }
        }
        recorder.stop();
        System.out.println("FINISHED");
    }
}
