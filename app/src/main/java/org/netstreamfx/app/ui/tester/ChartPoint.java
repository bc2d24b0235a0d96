package org.netstreamfx.app.ui.tester;

/**
 * One point of the buffer chart, from one stats sample.
 *
 * @param t             seconds since the session started
 * @param bufferLength  seconds buffered ahead of the playhead
 * @param bufferTime    the buffer time asked for, in seconds
 */
public record ChartPoint(double t, double bufferLength, double bufferTime) {
}
