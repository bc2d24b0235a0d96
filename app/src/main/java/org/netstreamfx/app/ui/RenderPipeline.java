package org.netstreamfx.app.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Chooses JavaFX's software pipeline on a Linux machine with no GPU device, before the toolkit
 * starts. JavaFX tries its OpenGL pipeline (ES2) first; with no GPU, Mesa answers in software
 * (llvmpipe), which JavaFX turns down ("System GPU doesn't meet the es2 pipe requirement") before
 * it falls back to software rendering anyway. That probe loads Mesa's driver and LLVM: 44 MB of
 * resident memory for the life of the process and part of every cold start
 * (docs/PERFORMANCE.md, "Memory of the GUI" and "Startup"). A machine with a GPU has a DRM device
 * in /dev/dri (or NVIDIA's /dev/nvidia0); there the probe runs as before. A {@code prism.order}
 * the user set is never changed.
 */
public final class RenderPipeline {
    /** JavaFX's system property naming the pipelines to try, in order. */
    static final String ORDER_PROPERTY = "prism.order";
    static final String SOFTWARE = "sw";
    /** Where Linux lists its DRM (GPU) devices. */
    static final String DRI = "dri";
    /** NVIDIA's proprietary driver's first device, present without a DRM one. */
    static final String NVIDIA = "nvidia0";

    private RenderPipeline() {
    }

    /** Sets {@code prism.order=sw} when {@link #softwareOnly} says so (call before the toolkit starts). */
    public static void chooseBeforeStart() {
        if (softwareOnly(System.getProperty("os.name", ""), System.getProperty(ORDER_PROPERTY), Path.of("/dev"))) {
            System.setProperty(ORDER_PROPERTY, SOFTWARE);
        }
    }

    /**
     * Whether only software rendering is possible: Linux, no {@code prism.order} set, and neither a
     * DRM device under {@code dev/dri} nor {@code dev/nvidia0}.
     */
    static boolean softwareOnly(String osName, String order, Path dev) {
        if (order != null || !osName.toLowerCase(Locale.ROOT).startsWith("linux")) {
            return false;
        }
        if (Files.exists(dev.resolve(NVIDIA))) {
            return false;
        }
        Path dri = dev.resolve(DRI);
        if (!Files.isDirectory(dri)) {
            return true;
        }
        try (Stream<Path> devices = Files.list(dri)) {
            return devices.findAny().isEmpty();
        } catch (IOException e) {
            return false; // cannot tell: let JavaFX probe as it always does
        }
    }
}
