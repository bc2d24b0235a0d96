package org.netstreamfx.player.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netstreamfx.player.media.MediaPacket;
import org.netstreamfx.player.media.TrackFormat;
import org.netstreamfx.player.media.TrackKind;
import org.netstreamfx.player.source.FileInput;
import org.netstreamfx.player.source.FlvSource;
import org.netstreamfx.player.source.SourceDescription;
import org.netstreamfx.player.source.SourceItem;
import org.netstreamfx.player.source.SourcePacket;

/** A live stream's pictures leave the decoder as soon as they can be shown, still in presentation order. */
class FfmpegVideoDecoderLiveTest {
    @TempDir
    Path dir;
    /** The video track of the last stream read by {@link #packets}. */
    private TrackFormat format;

    @Test
    void liveKeyframeIsOutputBeforeTheNextPacketArrives() throws Exception {
        List<MediaPacket> packets = packets(encode("nob.flv", "0"));
        List<Long> live = decodeCountingAfterFirst(packets, true);
        assertEquals(1, live.get(0), "pictures out after the live stream's keyframe alone");
        // Frame threading (recorded streams) holds one picture back: what the live path avoids.
        assertEquals(0, decodeCountingAfterFirst(packets, false).get(0));
    }

    @Test
    void liveBFrameStreamStaysInPresentationOrder() throws Exception {
        List<MediaPacket> packets = packets(encode("b.flv", "3"));
        List<Long> pts = new ArrayList<>();
        try (VideoFramePool pool = new VideoFramePool(4);
                FfmpegVideoDecoder d = new FfmpegVideoDecoder(format, pool, (frame, epoch) -> {
                    pts.add(frame.ptsUs());
                    frame.release();
                }, true)) {
            for (MediaPacket p : packets) {
                d.decode(p, 0, 0, 0);
            }
            d.drain(0);
        }
        assertEquals(packets.size(), pts.size());
        for (int i = 1; i < pts.size(); i++) {
            assertTrue(pts.get(i) > pts.get(i - 1), "presentation order at " + i + ": " + pts);
        }
    }

    /** Frames out after each packet (cumulative), for the first packets. */
    private List<Long> decodeCountingAfterFirst(List<MediaPacket> packets, boolean live) throws Exception {
        List<Long> out = new ArrayList<>();
        try (VideoFramePool pool = new VideoFramePool(8);
                FfmpegVideoDecoder d = new FfmpegVideoDecoder(format, pool, (frame, epoch) -> frame.release(), live)) {
            for (MediaPacket p : packets.subList(0, 3)) {
                d.decode(p, 0, 0, 0);
                out.add(d.decodedFrames());
            }
        }
        return out;
    }

    private List<MediaPacket> packets(Path flv) throws IOException {
        List<MediaPacket> out = new ArrayList<>();
        try (FlvSource s = new FlvSource(FileInput.open(flv))) {
            SourceDescription d = s.open();
            format = d.track(TrackKind.VIDEO).orElseThrow();
            for (SourceItem item = s.read(); item != null; item = s.read()) {
                if (item instanceof SourcePacket p && p.packet().trackIndex() == format.index()) {
                    out.add(p.packet());
                }
            }
        }
        return out;
    }

    private Path encode(String name, String bFrames) throws IOException, InterruptedException {
        Path out = dir.resolve(name);
        Process p = new ProcessBuilder("ffmpeg", "-nostdin", "-v", "error", "-y", "-f", "lavfi",
                "-i", "testsrc=size=320x240:rate=30", "-frames:v", "12", "-c:v", "libx264", "-preset", "veryfast",
                "-bf", bFrames, "-g", "30", "-pix_fmt", "yuv420p", out.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "ffmpeg failed");
        assertTrue(Files.size(out) > 0);
        return out;
    }
}
