package org.netstreamfx.app.ui.publisher;

import org.netstreamfx.capture.device.AudioLevel;

/**
 * The loudest of the microphone's blocks since the meter last read it. Blocks are 10 ms and the
 * meter reads four times a second: showing only the last block would miss a short sound (a clap,
 * a 100 ms beep) three times out of four. Peak and RMS are each the largest of the blocks'.
 *
 * <p>Threads: {@link #add} on the capture thread, {@link #take} on the FX thread.
 */
final class LevelHold {
    private AudioLevel held;

    /** Keeps {@code level} if it is louder than what is held. */
    synchronized void add(AudioLevel level) {
        held = held == null ? level : new AudioLevel(Math.max(held.peakDbfs(), level.peakDbfs()),
                Math.max(held.rmsDbfs(), level.rmsDbfs()));
    }

    /** The loudest since the last call (null when no block came), and starts again. */
    synchronized AudioLevel take() {
        AudioLevel l = held;
        held = null;
        return l;
    }
}
