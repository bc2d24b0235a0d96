package org.netstreamfx.app.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the GUI cost bench reads of a player process: /proc's CPU and memory, ffplay's dropped frames. */
class GuiCostReadingTest {

    @Test
    void readsCpuAndMemoryOfALiveProcess() throws IOException {
        ProcSample s = ProcSample.read(ProcessHandle.current().pid());
        assertTrue(s.cpuSeconds() > 0, "this JVM has used CPU: " + s);
        assertTrue(s.rssMb() > 10, "this JVM's RSS: " + s);
        assertTrue(s.peakRssMb() >= s.rssMb(), "the peak is at least the RSS now: " + s);
    }

    @Test
    void anEndedProcessReadsAsNull() throws Exception {
        Process p = new ProcessBuilder("true").start();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "true ended");
        assertNull(ProcSample.read(p.pid()));
    }

    @Test
    void ffplaysDroppedFramesAreTheLastStatusLines(@TempDir Path dir) throws IOException {
        Path log = dir.resolve("ffplay.log");
        Files.writeString(log, "Input #0, mov,mp4 ...\n"
                + "   0.50 M-V:  0.001 fd=   0 aq=    0KB vq=  512KB sq=    0B \r"
                + "   1.90 M-V: -0.003 fd=   7 aq=    0KB vq=  480KB sq=    0B \r"
                + "   2.00 M-V:  0.000 fd=  12 aq=    0KB vq=    0KB sq=    0B \r\n");
        assertEquals(12, GuiCostBench.ffplayDropped(new GuiProcessRun(new ProcSample(1, 2, 3), List.of(), log)));
    }

    @Test
    void ffplayWithoutAStatusLineFails(@TempDir Path dir) throws IOException {
        Path log = dir.resolve("ffplay.log");
        Files.writeString(log, "Could not initialize SDL - No available video device\n");
        IOException e = assertThrows(IOException.class,
                () -> GuiCostBench.ffplayDropped(new GuiProcessRun(new ProcSample(1, 2, 3), List.of(), log)));
        assertTrue(e.getMessage().contains("No available video device"), e.getMessage());
    }
}
