package org.netstreamfx.app.ui;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.netstreamfx.app.DaemonThreads;

/** The views' background threads: one named daemon thread per executor, so none keeps the app alive. */
public final class Daemons {
    private Daemons() {
    }

    /** An executor that runs its tasks one after the other on one daemon thread called {@code name}. */
    public static ExecutorService single(String name) {
        return Executors.newSingleThreadExecutor(r -> DaemonThreads.named(r, name));
    }
}
