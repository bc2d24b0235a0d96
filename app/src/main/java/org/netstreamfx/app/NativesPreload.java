package org.netstreamfx.app;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.bytedeco.javacpp.Loader;

/**
 * Loads FFmpeg's natives (with JavaCPP's {@code Loader.load} for the {@code org.bytedeco.ffmpeg.global}
 * classes: the shared libraries from JavaCPP's cache, extracted there once) on a background daemon thread from
 * Main's first line, so that the load, about a third of a cold start's time to the first picture
 * (docs/PERFORMANCE.md, "Startup"), runs while picocli parses the command line and JavaFX starts
 * its toolkit instead of after them. The classes' first real use runs their {@code Loader.load()},
 * which finds the libraries loaded, so nothing changes but the timing.
 *
 * <p>No other thread may start using JavaCPP while the load runs: {@link #awaitLoaded()} first.
 * JavaCPP's first loads are not safe from two threads at once (bytedeco/javacpp#737): one thread
 * in {@code Pointer}'s static initializer waits for the {@code Loader} class's lock, which the
 * other holds while {@code System.load} runs {@code JNI_OnLoad}, which waits for {@code Pointer}'s
 * initializer; both wait for ever. {@code nsfx probe} with an empty JavaCPP cache hung that way
 * 1 start in 5 (DebInstallTest). Main waits before any command but the window's; the window waits
 * on the FX thread before it opens anything, and its device thread before it looks for devices.
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

    /** Counted down when a started load ends, loaded or not; null when none was started. */
    private static volatile CountDownLatch loading;

    private NativesPreload() {
    }

    /** Starts the load in the background and returns at once; a second call starts nothing. */
    public static synchronized void start() {
        if (loading != null) {
            return;
        }
        CountDownLatch done = new CountDownLatch(1);
        loading = done;
        Thread t = DaemonThreads.named(() -> {
            try {
                load();
            } finally {
                done.countDown();
            }
        }, THREAD_NAME);
        t.start();
    }

    /**
     * Returns when the load {@link #start()} began has ended, at once when none was started: the
     * thread may then use JavaCPP. An interrupt is kept for the caller to see, after the wait.
     */
    public static void awaitLoaded() {
        CountDownLatch done = loading;
        if (done == null) {
            return;
        }
        boolean interrupted = false;
        while (true) {
            try {
                done.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
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
