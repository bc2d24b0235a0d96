package org.netstreamfx.player.rtmp.client;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.netstreamfx.player.ffmpeg.CodecSupport;
import org.netstreamfx.player.media.Codec;

/**
 * Enhanced RTMP v2's capability flags ("Enhancing NetConnection connect Command"): the
 * {@code capsEx} bits and the {@code FourCcInfoMask} bits of {@code videoFourCcInfoMap} and
 * {@code audioFourCcInfoMap}, and what this client says of itself with them.
 */
public final class EnhancedCaps {
    /** capsEx: the endpoint follows NetConnection.Connect.ReconnectRequest. */
    public static final int RECONNECT = 0x01;
    /** capsEx: multitrack audio and video packets. */
    public static final int MULTITRACK = 0x02;
    /** capsEx: the ModEx packet-type prelude can be parsed. */
    public static final int MOD_EX = 0x04;
    /** capsEx: ModEx's TimestampOffsetNano is applied. */
    public static final int TIMESTAMP_NANO_OFFSET = 0x08;
    /** FourCcInfoMask: can decode the codec. */
    public static final int CAN_DECODE = 0x01;
    /** FourCcInfoMask: can encode the codec. */
    public static final int CAN_ENCODE = 0x02;
    /** FourCcInfoMask: can forward the codec without decoding it. */
    public static final int CAN_FORWARD = 0x04;

    /**
     * The capsEx this client sends: it reconnects on request, plays (and switches between) the
     * tracks of multitrack packets, parses ModEx and applies the nanosecond offset.
     */
    public static final int CLIENT_CAPS_EX = RECONNECT | MULTITRACK | MOD_EX | TIMESTAMP_NANO_OFFSET;

    /** The video FourCCs Enhanced RTMP v2 defines that the engine knows. */
    static final List<Codec> VIDEO = List.of(Codec.H264, Codec.HEVC, Codec.AV1, Codec.VP9);
    /** The audio FourCCs Enhanced RTMP v2 defines that the engine knows. */
    static final List<Codec> AUDIO = List.of(Codec.AAC, Codec.OPUS, Codec.FLAC, Codec.AC3, Codec.EAC3, Codec.MP3);

    private EnhancedCaps() {
    }

    /** videoFourCcInfoMap: FourCC to CanDecode/CanEncode, from what this FFmpeg build has. */
    public static Map<String, Integer> videoFourCcInfoMap() {
        return infoMap(VIDEO);
    }

    /** audioFourCcInfoMap: FourCC to CanDecode/CanEncode, from what this FFmpeg build has. */
    public static Map<String, Integer> audioFourCcInfoMap() {
        return infoMap(AUDIO);
    }

    /** The legacy fourCcList (E-RTMP v1): the video FourCCs this client can play. */
    public static List<String> fourCcList() {
        List<String> out = new ArrayList<>();
        for (Codec c : VIDEO) {
            if (CodecSupport.of(c).decode()) {
                out.add(c.fourCc());
            }
        }
        return out;
    }

    private static Map<String, Integer> infoMap(List<Codec> codecs) {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (Codec c : codecs) {
            CodecSupport.Support s = CodecSupport.of(c);
            int flags = (s.decode() ? CAN_DECODE : 0) | (s.encode() ? CAN_ENCODE : 0);
            if (flags != 0) {
                m.put(c.fourCc(), flags);
            }
        }
        return m;
    }

    /** The names of the capsEx bits set in {@code capsEx}: "Reconnect", "Multitrack", "ModEx", "TimestampNanoOffset". */
    public static List<String> capsExNames(int capsEx) {
        List<String> names = new ArrayList<>();
        if ((capsEx & RECONNECT) != 0) {
            names.add("Reconnect");
        }
        if ((capsEx & MULTITRACK) != 0) {
            names.add("Multitrack");
        }
        if ((capsEx & MOD_EX) != 0) {
            names.add("ModEx");
        }
        if ((capsEx & TIMESTAMP_NANO_OFFSET) != 0) {
            names.add("TimestampNanoOffset");
        }
        return names;
    }

    /** The names of the FourCcInfoMask bits in {@code flags}: "decode", "encode", "forward". */
    public static List<String> infoNames(int flags) {
        List<String> names = new ArrayList<>();
        if ((flags & CAN_DECODE) != 0) {
            names.add("decode");
        }
        if ((flags & CAN_ENCODE) != 0) {
            names.add("encode");
        }
        if ((flags & CAN_FORWARD) != 0) {
            names.add("forward");
        }
        return names;
    }
}
