package org.netstreamfx.player.flv;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.netstreamfx.player.wire.WireFormatException;

/**
 * The Opus identification header (RFC 7845 section 5.1), which Enhanced RTMP v2 carries as the
 * payload of an Opus SequenceStart: "OpusHead", version, channel count, pre-skip (UI16 LE), the
 * input sample rate (UI32 LE) and more that only FFmpeg needs. FFmpeg's Opus decoder takes the
 * whole header as its extradata; the player reads the channels from it. Opus always decodes at
 * 48 kHz, whatever rate the input had.
 *
 * @param channels        the output channel count (1 to 255)
 * @param preSkip         samples at 48 kHz to drop at the start
 * @param inputSampleRate the rate the encoder was given, informational only (0 when unknown)
 */
public record OpusHead(int channels, int preSkip, long inputSampleRate) {
    /** Opus decodes at this rate. */
    public static final int DECODE_RATE_HZ = 48_000;
    /** The fixed part of the header: magic (8), version, channels, pre-skip (2), rate (4), gain (2), mapping family. */
    public static final int MIN_SIZE = 19;
    private static final byte[] MAGIC = "OpusHead".getBytes(StandardCharsets.US_ASCII);
    private static final int CHANNELS_OFFSET = 9;
    private static final int PRE_SKIP_OFFSET = 10;
    private static final int RATE_OFFSET = 12;

    /** Parses the header at the start of {@code data}. */
    public static OpusHead parse(byte[] data) throws WireFormatException {
        if (data.length < MIN_SIZE) {
            throw WireFormatException.truncated("OpusHead", MIN_SIZE, data.length);
        }
        if (!Arrays.equals(data, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new WireFormatException("OpusHead", "an Opus sequence header must start with \"OpusHead\"");
        }
        int channels = data[CHANNELS_OFFSET] & 0xFF;
        if (channels == 0) {
            throw WireFormatException.outOfRange("OpusHead channel count", 0, "must be 1 to 255");
        }
        int preSkip = (data[PRE_SKIP_OFFSET] & 0xFF) | (data[PRE_SKIP_OFFSET + 1] & 0xFF) << 8;
        long rate = (data[RATE_OFFSET] & 0xFFL) | (data[RATE_OFFSET + 1] & 0xFFL) << 8
                | (data[RATE_OFFSET + 2] & 0xFFL) << 16 | (data[RATE_OFFSET + 3] & 0xFFL) << 24;
        return new OpusHead(channels, preSkip, rate);
    }
}
