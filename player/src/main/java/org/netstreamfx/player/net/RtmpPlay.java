package org.netstreamfx.player.net;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.netstreamfx.player.rtmp.client.RtmpConnection;
import org.netstreamfx.player.rtmp.client.RtmpPlayStream;
import org.netstreamfx.player.rtmp.message.RtmpMessage;
import org.netstreamfx.player.source.RtmpSource;

/**
 * One RTMP play() of a {@link NetStream} (Adobe RTMP specification 1.0, section 7.2.2): the
 * {@link RtmpPlayStream} that sends the commands (play, pause, seek, receiveAudio, receiveVideo,
 * buffer length) and the {@link RtmpSource} its media messages feed. What the stream reports on
 * the connection's reader thread goes to the source, and its status events to the NetStream whole.
 *
 * <p>Thread ownership: the command methods are called by the NetStream's public methods on any
 * thread; {@link Events} on the connection's reader thread.
 */
final class RtmpPlay {
    private final NetStream stream;
    private final RtmpSource source;
    private final RtmpPlayStream play;
    private volatile boolean paused;

    RtmpPlay(NetStream stream, RtmpConnection rc, RtmpPlayStream.PlayRequest request, String shownName,
             long bufferTimeMs) {
        this.stream = stream;
        this.source = new RtmpSource(shownName, request.mayBeLive());
        this.play = new RtmpPlayStream(rc, request, bufferTimeMs, new Events());
        source.setSeekHandler(ms -> send(() -> play.seek(ms)));
        source.setDiscontinuityListener(d -> {
            if (!stream.current().isCurrent(this)) {
                return;
            }
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("reason", d.reason());
            details.put("fromMs", d.fromMs());
            details.put("toMs", d.toMs());
            details.put("jumpMs", d.jumpMs());
            details.put("continuesAt", d.continuesAtMs() / 1000.0);
            stream.dispatchStatus(NetStatusCode.NSFX_LIVE_DISCONTINUITY, "Live timestamps jumped from " + d.fromMs()
                    + " ms to " + d.toMs() + " ms (" + d.reason() + ", " + (d.jumpMs() >= 0 ? "+" : "") + d.jumpMs()
                    + " ms): the timeline goes on without waiting for them.", details);
        });
    }

    RtmpSource source() {
        return source;
    }

    RtmpPlayStream.PlayRequest request() {
        return play.request();
    }

    void start() {
        play.start();
    }

    boolean paused() {
        return paused;
    }

    /** The pause command with the position (7.2.2.8). */
    void pause(boolean pause, long positionMs) {
        paused = pause;
        send(() -> play.pause(pause, positionMs));
    }

    void receiveAudio(boolean on) {
        send(() -> play.receiveAudio(on));
    }

    void receiveVideo(boolean on) {
        send(() -> play.receiveVideo(on));
    }

    void setBufferTimeMs(long ms) {
        send(() -> play.setBufferTimeMs(ms));
    }

    /** The connection is gone: the source fails with {@code description}. */
    void connectionLost(String description) {
        source.fail(new IOException(description));
    }

    void close() {
        play.close();
        source.close();
    }

    /** Sends a command for the RTMP stream; a broken connection is reported by the connection. */
    private void send(RtmpAction action) {
        try {
            action.run();
        } catch (IOException e) {
            stream.dispatchStatus(NetStatusCode.NETSTREAM_PLAY_FAILED, "Could not send to the server: "
                    + e.getMessage(), stream.shownName());
        }
    }

    @FunctionalInterface
    private interface RtmpAction {
        void run() throws IOException;
    }

    /** What the RTMP stream reports, on the connection's reader thread. */
    private final class Events implements RtmpPlayStream.Events {
        @Override
        public void recorded() {
            source.markRecorded();
        }

        @Override
        public void status(Map<String, Object> info) {
            if (!stream.current().isCurrent(RtmpPlay.this)) {
                return;
            }
            Object code = info.get("code");
            if ("NetStream.Play.PublishNotify".equals(code) || "NetStream.Play.UnpublishNotify".equals(code)) {
                boolean published = NetStatusCode.NETSTREAM_PLAY_PUBLISHNOTIFY.code().equals(code);
                source.newTimeline(published ? "new publisher" : "publisher stopped", published);
            }
            stream.dispatchServerStatus(info);
            if ("NetStream.Play.StreamNotFound".equals(code) || "NetStream.Play.Failed".equals(code)) {
                // The server said why; stop the local pipeline quietly so the engine does not add its own error.
                stream.current().serverEnded(RtmpPlay.this);
            }
        }

        @Override
        public void media(RtmpMessage message) {
            source.offer(message);
        }

        @Override
        public void reset() {
            source.reset();
        }

        @Override
        public void end() {
            source.end();
        }

        @Override
        public void failed(String description) {
            source.fail(new IOException(description));
        }
    }
}
