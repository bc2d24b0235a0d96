package org.netstreamfx.player.flv;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.netstreamfx.player.amf.Amf0Writer;
import org.netstreamfx.player.amf.AmfValue;
import org.netstreamfx.player.amf.AmfValues;

/**
 * Builds the bodies of FLV tags, which are also the bodies of RTMP audio, video and data messages
 * (FLV/F4V spec v10.1, annex E.4.2 audio, E.4.3 video, E.4.4 script data):
 *
 * <pre>
 * AVC sequence header   0x17 0x00 00 00 00  AVCDecoderConfigurationRecord (ISO/IEC 14496-15, 5.3.3.1)
 * AVC NAL units         0x17|0x27 0x01 CT CT CT  length-prefixed NAL units (CT: SI24 composition time, ms)
 * AAC sequence header   0xAF 0x00  AudioSpecificConfig (ISO/IEC 14496-3, 1.6.2.1)
 * AAC raw               0xAF 0x01  one raw AAC access unit
 * MP3                   0x2F       MP3 frames
 * </pre>
 *
 * The first video byte is FrameType (1 = key frame, 2 = inter frame) in the high nibble and CodecID
 * 7 (AVC) in the low nibble. For AAC, E.4.2.1 says SoundRate is always 3 (44 kHz) and SoundType 1
 * (stereo), whatever the real rate and channels: the decoder takes those from the
 * AudioSpecificConfig, so 0xAF is right for every AAC stream (SoundFormat 10, 16-bit).
 */
public final class FlvTagBodies {
    /** Key frame, AVC. */
    public static final int AVC_KEY_FRAME = 0x17;
    /** Inter frame, AVC. */
    public static final int AVC_INTER_FRAME = 0x27;
    /** AVCPacketType 0: sequence header. */
    public static final int AVC_SEQUENCE_HEADER = 0x00;
    /** AVCPacketType 1: NAL units. */
    public static final int AVC_NALU = 0x01;
    /** SoundFormat 10 (AAC), 44 kHz, 16-bit, stereo: the only header byte E.4.2.1 allows for AAC. */
    public static final int AAC_SOUND_HEADER = 0xAF;
    /** AACPacketType 0: sequence header. */
    public static final int AAC_SEQUENCE_HEADER = 0x00;
    /** AACPacketType 1: raw frame. */
    public static final int AAC_RAW = 0x01;
    /** Bytes before the AVC payload: frame type/codec, AVCPacketType, CompositionTime. */
    public static final int AVC_PREFIX_BYTES = 5;
    /** Bytes before the AAC payload: sound header, AACPacketType. */
    public static final int AAC_PREFIX_BYTES = 2;
    /** The composition time is a signed 24-bit count of milliseconds. */
    public static final int MAX_COMPOSITION_TIME_MS = (1 << 23) - 1;
    /** Shortest AVCDecoderConfigurationRecord: 6 fixed bytes, one SPS length, one PPS count. */
    private static final int MIN_AVCC_BYTES = 7;

    private FlvTagBodies() {
    }

    /** {@code 0x17 0x00 000000} followed by the avcC (E.4.3.1, ISO/IEC 14496-15 5.3.3.1). */
    public static byte[] avcSequenceHeader(byte[] avcC) {
        if (avcC.length < MIN_AVCC_BYTES || avcC[0] != 1) {
            throw new IllegalArgumentException("not an AVCDecoderConfigurationRecord (" + avcC.length
                    + " bytes, version " + (avcC.length > 0 ? avcC[0] : -1) + "): it needs version 1 and at least "
                    + MIN_AVCC_BYTES + " bytes");
        }
        byte[] body = new byte[AVC_PREFIX_BYTES + avcC.length];
        body[0] = (byte) AVC_KEY_FRAME;
        body[1] = (byte) AVC_SEQUENCE_HEADER;
        System.arraycopy(avcC, 0, body, AVC_PREFIX_BYTES, avcC.length);
        return body;
    }

    /**
     * The five bytes before the NAL units of one coded picture: frame type, AVCPacketType 1 and
     * the composition time offset (pts − dts) in milliseconds as a signed 24-bit number.
     */
    public static byte[] avcNaluPrefix(boolean keyframe, int compositionTimeMs) {
        if (compositionTimeMs > MAX_COMPOSITION_TIME_MS || compositionTimeMs < -MAX_COMPOSITION_TIME_MS - 1) {
            throw new IllegalArgumentException("FLV composition time is " + compositionTimeMs
                    + " ms, outside the signed 24-bit range");
        }
        return new byte[] {
            (byte) (keyframe ? AVC_KEY_FRAME : AVC_INTER_FRAME), (byte) AVC_NALU,
            (byte) (compositionTimeMs >> 16), (byte) (compositionTimeMs >> 8), (byte) compositionTimeMs,
        };
    }

    /** A whole AVC NALU tag body: {@link #avcNaluPrefix} followed by the AVCC data. */
    public static byte[] avcNalu(boolean keyframe, int compositionTimeMs, byte[] avccData) {
        return concat(avcNaluPrefix(keyframe, compositionTimeMs), avccData);
    }

    /** {@code 0xAF 0x00} followed by the AudioSpecificConfig (E.4.2.1). */
    public static byte[] aacSequenceHeader(byte[] audioSpecificConfig) {
        if (audioSpecificConfig.length < 2) {
            throw new IllegalArgumentException("an AudioSpecificConfig has at least 2 bytes, this one has "
                    + audioSpecificConfig.length);
        }
        return concat(aacPrefix(AAC_SEQUENCE_HEADER), audioSpecificConfig);
    }

    /** The two bytes before a raw AAC frame: {@code 0xAF 0x01}. */
    public static byte[] aacRawPrefix() {
        return aacPrefix(AAC_RAW);
    }

    /** {@code 0xAF 0x01} followed by one raw AAC access unit (E.4.2.1). */
    public static byte[] aacRaw(byte[] frame) {
        return concat(aacRawPrefix(), frame);
    }

    /**
     * The one-byte audio header of MP3 frames: SoundFormat 2, the rate code of E.4.2.1 (3 for
     * 44.1 kHz and 48 kHz, 2 for 22.05 kHz, 1 for 11.025 kHz), 16-bit, mono or stereo.
     */
    public static byte mp3Header(int sampleRateHz, int channels) {
        int rate = sampleRateHz >= 44_100 ? 3 : sampleRateHz >= 22_050 ? 2 : sampleRateHz >= 11_025 ? 1 : 0;
        return (byte) ((2 << 4) | (rate << 2) | (1 << 1) | (channels >= 2 ? 1 : 0));
    }

    /**
     * A script data body (E.4.4.1): the handler name as an AMF0 string, then each argument as an
     * AMF0 value (plain Java values are converted with {@link AmfValues#of}).
     */
    public static byte[] scriptData(String name, List<?> args) {
        Amf0Writer w = new Amf0Writer();
        w.write(new AmfValue.AmfString(name));
        for (Object a : args) {
            w.write(AmfValues.of(a));
        }
        return w.toByteArray();
    }

    /**
     * An AMF0 ECMA array (marker 0x08, UI32 count, properties) of plain Java values: the form
     * onMetaData takes in FLV files and {@code @setDataFrame} messages (annex E.5).
     */
    public static AmfValue ecmaArray(Map<String, ?> properties) {
        Map<String, AmfValue> props = new LinkedHashMap<>();
        properties.forEach((k, v) -> props.put(k, AmfValues.of(v)));
        return new AmfValue.AmfEcmaArray(props);
    }

    private static byte[] aacPrefix(int packetType) {
        return new byte[] {(byte) AAC_SOUND_HEADER, (byte) packetType};
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
