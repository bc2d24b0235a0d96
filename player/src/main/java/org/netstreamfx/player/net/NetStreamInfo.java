package org.netstreamfx.player.net;

import java.util.List;
import org.netstreamfx.player.media.StreamTrack;

/**
 * A snapshot of a NetStream's quality of service (flash.net.NetStreamInfo, plus what a tester
 * wants to see). Times in seconds, rates in bytes per second, as Flash's API speaks.
 *
 * @param currentBytesPerSecond  bytes arriving per second over the last second
 * @param byteCount              bytes loaded so far
 * @param audioBufferLength      seconds of audio buffered ahead of the playhead
 * @param videoBufferLength      seconds of video buffered ahead of the playhead
 * @param audioBufferByteLength  compressed audio bytes waiting to be decoded
 * @param videoBufferByteLength  compressed video bytes waiting to be decoded
 * @param decodedFrames          video frames decoded
 * @param droppedFrames          video frames decoded but not shown because they were late
 * @param renderedFrames         video frames shown
 * @param decodedAudioSamples    audio samples decoded, per channel
 * @param decodeErrors           packets a decoder rejected
 * @param avDriftMs              how far the last shown frame was from the audio clock (ms, + = late)
 * @param currentFps             frames shown over the last second
 * @param audioUnderruns         times the audio device ran dry while playing (each also a
 *                               NetStreamFX.Audio.Underrun warning)
 * @param tracks                 every audio and video track the stream carries (an Enhanced RTMP
 *                               multitrack stream has several of a kind), empty when not known
 */
public record NetStreamInfo(double currentBytesPerSecond, long byteCount, double audioBufferLength,
                            double videoBufferLength, long audioBufferByteLength, long videoBufferByteLength,
                            long decodedFrames, long droppedFrames, long renderedFrames, long decodedAudioSamples,
                            long decodeErrors, double avDriftMs, double currentFps, long audioUnderruns,
                            List<StreamTrack> tracks) {

    public NetStreamInfo {
        tracks = List.copyOf(tracks);
    }

    /** A snapshot that lists no tracks (publishing, or a source that does not list them). */
    public NetStreamInfo(double currentBytesPerSecond, long byteCount, double audioBufferLength,
                         double videoBufferLength, long audioBufferByteLength, long videoBufferByteLength,
                         long decodedFrames, long droppedFrames, long renderedFrames, long decodedAudioSamples,
                         long decodeErrors, double avDriftMs, double currentFps, long audioUnderruns) {
        this(currentBytesPerSecond, byteCount, audioBufferLength, videoBufferLength, audioBufferByteLength,
                videoBufferByteLength, decodedFrames, droppedFrames, renderedFrames, decodedAudioSamples,
                decodeErrors, avDriftMs, currentFps, audioUnderruns, List.of());
    }
}
