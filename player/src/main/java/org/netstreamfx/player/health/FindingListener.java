package org.netstreamfx.player.health;

/** Hears each finding raised or cleared, on the thread that feeds the analyzer. Must not block. */
@FunctionalInterface
public interface FindingListener {
    void onFinding(Finding finding);
}
