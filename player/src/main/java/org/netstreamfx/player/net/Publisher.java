package org.netstreamfx.player.net;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.netstreamfx.player.media.TrackKind;
import org.netstreamfx.player.publish.FeedConfig;
import org.netstreamfx.player.publish.FeedPacket;
import org.netstreamfx.player.publish.FeedSink;
import org.netstreamfx.player.publish.MediaFeed;
import org.netstreamfx.player.rtmp.client.RtmpConnection;

/**
 * The publishing side of a {@link NetStream}: the attached camera and microphone feeds, the
 * current {@link PublishSession}, and what outlives a session (the name and type, for republishing
 * after a reconnect; the decoder configurations; the drop count).
 *
 * <p>Threads: the NetStream calls in from any thread; the feeds call the {@link FeedSink} methods
 * on their own threads; the connection calls {@link #reconnected} and {@link #connectionLost} on
 * its reader thread.
 */
final class Publisher implements FeedSink {
    /** The least the outgoing queue may hold before video frames are dropped. */
    static final long MIN_QUEUE_US = 500_000;

    private final NetStream owner;
    private volatile MediaFeed camera;
    private volatile MediaFeed microphone;
    private volatile FeedConfig videoConfig;
    private volatile FeedConfig audioConfig;
    private volatile PublishSession session;
    private volatile String name;
    private volatile String type;
    private volatile long droppedBefore;
    private volatile PublishRecording recording;
    /** Between a dropped connection and the reconnect: packets go to the recording only. */
    private volatile boolean offAir;
    private boolean feedsStarted;
    // Guarded by this: the rate meter of rates().
    private long rateNanos;
    private long rateBytes;
    private long rateFrames;
    private double[] lastRates = {0, 0};

    Publisher(NetStream owner) {
        this.owner = owner;
    }

    synchronized void attachCamera(MediaFeed feed) {
        camera = replace(camera, feed, TrackKind.VIDEO);
    }

    synchronized void attachAudio(MediaFeed feed) {
        microphone = replace(microphone, feed, TrackKind.AUDIO);
    }

    private MediaFeed replace(MediaFeed old, MediaFeed feed, TrackKind kind) {
        if (feed != null && feed.kind() != kind) {
            throw new IllegalArgumentException("a " + feed.kind() + " feed cannot be attached as " + kind);
        }
        if (old != null && feedsStarted) {
            old.stop();
        }
        if (feed != null && feedsStarted) {
            feed.start(this);
        }
        if (feed == null) {
            if (kind == TrackKind.VIDEO) {
                videoConfig = null;
            } else {
                audioConfig = null;
            }
        }
        return feed;
    }

    /** Records what is published from now until publishing stops; null: no recording. */
    synchronized void recordTo(org.netstreamfx.player.record.Recorder recorder) {
        PublishRecording old = recording;
        recording = recorder == null ? null : new PublishRecording(recorder);
        if (old != null) {
            old.stop();
        }
    }

    private void stopRecording() {
        PublishRecording r = recording;
        recording = null;
        if (r != null) {
            r.stop();
        }
    }

    boolean publishing() {
        return session != null;
    }

    /** Publishes {@code streamName} on {@code rc}; the feeds start now if they have not. */
    /** publish()'s type: "live", "record", "append" or "appendWithGap" (RTMP 7.2.2.6). */
    static void checkType(String type) {
        if (!List.of("live", "record", "append", "appendWithGap").contains(type)) {
            throw new IllegalArgumentException("publish type must be live, record, append or appendWithGap, not " + type);
        }
    }

    synchronized void publish(RtmpConnection rc, String streamName, String publishType, long queueLimitUs) {
        endSession();
        offAir = false;
        name = streamName;
        type = publishType;
        droppedBefore = 0;
        PublishSession s = new PublishSession(this, rc, streamName, publishType, Math.max(MIN_QUEUE_US, queueLimitUs),
                false);
        session = s;
        if (!feedsStarted) {
            feedsStarted = true;
            MediaFeed c = camera;
            MediaFeed m = microphone;
            if (c != null) {
                c.start(this);
            }
            if (m != null) {
                m.start(this);
            }
        }
        s.start();
    }

    /** Stops publishing: Unpublish.Success follows. The feeds stop. */
    synchronized void unpublish() {
        // The recording first: stopping a feed interrupts its capture thread, which would close the
        // recorder's file channel under a write in progress (ClosedByInterruptException).
        stopRecording();
        endSession();
    }

    private void endSession() {
        PublishSession s = session;
        session = null;
        name = null;
        stopFeeds();
        if (s != null) {
            droppedBefore += s.droppedFrames();
            s.close();
        }
    }

    private void stopFeeds() {
        if (!feedsStarted) {
            return;
        }
        feedsStarted = false;
        MediaFeed c = camera;
        MediaFeed m = microphone;
        if (c != null) {
            c.stop();
        }
        if (m != null) {
            m.stop();
        }
        videoConfig = null;
        audioConfig = null;
    }

    void send(String handler, List<?> args) {
        PublishSession s = session;
        if (s == null) {
            throw new IllegalStateException("NetStream.send: the stream is not publishing (call publish() first)");
        }
        if (!s.send(handler, args)) {
            throw new IllegalStateException("NetStream.send: not published yet; wait for NetStream.Publish.Start");
        }
    }

    // Called on the connection's reader thread.

    /**
     * The connection dropped, a reconnect follows: nothing more is queued for the dead socket (its
     * queue would only fill, drop and ask the encoder for keyframe after keyframe) and the
     * recording notes that from here nothing is sent.
     */
    void connectionDropped() {
        offAir = true;
        PublishRecording r = recording;
        if (r != null && session != null) {
            r.offAir();
        }
    }

    /** Republishes the same name on the new connection; the feeds go on, video from the next keyframe. */
    synchronized void reconnected(RtmpConnection rc, long queueLimitUs) {
        PublishSession old = session;
        String n = name;
        if (old == null || n == null) {
            return;
        }
        old.connectionLost();
        droppedBefore += old.droppedFrames();
        PublishRecording r = recording;
        if (r != null) {
            r.onAir();
        }
        PublishSession s = new PublishSession(this, rc, n, type, Math.max(MIN_QUEUE_US, queueLimitUs), true);
        session = s;
        offAir = false;
        s.start();
    }

    synchronized void connectionLost() {
        PublishSession s = session;
        session = null;
        name = null;
        stopRecording();
        stopFeeds();
        if (s != null) {
            droppedBefore += s.droppedFrames();
            s.connectionLost();
        }
    }

    // Figures.

    long droppedFrames() {
        PublishSession s = session;
        return droppedBefore + (s == null ? 0 : s.droppedFrames());
    }

    int queueLength() {
        PublishSession s = session;
        return s == null ? 0 : s.queueLength();
    }

    long queueSpanUs() {
        PublishSession s = session;
        return s == null ? 0 : s.queueSpanUs();
    }

    long bytesSent() {
        PublishSession s = session;
        return s == null ? 0 : s.bytesSent();
    }

    /** NetStream.info() while publishing: send rates, bytes sent, the outgoing queue, frames dropped. */
    NetStreamInfo info(long nowNanos) {
        double[] r = rates(nowNanos);
        return new NetStreamInfo(r[0], bytesSent(), 0, queueSpanUs() / 1e6, 0, 0, 0, droppedFrames(), 0, 0, 0, 0, r[1], 0);
    }

    /** Bytes and video frames sent per second since the previous call (at least 250 ms apart). */
    synchronized double[] rates(long nowNanos) {
        PublishSession s = session;
        long bytes = s == null ? 0 : s.bytesSent();
        long frames = s == null ? 0 : s.videoFramesSent();
        if (rateNanos != 0 && nowNanos - rateNanos >= 250_000_000L && bytes >= rateBytes && frames >= rateFrames) {
            double seconds = (nowNanos - rateNanos) / 1e9;
            lastRates = new double[] {(bytes - rateBytes) / seconds, (frames - rateFrames) / seconds};
        }
        if (rateNanos == 0 || nowNanos - rateNanos >= 250_000_000L || bytes < rateBytes) {
            rateNanos = nowNanos;
            rateBytes = bytes;
            rateFrames = frames;
        }
        return lastRates.clone();
    }

    // Called by the session.

    /** The onMetaData sent with @setDataFrame: the feeds' properties, then the encoder. */
    Map<String, Object> metaData() {
        Map<String, Object> m = new LinkedHashMap<>();
        FeedConfig v = videoConfig;
        FeedConfig a = audioConfig;
        if (v != null) {
            m.putAll(v.metaData());
        }
        if (a != null) {
            m.putAll(a.metaData());
        }
        m.putIfAbsent("encoder", "NetStreamFX");
        return m;
    }

    List<FeedConfig> configs() {
        List<FeedConfig> l = new ArrayList<>(2);
        FeedConfig v = videoConfig;
        FeedConfig a = audioConfig;
        if (v != null) {
            l.add(v);
        }
        if (a != null) {
            l.add(a);
        }
        return l;
    }

    void requestKeyframe() {
        MediaFeed c = camera;
        if (c != null) {
            c.requestKeyframe();
        }
    }

    void serverStatus(Map<String, Object> info) {
        owner.dispatchServerStatus(info);
    }

    void localStatus(NetStatusCode code, String description, Object details) {
        owner.dispatchStatus(code, description, details);
    }

    // FeedSink: called on the feeds' threads.

    @Override
    public void configure(FeedConfig config) {
        if (config.kind() == TrackKind.VIDEO) {
            videoConfig = config;
        } else {
            audioConfig = config;
        }
        PublishSession s = session;
        if (s != null) {
            s.configured(config);
        }
    }

    @Override
    public void packet(FeedPacket packet) {
        PublishSession s = session;
        if (s != null && !offAir) {
            s.packet(packet);
        }
        PublishRecording r = recording;
        if (r != null) {
            r.packet(packet, videoConfig, audioConfig, camera != null, microphone != null);
        }
    }

    @Override
    public void failed(String description) {
        owner.dispatchStatus(NetStatusCode.NSFX_PUBLISH_FEEDFAILED, description, null);
    }
}
