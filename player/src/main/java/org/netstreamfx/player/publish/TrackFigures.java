package org.netstreamfx.player.publish;

/**
 * How one video track of a multitrack publish fares on the current connection: the frames handed
 * to the connection and those the outgoing queue dropped (see {@link PublishQueue}: the highest
 * bit rate goes first). A tester and {@code nsfx publish} show them per rendition.
 *
 * @param trackId       the Enhanced RTMP v2 trackId (0 the default track)
 * @param framesSent    video frames of the track handed to the connection
 * @param framesDropped video frames of the track dropped because the network could not keep up
 */
public record TrackFigures(int trackId, long framesSent, long framesDropped) {
}
