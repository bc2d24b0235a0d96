package org.netstreamfx.player.net;

/**
 * Bytes per second of a growing byte count (NetStreamInfo.currentBytesPerSecond), measured over
 * at least 250 ms and held between measurements. Thread ownership: the caller's lock.
 */
final class ByteRate {
    private static final long WINDOW_NANOS = 250_000_000L;
    private long lastBytes;
    private long lastNanos;
    private double bytesPerSecond;

    double perSecond(long bytes, long nowNanos) {
        if (lastNanos == 0) {
            lastNanos = nowNanos;
            lastBytes = bytes;
        } else if (nowNanos - lastNanos >= WINDOW_NANOS) {
            bytesPerSecond = (bytes - lastBytes) * 1e9 / (nowNanos - lastNanos);
            lastBytes = bytes;
            lastNanos = nowNanos;
        }
        return bytesPerSecond;
    }
}
