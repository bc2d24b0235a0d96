package org.netstreamfx.player.publish;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.netstreamfx.player.media.Codec;
import org.netstreamfx.player.media.MediaPacket;
import org.netstreamfx.player.media.TrackFormat;
import org.netstreamfx.player.media.TrackKind;
import org.netstreamfx.player.record.Recorder;

/**
 * A local recording of what a stream publishes: the feeds' packets, as encoded, to a {@link
 * Recorder} (FLV or fragmented MP4). It starts at the first packet once every attached feed has
 * configured, goes on across reconnects, and stops when publishing stops. Across a reconnect the
 * file keeps everything captured, its timeline continuous (the capture clock's); the time the
 * stream was off air, from the drop ({@link #offAir()}) to the reconnect ({@link #onAir()}), is
 * marked as a gap whose media is kept ({@link Recorder#markGap}, reason {@code reconnect}). The
 * recorder reports Record.Start/Stop/Failed itself; a failed recording never stops the stream.
 *
 * <p>Threads: called on the feeds' threads and by the publisher; synchronized.
 */
final class PublishRecording {
    private static final int VIDEO_TRACK = 0;
    private static final int AUDIO_TRACK = 1;
    /** Samples per AAC-LC frame (ISO/IEC 14496-3, 1024 per raw data block). */
    private static final int AAC_FRAME_SAMPLES = 1024;
    /** Samples per Opus packet: libopus's 20 ms at 48 kHz, which the Opus encoder keeps. */
    private static final int OPUS_FRAME_SAMPLES = 960;

    private final Recorder recorder;
    private boolean started;
    /** False when the audio codec has no {@link Codec} the recorder knows: video only then. */
    private boolean recordsAudio;
    private long lastDtsUs = Long.MIN_VALUE;
    private long offAirFromUs = Long.MIN_VALUE;

    PublishRecording(Recorder recorder) {
        this.recorder = recorder;
    }

    /** Records {@code p}; the first call with every wanted config present starts the recorder. */
    synchronized void packet(FeedPacket p, FeedConfig video, FeedConfig audio, boolean wantVideo, boolean wantAudio) {
        if (!started) {
            if ((wantVideo && video == null) || (wantAudio && audio == null)) {
                return;
            }
            List<TrackFormat> tracks = new ArrayList<>(2);
            if (video != null && recordable(video)) {
                tracks.add(format(VIDEO_TRACK, video));
            }
            if (audio != null && recordable(audio)) {
                tracks.add(format(AUDIO_TRACK, audio));
                recordsAudio = true;
            }
            if (tracks.isEmpty()) {
                return;
            }
            recorder.start(tracks);
            started = true;
        }
        if (p.kind() == TrackKind.AUDIO && !recordsAudio) {
            return;
        }
        recorder.write(new MediaPacket(p.kind() == TrackKind.VIDEO ? VIDEO_TRACK : AUDIO_TRACK, p.ptsUs(), p.dtsUs(),
                durationUs(p.kind() == TrackKind.VIDEO ? video : audio), p.keyframe(), p.data()));
        lastDtsUs = Math.max(lastDtsUs, p.dtsUs());
    }

    /** The connection dropped: what is recorded from now on is not sent. */
    synchronized void offAir() {
        if (started && offAirFromUs == Long.MIN_VALUE && lastDtsUs != Long.MIN_VALUE) {
            offAirFromUs = lastDtsUs;
        }
    }

    /** Connected again (republishing): the span since {@link #offAir()} is marked. */
    synchronized void onAir() {
        if (offAirFromUs != Long.MIN_VALUE && lastDtsUs > offAirFromUs) {
            recorder.markGap(offAirFromUs, lastDtsUs - offAirFromUs, "reconnect", true);
        }
        offAirFromUs = Long.MIN_VALUE;
    }

    synchronized void stop() {
        if (started) {
            recorder.stop();
        } else {
            recorder.close();
        }
    }

    /** Whether the recorder knows the codec: every feed codec has its {@link Codec} (Opus too). */
    private static boolean recordable(FeedConfig c) {
        return mediaCodec(c.codec()) != null;
    }

    private static Codec mediaCodec(FeedCodec f) {
        for (Codec c : Codec.values()) {
            if (c.kind() == f.kind() && c.fourCc().equals(f.fourCc())) {
                return c;
            }
        }
        return null;
    }

    private static TrackFormat format(int index, FeedConfig c) {
        Map<String, Object> m = c.metaData();
        if (c.kind() == TrackKind.VIDEO) {
            return new TrackFormat(index, mediaCodec(c.codec()), c.decoderConfig(), number(m, "width"), number(m, "height"),
                    number(m, "framerate"), 0, 0, number(m, "videodatarate") * 1000L, "", "");
        }
        Codec codec = mediaCodec(c.codec());
        return new TrackFormat(index, codec, c.decoderConfig(), 0, 0, 0, number(m, "audiosamplerate"),
                Boolean.TRUE.equals(m.get("stereo")) ? 2 : 1, number(m, "audiodatarate") * 1000L,
                codec == Codec.AAC ? "LC" : "", "");
    }

    /**
     * A packet's duration: a frame period for video, 1024 samples for AAC, 960 for Opus. Without
     * it the mp4 muxer cannot know how long the last sample of a fragment lasts, and a fragment of one
     * sample (keyframes asked for in a row) starts at that sample's own time: two samples with
     * one decode time, which ffmpeg then reports as non-monotonic.
     */
    private static long durationUs(FeedConfig c) {
        if (c == null) {
            return 0;
        }
        Map<String, Object> m = c.metaData();
        if (c.kind() == TrackKind.VIDEO) {
            int fps = number(m, "framerate");
            return fps > 0 ? 1_000_000L / fps : 0;
        }
        int rate = number(m, "audiosamplerate");
        int samples = c.codec() == FeedCodec.OPUS ? OPUS_FRAME_SAMPLES : AAC_FRAME_SAMPLES;
        return rate > 0 ? samples * 1_000_000L / rate : 0;
    }

    private static int number(Map<String, Object> m, String key) {
        return m.get(key) instanceof Number n ? (int) Math.round(n.doubleValue()) : 0;
    }
}
