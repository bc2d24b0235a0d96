package org.netstreamfx.player.flv;

/** AUDIODATA SoundSize (FLV/F4V spec v10.1, annex E.4.2.1): bits per uncompressed sample. */
public enum SoundSize {
    BITS_8,
    BITS_16
}
