package org.netstreamfx.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code nsfx devices} lists the encoders: software ones of the natives available, hardware ones probed. */
class DevicesEncodersTest {
    private static Map<String, Object> find(List<Map<String, Object>> all, String name) {
        return all.stream().filter(m -> name.equals(m.get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " in " + all));
    }

    @Test
    void theDefaultNativesSoftwareEncodersAreAvailable() {
        List<Map<String, Object>> all = DevicesCommand.encoders();
        for (String name : List.of("libopenh264", "libsvtav1", "libaom-av1", "libvpx-vp9", "aac", "libopus")) {
            Map<String, Object> e = find(all, name);
            assertEquals(false, e.get("hardware"), e.toString());
            assertEquals(true, e.get("available"), e.toString());
        }
        assertEquals("hevc", find(all, "libx265").get("codec"));
    }

    @Test
    void hardwareEncodersAreListedAndUnavailableWithoutAGpu() {
        assumeTrue(!new File("/dev/dri").exists() && !new File("/dev/nvidia0").exists(), "this machine has a GPU device node");
        List<Map<String, Object>> hardware = DevicesCommand.encoders().stream()
                .filter(m -> Boolean.TRUE.equals(m.get("hardware"))).toList();
        assertTrue(hardware.stream().anyMatch(m -> "hevc_nvenc".equals(m.get("name"))), hardware.toString());
        for (Map<String, Object> m : hardware) {
            assertFalse((Boolean) m.get("available"), m.toString());
            assertFalse(String.valueOf(m.get("reason")).isBlank(), m.toString());
        }
    }
}
