package org.netstreamfx.player.session;

import java.io.IOException;
import java.util.Map;
import org.netstreamfx.player.rtmp.client.RtmpConnection;
import org.netstreamfx.player.rtmp.client.RtmpPlayStream;
import org.netstreamfx.player.source.RtmpSource;

/**
 * One RTMP play() of a NetStream (Adobe RTMP specification 1.0, section 7.2.2): the
 * {@link RtmpPlayStream} that sends the commands (play, pause, seek, receiveAudio, receiveVideo,
 * buffer length) and the {@link RtmpSource} its media messages feed. It is the one sender of the
 * stream's commands: {@link CurrentPlay} calls it on the stream's thread, and the source only
 * flushes for a seek and hears the server's reset; it never calls back for a command. What the stream reports on
 * the connection's reader thread goes to the source, and its status events to the stream's
 * {@link SessionHost} whole.
 *
 * <p>Thread ownership: the command methods are called on the stream's thread ({@link StreamWorker},
 * through {@link CurrentPlay}; {@link #receiveAudio}/{@link #receiveVideo} also before
 * {@link #start}, when they only set what play sends); {@link Events} on the connection's reader
 * thread.
 */
public final class RtmpPlay {
    // The server's status codes this play acts on (the server's own words, as it sends them).
    private static final String PUBLISH_NOTIFY = "NetStream.Play.PublishNotify";
    private static final String UNPUBLISH_NOTIFY = "NetStream.Play.UnpublishNotify";
    private static final String STREAM_NOT_FOUND = "NetStream.Play.StreamNotFound";
    private static final String PLAY_FAILED = "NetStream.Play.Failed";

    private final CurrentPlay current;
    private final SessionHost host;
    private final RtmpSource source;
    private final RtmpPlayStream play;
    private volatile boolean paused;

    /** @param current what plays on the stream: this play reports only while it is current there */
    public RtmpPlay(CurrentPlay current, RtmpConnection rc, RtmpPlayStream.PlayRequest request, String shownName,
             long bufferTimeMs) {
        this.current = current;
        this.host = current.host();
        this.source = new RtmpSource(shownName, request.mayBeLive());
        this.play = new RtmpPlayStream(rc, request, bufferTimeMs, new Events());
        source.setDiscontinuityListener(d -> {
            if (current.isCurrent(this)) {
                host.status(new SessionEvent.LiveDiscontinuity(d));
            }
        });
    }

    /** The source the stream's media messages feed: what the session plays. */
    public RtmpSource source() {
        return source;
    }

    /** What was asked to be played. */
    public RtmpPlayStream.PlayRequest request() {
        return play.request();
    }

    void start() {
        play.start();
    }

    boolean paused() {
        return paused;
    }

    /**
     * The seek command (7.2.2.7), once the session's pipeline has flushed to {@code positionMs}
     * (its source drops what comes before the server's answer). Not sent once another play (or
     * none) is current: the seek belonged to a play that has ended.
     */
    void seek(long positionMs) {
        if (current.isCurrent(this)) {
            send(() -> play.seek(positionMs));
        }
    }

    /** The pause command with the position (7.2.2.8). */
    void pause(boolean pause, long positionMs) {
        paused = pause;
        send(() -> play.pause(pause, positionMs));
    }

    public void receiveAudio(boolean on) {
        send(() -> play.receiveAudio(on));
    }

    public void receiveVideo(boolean on) {
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
            host.status(new SessionEvent.SendFailed(e.getMessage(), host.shownName()));
        }
    }

    @FunctionalInterface
    private interface RtmpAction {
        void run() throws IOException;
    }

    /** What the RTMP stream reports, on the connection's reader thread: its media to the source, its status to the stream. */
    private final class Events extends RtmpSourceEvents {
        Events() {
            super(source);
        }

        @Override
        public void status(Map<String, Object> info) {
            if (!current.isCurrent(RtmpPlay.this)) {
                return;
            }
            Object code = info.get("code");
            if (PUBLISH_NOTIFY.equals(code) || UNPUBLISH_NOTIFY.equals(code)) {
                boolean published = PUBLISH_NOTIFY.equals(code);
                source.newTimeline(published ? "new publisher" : "publisher stopped", published);
            }
            host.serverStatus(info);
            if (STREAM_NOT_FOUND.equals(code) || PLAY_FAILED.equals(code)) {
                // The server said why; stop the local pipeline quietly so the engine does not add its own error.
                current.serverEnded(RtmpPlay.this);
            }
        }
    }
}
