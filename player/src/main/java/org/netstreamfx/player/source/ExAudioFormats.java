package org.netstreamfx.player.source;

import org.netstreamfx.player.flv.Ac3FrameHeader;
import org.netstreamfx.player.flv.AudioCodec;
import org.netstreamfx.player.flv.FlacStreamInfo;
import org.netstreamfx.player.flv.MpegAudioFrameHeader;
import org.netstreamfx.player.flv.OpusHead;
import org.netstreamfx.player.media.Codec;
import org.netstreamfx.player.media.TrackFormat;
import org.netstreamfx.player.wire.WireFormatException;

/**
 * Enhanced RTMP v2 audio other than AAC (ExAudioTagHeader FourCCs Opus, fLaC, ac-3, ec-3,
 * .mp3) to the audio track FFmpeg decodes. Opus and FLAC are configured by their
 * SequenceStart, whose payload (the OpusHead; the FLAC STREAMINFO) is FFmpeg's extradata; AC-3,
 * E-AC-3 and MP3 carry no configuration (an empty SequenceStart, or none), so their track is
 * made from the header of the first coded frame and FFmpeg gets no extradata.
 */
final class ExAudioFormats {
    /** Opus packets are 20 ms unless the encoder was told otherwise (FFmpeg's and libopus's default). */
    static final long OPUS_FRAME_US = 20_000;
    private static final long US_PER_SECOND = 1_000_000L;

    /** A configured track and the duration of one of its packets. */
    record Configured(TrackFormat format, long frameUs) { }

    private ExAudioFormats() {
    }

    /** True for codecs whose track comes from a SequenceStart (Opus, FLAC). */
    static boolean configuredBySequenceStart(AudioCodec codec) {
        return codec == AudioCodec.OPUS || codec == AudioCodec.FLAC;
    }

    /** The track a SequenceStart of Opus or FLAC configures. */
    static Configured fromSequenceStart(int track, AudioCodec codec, byte[] payload) throws WireFormatException {
        if (codec == AudioCodec.OPUS) {
            OpusHead head = OpusHead.parse(payload);
            return new Configured(new TrackFormat(track, Codec.OPUS, payload, 0, 0, 0, OpusHead.DECODE_RATE_HZ,
                    head.channels(), 0, "", ""), OPUS_FRAME_US);
        }
        if (codec == AudioCodec.FLAC) {
            FlacStreamInfo info = FlacStreamInfo.parse(payload);
            return new Configured(new TrackFormat(track, Codec.FLAC, payload, 0, 0, 0, info.sampleRateHz(),
                    info.channels(), 0, "", ""), info.maxBlockSize() * US_PER_SECOND / info.sampleRateHz());
        }
        throw new IllegalArgumentException(codec + " has no sequence header");
    }

    /** The track of AC-3, E-AC-3 or MP3, from the header of its first coded frame. */
    static Configured fromFirstFrame(int track, AudioCodec codec, byte[] frame) throws WireFormatException {
        if (codec == AudioCodec.MP3) {
            MpegAudioFrameHeader h = MpegAudioFrameHeader.parse(frame);
            return new Configured(new TrackFormat(track, Codec.MP3, new byte[0], 0, 0, 0, h.sampleRateHz(),
                    h.channels(), 0, "", ""), h.samplesPerFrame() * US_PER_SECOND / h.sampleRateHz());
        }
        if (codec == AudioCodec.AC3 || codec == AudioCodec.EAC3) {
            Ac3FrameHeader h = Ac3FrameHeader.parse(frame);
            Codec c = codec == AudioCodec.AC3 ? Codec.AC3 : Codec.EAC3;
            return new Configured(new TrackFormat(track, c, new byte[0], 0, 0, 0, h.sampleRateHz(),
                    h.channels(), 0, "", ""), h.samplesPerFrame() * US_PER_SECOND / h.sampleRateHz());
        }
        throw new IllegalArgumentException(codec + " is configured by its sequence header");
    }
}
