package org.netstreamfx.app.ui.publisher;

import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.netstreamfx.capture.device.LoopbackDelayMeter;
import org.netstreamfx.player.net.NetStatusEvent;
import org.netstreamfx.player.net.NetStream;
import org.netstreamfx.player.sink.VideoFrame;

/**
 * The publisher's one loopback monitor at a time: opens it once the stream is on air, closes it
 * when the session ends, passes its events on while it is the current one, and hands played
 * pictures to its delay meter.
 *
 * <p>Commands run on the FX thread; {@link #measure} runs on the loopback stream's playback thread.
 */
final class LoopbackSlot {
    private final Executor callbacks;
    private final Consumer<NetStatusEvent> events;
    private final ReadOnlyObjectWrapper<NetStream> stream = new ReadOnlyObjectWrapper<>(this, "loopbackStream");
    /** The loopback player, read by its playback thread to measure. */
    private volatile LoopbackMonitor monitor;

    /**
     * @param callbacks where the engine calls back: {@code Platform::runLater}
     * @param events    gets the current monitor's NetStatus events (FX thread)
     */
    LoopbackSlot(Executor callbacks, Consumer<NetStatusEvent> events) {
        this.callbacks = callbacks;
        this.events = events;
    }

    // Called on the FX thread.

    boolean open() {
        return monitor != null;
    }

    /** Plays {@code name} back from {@code tcUrl}; {@code meter} is null when the delay cannot be measured. */
    void open(String tcUrl, String name, LoopbackDelayMeter meter) {
        LoopbackMonitor[] self = new LoopbackMonitor[1];
        self[0] = new LoopbackMonitor(callbacks, tcUrl, name, meter, e -> {
            if (self[0] == monitor && !isBufferChurn(e)) {
                events.accept(e);
            }
        });
        monitor = self[0];
        stream.set(self[0].stream());
    }

    /**
     * The monitor plays at bufferTime 0, at the live edge, so every frame that comes a little late
     * is a Buffer.Empty and the next a Buffer.Full: in the publisher's list they would bury the
     * publishing events. The delay figures show what the monitor sees; errors still pass.
     */
    static boolean isBufferChurn(NetStatusEvent e) {
        return e.code().startsWith("NetStream.Buffer.");
    }

    /** Closes the monitor, if any, on {@code closer}. */
    void close(Executor closer) {
        LoopbackMonitor m = monitor;
        monitor = null;
        stream.set(null);
        if (m != null) {
            m.close(closer);
        }
    }

    /** The current monitor's delay meter, or null. */
    LoopbackDelayMeter meter() {
        LoopbackMonitor m = monitor;
        return m == null ? null : m.meter();
    }

    ReadOnlyObjectProperty<NetStream> streamProperty() {
        return stream.getReadOnlyProperty();
    }

    // Called on the loopback stream's playback thread.

    void measure(VideoFrame frame) {
        LoopbackMonitor m = monitor;
        if (m != null) {
            m.measure(frame);
        }
    }
}
