package org.netstreamfx.player.media;

/** What a track carries. */
public enum TrackKind {
    VIDEO,
    AUDIO
}
