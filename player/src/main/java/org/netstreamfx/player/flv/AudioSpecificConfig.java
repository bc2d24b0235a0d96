package org.netstreamfx.player.flv;

import java.util.Set;
import org.netstreamfx.player.wire.WireFormatException;

/**
 * An MPEG-4 AudioSpecificConfig (ISO/IEC 14496-3, 1.6.2.1), the body of an AAC sequence header.
 *
 * <p>Reads the audio object type (with the 31 escape), sampling frequency (index or explicit
 * 24-bit rate) and channel configuration; explicit hierarchical SBR/PS signalling (object type
 * 5 = SBR, 29 = SBR+PS, followed by the extension sampling frequency and the core object type);
 * the GASpecificConfig (1.6.2.1, 4.4.1) including a program_config_element (4.4.1.1) when the
 * channel configuration is 0, which gives the channel count; and backward-compatible signalling
 * through the sync extensions 0x2B7 (SBR) and 0x548 (PS) when at least 16 bits remain. The sync
 * extensions are only looked for after object types whose specific config is the
 * GASpecificConfig, as other configs cannot be skipped without parsing them.
 *
 * @param objectType the core audio object type (2 = AAC LC for HE-AAC)
 * @param coreSampleRate the sampling frequency of the core coder in Hz
 * @param outputSampleRate the output sampling frequency in Hz (the SBR rate when SBR is present)
 * @param channelConfiguration the channelConfiguration field, 0 when a PCE gave the layout
 * @param channels output channels: from the configuration or PCE, 2 for PS on a mono core, -1
 *     when unknown (channel configuration 0 with an object type whose config is not read)
 */
public record AudioSpecificConfig(int objectType, boolean sbr, boolean ps, int coreSampleRate,
        int outputSampleRate, int channelConfiguration, int channels) {

    /** samplingFrequencyIndex table (ISO/IEC 14496-3, Table 1.18); 13 and 14 are reserved. */
    private static final int[] SAMPLE_RATES = {96000, 88200, 64000, 48000, 44100, 32000, 24000, 22050, 16000,
        12000, 11025, 8000, 7350};
    /** Channels per channelConfiguration 1..7 (Table 1.19). */
    private static final int[] CHANNELS = {0, 1, 2, 3, 4, 5, 6, 8};
    private static final Set<Integer> GA_OBJECT_TYPES = Set.of(1, 2, 3, 4, 6, 7, 17, 19, 20, 21, 22, 23);
    private static final Set<Integer> ER_OBJECT_TYPES = Set.of(17, 19, 20, 21, 22, 23, 24, 25, 26, 27, 39);
    private static final int SBR = 5;
    private static final int PS = 29;
    private static final int SYNC_SBR = 0x2B7;
    private static final int SYNC_PS = 0x548;

    /** Parses a config; truncated, reserved or unsupported values throw. */
    public static AudioSpecificConfig parse(byte[] data) throws WireFormatException {
        BitReader in = new BitReader(data);
        int objectType = objectType(in, "AAC audioObjectType");
        int coreRate = sampleRate(in, "AAC samplingFrequencyIndex");
        int channelConfig = in.bits("AAC channelConfiguration", 4);
        if (channelConfig > 7) {
            throw WireFormatException.outOfRange("AAC channelConfiguration", channelConfig,
                    "must be 0 to 7 (8 to 15 are reserved)");
        }
        boolean sbr = false;
        boolean ps = false;
        boolean explicitSbr = false;
        int outputRate = coreRate;
        if (objectType == SBR || objectType == PS) {
            explicitSbr = true;
            sbr = true;
            ps = objectType == PS;
            outputRate = sampleRate(in, "AAC extensionSamplingFrequencyIndex");
            objectType = objectType(in, "AAC audioObjectType");
            if (objectType == SBR || objectType == PS) {
                throw WireFormatException.outOfRange("AAC audioObjectType", objectType,
                        "the core object type under SBR cannot itself be SBR or PS");
            }
            if (objectType == 22) {
                in.bits("AAC extensionChannelConfiguration", 4);
            }
        }
        int channels = channelConfig == 0 ? -1 : CHANNELS[channelConfig];
        if (GA_OBJECT_TYPES.contains(objectType)) {
            int pceChannels = gaSpecificConfig(in, objectType, channelConfig);
            if (channelConfig == 0) {
                channels = pceChannels;
            }
            boolean canContinue = true;
            if (ER_OBJECT_TYPES.contains(objectType)) {
                int epConfig = in.bits("AAC epConfig", 2);
                canContinue = epConfig < 2;
            }
            if (canContinue && !explicitSbr && in.bitsLeft() >= 16) {
                int sync = in.bits("AAC syncExtensionType", 11);
                if (sync == SYNC_SBR) {
                    int extensionType = objectType(in, "AAC extensionAudioObjectType");
                    if (extensionType == SBR) {
                        sbr = in.flag("AAC sbrPresentFlag");
                        if (sbr) {
                            outputRate = sampleRate(in, "AAC extensionSamplingFrequencyIndex");
                            if (in.bitsLeft() >= 12 && in.bits("AAC syncExtensionType", 11) == SYNC_PS) {
                                ps = in.flag("AAC psPresentFlag");
                            }
                        }
                    }
                }
            }
        }
        if (ps && channels == 1) {
            channels = 2;
        }
        return new AudioSpecificConfig(objectType, sbr, ps, coreRate, outputRate, channelConfig, channels);
    }

    /** GetAudioObjectType(): 5 bits, 31 escapes to 32 + 6 more bits; 0 is "null object". */
    private static int objectType(BitReader in, String field) throws WireFormatException {
        int type = in.bits(field, 5);
        if (type == 31) {
            type = 32 + in.bits(field + "Ext", 6);
        }
        if (type == 0) {
            throw WireFormatException.outOfRange(field, 0, "0 is the null object type, not a codec");
        }
        return type;
    }

    private static int sampleRate(BitReader in, String field) throws WireFormatException {
        int index = in.bits(field, 4);
        if (index == 0x0F) {
            int rate = in.bits(field.replace("Index", ""), 24);
            if (rate == 0) {
                throw WireFormatException.outOfRange(field.replace("Index", ""), 0, "must be positive");
            }
            return rate;
        }
        if (index >= SAMPLE_RATES.length) {
            throw WireFormatException.outOfRange(field, index, "13 and 14 are reserved");
        }
        return SAMPLE_RATES[index];
    }

    /** GASpecificConfig (4.4.1); returns the PCE channel count when channelConfiguration is 0. */
    private static int gaSpecificConfig(BitReader in, int objectType, int channelConfig) throws WireFormatException {
        in.bits("AAC frameLengthFlag", 1);
        if (in.flag("AAC dependsOnCoreCoder")) {
            in.bits("AAC coreCoderDelay", 14);
        }
        boolean extensionFlag = in.flag("AAC extensionFlag");
        int channels = -1;
        if (channelConfig == 0) {
            channels = programConfigElement(in);
        }
        if (objectType == 6 || objectType == 20) {
            in.bits("AAC layerNr", 3);
        }
        if (extensionFlag) {
            if (objectType == 22) {
                in.bits("AAC numOfSubFrame", 5);
                in.bits("AAC layer_length", 11);
            }
            if (objectType == 17 || objectType == 19 || objectType == 20 || objectType == 23) {
                in.bits("AAC resilience flags", 3);
            }
            in.bits("AAC extensionFlag3", 1);
        }
        return channels;
    }

    /** program_config_element (4.4.1.1, Table 4.2); returns the number of output channels. */
    private static int programConfigElement(BitReader in) throws WireFormatException {
        in.bits("AAC PCE element_instance_tag", 4);
        in.bits("AAC PCE object_type", 2);
        in.bits("AAC PCE sampling_frequency_index", 4);
        int front = in.bits("AAC PCE num_front_channel_elements", 4);
        int side = in.bits("AAC PCE num_side_channel_elements", 4);
        int back = in.bits("AAC PCE num_back_channel_elements", 4);
        int lfe = in.bits("AAC PCE num_lfe_channel_elements", 2);
        int assoc = in.bits("AAC PCE num_assoc_data_elements", 3);
        int cc = in.bits("AAC PCE num_valid_cc_elements", 4);
        if (in.flag("AAC PCE mono_mixdown_present")) {
            in.bits("AAC PCE mono_mixdown_element_number", 4);
        }
        if (in.flag("AAC PCE stereo_mixdown_present")) {
            in.bits("AAC PCE stereo_mixdown_element_number", 4);
        }
        if (in.flag("AAC PCE matrix_mixdown_idx_present")) {
            in.bits("AAC PCE matrix_mixdown_idx", 3);
        }
        int channels = lfe;
        for (int i = 0; i < front + side + back; i++) {
            boolean cpe = in.flag("AAC PCE element_is_cpe");
            in.bits("AAC PCE element_tag_select", 4);
            channels += cpe ? 2 : 1;
        }
        in.bits("AAC PCE lfe_element_tag_select", 4 * lfe);
        for (int i = 0; i < assoc; i++) {
            in.bits("AAC PCE assoc_data_element_tag_select", 4);
        }
        for (int i = 0; i < cc; i++) {
            in.bits("AAC PCE valid_cc_element", 5);
        }
        in.byteAlign();
        int commentBytes = in.bits("AAC PCE comment_field_bytes", 8);
        for (int i = 0; i < commentBytes; i++) {
            in.bits("AAC PCE comment_field_data", 8);
        }
        return channels;
    }

    /** "LC", "HE-AAC" (SBR), "HE-AACv2" (SBR + PS), "Main", "SSR", "LTP", or "AOT n". */
    public String profileName() {
        if (objectType == 2 && ps) {
            return "HE-AACv2";
        }
        if (objectType == 2 && sbr) {
            return "HE-AAC";
        }
        return switch (objectType) {
            case 1 -> "Main";
            case 2 -> "LC";
            case 3 -> "SSR";
            case 4 -> "LTP";
            default -> "AOT " + objectType;
        };
    }
}
