package org.netstreamfx.app;

import java.util.List;
import org.bytedeco.javacpp.Loader;

/**
 * Loads FFmpeg's natives (with JavaCPP's {@code Loader.load} for the {@code org.bytedeco.ffmpeg.global}
 * classes: the shared libraries from JavaCPP's cache, extracted there once) on a background daemon thread from
 * Main's first line, so that the load, about a third of a cold start's time to the first picture
 * (docs/PERFORMANCE.md, "Startup"), runs while picocli parses the command line and JavaFX starts
 * its toolkit instead of after them. The classes are not initialized here: their first real use
 * runs their {@code Loader.load()}, which finds the libraries loaded (JavaCPP's loader is
 * synchronized and remembers them), so nothing changes but the timing.
 *
 * <p>A library that fails to load here fails again, with its message, where it is used: the
 * preload keeps quiet.
 */
public final class NativesPreload {
    /** What playing and probing load, in the order FFmpeg's libraries depend on each other. */
    static final List<String> CLASSES = List.of("org.bytedeco.ffmpeg.global.avutil",
            "org.bytedeco.ffmpeg.global.swresample", "org.bytedeco.ffmpeg.global.swscale",
            "org.bytedeco.ffmpeg.global.avcodec", "org.bytedeco.ffmpeg.global.avformat");
    /** The thread's name, as thread dumps and profiles show it. */
    static final String THREAD_NAME = "nsfx-natives-preload";

    private NativesPreload() {
    }

    /** Starts the load in the background and returns at once. */
    public static Thread start() {
        Thread t = DaemonThreads.named(NativesPreload::load, THREAD_NAME);
        t.start();
        return t;
    }

    /** Loads the libraries of each class of {@link #CLASSES}; one that cannot be loaded is left to its first use. */
    static void load() {
        ClassLoader loader = NativesPreload.class.getClassLoader();
        for (String name : CLASSES) {
            try {
                Loader.load(Class.forName(name, false, loader));
            } catch (ClassNotFoundException | RuntimeException | LinkageError e) {
                return; // said where the library is used
            }
        }
        StartupReport.reached(StartupReport.NATIVES);
    }
}
