package org.netstreamfx.player.flv;

import org.netstreamfx.player.wire.WireFormatException;

/** Enhanced RTMP v2 audio FourCC values (ExAudioTagHeader). */
public enum AudioCodec {
    AC3("ac-3"),
    EAC3("ec-3"),
    OPUS("Opus"),
    MP3(".mp3"),
    FLAC("fLaC"),
    AAC("mp4a");

    private final String fourCc;

    AudioCodec(String fourCc) {
        this.fourCc = fourCc;
    }

    public String fourCc() {
        return fourCc;
    }

    static AudioCodec ofFourCc(int value) throws WireFormatException {
        String text = FourCc.text(value);
        for (AudioCodec c : values()) {
            if (c.fourCc.equals(text)) {
                return c;
            }
        }
        throw WireFormatException.outOfRange("E-RTMP audio FourCC", value & 0xFFFF_FFFFL,
                "\"" + FourCc.printable(text) + "\" is not one of ac-3, ec-3, Opus, .mp3, fLaC, mp4a");
    }
}
