package org.netstreamfx.player.publish;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.netstreamfx.player.amf.AmfValue.AmfNull;
import org.netstreamfx.player.amf.AmfValue.AmfNumber;
import org.netstreamfx.player.amf.AmfValue.AmfString;
import org.netstreamfx.player.flv.FlvTagBodies;
import org.netstreamfx.player.media.TrackKind;
import org.netstreamfx.player.rtmp.client.Answer;
import org.netstreamfx.player.rtmp.client.Command;
import org.netstreamfx.player.rtmp.client.OutboundQueue;
import org.netstreamfx.player.rtmp.client.RtmpConnection;
import org.netstreamfx.player.rtmp.client.RtmpWriter;
import org.netstreamfx.player.rtmp.client.StreamListener;
import org.netstreamfx.player.rtmp.message.MessageType;
import org.netstreamfx.player.rtmp.message.RtmpMessage;
import org.netstreamfx.player.rtmp.message.UserControl;

/**
 * One publish of one name on one RTMP connection (Adobe RTMP specification 1.0, 7.2.2.6), the
 * way Flash Media Live Encoder does it: releaseStream and FCPublish (for servers that want them),
 * createStream (7.2.1.3), publish(name, type). On the server's NetStream.Publish.Start it sends
 * {@code @setDataFrame onMetaData}, the AVC and AAC sequence headers (FLV annex E.4.2.1/E.4.3.1)
 * or the Enhanced RTMP SequenceStarts of the other codecs ({@link MessageBodies}), then the media
 * from the outgoing {@link PublishQueue}. Unpublishing sends each enhanced track's SequenceEnd,
 * then FCUnpublish + closeStream, waiting for Unpublish.Success, then deleteStream.
 *
 * <p><b>Flow.</b> The sender thread "nsfx-publish-send-…" moves the queue to the connection's
 * writer while the connection is writable (below its water marks), and waits while it is not; so
 * what the network cannot take waits here, where {@link PublishQueue} may drop frames, and the
 * drop policy reads the connection's writability, kept in {@link #writable} by its callback. A
 * write that makes no progress for {@link RtmpWriter#STALL_LIMIT_MS} is the connection writer's
 * verdict: {@link #writeStalled} reports it as Publish.Stalled, and the connection closes.
 *
 * <p><b>Threads.</b> {@link #start} and {@link #close} run on the stream's worker, in the order
 * asked; {@link #command} and {@link #writeStalled} on the connection's threads; {@link #packet}
 * on the feeds' threads; the thread "nsfx-publish-watch-…" retries a publish. What it has to say
 * goes to its {@link Publisher} as {@link PublishEvent}s.
 */
final class PublishSession implements StreamListener {
    /** How long unpublishing waits for the server's NetStream.Unpublish.Success. */
    static final long UNPUBLISH_WAIT_MS = 3000;
    /** How long a closing stream may take to send what is still queued. */
    static final long DRAIN_NS = TimeUnit.SECONDS.toNanos(2);
    /** After a reconnect, how often a Publish.BadName is retried (the server may still hold the old session). */
    static final int REPUBLISH_TRIES = 10;
    /** The wait between those tries. */
    static final long REPUBLISH_DELAY_MS = 1000;
    /** The socket send buffer while publishing: what cannot leave waits in the droppable queue. */
    static final int SEND_BUFFER_BYTES = 64 * 1024;
    private static final int DATA_CHUNK_STREAM = 5;
    private static final int AUDIO_CHUNK_STREAM = 6;
    private static final int VIDEO_CHUNK_STREAM = 7;
    /** The server's onStatus codes the session acts on. */
    private static final String PUBLISH_START = "NetStream.Publish.Start";
    private static final String PUBLISH_BADNAME = "NetStream.Publish.BadName";
    private static final String UNPUBLISH_SUCCESS = "NetStream.Unpublish.Success";

    private final Publisher publisher;
    private final RtmpConnection rc;
    private final String name;
    private final String type;
    private final PublishQueue queue;
    private final Thread sender;
    private final ScheduledExecutorService watchdog;
    private final CountDownLatch unpublished = new CountDownLatch(1);
    private final boolean republish;
    /** Publishes on a connection the stream moves to, and waits there until the media moves ({@link #goLive}). */
    private final boolean standby;
    /** While standing by, and once moved away from: what it has to say does not reach the user. */
    private volatile boolean muted;
    private final CompletableFuture<Void> ended = new CompletableFuture<>();
    private int badNames;
    private volatile int streamId;
    private volatile boolean live;
    private volatile boolean closing;
    private volatile boolean lost;
    private volatile long closingSinceNanos;
    /** The connection's writability, as its last callback told it. */
    private volatile boolean writable = true;
    private final OutboundQueue.WritabilityListener writability = w -> writable = w;
    private volatile long bytesSent;
    private volatile long videoFramesSent;
    private final PublishTimeline timeline = new PublishTimeline();

    /**
     * @param republish a publish after a reconnect, which retries through Publish.BadName
     * @param standby   a publish on the connection the stream moves to: on Publish.Start it sends
     *                  nothing until {@link #goLive}, and until then it is muted
     */
    PublishSession(Publisher publisher, RtmpConnection rc, String name, String type, long queueLimitUs,
            boolean republish, boolean standby) {
        this.publisher = publisher;
        this.republish = republish;
        this.standby = standby;
        this.muted = standby;
        this.rc = rc;
        this.name = name;
        this.type = type;
        this.queue = new PublishQueue(queueLimitUs);
        String suffix = rc.threadName().replace("nsfx-rtmp-read-", "");
        this.sender = new Thread(this::sendLoop, "nsfx-publish-send-" + suffix);
        this.sender.setDaemon(true);
        this.watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "nsfx-publish-watch-" + suffix);
            t.setDaemon(true);
            return t;
        });
    }

    // Called on the stream's worker.

    /**
     * releaseStream, FCPublish, createStream; publish follows createStream's answer. A session
     * that ended before it started (its connection lost) sends nothing.
     */
    void start() {
        if (closing) {
            return;
        }
        rc.limitSendBuffer(SEND_BUFFER_BYTES);
        rc.addWritabilityListener(writability);
        writable = rc.isWritable();
        rc.call("releaseStream", AmfNull.INSTANCE, List.of(new AmfString(name)), PublishAnswers.IGNORED);
        rc.call("FCPublish", AmfNull.INSTANCE, List.of(new AmfString(name)), PublishAnswers.IGNORED);
        rc.call("createStream", AmfNull.INSTANCE, List.of(), new Answer() {
            @Override
            public void result(Command result) {
                try {
                    created(PublishAnswers.streamId(result));
                } catch (IOException e) {
                    publisher.event(PublishSession.this, new PublishEvent.CreateStreamMalformed(e.getMessage()));
                }
            }

            @Override
            public void error(Command error) {
                Object d = error.payloadMap().get("description");
                String description = d instanceof String s ? s : null;
                publisher.event(PublishSession.this, new PublishEvent.CreateStreamRefused(description));
            }

            @Override
            public void failed(String description, boolean malformed) {
                publisher.event(PublishSession.this, new PublishEvent.CreateStreamFailed(description));
            }
        });
    }

    private void created(int id) throws IOException {
        if (closing) {
            rc.streamCommand(0, "deleteStream", List.of(new AmfNumber(id)));
            return;
        }
        streamId = id;
        rc.registerStream(id, this);
        rc.streamCommand(id, "publish", List.of(new AmfString(name), new AmfString(type)));
    }

    /**
     * Sends {@code handler(args...)} as a data message to every subscriber (AMF0 data, type 18);
     * false before Publish.Start or once unpublishing.
     */
    boolean send(String handler, List<?> args) {
        if (!live || closing) {
            return false;
        }
        enqueueData(FlvTagBodies.scriptData(handler, args), timeline.lastMs());
        return true;
    }

    /** Unpublishes (on the stream's worker): what is queued is sent (for at most {@link #DRAIN_NS}), then FCUnpublish + closeStream. */
    void close() {
        if (closing) {
            return;
        }
        closingSinceNanos = System.nanoTime();
        closing = true;
        if (live) {
            enqueueSequenceEnds();
        }
        queue.close();
        if (!live) {
            Thread t = new Thread(this::unpublishOnWire, sender.getName());
            t.setDaemon(true);
            t.start();
        }
    }

    /** The connection is gone: stop without a word to the server. */
    void connectionLost() {
        lost = true;
        closing = true;
        live = false;
        queue.clear();
        queue.close();
        watchdog.shutdownNow();
        rc.removeWritabilityListener(writability);
        ended.complete(null);
    }

    /** From now on what it has to say does not reach the user: the stream has moved away from it. */
    void mute() {
        muted = true;
    }

    boolean muted() {
        return muted;
    }

    /** Completes once it has ended: unpublished on the wire, or its connection lost. */
    CompletionStage<Void> ended() {
        return ended;
    }

    PublishTimeline timeline() {
        return timeline;
    }

    long droppedFrames() {
        return queue.droppedFrames();
    }

    int queueLength() {
        return queue.length();
    }

    long queueSpanUs() {
        return queue.spanUs();
    }

    long bytesSent() {
        return bytesSent;
    }

    long videoFramesSent() {
        return videoFramesSent;
    }

    TrackFigures trackFigures(int trackId) {
        return queue.trackFigures(trackId);
    }

    // Called on the feeds' threads.

    void configured(FeedConfig c) {
        if (live && !closing) {
            enqueueHeader(c);
            queue.setDropOrder(publisher.dropOrder());
        }
    }

    void packet(FeedPacket p) {
        if (!live || closing) {
            return;
        }
        long ts = timeline.stamp(p);
        if (ts == PublishTimeline.SKIPPED) {
            return;
        }
        RtmpMessage m;
        FeedCodec codec = publisher.codec(p.kind(), p.trackId());
        if (p.kind() == TrackKind.VIDEO) {
            int ct = (int) Math.min(FlvTagBodies.MAX_COMPOSITION_TIME_MS,
                    Math.floorDiv(p.ptsUs(), 1000) - Math.floorDiv(p.dtsUs(), 1000));
            m = RtmpMessage.of(VIDEO_CHUNK_STREAM, MessageType.VIDEO, ts, streamId, MessageBodies.packet(codec, p, ct));
        } else {
            m = RtmpMessage.of(AUDIO_CHUNK_STREAM, MessageType.AUDIO, ts, streamId, MessageBodies.packet(codec, p, 0));
        }
        PublishQueue.Offer r = queue.offer(new PublishQueue.Item(p.kind(), p.trackId(), p.dtsUs(), p.keyframe(), m),
                writable);
        if (r == PublishQueue.Offer.DROPPED_FIRST) {
            if (p.trackId() == 0) { // A further rendition resumes at its next GOP, keyframes staying aligned.
                publisher.requestKeyframe();
            }
            publisher.event(this, new PublishEvent.FramesDropped(queue.droppedFrames(), queue.length()));
        }
    }

    // Called on the connection's reader thread.

    @Override
    public void command(Command command) {
        Map<String, Object> info = command.payloadMap();
        Object code = info.get("code");
        if (republish && PUBLISH_BADNAME.equals(code) && !live && !closing
                && ++badNames <= REPUBLISH_TRIES) {
            Object d = info.get("description");
            publisher.event(this, new PublishEvent.Republishing(d instanceof String s ? s : null, badNames, REPUBLISH_TRIES,
                    REPUBLISH_DELAY_MS));
            try {
                watchdog.schedule(this::publishAgain, REPUBLISH_DELAY_MS, TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException stopped) {
                // The session ended meanwhile.
            }
            return;
        }
        publisher.event(this, new PublishEvent.ServerStatus(info));
        if (PUBLISH_START.equals(code) && !closing && !live && !standby) {
            beginMedia(0, true);
        } else if (UNPUBLISH_SUCCESS.equals(code)) {
            unpublished.countDown();
        }
    }

    @Override
    public void media(RtmpMessage message) {
        // A publishing stream receives no media.
    }

    @Override
    public void userControl(UserControl event) {
        // Nothing to do for a publishing stream.
    }

    // Called on the connection writer's watch thread.

    @Override
    public void writeStalled(String description) {
        publisher.event(this, new PublishEvent.Stalled(RtmpWriter.STALL_LIMIT_MS));
    }

    // Called on the watchdog thread.

    private void publishAgain() {
        int id = streamId;
        if (closing || id == 0) {
            return;
        }
        try {
            rc.streamCommand(id, "publish", List.of(new AmfString(name), new AmfString(type)));
        } catch (IOException e) {
            // The connection is gone; its end is reported by the NetConnection.
        }
    }

    /**
     * A standing-by session goes on air at {@code first}, the packet the media moves at (a video
     * keyframe, or audio): its timestamps go on from {@code before}'s, and onMetaData and the
     * sequence headers go out at {@code first}'s timestamp, which is returned; {@code first}
     * itself is the caller's to send next.
     */
    long goLive(FeedPacket first, PublishTimeline before) {
        timeline.continueFrom(before);
        long ts = timeline.startAt(first);
        muted = false;
        beginMedia(ts, false);
        return ts;
    }

    /** onMetaData at {@code metaDataMs}, the sequence headers, then the media; {@code askKeyframe}: of the camera. */
    private void beginMedia(long metaDataMs, boolean askKeyframe) {
        enqueueData(FlvTagBodies.scriptData("@setDataFrame",
                List.of("onMetaData", FlvTagBodies.ecmaArray(publisher.metaData()))), metaDataMs);
        for (FeedConfig c : publisher.configs()) {
            enqueueHeader(c);
        }
        queue.setDropOrder(publisher.dropOrder());
        live = true;
        if (askKeyframe) {
            publisher.requestKeyframe();
        }
        sender.start();
    }

    /**
     * A legacy sequence header goes at the stream's last timestamp; an enhanced SequenceStart at its
     * own track's (0 before its first packet), because a reader such as FFmpeg 8 takes it into that
     * track's timeline, and a feed configured while the other one is already on air would put it
     * after the track's first frames (whose timestamps, clamped at the stream's base, may be 0).
     */
    private void enqueueHeader(FeedConfig c) {
        long ts = c.codec().legacy() ? timeline.lastMs() : timeline.lastMs(c.kind());
        enqueueControl(c, MessageBodies.header(c), ts);
    }

    /** Ends each enhanced track with its SequenceEnd (legacy tracks have none), after its last packet. */
    private void enqueueSequenceEnds() {
        long ts = timeline.lastMs();
        for (FeedConfig c : publisher.configs()) {
            byte[] end = MessageBodies.end(c);
            if (end != null) {
                enqueueControl(c, end, ts);
            }
        }
    }

    private void enqueueControl(FeedConfig c, byte[] body, long ts) {
        RtmpMessage m = c.kind() == TrackKind.VIDEO
                ? RtmpMessage.of(VIDEO_CHUNK_STREAM, MessageType.VIDEO, ts, streamId, body)
                : RtmpMessage.of(AUDIO_CHUNK_STREAM, MessageType.AUDIO, ts, streamId, body);
        queue.offer(new PublishQueue.Item(null, 0, true, m));
    }

    private void enqueueData(byte[] body, long ts) {
        queue.offer(new PublishQueue.Item(null, 0, true,
                RtmpMessage.of(DATA_CHUNK_STREAM, MessageType.DATA_AMF0, ts, streamId, body)));
    }

    // Called on the sender thread.

    private void sendLoop() {
        try {
            while (!lost) {
                if (closing && System.nanoTime() - closingSinceNanos > DRAIN_NS) {
                    queue.clear();
                }
                PublishQueue.Item item = queue.poll(200);
                if (item == null) {
                    if (closing) {
                        break;
                    }
                    continue;
                }
                if (!awaitWritable()) {
                    if (lost) {
                        break;
                    }
                    continue; // Closing, and the time to drain is over: the next round clears the queue.
                }
                if (!rc.offerMedia(item.message())) {
                    queue.countRefused();
                    continue;
                }
                bytesSent += item.message().length();
                if (item.kind() == TrackKind.VIDEO) {
                    videoFramesSent++;
                    queue.countSent(item.trackId());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // The connection is ending: its reader reports it, and the NetStream stops us.
            ended.complete(null);
            return;
        }
        if (closing && !lost) {
            unpublishOnWire();
        }
    }

    /** Waits until the connection is writable; false once lost, or closing past {@link #DRAIN_NS}. */
    private boolean awaitWritable() throws InterruptedException, IOException {
        while (!lost) {
            if (rc.awaitWritable(200)) {
                return true;
            }
            if (closing && System.nanoTime() - closingSinceNanos > DRAIN_NS) {
                return false;
            }
        }
        return false;
    }

    private void unpublishOnWire() {
        int id = streamId;
        boolean wasLive = live;
        try {
            // The media handed to the writer goes out before the commands that end the stream.
            long drainLeftMs = TimeUnit.NANOSECONDS.toMillis(closingSinceNanos + DRAIN_NS - System.nanoTime());
            rc.awaitMediaWritten(Math.max(0, drainLeftMs));
            rc.call("FCUnpublish", AmfNull.INSTANCE, List.of(new AmfString(name)), PublishAnswers.IGNORED);
            if (id != 0) {
                rc.streamCommand(id, "closeStream", List.of());
                if (wasLive) {
                    unpublished.await(UNPUBLISH_WAIT_MS, TimeUnit.MILLISECONDS);
                }
                rc.unregisterStream(id);
                rc.streamCommand(0, "deleteStream", List.of(new AmfNumber(id)));
            }
        } catch (IOException e) {
            // The connection is gone, and the stream on the server with it.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            watchdog.shutdownNow();
            rc.removeWritabilityListener(writability);
        }
        ended.complete(null);
        if (wasLive && unpublished.getCount() > 0) {
            publisher.event(this, new PublishEvent.Unpublished());
        }
    }
}
