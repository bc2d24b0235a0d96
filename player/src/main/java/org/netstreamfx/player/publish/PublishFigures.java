package org.netstreamfx.player.publish;

/**
 * A publishing stream's figures at one moment, for the API's stream info: what has been sent,
 * how fast, what waits in the outgoing queue and what was dropped.
 *
 * @param bytesPerSecond  bytes sent per second since the previous reading
 * @param bytesSent       bytes handed to the connection by the current publish
 * @param queueSpanUs     the decode-time span of the media waiting in the outgoing queue
 * @param droppedFrames   video frames dropped since publish() (across reconnects)
 * @param framesPerSecond video frames sent per second since the previous reading
 */
public record PublishFigures(double bytesPerSecond, long bytesSent, long queueSpanUs, long droppedFrames,
        double framesPerSecond) {
}
