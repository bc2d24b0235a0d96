package org.netstreamfx.player.health;

/**
 * One point of a {@link TrackSeries}: a time on the stream's timeline and a figure there.
 *
 * @param timeS  stream time in seconds (decode time)
 * @param value  the figure: kbit/s over that second, or the keyframe interval ending there in seconds
 */
public record SeriesPoint(double timeS, double value) {
}
