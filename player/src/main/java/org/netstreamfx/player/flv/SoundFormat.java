package org.netstreamfx.player.flv;

import org.netstreamfx.player.wire.WireFormatException;

/** AUDIODATA SoundFormat (FLV/F4V spec v10.1, annex E.4.2.1; 9 = ExHeader from Enhanced RTMP v2). */
public enum SoundFormat {
    LINEAR_PCM_PLATFORM_ENDIAN(0),
    ADPCM(1),
    MP3(2),
    LINEAR_PCM_LITTLE_ENDIAN(3),
    NELLYMOSER_16KHZ_MONO(4),
    NELLYMOSER_8KHZ_MONO(5),
    NELLYMOSER(6),
    G711_A_LAW(7),
    G711_MU_LAW(8),
    /** Enhanced RTMP v2: an ExAudioTagHeader with a FourCC follows. */
    EX_HEADER(9),
    AAC(10),
    SPEEX(11),
    MP3_8KHZ(14),
    DEVICE_SPECIFIC(15);

    private final int id;

    SoundFormat(int id) {
        this.id = id;
    }

    public int id() {
        return id;
    }

    public static SoundFormat of(int id) throws WireFormatException {
        for (SoundFormat f : values()) {
            if (f.id == id) {
                return f;
            }
        }
        throw WireFormatException.outOfRange("FLV SoundFormat", id, "12 and 13 are reserved");
    }
}
