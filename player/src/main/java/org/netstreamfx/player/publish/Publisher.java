package org.netstreamfx.player.publish;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.netstreamfx.player.media.TrackKind;
import org.netstreamfx.player.record.Recorder;
import org.netstreamfx.player.rtmp.client.RtmpConnection;

/**
 * The publishing side of a stream (Flash's NetStream.attachCamera, attachAudio, publish, send):
 * the attached camera and microphone feeds, the current {@link PublishSession}, and what outlives
 * a session (the name and type, for republishing after a reconnect; the decoder configurations;
 * the drop count). It knows nothing of the Flash API above it: what it has to say goes out as
 * {@link PublishEvent}s, and the API maps them to NetStatus events.
 *
 * <p>Nothing here waits on the caller's thread: the state changes at once, and the work that may
 * wait or must keep its order (starting and stopping feeds, which join capture and encode
 * threads; starting and closing sessions; finishing a recording) is handed, in order, to the
 * stream's worker. A stage of that worker that completes after the work queued so far therefore
 * completes after publishing has stopped. Only a lost connection ends the recording on the
 * connection's own thread, so that its Record.Stop still comes before Connect.Closed.
 *
 * <p>A Reconnect Request moves publishing make-before-break, at a keyframe ({@link PublishMove}).
 *
 * <p>Threads: the API calls in from any thread; the feeds call their {@link FeedTap} on their own
 * threads; the connection calls {@link #reconnected}, {@link #connectionDropped} and {@link
 * #connectionLost} on its reader thread.
 */
public final class Publisher {
    /** The least the outgoing queue may hold before video frames are dropped. */
    static final long MIN_QUEUE_US = 500_000;
    /** What publish() takes as its type (RTMP 7.2.2.6). */
    private static final List<String> TYPES = List.of("live", "record", "append", "appendWithGap");

    private final Consumer<PublishEvent> events;
    private final Executor worker;
    private volatile MediaFeed camera;
    private volatile MediaFeed microphone;
    /** Guarded by this: where each running feed delivers, by kind; empty while the feeds do not run. */
    private final Map<TrackKind, FeedTap> taps = new EnumMap<>(TrackKind.class);
    private volatile FeedConfig videoConfig;
    private volatile FeedConfig audioConfig;
    /** A multitrack camera's further renditions (trackId 1..). */
    private final RenditionTracks renditions = new RenditionTracks();
    private volatile PublishSession session;
    private volatile String name;
    private volatile String type;
    private volatile long droppedBefore;
    private volatile PublishRecording recording;
    /** Between a dropped connection and the reconnect: packets go to the recording only. */
    private volatile boolean offAir;
    /** A move to another connection under way (see {@link PublishMove}), or null. */
    private volatile PublishMove move;
    /** The session the media last moved away from: muted, it takes the audio captured before the move. */
    private volatile PublishSession movedFrom;
    private volatile long movedAtUs;
    private boolean feedsStarted;
    private final SendRates rates = new SendRates();
    private final PublishHealth health;

    /**
     * @param events where the pipeline's events go (the API maps them to NetStatus events); called
     *               on the pipeline's threads, it must not wait
     * @param worker the stream's own thread, which runs what it is given one task after another
     */
    public Publisher(Consumer<PublishEvent> events, Executor worker) {
        this.events = Objects.requireNonNull(events, "events");
        this.worker = Objects.requireNonNull(worker, "worker");
        this.health = new PublishHealth(System::nanoTime, f -> events.accept(new PublishEvent.Health(f)));
    }

    /** The video to publish; null detaches it. A feed replaced while publishing stops on the worker. */
    public synchronized void attachCamera(MediaFeed feed) {
        camera = replace(camera, feed, TrackKind.VIDEO);
    }

    /** The audio to publish; null detaches it. A feed replaced while publishing stops on the worker. */
    public synchronized void attachAudio(MediaFeed feed) {
        microphone = replace(microphone, feed, TrackKind.AUDIO);
    }

    private MediaFeed replace(MediaFeed old, MediaFeed feed, TrackKind kind) {
        if (feed != null && feed.kind() != kind) {
            throw new IllegalArgumentException("a " + feed.kind() + " feed cannot be attached as " + kind);
        }
        if (old != null && feedsStarted) {
            stopFeed(old);
        }
        if (feed != null && feedsStarted) {
            startFeed(feed);
        }
        if (feed == null) {
            if (kind == TrackKind.VIDEO) {
                videoConfig = null;
                renditions.clear();
            } else {
                audioConfig = null;
            }
        }
        return feed;
    }

    /** The camera, then the microphone, each if attached. */
    private void eachFeed(Consumer<MediaFeed> action) {
        for (MediaFeed feed : new MediaFeed[] {camera, microphone}) {
            if (feed != null) {
                action.accept(feed);
            }
        }
    }

    /** Under this lock: a new run of {@code feed}, started on the worker, delivering to a new tap. */
    private void startFeed(MediaFeed feed) {
        FeedTap tap = new FeedTap(this);
        taps.put(feed.kind(), tap);
        worker.execute(() -> feed.start(tap));
    }

    /** Under this lock: nothing more of the feed's run is taken, and the feed stops on the worker. */
    private void stopFeed(MediaFeed feed) {
        FeedTap tap = taps.remove(feed.kind());
        if (tap != null) {
            tap.close();
        }
        worker.execute(feed::stop);
    }

    /** Records what is published from now until publishing stops; null: no recording. */
    public synchronized void recordTo(Recorder recorder) {
        PublishRecording old = recording;
        recording = recorder == null ? null : new PublishRecording(recorder);
        if (old != null) {
            worker.execute(old::stop);
        }
    }

    /** Under this lock: nothing more is recorded, and the recording ends on {@code where}. */
    private void stopRecording(Executor where) {
        PublishRecording r = recording;
        recording = null;
        if (r != null) {
            where.execute(r::stop);
        }
    }

    /** Whether publish() is in effect. */
    public boolean publishing() {
        return session != null;
    }

    /** publish()'s type: "live", "record", "append" or "appendWithGap" (RTMP 7.2.2.6). */
    public static void checkType(String type) {
        if (!TYPES.contains(type)) {
            throw new IllegalArgumentException("publish type must be live, record, append or appendWithGap, not " + type);
        }
    }

    /**
     * Publishes {@code streamName} on {@code rc}, ending a publish in effect first; the feeds start
     * if they have not. The session starts on the worker, after the one before it has closed.
     */
    public synchronized void publish(RtmpConnection rc, String streamName, String publishType, long queueLimitUs) {
        endSession();
        offAir = false;
        name = streamName;
        type = publishType;
        droppedBefore = 0;
        health.restart();
        PublishSession s = new PublishSession(this, rc, streamName, publishType, Math.max(MIN_QUEUE_US, queueLimitUs),
                false, false);
        session = s;
        if (!feedsStarted) {
            feedsStarted = true;
            eachFeed(this::startFeed);
        }
        worker.execute(s::start);
    }

    /** Stops publishing: Unpublish.Success follows. The recording ends and the feeds stop, on the worker. */
    public synchronized void unpublish() {
        // The recording first: stopping a feed interrupts its capture thread, which would close the
        // recorder's file channel under a write in progress (ClosedByInterruptException).
        stopRecording(worker);
        endSession();
    }

    private void endSession() {
        PublishSession s = session;
        session = null;
        name = null;
        movedFrom = null;
        PublishMove m = move;
        move = null;
        if (m != null) {
            worker.execute(m.next::close);
            m.withdraw(s.ended());
        }
        stopFeeds();
        if (s != null) {
            droppedBefore += s.droppedFrames();
            worker.execute(s::close);
        }
    }

    private void stopFeeds() {
        if (!feedsStarted) {
            return;
        }
        feedsStarted = false;
        eachFeed(this::stopFeed);
        videoConfig = null;
        renditions.clear();
        audioConfig = null;
    }

    /**
     * While publishing: {@code handler(args...)} as a data message to every subscriber.
     *
     * @throws IllegalStateException before NetStream.Publish.Start
     */
    public void send(String handler, List<?> args) {
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
    public void connectionDropped() {
        offAir = true;
        dropMove();
        PublishRecording r = recording;
        if (r != null && session != null) {
            r.offAir();
        }
    }

    /** Republishes the same name on the new connection; the feeds go on, video from the next keyframe. */
    public synchronized void reconnected(RtmpConnection rc, long queueLimitUs) {
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
        PublishSession s = new PublishSession(this, rc, n, type, Math.max(MIN_QUEUE_US, queueLimitUs), true, false);
        session = s;
        offAir = false;
        s.start();
    }

    /** The connection is gone for good: publishing ends without a word to the server. */
    public synchronized void connectionLost() {
        PublishSession s = session;
        session = null;
        name = null;
        movedFrom = null;
        dropMove();
        // The recording ends here, on the connection's thread, as it always has: its Record.Stop goes
        // out before the connection's Connect.Closed. The feeds stop on the worker.
        stopRecording(Runnable::run);
        stopFeeds();
        if (s != null) {
            droppedBefore += s.droppedFrames();
            s.connectionLost();
        }
    }

    // Moving to another connection (make-before-break), called on the connections' threads.

    /** Publishes the same name on {@code rc} too, standing by; false when not publishing, off air or moving. */
    public synchronized boolean prepareMove(RtmpConnection rc, long queueLimitUs, PublishMove.Listener listener) {
        if (session == null || name == null || offAir || move != null) {
            return false;
        }
        PublishMove m = new PublishMove(this, rc, name, type, Math.max(MIN_QUEUE_US, queueLimitUs), listener);
        move = m;
        m.next.start();
        return true;
    }

    /** The move may go ahead: the media moves at the next keyframe, which the camera is asked for. */
    public void armMove() {
        PublishMove m = move;
        if (m != null) {
            m.arm();
            requestKeyframe();
        }
    }

    /** The move is given up: the standing-by publish stops; {@code why} (unless null) is a warning naming {@code target}. */
    public synchronized void abandonMove(String target, String why) {
        PublishMove m = move;
        move = null;
        if (m != null) {
            m.next.connectionLost();
        }
        if (why != null && session != null) {
            events.accept(new PublishEvent.MoveFailed(target, why));
        }
    }

    /** The old connection went: a move is given up without a word. */
    private void dropMove() {
        PublishMove m = move;
        if (m != null) {
            m.listener.failed(null);
        }
    }

    /** Under this lock: the media moves at {@code first}, which the caller then sends on the new session. */
    private synchronized void moveAt(PublishMove m, FeedPacket first) {
        PublishSession old = session;
        if (move != m || old == null) {
            return;
        }
        move = null;
        long fromMs = old.timeline().lastMs();
        long firstMs = m.next.goLive(first, old.timeline());
        old.mute();
        movedFrom = old;
        movedAtUs = first.dtsUs();
        droppedBefore += old.droppedFrames();
        session = m.next;
        worker.execute(old::close);
        events.accept(new PublishEvent.Moved(fromMs, firstMs));
        m.listener.moved(old.ended());
    }

    // Figures.

    /** The figures for the stream's info while publishing: send rates, bytes sent, the outgoing queue, frames dropped. */
    public PublishFigures figures(long nowNanos) {
        PublishSession s = session;
        double[] r = rates.sample(nowNanos, s == null ? 0 : s.bytesSent(), s == null ? 0 : s.videoFramesSent());
        return s == null ? new PublishFigures(r[0], 0, 0, droppedBefore, r[1])
                : new PublishFigures(r[0], s.bytesSent(), s.queueSpanUs(), droppedBefore + s.droppedFrames(), r[1]);
    }

    /** The health analysis of what is published (off until given a profile). */
    public PublishHealth health() {
        return health;
    }

    // Called by the session.

    /** The onMetaData sent with @setDataFrame: the feeds' properties, then the encoder. */
    Map<String, Object> metaData() {
        Map<String, Object> m = new LinkedHashMap<>();
        FeedConfig v = videoConfig;
        FeedConfig a = audioConfig;
        if (v != null) {
            m.putAll(v.metaData());
            renditions.addMetaData(m);
        }
        if (a != null) {
            m.putAll(a.metaData());
        }
        m.putIfAbsent("encoder", "NetStreamFX");
        return m;
    }

    /** The codec of the {@code kind} feed's configuration; H.264 / AAC before it has one. */
    FeedCodec codec(TrackKind kind) {
        FeedConfig c = kind == TrackKind.VIDEO ? videoConfig : audioConfig;
        return c == null ? FeedCodec.legacyDefault(kind) : c.codec();
    }

    /** The codec of video track {@code trackId} (a multitrack camera's rendition); track 0 as {@link #codec(TrackKind)}. */
    FeedCodec codec(TrackKind kind, int trackId) {
        FeedConfig c = trackId == 0 ? null : renditions.config(trackId);
        return c == null ? codec(kind) : c.codec();
    }

    /** The video trackIds in the order the outgoing queue gives them up: the highest bit rate first, track 0 last. */
    List<Integer> dropOrder() {
        return renditions.dropOrder();
    }

    /** Each video track's frames sent and dropped on the current connection, track 0 first; empty while not publishing. */
    List<TrackFigures> trackFigures() {
        PublishSession s = session;
        if (s == null || videoConfig == null) {
            return List.of();
        }
        List<TrackFigures> l = new ArrayList<>();
        l.add(s.trackFigures(0));
        renditions.configs().forEach(c -> l.add(s.trackFigures(c.trackId())));
        return l;
    }

    List<FeedConfig> configs() {
        List<FeedConfig> l = new ArrayList<>(2);
        FeedConfig v = videoConfig;
        FeedConfig a = audioConfig;
        if (v != null) {
            l.add(v);
            l.addAll(renditions.configs());
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

    /**
     * Hands {@code event} of session {@code from} to the API, on the calling thread; a muted
     * session's go to the move it stands by for, or nowhere.
     */
    void event(PublishSession from, PublishEvent event) {
        if (!from.muted()) {
            events.accept(event);
            return;
        }
        PublishMove m = move;
        if (m != null && m.next == from) {
            m.standbyEvent(event);
        }
    }

    // Called by the feeds' taps, on the feeds' threads.

    void configured(FeedConfig config) {
        if (config.trackId() != 0) {
            renditions.configured(config);
        } else if (config.kind() == TrackKind.VIDEO) {
            videoConfig = config;
        } else {
            audioConfig = config;
        }
        PublishSession s = session;
        if (s != null) {
            s.configured(config);
        }
    }

    void packet(FeedPacket packet) {
        PublishMove m = move;
        if (m != null && m.armed()) {
            synchronized (this) { // While the media may move, every feed's packet goes where the move leaves it.
                if (m.movesAt(packet, camera != null)) {
                    moveAt(m, packet);
                }
                send(packet);
            }
        } else {
            send(packet);
        }
        PublishRecording r = recording;
        if (r != null && packet.trackId() == 0) {
            // A recording holds track 0, the stream a legacy player sees.
            r.packet(packet, videoConfig, audioConfig, camera != null, microphone != null);
        }
    }

    private void send(FeedPacket packet) {
        PublishSession s = session;
        PublishSession before = movedFrom;
        if (before != null && packet.kind() == TrackKind.AUDIO && packet.dtsUs() < movedAtUs) {
            s = before; // Audio captured before the move's keyframe still ends the old stream.
        }
        if (s != null && !offAir) {
            s.packet(packet);
            health.packet(packet, videoConfig, audioConfig, camera != null, microphone != null);
        }
    }

    void feedFailed(String description) {
        events.accept(new PublishEvent.FeedFailed(description));
    }
}
