package org.netstreamfx.app.ui.publisher;

import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.netstreamfx.capture.device.LoopbackDelayMeter;
import org.netstreamfx.player.net.NetConnection;
import org.netstreamfx.player.net.NetStatusCode;
import org.netstreamfx.player.net.NetStatusEvent;
import org.netstreamfx.player.net.NetStream;
import org.netstreamfx.player.rtmp.client.ReconnectPolicy;
import org.netstreamfx.player.sink.VideoFrame;

/**
 * Plays back what is being published, from the server, on a second NetConnection and NetStream
 * with bufferTime 0 (as little delay as the player adds), and, when the camera is the test
 * camera, measures each played picture's glass-to-glass delay with a {@link LoopbackDelayMeter}.
 *
 * <p>Commands run on the FX thread; {@link #measure} runs on the loopback stream's playback
 * thread; closing (which waits for the playback threads) runs on the executor given to {@link
 * #close}.
 */
final class LoopbackMonitor {
    /** Reconnect tries of the loopback player: it follows the publisher's reconnects. */
    static final int RECONNECT_TRIES = 10;

    private final NetConnection connection;
    private final NetStream stream;
    private final LoopbackDelayMeter meter;

    /**
     * Connects to {@code tcUrl} and plays {@code name} live once connected.
     *
     * @param meter  the test camera's meter, or null when the camera has no frame counter
     * @param events every NetStatus event of the loopback player (on {@code callbacks})
     */
    LoopbackMonitor(Executor callbacks, String tcUrl, String name, LoopbackDelayMeter meter,
                    Consumer<NetStatusEvent> events) {
        this.meter = meter;
        connection = new NetConnection(callbacks);
        connection.setRtmpOptions(connection.rtmpOptions().withReconnect(ReconnectPolicy.tries(RECONNECT_TRIES)));
        stream = new NetStream(connection);
        stream.setBufferTime(0);
        // The monitor is for the eyes: its sound would echo the microphone.
        stream.setVolume(0);
        stream.addNetStatusListener(events::accept);
        connection.addNetStatusListener(e -> {
            events.accept(e);
            if (e.is(NetStatusCode.NETCONNECTION_CONNECT_SUCCESS)) {
                stream.play(name, -1, -1, true);
            }
        });
        connection.connect(tcUrl);
    }

    /** The stream a Video node attaches to. */
    NetStream stream() {
        return stream;
    }

    /** The meter, or null when the delay cannot be measured (not the test camera). */
    LoopbackDelayMeter meter() {
        return meter;
    }

    // Called on the loopback stream's playback thread.

    /** Reads the frame counter of one played picture. */
    void measure(VideoFrame frame) {
        if (meter != null) {
            meter.measure(frame.pixels(), frame.width(), frame.height(), frame.strideBytes());
        }
    }

    /** Closes the stream and the connection on {@code closer}. */
    void close(Executor closer) {
        closer.execute(() -> {
            stream.close();
            connection.close();
        });
    }
}
