package org.netstreamfx.capture.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sound.sampled.TargetDataLine;
import org.junit.jupiter.api.Test;
import org.netstreamfx.capture.device.DeviceException.Reason;

/**
 * A line whose {@code read} waits for data that never comes, as Java Sound's does when ALSA's pulse
 * plugin answers "try again" after the sound server died (seen once in CI: no failure for 10 s).
 * Java Sound's read swallows interrupts, so only stopping the line ends it: the watchdog must.
 */
class SoundMicrophoneWatchdogTest {
    /** A line that delivers {@code blocksBeforeHang} reads of data, then blocks in read until stopped. */
    private static final class HangingLine {
        final CountDownLatch stopped = new CountDownLatch(1);
        final AtomicInteger reads = new AtomicInteger();
        final int blocksBeforeHang;

        HangingLine(int blocksBeforeHang) {
            this.blocksBeforeHang = blocksBeforeHang;
        }

        /** Java Sound's read: waits until the line is stopped, and swallows interrupts. */
        private void awaitStopIgnoringInterrupts() {
            while (stopped.getCount() > 0) {
                try {
                    stopped.await();
                } catch (InterruptedException swallowed) {
                    // as DirectAudioDevice's read does
                }
            }
        }

        TargetDataLine line() {
            return (TargetDataLine) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {TargetDataLine.class}, (proxy, method, args) -> {
                        switch (method.getName()) {
                            case "read":
                                if (reads.incrementAndGet() <= blocksBeforeHang) {
                                    return args[2];
                                }
                                awaitStopIgnoringInterrupts();
                                return 0;
                            case "stop":
                                stopped.countDown();
                                return null;
                            case "isOpen":
                                return true;
                            case "available":
                                return 0;
                            default:
                                return method.getReturnType() == boolean.class ? false : null;
                        }
                    });
        }
    }

    private static final class Listener implements AudioBlockListener {
        final AtomicInteger blocks = new AtomicInteger();
        final CompletableFuture<DeviceException> failure = new CompletableFuture<>();

        @Override
        public void onAudio(AudioBlock block) {
            blocks.incrementAndGet();
        }

        @Override
        public void onCaptureFailed(DeviceException e) {
            failure.complete(e);
        }
    }

    private static final Microphone MIC = new SilenceMicrophone();

    @Test
    void aReadThatNeverReturnsIsStoppedByTheWatchdogAndReportedAsDisconnected() throws Exception {
        HangingLine hanging = new HangingLine(20);
        Listener listener = new Listener();
        long startNs = System.nanoTime();
        try (AudioCapture capture = SoundMicrophone.Capture.start(MIC, new PcmFormat(44100, 2),
                CaptureClock.system(), listener, hanging.line())) {
            DeviceException e = listener.failure.get(SoundMicrophone.WATCHDOG_MS + 10_000, TimeUnit.MILLISECONDS);
            long afterMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNs);
            assertEquals(Reason.DISCONNECTED, e.reason());
            assertEquals(MIC.id(), e.deviceId());
            assertTrue(e.getMessage().contains("\"" + MIC.id() + "\" stopped delivering"), e.getMessage());
            assertEquals(0, hanging.stopped.getCount(), "the watchdog stopped the line");
            assertTrue(afterMs >= SoundMicrophone.WATCHDOG_MS, "not before the watchdog's limit: " + afterMs + " ms");
            assertEquals(20, listener.blocks.get(),
                    "every block read before the hang was delivered");
        }
    }

    @Test
    void closingACaptureStuckInARead() throws Exception {
        HangingLine hanging = new HangingLine(0);
        Listener listener = new Listener();
        AudioCapture capture = SoundMicrophone.Capture.start(MIC, new PcmFormat(48000, 1), CaptureClock.system(),
                listener, hanging.line());
        capture.close();
        assertTrue(hanging.stopped.await(SoundMicrophone.WATCHDOG_MS + 10_000, TimeUnit.MILLISECONDS),
                "the watchdog ends the read a close could not");
        assertFalse(listener.failure.isDone(), "a closed capture reports nothing");
    }
}
