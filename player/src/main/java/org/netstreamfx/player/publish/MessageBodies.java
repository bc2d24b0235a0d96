package org.netstreamfx.player.publish;

import org.netstreamfx.player.flv.FlvTagBodies;
import org.netstreamfx.player.media.TrackKind;

/**
 * The RTMP audio/video message body for a feed's header, packets and end, in the form its codec
 * travels in ({@link FeedCodec#legacy()}): the legacy FLV bodies of {@link FlvTagBodies} for H.264
 * and AAC, the Enhanced RTMP ones of {@link ExTagBodies} for the others.
 */
final class MessageBodies {
    private MessageBodies() {
    }

    /**
     * The sequence header (legacy) or SequenceStart (enhanced) for {@code c}; for a further video
     * track (trackId 1..), its Multitrack OneTrack SequenceStart ({@link MultitrackBodies}).
     */
    static byte[] header(FeedConfig c) {
        if (c.trackId() != 0) {
            return MultitrackBodies.sequenceStart(c.codec(), c.decoderConfig(), c.trackId());
        }
        if (c.kind() == TrackKind.VIDEO) {
            return c.codec().legacy() ? FlvTagBodies.avcSequenceHeader(c.decoderConfig())
                    : ExTagBodies.videoSequenceStart(c.codec(), c.decoderConfig());
        }
        return c.codec().legacy() ? FlvTagBodies.aacSequenceHeader(c.decoderConfig())
                : ExTagBodies.audioSequenceStart(c.codec(), c.decoderConfig());
    }

    /**
     * One packet of a track whose codec is {@code codec}; {@code compositionTimeMs} for video. A
     * further video track's packet is a Multitrack OneTrack message.
     */
    static byte[] packet(FeedCodec codec, FeedPacket p, int compositionTimeMs) {
        if (p.trackId() != 0) {
            return MultitrackBodies.frames(codec, p.keyframe(), compositionTimeMs, p.data(), p.trackId());
        }
        if (p.kind() == TrackKind.VIDEO) {
            return codec.legacy() ? FlvTagBodies.avcNalu(p.keyframe(), compositionTimeMs, p.data())
                    : ExTagBodies.videoFrames(codec, p.keyframe(), compositionTimeMs, p.data());
        }
        return codec.legacy() ? FlvTagBodies.aacRaw(p.data()) : ExTagBodies.audioFrames(codec, p.data());
    }

    /**
     * The SequenceEnd that closes an enhanced track, or null for a legacy one (which has none sent);
     * a further video track, enhanced whatever its codec, ends with its OneTrack SequenceEnd.
     */
    static byte[] end(FeedConfig c) {
        if (c.trackId() != 0) {
            return MultitrackBodies.sequenceEnd(c.codec(), c.trackId());
        }
        if (c.codec().legacy()) {
            return null;
        }
        return c.kind() == TrackKind.VIDEO ? ExTagBodies.videoSequenceEnd(c.codec())
                : ExTagBodies.audioSequenceEnd(c.codec());
    }
}
