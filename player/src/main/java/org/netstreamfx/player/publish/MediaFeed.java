package org.netstreamfx.player.publish;

import org.netstreamfx.player.media.TrackKind;

/**
 * Encoded media for a publishing NetStream (the engine's side of Flash's
 * {@code NetStream.attachCamera} / {@code attachAudio}): a camera plus an H.264 encoder, a
 * microphone plus an AAC encoder, or anything else that makes FLV-compatible packets. The player
 * module knows nothing of devices or encoders; the capture module implements this.
 *
 * <p>Threads: {@link #start} returns at once; the feed then calls its {@link FeedSink} on a
 * thread of its own, first {@link FeedSink#configure} and then packets in decode order.
 */
public interface MediaFeed {
    /** What the feed carries. */
    TrackKind kind();

    /** Starts capturing and encoding into {@code sink}. Called once. */
    void start(FeedSink sink);

    /** Asks for the next picture to be a keyframe (after frames were dropped). No-op for audio. */
    void requestKeyframe();

    /** Stops capturing and frees the devices and encoders; no packet follows. */
    void stop();
}
