package org.netstreamfx.player.publish;

import java.util.ArrayList;
import java.util.List;
import org.netstreamfx.player.media.Codec;
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
                tracks.add(FeedFormats.format(VIDEO_TRACK, video));
            }
            if (audio != null && recordable(audio)) {
                tracks.add(FeedFormats.format(AUDIO_TRACK, audio));
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
        recorder.write(FeedFormats.packet(p.kind() == TrackKind.VIDEO ? VIDEO_TRACK : AUDIO_TRACK, p,
                p.kind() == TrackKind.VIDEO ? video : audio));
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
        return FeedFormats.mediaCodec(c.codec()) != null;
    }
}
