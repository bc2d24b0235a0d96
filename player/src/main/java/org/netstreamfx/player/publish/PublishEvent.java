package org.netstreamfx.player.publish;

import java.util.Map;

/**
 * What the publishing pipeline has to tell its user, as facts: the server's status messages for
 * the published stream, and the engine's own findings (a refused createStream, dropped frames, a
 * stalled write, a republish after a reconnect, a move to another connection or its failure, a
 * failed feed, an unpublish the server did not confirm, a health finding on what is sent). The
 * pipeline stays below the Flash API: the API layer turns each into its NetStatus event (code,
 * level, sentence, details).
 *
 * <p>Threads: raised on the connection's reader thread, the session's sender and watchdog
 * threads, and the feeds' threads; whoever receives them hands them on without waiting.
 */
public sealed interface PublishEvent {

    /** An onStatus of the server for the published stream (Publish.Start, BadName, Unpublish.Success, Record.*), whole. */
    record ServerStatus(Map<String, Object> info) implements PublishEvent {
    }

    /** createStream was answered with something that is not a stream id: {@code problem} says what. */
    record CreateStreamMalformed(String problem) implements PublishEvent {
    }

    /** The server answered createStream with _error; {@code serverDescription} is its description, or null. */
    record CreateStreamRefused(String serverDescription) implements PublishEvent {
    }

    /** createStream could not be sent, or its answer never came: {@code description} says why. */
    record CreateStreamFailed(String description) implements PublishEvent {
    }

    /**
     * The outgoing queue went over its bound while the network could not take more: video frames
     * are dropped up to the next keyframe.
     *
     * @param dropped the frames dropped so far by this publish
     * @param queued  the messages waiting in the queue
     */
    record FramesDropped(long dropped, int queued) implements PublishEvent {
    }

    /**
     * After a reconnect the server still held the name (Publish.BadName): the publish is tried again.
     *
     * @param serverDescription the BadName's description, or null
     * @param attempt           this retry, from 1
     * @param attempts          how many retries there are at most
     * @param delayMs           the wait before the retry
     */
    record Republishing(String serverDescription, int attempt, int attempts, long delayMs) implements PublishEvent {
    }

    /** A write to the server made no progress for {@code limitMs}: the connection is dead. */
    record Stalled(long limitMs) implements PublishEvent {
    }

    /** Publishing stopped and the server did not say so itself (no Unpublish.Success in time). */
    record Unpublished() implements PublishEvent {
    }

    /**
     * The published media moved to the connection a Reconnect Request asked for, make-before-break:
     * the old connection carried everything up to {@code fromMs}, the new one everything from the
     * video keyframe (or, without video, the audio packet) at {@code keyframeMs}.
     */
    record Moved(long fromMs, long keyframeMs) implements PublishEvent {
    }

    /**
     * The move to {@code target} (masked) failed, {@code why}: publishing goes on over the old
     * connection.
     */
    record MoveFailed(String target, String why) implements PublishEvent {
    }

    /** A feed stopped for good (a device lost, an encoder failed): {@code description} says why. */
    record FeedFailed(String description) implements PublishEvent {
    }

    /** The health analysis of what is published raised or cleared {@code finding} (see {@link PublishHealth}). */
    record Health(org.netstreamfx.player.health.Finding finding) implements PublishEvent {
    }
}
