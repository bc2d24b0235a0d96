package org.netstreamfx.player.flv;

import java.util.Optional;
import org.netstreamfx.player.wire.WireFormatException;

/**
 * The header at the start of an FLV audio tag body or RTMP audio message: the legacy AUDIODATA
 * header (FLV/F4V spec v10.1, annex E.4.2.1) or, when SoundFormat is 9, the Enhanced RTMP v2
 * ExAudioTagHeader. {@link #payloadOffset()} is where the codec data starts in the body.
 */
public sealed interface AudioTagHeader permits AudioTagHeader.Legacy, AudioTagHeader.Extended {

    /** Offset in the body of the first byte after this header. */
    int payloadOffset();

    /**
     * A legacy header.
     *
     * @param aacPacketType present exactly when the format is {@link SoundFormat#AAC}
     */
    record Legacy(SoundFormat format, SoundRate rate, SoundSize size, SoundType type,
            Optional<AacPacketType> aacPacketType, int payloadOffset) implements AudioTagHeader { }

    /**
     * An Enhanced RTMP v2 header.
     *
     * @param multitrack present when the packet type was Multitrack; {@code packetType} is then
     *     the type of the tracks' packets and {@code codec} the (first) track's FourCC, and the
     *     payload starts at the track loop (after the FourCC unless the tracks have many codecs)
     * @param timestampOffsetNanos the ModEx TimestampOffsetNano, 0 when absent
     * @param unknownModExTypes how many ModEx entries were of a type not known here (skipped)
     */
    record Extended(AudioPacketType packetType, AudioCodec codec, Optional<AvMultitrackType> multitrack,
            int timestampOffsetNanos, int unknownModExTypes, int payloadOffset) implements AudioTagHeader {

        /** A header whose ModEx chain, if any, held only known types. */
        public Extended(AudioPacketType packetType, AudioCodec codec, Optional<AvMultitrackType> multitrack,
                int timestampOffsetNanos, int payloadOffset) {
            this(packetType, codec, multitrack, timestampOffsetNanos, 0, payloadOffset);
        }
    }

    /** Parses the header at the start of {@code body}. */
    static AudioTagHeader parse(byte[] body) throws WireFormatException {
        ByteCursor in = new ByteCursor(body);
        int first = in.u8("FLV audio tag header");
        SoundFormat format = SoundFormat.of(first >>> 4);
        if (format == SoundFormat.EX_HEADER) {
            return parseExtended(in, first & 0x0F);
        }
        Optional<AacPacketType> aac = format == SoundFormat.AAC
                ? Optional.of(AacPacketType.of(in.u8("FLV AACPacketType")))
                : Optional.empty();
        return new Legacy(format, SoundRate.values()[(first >>> 2) & 3], SoundSize.values()[(first >>> 1) & 1],
                SoundType.values()[first & 1], aac, in.position());
    }

    private static AudioTagHeader parseExtended(ByteCursor in, int rawPacketType) throws WireFormatException {
        ModEx.Result modEx = ModEx.read(in, rawPacketType, "E-RTMP audio");
        AudioPacketType packetType = AudioPacketType.of(modEx.packetType());
        Optional<AvMultitrackType> multitrack = Optional.empty();
        if (packetType == AudioPacketType.MULTITRACK) {
            int b = in.u8("E-RTMP audioMultitrackType");
            AvMultitrackType mt = AvMultitrackType.of("E-RTMP audioMultitrackType", b >>> 4);
            packetType = AudioPacketType.of(b & 0x0F);
            if (packetType == AudioPacketType.MULTITRACK) {
                throw WireFormatException.outOfRange("E-RTMP AudioPacketType", b & 0x0F,
                        "a multitrack packet cannot contain another multitrack packet");
            }
            multitrack = Optional.of(mt);
            if (mt == AvMultitrackType.MANY_TRACKS_MANY_CODECS) {
                int start = in.position();
                AudioCodec codec = AudioCodec.ofFourCc(in.u32("E-RTMP audio FourCC"));
                return new Extended(packetType, codec, multitrack, modEx.timestampOffsetNanos(), modEx.unknownTypes(), start);
            }
        }
        AudioCodec codec = AudioCodec.ofFourCc(in.u32("E-RTMP audio FourCC"));
        return new Extended(packetType, codec, multitrack, modEx.timestampOffsetNanos(), modEx.unknownTypes(),
                in.position());
    }
}
