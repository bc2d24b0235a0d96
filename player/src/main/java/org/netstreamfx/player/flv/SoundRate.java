package org.netstreamfx.player.flv;

/** AUDIODATA SoundRate (FLV/F4V spec v10.1, annex E.4.2.1). AAC always signals 44 kHz. */
public enum SoundRate {
    KHZ_5_5(5512),
    KHZ_11(11025),
    KHZ_22(22050),
    KHZ_44(44100);

    private final int hz;

    SoundRate(int hz) {
        this.hz = hz;
    }

    public int hz() {
        return hz;
    }
}
