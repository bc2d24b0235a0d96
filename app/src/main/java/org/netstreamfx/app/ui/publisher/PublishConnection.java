package org.netstreamfx.app.ui.publisher;

import org.netstreamfx.player.health.Profile;
import org.netstreamfx.player.net.RecordEvents;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.netstreamfx.capture.device.AudioBlock;
import org.netstreamfx.capture.device.VideoFrame;
import org.netstreamfx.capture.feed.CameraEncodingFeed;
import org.netstreamfx.capture.feed.MicrophoneFeed;
import org.netstreamfx.player.net.NetConnection;
import org.netstreamfx.player.net.NetStatusCode;
import org.netstreamfx.player.net.NetStatusEvent;
import org.netstreamfx.player.net.NetStream;
import org.netstreamfx.player.record.FlvRecorder;
import org.netstreamfx.player.record.FragmentedMp4Recorder;
import org.netstreamfx.player.record.RecordListener;
import org.netstreamfx.player.record.Recorder;
import org.netstreamfx.player.rtmp.client.ReconnectPolicy;

/**
 * The engine objects of one publishing session: its {@link NetConnection} and the
 * {@link NetStream} that publishes the feeds (and records them, if asked), wired to the
 * {@link PublisherViewModel}'s handlers, which tell the sessions apart by this object.
 *
 * <p>Threads: created, started and closed on the FX thread; closing runs on the I/O executor
 * given, as the engine's close may wait.
 */
final class PublishConnection {
    private final Executor callbacks;
    private final BiConsumer<PublishConnection, NetStatusEvent> onConnection;
    private final BiConsumer<PublishConnection, NetStatusEvent> onStream;
    private final NetConnection connection;
    private final NetStream stream;

    /**
     * Creates the connection and stream, not yet connected: {@link #start} connects.
     *
     * @param callbacks    where the engine calls back: {@code Platform::runLater}
     * @param onConnection told of the connection's events, with this session
     * @param onStream     told of the stream's events (and the recording's), with this session
     */
    PublishConnection(Executor callbacks, BiConsumer<PublishConnection, NetStatusEvent> onConnection,
                      BiConsumer<PublishConnection, NetStatusEvent> onStream) {
        this.callbacks = callbacks;
        this.onConnection = onConnection;
        this.onStream = onStream;
        this.connection = new NetConnection(callbacks);
        this.stream = new NetStream(connection);
    }

    /** The stream that publishes. */
    NetStream stream() {
        return stream;
    }

    /**
     * Attaches the feeds (either may be null; their pictures and sound blocks also go to
     * {@code frames} and {@code blocks}), bounds the outgoing queue at
     * {@link PublisherViewModel#QUEUE_LIMIT_S}, records to {@code recordFile} (FLV, or fragmented
     * MP4 for .mp4/.m4v/.mov; null: no recording), judges what it sends by {@code health} (its
     * findings come as NetStreamFX.Health events), and connects to {@code tcUrl}, reconnecting
     * {@link PublisherViewModel#RECONNECT_TRIES} times after an unexpected close. A URL the
     * engine refuses comes back as NetConnection.Connect.Failed.
     */
    void start(String tcUrl, CameraEncodingFeed<?> camera, MicrophoneFeed microphone, Path recordFile,
               Consumer<VideoFrame> frames, Consumer<AudioBlock> blocks, Profile health) {
        stream.setHealthProfile(health);
        if (camera != null) {
            camera.setFrameObserver(frames);
            stream.attachCamera(camera);
        }
        if (microphone != null) {
            microphone.setBlockObserver(blocks);
            stream.attachAudio(microphone);
        }
        stream.setBufferTime(PublisherViewModel.QUEUE_LIMIT_S);
        if (recordFile != null) {
            stream.recordPublished(recorder(recordFile, RecordEvents.forwardingTo(e -> onStream.accept(this, e))));
        }
        stream.addNetStatusListener(e -> onStream.accept(this, e));
        connection.addNetStatusListener(e -> onConnection.accept(this, e));
        connection.setRtmpOptions(connection.rtmpOptions().withReconnect(ReconnectPolicy.tries(PublisherViewModel.RECONNECT_TRIES)));
        try {
            connection.connect(tcUrl);
        } catch (IllegalArgumentException | IllegalStateException e) {
            onConnection.accept(this, NetStatusEvent.of(NetStatusCode.NETCONNECTION_CONNECT_FAILED, e.getMessage(),
                    null, System.nanoTime()));
        }
    }

    private Recorder recorder(Path file, RecordListener listener) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".mp4") || n.endsWith(".m4v") || n.endsWith(".mov")
                ? new FragmentedMp4Recorder(file, callbacks, listener) : new FlvRecorder(file, callbacks, listener);
    }

    /** Closes the stream, then the connection, on {@code io}. */
    void close(Executor io) {
        io.execute(() -> {
            stream.close();
            connection.close();
        });
    }
}
