package org.netstreamfx.player.flv;

import org.netstreamfx.player.wire.WireFormatException;

/**
 * The start of an AC-3 or E-AC-3 sync frame (ATSC A/52 section 5.3 and annex E.1.2): Enhanced
 * RTMP v2 sends no configuration for these codecs (their SequenceStart is empty), so the
 * player takes the sample rate, channels and frame length from the first coded frame. Both
 * syntaxes put bsid at bit 40; bsid up to 8 is AC-3, 11 to 16 is E-AC-3.
 *
 * @param enhanced        true for E-AC-3
 * @param sampleRateHz    the sample rate
 * @param channels        full-bandwidth channels plus the LFE channel when present
 * @param samplesPerFrame 1536 for AC-3; 256, 512, 768 or 1536 for E-AC-3
 */
public record Ac3FrameHeader(boolean enhanced, int sampleRateHz, int channels, int samplesPerFrame) {
    private static final int SYNC_WORD = 0x0B77;
    /** Sample rates per fscod; fscod 3 is reserved in AC-3 and means "see fscod2" in E-AC-3. */
    private static final int[] RATES = {48_000, 44_100, 32_000};
    private static final int[] REDUCED_RATES = {24_000, 22_050, 16_000};
    private static final int RESERVED = 3;
    /** Audio blocks per frame: E-AC-3's numblkscod, AC-3's fixed six; 256 samples each. */
    private static final int[] EAC3_BLOCKS = {1, 2, 3, 6};
    private static final int AC3_BLOCKS = 6;
    private static final int SAMPLES_PER_BLOCK = 256;
    /** Where bsid is in both syntaxes, and its ranges. */
    private static final int BSID_BIT = 40;
    private static final int MAX_AC3_BSID = 8;
    private static final int MIN_EAC3_BSID = 11;
    private static final int MAX_EAC3_BSID = 16;

    /** Full-bandwidth channels per audio coding mode (acmod). */
    private static final int[] ACMOD_CHANNELS = {2, 1, 2, 3, 3, 4, 4, 5};

    /** Parses the sync frame header at the start of {@code frame}. */
    public static Ac3FrameHeader parse(byte[] frame) throws WireFormatException {
        BitReader in = BitReader.synced(frame, "AC-3 syncword", 16, SYNC_WORD);
        int bsid = bsid(frame);
        if (bsid <= MAX_AC3_BSID) {
            return ac3(in);
        }
        if (bsid >= MIN_EAC3_BSID && bsid <= MAX_EAC3_BSID) {
            return eac3(in);
        }
        throw WireFormatException.outOfRange("AC-3 bsid", bsid, "0 to 8 is AC-3, 11 to 16 E-AC-3");
    }

    private static int bsid(byte[] frame) throws WireFormatException {
        BitReader peek = new BitReader(frame);
        peek.bits("AC-3 header", BSID_BIT);
        return peek.bits("AC-3 bsid", 5);
    }

    private static Ac3FrameHeader ac3(BitReader in) throws WireFormatException {
        in.bits("AC-3 crc1", 16);
        int fscod = in.bits("AC-3 fscod", 2);
        if (fscod == RESERVED) {
            throw WireFormatException.outOfRange("AC-3 fscod", fscod, "3 is reserved");
        }
        in.bits("AC-3 frmsizecod", 6);
        in.bits("AC-3 bsid", 5);
        in.bits("AC-3 bsmod", 3);
        int acmod = in.bits("AC-3 acmod", 3);
        if ((acmod & 1) != 0 && acmod != 1) {
            in.bits("AC-3 cmixlev", 2);
        }
        if ((acmod & 4) != 0) {
            in.bits("AC-3 surmixlev", 2);
        }
        if (acmod == 2) {
            in.bits("AC-3 dsurmod", 2);
        }
        boolean lfe = in.flag("AC-3 lfeon");
        return new Ac3FrameHeader(false, RATES[fscod], ACMOD_CHANNELS[acmod] + (lfe ? 1 : 0),
                AC3_BLOCKS * SAMPLES_PER_BLOCK);
    }

    private static Ac3FrameHeader eac3(BitReader in) throws WireFormatException {
        in.bits("E-AC-3 strmtyp", 2);
        in.bits("E-AC-3 substreamid", 3);
        in.bits("E-AC-3 frmsiz", 11);
        int fscod = in.bits("E-AC-3 fscod", 2);
        int rate;
        int blocks;
        if (fscod == RESERVED) {
            int fscod2 = in.bits("E-AC-3 fscod2", 2);
            if (fscod2 == RESERVED) {
                throw WireFormatException.outOfRange("E-AC-3 fscod2", fscod2, "3 is reserved");
            }
            rate = REDUCED_RATES[fscod2];
            blocks = AC3_BLOCKS;
        } else {
            rate = RATES[fscod];
            blocks = EAC3_BLOCKS[in.bits("E-AC-3 numblkscod", 2)];
        }
        int acmod = in.bits("E-AC-3 acmod", 3);
        boolean lfe = in.flag("E-AC-3 lfeon");
        return new Ac3FrameHeader(true, rate, ACMOD_CHANNELS[acmod] + (lfe ? 1 : 0), blocks * SAMPLES_PER_BLOCK);
    }
}
