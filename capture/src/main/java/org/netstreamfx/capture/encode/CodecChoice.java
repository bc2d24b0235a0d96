package org.netstreamfx.capture.encode;

import java.util.List;
import java.util.Locale;
import org.netstreamfx.player.publish.FeedCodec;
import org.netstreamfx.player.media.TrackKind;

/**
 * The codecs and encoder a publisher asks for, as the command line and the publisher view name
 * them: video {@code h264|hevc|av1|vp9}, audio {@code aac|opus}, encoder {@code
 * auto|software|NAME}; and the audio rate each audio codec is published at (AAC 44.1 kHz, as
 * before; Opus 48 kHz, its own rate).
 *
 * @param video   the video codec
 * @param audio   the audio codec
 * @param encoder {@link VideoEncoders#AUTO}, {@link VideoEncoders#SOFTWARE} or an FFmpeg encoder name
 */
public record CodecChoice(FeedCodec video, FeedCodec audio, String encoder) {
    /** The names {@link #parse} takes, in the order a menu lists them. */
    public static final List<String> VIDEO_NAMES = List.of("h264", "hevc", "av1", "vp9");
    public static final List<String> AUDIO_NAMES = List.of("aac", "opus");
    public static final List<String> ENCODER_MODES = List.of(VideoEncoders.AUTO, VideoEncoders.SOFTWARE);
    /** H.264 and AAC, encoder auto. */
    public static final CodecChoice DEFAULT = new CodecChoice(FeedCodec.H264, FeedCodec.AAC, VideoEncoders.AUTO);
    private static final int AAC_RATE_HZ = 44_100;

    public CodecChoice {
        if (video.kind() != TrackKind.VIDEO || audio.kind() != TrackKind.AUDIO) {
            throw new IllegalArgumentException(video + " / " + audio + " is not a video and an audio codec");
        }
        if (encoder.isBlank()) {
            throw new IllegalArgumentException("the encoder is auto, software or an encoder name");
        }
    }

    /**
     * From the names: {@code video} among {@link #VIDEO_NAMES}, {@code audio} among {@link
     * #AUDIO_NAMES}.
     *
     * @throws IllegalArgumentException naming what is not known
     */
    public static CodecChoice parse(String video, String audio, String encoder) {
        String v = video.toLowerCase(Locale.ROOT);
        String a = audio.toLowerCase(Locale.ROOT);
        if (!VIDEO_NAMES.contains(v)) {
            throw new IllegalArgumentException("--video-codec is one of " + String.join(", ", VIDEO_NAMES) + ", not " + video);
        }
        if (!AUDIO_NAMES.contains(a)) {
            throw new IllegalArgumentException("--audio-codec is one of " + String.join(", ", AUDIO_NAMES) + ", not " + audio);
        }
        return new CodecChoice(FeedCodec.valueOf(v.toUpperCase(Locale.ROOT)), FeedCodec.valueOf(a.toUpperCase(Locale.ROOT)),
                encoder);
    }

    /** The name of a codec as {@link #parse} takes it: "h264", "opus". */
    public static String name(FeedCodec c) {
        return c.name().toLowerCase(Locale.ROOT);
    }

    /** The rate the microphone is encoded at: 48000 Hz for Opus, 44100 Hz for AAC. */
    public int audioRateHz() {
        return audio == FeedCodec.OPUS ? OpusEncoder.SAMPLE_RATE_HZ : AAC_RATE_HZ;
    }
}
