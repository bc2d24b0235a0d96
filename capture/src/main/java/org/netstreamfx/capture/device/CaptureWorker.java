package org.netstreamfx.capture.device;


/**
 * The named thread of one capture. The thread owns the device handle from {@link #start()} on:
 * {@link #loop()} uses it and {@link #release()} closes it, both on that thread.
 * {@link #close()} may be called from any thread, any number of times.
 */
abstract class CaptureWorker implements AutoCloseable {
    /** How long {@link #close()} waits for a capture thread blocked in a device read. */
    static final long CLOSE_WAIT_MS = 3000;

    private final Thread thread;
    private volatile boolean closing;

    CaptureWorker(String threadName) {
        thread = new Thread(this::run, threadName);
        thread.setDaemon(true);
    }

    final void start() {
        thread.start();
    }

    final boolean closing() {
        return closing;
    }

    /** Interrupts the capture thread without closing: a watchdog waking a read that will never return. */
    final void interruptCapture() {
        thread.interrupt();
    }

    // Called on the capture thread.

    /** Captures until closed (interrupted) or the device fails. */
    protected abstract void loop() throws InterruptedException, DeviceException;

    /** Closes the device handle; called once, on the capture thread, when the loop ends. */
    protected abstract void release();

    /** Reports a failure to the listener; not called once {@link #close()} has begun. */
    protected abstract void failed(DeviceException failure);

    private void run() {
        try {
            loop();
        } catch (InterruptedException e) {
            // close() interrupts: the normal way out.
        } catch (DeviceException e) {
            if (!closing) {
                failed(e);
            }
        } finally {
            release();
        }
    }

    // Called on any thread.

    @Override
    public void close() {
        closing = true;
        if (Thread.currentThread() == thread) {
            return; // a listener closing its own capture: the loop ends after this callback
        }
        thread.interrupt();
        try {
            thread.join(CLOSE_WAIT_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
