package org.netstreamfx.capture.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileCameraTest {

    /** A 1 s, 10 fps, 160x120 testsrc2 clip (the pattern moves every frame), made by the ffmpeg CLI. */
    static Path makeClip(Path dir) throws Exception {
        Path clip = dir.resolve("clip.mp4");
        Process p = new ProcessBuilder("ffmpeg", "-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi",
                "-i", "testsrc2=size=160x120:rate=10", "-t", "1", "-c:v", "libx264", "-crf", "10",
                "-pix_fmt", "yuv420p", clip.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "ffmpeg finished");
        assertEquals(0, p.exitValue(), out);
        return clip;
    }

    @Test
    void loopsAShortFileScaledAndResampled(@TempDir Path dir) throws Exception {
        FileCamera camera = FileCamera.of(makeClip(dir));
        assertEquals(List.of(new VideoFormat(160, 120, 10)), camera.formats());

        // 35 frames at 10 fps: 3.5 passes over the 1 s clip, scaled to 200x150.
        CaptureClock clock = new JumpingClock(0);
        List<ByteBuffer> pictures = new ArrayList<>();
        List<Long> times = new ArrayList<>();
        CompletableFuture<Void> done = new CompletableFuture<>();
        VideoFrameListener listener = new VideoFrameListener() {
            @Override
            public void onFrame(VideoFrame f) {
                if (pictures.size() < 35) {
                    assertEquals(200, f.width());
                    assertEquals(150, f.height());
                    pictures.add(ByteBuffer.allocate(f.pixels().remaining()).put(f.pixels()).flip());
                    times.add(f.captureTimeUs());
                } else {
                    done.complete(null);
                }
            }

            @Override
            public void onCaptureFailed(DeviceException failure) {
                done.completeExceptionally(failure);
            }
        };
        try (VideoCapture capture = camera.open(new VideoFormat(200, 150, 10), clock, listener)) {
            done.get(30, TimeUnit.SECONDS);
            assertEquals(new VideoFormat(200, 150, 10), capture.format());
        }
        for (int k = 1; k < times.size(); k++) {
            assertEquals(100_000, times.get(k) - times.get(k - 1), "frames 1/fps apart");
        }
        for (int k = 0; k + 10 < pictures.size(); k++) {
            assertTrue(difference(pictures.get(k), pictures.get(k + 10)) < 2.0,
                    "frame " + k + " shows again one loop (10 frames) later");
            assertTrue(difference(pictures.get(k), pictures.get(k + 5)) > 5.0,
                    "frame " + k + " differs from half a loop later");
        }
    }

    @Test
    void aMissingFileIsNotFound(@TempDir Path dir) {
        Path missing = dir.resolve("nothing-here.mp4");
        DeviceException e = assertThrows(DeviceException.class, () -> FileCamera.of(missing));
        assertEquals(DeviceException.Reason.NOT_FOUND, e.reason());
        assertTrue(e.getMessage().contains(missing.toString()) && e.getMessage().contains("nsfx devices"),
                e.getMessage());
    }

    @Test
    void aFileWithoutVideoIsRefusedClearly(@TempDir Path dir) throws Exception {
        Path audio = dir.resolve("tone.wav");
        Process p = new ProcessBuilder("ffmpeg", "-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi",
                "-i", "sine=frequency=440:duration=0.5", audio.toString()).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertEquals(0, p.waitFor());
        DeviceException e = assertThrows(DeviceException.class, () -> FileCamera.of(audio));
        assertEquals(DeviceException.Reason.FAILED, e.reason());
        assertTrue(e.getMessage().contains("tone.wav") && e.getMessage().contains("no video stream"),
                e.getMessage());
    }

    @Test
    void garbageIsRefusedClearly(@TempDir Path dir) throws Exception {
        byte[] noise = new byte[4096];
        new java.util.Random(7).nextBytes(noise);
        Path junk = Files.write(dir.resolve("junk.bin"), noise);
        DeviceException e = assertThrows(DeviceException.class, () -> FileCamera.of(junk));
        assertEquals(DeviceException.Reason.FAILED, e.reason());
        assertTrue(e.getMessage().contains("junk.bin") && e.getMessage().contains("Choose another file"),
                e.getMessage());
    }

    /** Mean absolute difference per byte. */
    private static double difference(ByteBuffer a, ByteBuffer b) {
        long sum = 0;
        for (int i = 0; i < a.limit(); i++) {
            sum += Math.abs((a.get(i) & 0xFF) - (b.get(i) & 0xFF));
        }
        return (double) sum / a.limit();
    }
}
