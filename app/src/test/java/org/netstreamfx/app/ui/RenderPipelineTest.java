package org.netstreamfx.app.ui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RenderPipelineTest {
    @TempDir
    Path dev;

    @Test
    void noGpuDeviceOnLinuxMeansSoftware() throws Exception {
        assertTrue(RenderPipeline.softwareOnly("Linux", null, dev));
        Files.createDirectory(dev.resolve("dri"));
        assertTrue(RenderPipeline.softwareOnly("Linux", null, dev), "an empty /dev/dri has no GPU");
    }

    @Test
    void aDrmOrNvidiaDeviceLetsJavaFxProbe() throws Exception {
        Files.createDirectories(dev.resolve("dri"));
        Files.createFile(dev.resolve("dri").resolve("renderD128"));
        assertFalse(RenderPipeline.softwareOnly("Linux", null, dev));
        Path other = Files.createDirectory(dev.resolve("other"));
        Files.createFile(other.resolve("nvidia0"));
        assertFalse(RenderPipeline.softwareOnly("Linux", null, other));
    }

    @Test
    void theUsersChoiceAndOtherSystemsAreLeftAlone() {
        assertFalse(RenderPipeline.softwareOnly("Linux", "es2", dev));
        assertFalse(RenderPipeline.softwareOnly("Mac OS X", null, dev));
        assertFalse(RenderPipeline.softwareOnly("Windows 11", null, dev));
    }
}
