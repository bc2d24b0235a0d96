package org.netstreamfx.player.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netstreamfx.player.source.MediaSource;
import org.netstreamfx.player.source.SourceItem;
import org.netstreamfx.player.source.Sources;

/**
 * kill -9 of a process recording to fragmented MP4 leaves a file that ffprobe reads without error
 * and that plays up to the last complete fragment, within 2 s of the kill.
 */
class KillRecordingTest {
    private static final long KILL_AFTER_MS = 3_000;

    @TempDir
    Path dir;

    @Test
    void aKilledRecordingPlaysUpToItsLastFragment() throws Exception {
        Path source = dir.resolve("source.flv");
        Cli.makeStream(source, 6, 12); // a keyframe, so a fragment, every 0.48 s
        Path out = dir.resolve("killed.mp4");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                KillableRecording.class.getName(), source.toString(), out.toString())
                .redirectErrorStream(true).start();
        long recordingSinceNanos;
        try {
            BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = lines.readLine()) != null && !line.equals("RECORDING")) {
                assertTrue(!line.startsWith("NetStream.Record.Failed"), line);
            }
            assertEquals("RECORDING", line, "the child never started recording");
            recordingSinceNanos = System.nanoTime();
            Thread.sleep(KILL_AFTER_MS);
        } finally {
            child.destroyForcibly(); // SIGKILL: no shutdown hooks, no trailer
        }
        assertTrue(child.waitFor(10, TimeUnit.SECONDS));
        double killedAtS = (System.nanoTime() - recordingSinceNanos) / 1e9;
        assertEquals(137, child.exitValue(), "killed by SIGKILL (128 + 9)");
        assertTrue(Files.size(out) > 0);

        Cli.Result probe = Cli.format(out);
        assertEquals(0, probe.exitCode());
        assertEquals("", probe.stderr(), "ffprobe reads the file without error");
        Map<String, String> format = Cli.keyValues(probe.stdout());
        assertTrue(format.get("format_name").contains("mp4"), format.toString());
        Map<String, String> video = Cli.stream(out, "v:0", "codec_name,nb_read_frames,duration");
        assertEquals("h264", video.get("codec_name"));
        double duration = Double.parseDouble(format.get("duration"));
        assertTrue(Math.abs(duration - killedAtS) <= 2.0, "recorded " + duration + " s, killed after " + killedAtS + " s");
        assertTrue(Integer.parseInt(video.get("nb_read_frames")) >= 25, video.toString());
        assertEquals("", Cli.decodeErrors(out));

        try (MediaSource played = Sources.open(out.toString())) {
            assertEquals(List.of("H.264", "AAC"),
                    played.open().tracks().stream().map(t -> t.codec().displayName()).toList());
            int packets = 0;
            SourceItem item;
            while ((item = played.read()) != null) {
                packets++;
            }
            assertTrue(packets > 100, packets + " packets");
        }
    }
}
