package org.netstreamfx.player.flv;

/** AUDIODATA SoundType (FLV/F4V spec v10.1, annex E.4.2.1). AAC always signals stereo. */
public enum SoundType {
    MONO,
    STEREO
}
