package org.netstreamfx.e2e.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netstreamfx.e2e.fixtures.Tools;
import org.netstreamfx.e2e.rtmp.support.Ffmpeg8Ingest;
import org.netstreamfx.player.media.MediaPacket;
import org.netstreamfx.player.media.TrackFormat;
import org.netstreamfx.player.publish.FeedCodec;
import org.netstreamfx.player.record.FlvRecorder;
import org.netstreamfx.player.record.ForwardingRecorder;
import org.netstreamfx.player.record.FragmentedMp4Recorder;
import org.netstreamfx.player.record.RecordStatus;
import org.netstreamfx.player.record.Recorder;

/**
 * Our publisher sends VP9 (libvpx-vp9) and Opus to FFmpeg 8 as an RTMP ingest server and records
 * what it publishes locally (publish/PublishRecording), to an enhanced FLV and a fragmented MP4 at
 * once. FFmpeg 8 reads both recordings as it reads what the server received: VP9 320x180 and
 * Opus 48 kHz stereo ('vp09' and 'Opus' sample entries in the MP4), about as many pictures, as
 * long in sound as in pictures, and every packet decodes cleanly.
 */
class RecordPublishedEnhancedTest {
    @Test
    void vp9AndOpusPublishedAreRecordedToFlvAndMp4(@TempDir Path dir) throws Exception {
        Path received = dir.resolve("received.mkv");
        Path flv = dir.resolve("published.flv");
        Path mp4 = dir.resolve("published.mp4");
        List<RecordStatus> statuses = new CopyOnWriteArrayList<>();
        try (Ffmpeg8Ingest ingest = Ffmpeg8Ingest.record(received, LIMIT)) {
            EnginePublisher publisher = EnginePublisher.publishing(ingest.appUrl(), WIDTH, HEIGHT, FPS, FeedCodec.VP9,
                    FeedCodec.OPUS);
            try {
                publisher.ns.recordPublished(new BothFormats(new FlvRecorder(flv, Runnable::run, statuses::add),
                        new FragmentedMp4Recorder(mp4, Runnable::run, statuses::add)));
                publisher.ns.publish(Ffmpeg8Ingest.STREAM, "live");
                publisher.await("NetStream.Publish.Start", LIMIT);
                publisher.awaitMoreFrames(PICTURES, LIMIT);
                assertTrue(publisher.events.stream().noneMatch(e -> e.isError()), publisher.events.toString());
            } finally {
                publisher.close();
            }
            assertTrue(ingest.awaitExit(LIMIT), "the ingest server did not end after the unpublish\n" + ingest.describe());
        }
        assertEquals(List.of(RecordStatus.Kind.STARTED, RecordStatus.Kind.STARTED, RecordStatus.Kind.STOPPED,
                RecordStatus.Kind.STOPPED), statuses.stream().map(RecordStatus::kind).toList(), statuses::toString);
        int videoSent = packets(received, "v");
        int audioSent = packets(received, "a");
        for (Path recording : List.of(flv, mp4)) {
            List<String> streams = Ffmpeg8Ingest.streams(recording);
            String v = line(streams, "Video:", recording);
            String a = line(streams, "Audio:", recording);
            assertTrue(v.contains("Video: vp9") && v.contains(WIDTH + "x" + HEIGHT), v);
            assertTrue(a.contains("Audio: opus") && a.contains("48000 Hz") && a.contains("stereo"), a);
            if (recording == mp4) {
                assertTrue(v.contains("(vp09 /") && a.contains("(Opus /"), streams.toString());
            }
            int video = packets(recording, "v");
            int audio = packets(recording, "a");
            assertEquals(videoSent, video, PACKETS_TOLERANCE, recording + " video packets");
            // The sound before the first recorded keyframe went to the server only, and the last packets
            // may reach the recording and not the server before the unpublish: held against the pictures.
            assertTrue(audio <= audioSent + PACKETS_TOLERANCE, recording + ": " + audio + " audio packets of "
                    + audioSent + " sent");
            assertEquals(OPUS_PACKETS_PER_PICTURE * video, audio, OPUS_PACKETS_TOLERANCE,
                    recording + ": as long in sound as in pictures (" + video + " pictures)");
            assertEquals("", Ffmpeg8Ingest.decodeErrors(recording), recording + " decodes cleanly");
        }
    }

    private static String line(List<String> streams, String kind, Path file) {
        return streams.stream().filter(l -> l.contains(kind)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " stream in " + file + ": " + streams));
    }

    /** The packets FFmpeg 8 reads on the file's first {@code kind} ("v", "a") stream. */
    private static int packets(Path file, String kind) {
        Tools.Result r = Tools.run(List.of(Ffmpeg8Ingest.program().toString(), "-hide_banner", "-nostdin", "-i",
                file.toString(), "-map", "0:" + kind + ":0", "-c", "copy", "-f", "framecrc", "-"), READ_TIMEOUT);
        return (int) r.stdout().lines().filter(l -> !l.isBlank() && !l.startsWith("#")).count();
    }

    private static final int WIDTH = 320;
    private static final int HEIGHT = 180;
    private static final int FPS = 25;
    /** About a second and a half of pictures: two keyframes. */
    private static final int PICTURES = 40;
    private static final Duration LIMIT = Duration.ofSeconds(20);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);
    /**
     * The recording starts at the first keyframe once both feeds have configured, the server at
     * Publish.Start; the last packets may reach one and not the other before the unpublish.
     */
    private static final int PACKETS_TOLERANCE = 6;
    /** Opus packets are 20 ms, pictures 40 ms apart. */
    private static final int OPUS_PACKETS_PER_PICTURE = 2;
    /** Half a second of Opus: the feeds start and stop on their own encoders' threads. */
    private static final int OPUS_PACKETS_TOLERANCE = 25;

    /** Records to two files at once: every call goes to both. */
    private static final class BothFormats extends ForwardingRecorder {
        private final Recorder second;

        BothFormats(Recorder first, Recorder second) {
            super(first);
            this.second = second;
        }

        @Override
        public void start(List<TrackFormat> tracks) {
            file.start(tracks);
            second.start(tracks);
        }

        @Override
        public void write(MediaPacket packet) {
            file.write(packet);
            second.write(packet);
        }

        @Override
        public void writeData(String name, List<?> args) {
            file.writeData(name, args);
            second.writeData(name, args);
        }

        @Override
        public void stop() {
            file.stop();
            second.stop();
        }
    }
}
