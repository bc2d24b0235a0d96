package org.netstreamfx.player.rtmp.client;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.netstreamfx.player.amf.AmfValue;
import org.netstreamfx.player.amf.AmfValue.AmfBoolean;
import org.netstreamfx.player.amf.AmfValue.AmfNumber;
import org.netstreamfx.player.amf.AmfValue.AmfObject;
import org.netstreamfx.player.amf.AmfValue.AmfStrictArray;
import org.netstreamfx.player.amf.AmfValue.AmfString;

/**
 * The connect command (Adobe RTMP specification 1.0, section 7.2.1.1), as Flash Player sends it:
 *
 * <pre>
 * "connect", 1, {app, flashVer, [swfUrl], tcUrl, fpad:false, capabilities:239, audioCodecs:3575,
 *                videoCodecs:252, videoFunction:1, [pageUrl], objectEncoding,
 *                fourCcList:["avc1","hvc1","av01","vp09","mp4a"],
 *                videoFourCcInfoMap:{avc1:3, …}, audioFourCcInfoMap:{mp4a:3, Opus:3, …}, capsEx:15},
 *                userArg*
 * </pre>
 *
 * <p>{@code fourCcList} is Enhanced RTMP v1 ("Enhancing NetConnection connect Command"): the
 * codecs this client can play beyond the legacy codec ids, kept for servers that read only it.
 * The FourCC maps and {@code capsEx} are v2 (see {@link EnhancedCaps}): each FourCC with
 * CanDecode and CanEncode as this FFmpeg build has them, and the Reconnect, ModEx and
 * TimestampNanoOffset bits. The audio and
 * video codec bit fields are those of section 7.2.1.1 (AAC, MP3, Speex, Nellymoser...; Sorenson,
 * VP6, H.264). The connect command is always AMF0 (type 20) with transaction id 1.
 */
public final class ConnectCommand {
    /** Transaction id of connect (RTMP 7.2.1.1: "always set to 1"). */
    public static final int TRANSACTION_ID = 1;
    /** SUPPORT_SND_* bits of 7.2.1.1 that Flash Player 10+ sends. */
    public static final int AUDIO_CODECS = 3575;
    /** SUPPORT_VID_* bits of 7.2.1.1 that Flash Player 10+ sends. */
    public static final int VIDEO_CODECS = 252;
    /** SUPPORT_VID_CLIENT_SEEK. */
    public static final int VIDEO_FUNCTION = 1;
    /** Flash Player's capabilities value. */
    public static final int CAPABILITIES = 239;
    /** Enhanced RTMP codecs we can decode. */
    public static final List<String> FOUR_CC_LIST = List.of("avc1", "hvc1", "av01", "vp09", "mp4a");

    private ConnectCommand() {
    }

    /** The command for {@code url} with {@code userArgs} appended after the command object. */
    public static Command build(RtmpUrl url, RtmpOptions options, int objectEncoding, List<AmfValue> userArgs) {
        Map<String, AmfValue> o = new LinkedHashMap<>();
        o.put("app", new AmfString(url.appField()));
        o.put("flashVer", new AmfString(options.flashVer()));
        if (options.swfUrl() != null) {
            o.put("swfUrl", new AmfString(options.swfUrl()));
        }
        o.put("tcUrl", new AmfString(url.tcUrl()));
        o.put("fpad", AmfBoolean.FALSE);
        o.put("capabilities", new AmfNumber(CAPABILITIES));
        o.put("audioCodecs", new AmfNumber(AUDIO_CODECS));
        o.put("videoCodecs", new AmfNumber(VIDEO_CODECS));
        o.put("videoFunction", new AmfNumber(VIDEO_FUNCTION));
        if (options.pageUrl() != null) {
            o.put("pageUrl", new AmfString(options.pageUrl()));
        }
        o.put("objectEncoding", new AmfNumber(objectEncoding));
        o.put("fourCcList", new AmfStrictArray(FOUR_CC_LIST.stream().map(s -> (AmfValue) new AmfString(s)).toList()));
        o.put("videoFourCcInfoMap", infoMap(EnhancedCaps.videoFourCcInfoMap()));
        o.put("audioFourCcInfoMap", infoMap(EnhancedCaps.audioFourCcInfoMap()));
        o.put("capsEx", new AmfNumber(EnhancedCaps.CLIENT_CAPS_EX));
        return new Command("connect", TRANSACTION_ID, new AmfObject(o), userArgs);
    }

    private static AmfObject infoMap(Map<String, Integer> flags) {
        Map<String, AmfValue> m = new LinkedHashMap<>();
        flags.forEach((fourCc, mask) -> m.put(fourCc, new AmfNumber(mask)));
        return new AmfObject(m);
    }
}
