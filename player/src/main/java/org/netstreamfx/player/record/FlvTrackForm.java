package org.netstreamfx.player.record;

import java.io.IOException;
import org.netstreamfx.player.flv.EnhancedTagBodies;
import org.netstreamfx.player.flv.FlacStreamInfo;
import org.netstreamfx.player.media.Codec;
import org.netstreamfx.player.flv.FlvTagBodies;
import org.netstreamfx.player.media.TrackFormat;
import org.netstreamfx.player.media.TrackKind;

/**
 * How one track's tags look in the FLV file the recorder writes. H.264, AAC and MP3 keep the
 * legacy headers (FLV/F4V spec v10.1 annex E.4.2, E.4.3), which every FLV reader knows; HEVC,
 * AV1, VP9, Opus, FLAC, AC-3 and E-AC-3, which legacy FLV has no id for, get the Enhanced RTMP v2
 * headers (an enhanced FLV file holds the same tag bodies as RTMP):
 *
 * <pre>
 * video  SequenceStart with the configuration record (hvcC, av1C, vpcC) before the first frame,
 *        CodedFrames (HEVC: SI24 composition time, CodedFramesX when it is 0), SequenceEnd at stop
 * audio  SequenceStart where the codec has one (Opus: OpusHead; FLAC: STREAMINFO), CodedFrames
 * </pre>
 *
 * onMetaData names an enhanced codec by its FourCC as a number, as E-RTMP says and FFmpeg 8's
 * FLV muxer writes ("vp09" is 1987063865.0). H.266 has no FourCC in Enhanced RTMP v2, so FLV
 * cannot keep it: {@link #of} refuses it, naming MP4.
 */
final class FlvTrackForm {
    private static final byte[] NONE = new byte[0];

    private final TrackFormat track;
    private final boolean enhanced;
    private final int fourCc;
    private final byte[] audioPrefix;

    private FlvTrackForm(TrackFormat track, boolean enhanced) {
        this.track = track;
        this.enhanced = enhanced;
        this.fourCc = enhanced ? EnhancedTagBodies.fourCcValue(track.codec().fourCc()) : 0;
        this.audioPrefix = switch (track.codec()) {
            case AAC -> FlvTagBodies.aacRawPrefix();
            case MP3 -> new byte[] {FlvTagBodies.mp3Header(track.sampleRateHz(), track.channels())};
            default -> enhanced ? EnhancedTagBodies.audioFramesPrefix(fourCc) : NONE;
        };
    }

    /** The form of {@code track}, or an IOException naming what cannot go in an FLV and where it can. */
    static FlvTrackForm of(TrackFormat track) throws IOException {
        if (!keeps(track.codec())) {
            throw new IOException("FLV cannot keep " + track.codec().displayName()
                    + " (Enhanced RTMP v2 gives it no FourCC); record to .mp4");
        }
        boolean legacy = track.codec() == Codec.H264 || track.codec() == Codec.AAC || track.codec() == Codec.MP3;
        return new FlvTrackForm(track, !legacy);
    }

    /** Whether an FLV can hold the codec: every one but H.266, which has no Enhanced RTMP v2 FourCC. */
    static boolean keeps(Codec codec) {
        return codec != Codec.VVC;
    }

    /** The tag body that configures the track before its first frame, or null when it has none. */
    byte[] sequenceStart() throws IOException {
        return switch (track.codec()) {
            case H264 -> FlvTagBodies.avcSequenceHeader(track.extradata());
            case AAC -> FlvTagBodies.aacSequenceHeader(track.extradata());
            case HEVC, AV1 -> EnhancedTagBodies.videoSequenceStart(fourCc, required(track.extradata()));
            case VP9 -> EnhancedTagBodies.videoSequenceStart(fourCc, VpCodecConfiguration.of(track));
            case OPUS -> EnhancedTagBodies.audioSequenceStart(fourCc, required(track.extradata()));
            case FLAC -> EnhancedTagBodies.audioSequenceStart(fourCc, FlacStreamInfo.block(track.extradata()));
            default -> null;
        };
    }

    /** The bytes before one frame of this track. */
    byte[] prefix(boolean keyframe, int compositionTimeMs) {
        return switch (track.codec()) {
            case H264 -> FlvTagBodies.avcNaluPrefix(keyframe, compositionTimeMs);
            case HEVC -> EnhancedTagBodies.videoFramesPrefix(fourCc, true, keyframe, compositionTimeMs);
            case AV1, VP9 -> EnhancedTagBodies.videoFramesPrefix(fourCc, false, keyframe, 0);
            default -> audioPrefix;
        };
    }

    /** The tag body that ends the track at stop (enhanced video: SequenceEnd), or null. */
    byte[] sequenceEnd() {
        return enhanced && track.kind() == TrackKind.VIDEO
                ? EnhancedTagBodies.videoSequenceEnd(fourCc) : null;
    }

    /** onMetaData's videocodecid / audiocodecid: the legacy id, or the FourCC as a number. */
    double metaDataCodecId() {
        return enhanced ? Integer.toUnsignedLong(fourCc) : track.codec().flvCodecId();
    }

    private byte[] required(byte[] config) throws IOException {
        if (config.length == 0) {
            throw new IOException(track.codec().displayName() + " came without its configuration ("
                    + track.codec().fourCc() + "), which an FLV must start with");
        }
        return config;
    }

}
