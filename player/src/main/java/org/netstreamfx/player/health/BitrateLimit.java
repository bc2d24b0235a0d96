package org.netstreamfx.player.health;

/**
 * The highest video bit rate a service accepts for pictures at least {@code minHeight} lines tall
 * and at least {@code minFps} frames a second (YouTube's table is per resolution and frame rate).
 *
 * @param minHeight lines, inclusive
 * @param minFps    frames per second, inclusive
 * @param maxKbps   the limit in kbit/s
 */
public record BitrateLimit(int minHeight, double minFps, double maxKbps) {
}
