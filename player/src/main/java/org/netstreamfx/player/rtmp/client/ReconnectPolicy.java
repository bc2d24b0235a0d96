package org.netstreamfx.player.rtmp.client;

import java.util.Random;

/**
 * Automatic reconnection after an unexpected close (a player's choice; Flash left it to the
 * application). Try {@code n} waits {@code min(maxDelayMs, initialDelayMs * factor^(n-1))},
 * spread by up to {@code jitter} either way so that many players dropped at once do not return
 * at once.
 *
 * @param maxTries how many reconnects to try; 0 turns reconnection off
 * @param initialDelayMs the wait before the first try
 * @param factor how much each wait grows, at least 1
 * @param maxDelayMs the longest wait
 * @param jitter the relative spread of each wait, 0..1
 */
public record ReconnectPolicy(int maxTries, long initialDelayMs, double factor, long maxDelayMs, double jitter) {
    /** No reconnection. */
    public static final ReconnectPolicy OFF = new ReconnectPolicy(0, 1000, 1.5, 30_000, 0.2);

    public ReconnectPolicy {
        if (maxTries < 0 || initialDelayMs < 0 || maxDelayMs < initialDelayMs || !(factor >= 1)
                || !(jitter >= 0 && jitter <= 1)) {
            throw new IllegalArgumentException("reconnect policy out of range: tries " + maxTries + ", delay "
                    + initialDelayMs + " ms x" + factor + " up to " + maxDelayMs + " ms, jitter " + jitter);
        }
    }

    /** {@code tries} tries: 1 s, then x1.5 each, capped at 30 s, with 20 % jitter. */
    public static ReconnectPolicy tries(int tries) {
        return new ReconnectPolicy(tries, 1000, 1.5, 30_000, 0.2);
    }

    public boolean enabled() {
        return maxTries > 0;
    }

    /** The wait before try {@code attempt} (1-based), jitter drawn from {@code random}. */
    public long delayMs(int attempt, Random random) {
        double base = Math.min(maxDelayMs, initialDelayMs * Math.pow(factor, Math.max(0, attempt - 1)));
        double spread = base * jitter * (2 * random.nextDouble() - 1);
        return Math.max(0, Math.min(maxDelayMs, Math.round(base + spread)));
    }
}
