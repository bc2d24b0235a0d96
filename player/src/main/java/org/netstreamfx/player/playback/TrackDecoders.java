package org.netstreamfx.player.playback;

import org.netstreamfx.player.decode.DecoderException;
import org.netstreamfx.player.decode.FfmpegAudioDecoder;
import org.netstreamfx.player.decode.FfmpegVideoDecoder;
import org.netstreamfx.player.decode.FrameConsumer;
import org.netstreamfx.player.decode.VideoFramePool;
import org.netstreamfx.player.media.TrackFormat;
import org.netstreamfx.player.sink.AudioChunk;

/**
 * The decoders of a stream's video and audio track. A track gets a new decoder when its format
 * changes (an Enhanced RTMP track switch, see {@link TrackPipeline#start(org.netstreamfx.player.decode.FfmpegDecoder,
 * TrackPipeline.Reopener)}); the figures here add up over every decoder a track has had, so
 * decoded frames never go back.
 *
 * <p>Thread ownership: decoders are opened on the demux thread (the first) and on the track's
 * decoder thread (the next ones); the figures are read from any thread. Guarded by this.
 */
final class TrackDecoders {
    private FfmpegVideoDecoder video;
    private FfmpegAudioDecoder audio;
    private long videoFramesBefore;
    private long audioSamplesBefore;

    /** Opens the video decoder for {@code f}; the one before it, if any, has given out its last frame. */
    FfmpegVideoDecoder openVideo(TrackFormat f, VideoFramePool pool, FrameConsumer<VideoFramePool.PooledFrame> out,
            boolean live) throws DecoderException {
        FfmpegVideoDecoder d = new FfmpegVideoDecoder(f, pool, out, live);
        synchronized (this) {
            if (video != null) {
                videoFramesBefore += video.decodedFrames();
            }
            video = d;
        }
        return d;
    }

    /** Opens the audio decoder for {@code f}; the one before it, if any, has given out its last samples. */
    FfmpegAudioDecoder openAudio(TrackFormat f, FrameConsumer<AudioChunk> out) throws DecoderException {
        FfmpegAudioDecoder d = new FfmpegAudioDecoder(f, out);
        synchronized (this) {
            if (audio != null) {
                audioSamplesBefore += audio.decodedSamples();
            }
            audio = d;
        }
        return d;
    }

    synchronized long decodedVideoFrames() {
        return video == null ? 0 : videoFramesBefore + video.decodedFrames();
    }

    synchronized long decodedAudioSamples() {
        return audio == null ? 0 : audioSamplesBefore + audio.decodedSamples();
    }

    /** The profile the audio decoder found in the bitstream (implicit SBR/PS), or "". */
    synchronized String detectedAudioProfile() {
        return audio == null ? "" : audio.detectedProfile();
    }
}
