package org.netstreamfx.e2e.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.netstreamfx.capture.device.CaptureClock;
import org.netstreamfx.capture.device.TestCamera;
import org.netstreamfx.capture.device.ToneMicrophone;
import org.netstreamfx.capture.encode.AacSettings;
import org.netstreamfx.capture.encode.EncoderException;
import org.netstreamfx.capture.encode.EncoderPick;
import org.netstreamfx.capture.encode.H264Settings;
import org.netstreamfx.capture.encode.VideoEncoders;
import org.netstreamfx.capture.feed.CameraFeed;
import org.netstreamfx.capture.feed.MicrophoneFeed;
import org.netstreamfx.e2e.rtmp.support.Ffmpeg8Ingest;
import org.netstreamfx.player.net.NetConnection;
import org.netstreamfx.player.net.NetStatusEvent;
import org.netstreamfx.player.net.NetStream;
import org.netstreamfx.player.publish.FeedCodec;

/**
 * Each of our encoders publishes to FFmpeg 8 as an RTMP ingest server (Enhanced RTMP v2 for
 * HEVC, AV1, VP9 and Opus; legacy FLV for H.264 and AAC), which writes what it receives to a
 * file; FFmpeg 8 reads the file back: the codec and frame size we sent, Opus or AAC at 48 kHz
 * stereo, and every packet decodes without an error. Clips are about a second at 320x180.
 */
class EnhancedPublishRoundTripTest {
    private static final int WIDTH = 320;
    private static final int HEIGHT = 180;
    private static final int FPS = 25;
    /** About a second of pictures, with a keyframe each second. */
    private static final int PICTURES = 30;
    private static final Duration LIMIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} + {1}")
    @CsvSource({"H264, AAC, h264", "H264, OPUS, h264", "AV1, AAC, av1", "AV1, OPUS, av1", "VP9, AAC, vp9",
        "VP9, OPUS, vp9", "HEVC, OPUS, hevc"})
    void ffmpeg8ReceivesTheCodecsAndSizeWeSend(FeedCodec video, FeedCodec audio, String ffmpegVideo) throws Exception {
        if (video == FeedCodec.HEVC && !hevcEncoderHere()) {
            // The LGPL natives have no HEVC encoder and this machine no GPU: publishing HEVC fails
            // at once, saying where libx265 comes from (with -Pgpl, or a GPU, the round trip runs).
            EncoderException refused = assertThrows(EncoderException.class, () -> VideoEncoders.open(FeedCodec.HEVC,
                    VideoEncoders.AUTO, H264Settings.of(WIDTH, HEIGHT, FPS, 300)));
            assertTrue(refused.getMessage().contains("libx265 comes with the GPL natives"), refused.getMessage());
            return;
        }
        Path out = dir.resolve(video + "-" + audio + ".mkv");
        List<EncoderPick> picks = new CopyOnWriteArrayList<>();
        try (Ffmpeg8Ingest ingest = Ffmpeg8Ingest.record(out, LIMIT)) {
            publish(ingest.appUrl(), video, audio, picks);
            assertTrue(ingest.awaitExit(LIMIT), "the ingest server did not end after the unpublish\n" + ingest.describe());
            List<String> streams = Ffmpeg8Ingest.streams(out);
            String v = line(streams, "Video:", ingest);
            String a = line(streams, "Audio:", ingest);
            assertTrue(v.contains("Video: " + ffmpegVideo), v);
            assertTrue(v.contains(WIDTH + "x" + HEIGHT), v);
            assertTrue(a.contains("Audio: " + audio.name().toLowerCase(Locale.ROOT)), a);
            assertTrue(a.contains("48000 Hz") && a.contains("stereo"), a);
            assertEquals("", Ffmpeg8Ingest.decodeErrors(out), "FFmpeg 8 decodes the recording cleanly");
        }
        assertEquals(1, picks.size(), picks.toString());
        assertEquals(video, picks.get(0).codec());
    }

    /** libx265 (the GPL natives) or a hardware HEVC encoder that opens. */
    private static boolean hevcEncoderHere() {
        return VideoEncoders.inNatives("libx265") || VideoEncoders.known().stream().anyMatch(k ->
                k.codec() == FeedCodec.HEVC && k.hardware() && k.inNatives()
                && VideoEncoders.probe(k.codec(), k.name(), VideoEncoders.PROBE_LIMIT).available());
    }

    private static String line(List<String> streams, String kind, Ffmpeg8Ingest ingest) {
        return streams.stream().filter(l -> l.contains(kind)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " stream in " + streams + "\n" + ingest.describe()));
    }

    /** Connects, publishes {@link #PICTURES} pictures and the tone alongside, and unpublishes. */
    private static void publish(String appUrl, FeedCodec video, FeedCodec audio, List<EncoderPick> picks)
            throws InterruptedException {
        NetConnection nc = new NetConnection();
        List<NetStatusEvent> events = new CopyOnWriteArrayList<>();
        CountDownLatch connected = new CountDownLatch(1);
        nc.addNetStatusListener(e -> {
            events.add(e);
            connected.countDown();
        });
        try {
            nc.connect(appUrl);
            assertTrue(connected.await(LIMIT.toSeconds(), TimeUnit.SECONDS) && nc.connected(), "not connected: " + events);
            NetStream ns = new NetStream(nc);
            CountDownLatch started = new CountDownLatch(1);
            ns.addNetStatusListener(e -> {
                events.add(e);
                if (e.code().equals("NetStream.Publish.Start")) {
                    started.countDown();
                }
            });
            CaptureClock clock = CaptureClock.system();
            CountDownLatch pictures = new CountDownLatch(PICTURES);
            CameraFeed camera = new CameraFeed(new TestCamera(), H264Settings.of(WIDTH, HEIGHT, FPS, 300)
                    .withKeyframeInterval(1), video, VideoEncoders.AUTO, clock);
            camera.setEncoderListener(picks::add);
            ns.attachCamera(camera);
            ns.attachAudio(new MicrophoneFeed(new ToneMicrophone(), new AacSettings(48_000, 2, 64), audio, clock));
            ns.publish(Ffmpeg8Ingest.STREAM, "live");
            assertTrue(started.await(LIMIT.toSeconds(), TimeUnit.SECONDS), "no Publish.Start: " + events);
            camera.setFrameObserver(f -> pictures.countDown());
            assertTrue(pictures.await(LIMIT.toSeconds(), TimeUnit.SECONDS), "the camera stalled: " + events);
            assertTrue(events.stream().noneMatch(NetStatusEvent::isError), events.toString());
            ns.close();
        } finally {
            nc.close();
        }
    }
}
