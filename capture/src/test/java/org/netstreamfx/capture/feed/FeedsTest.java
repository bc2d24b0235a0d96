package org.netstreamfx.capture.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.netstreamfx.capture.device.CaptureClock;
import org.netstreamfx.capture.device.TestCamera;
import org.netstreamfx.capture.device.TestPattern;
import org.netstreamfx.capture.device.ToneMicrophone;
import org.netstreamfx.capture.encode.AacSettings;
import org.netstreamfx.capture.encode.H264Settings;
import org.netstreamfx.player.media.TrackKind;
import org.netstreamfx.player.publish.FeedConfig;
import org.netstreamfx.player.publish.FeedPacket;
import org.netstreamfx.player.publish.FeedSink;

/** The test camera and the tone through their encoders into a sink, on one capture clock. */
class FeedsTest {
    /** What a feed delivered; {@link #enough} completes once {@code wanted} packets have come. */
    static final class Sink implements FeedSink {
        final List<FeedConfig> configs = new CopyOnWriteArrayList<>();
        final List<FeedPacket> packets = new CopyOnWriteArrayList<>();
        final List<String> failures = new CopyOnWriteArrayList<>();
        final java.util.concurrent.CompletableFuture<List<FeedPacket>> enough =
                new java.util.concurrent.CompletableFuture<>();
        private final int wanted;

        Sink() {
            this(Integer.MAX_VALUE);
        }

        Sink(int wanted) {
            this.wanted = wanted;
        }

        @Override
        public void configure(FeedConfig config) {
            configs.add(config);
        }

        @Override
        public void packet(FeedPacket packet) {
            synchronized (this) {
                packets.add(packet);
                notifyAll();
            }
            if (packets.size() >= wanted) {
                enough.complete(List.copyOf(packets));
            }
        }

        /** Waits until {@code count} packets have come in all; fails the test after 10 s. */
        synchronized void awaitPackets(int count) throws InterruptedException {
            long deadline = System.nanoTime() + 10_000_000_000L;
            long left;
            while (packets.size() < count && (left = deadline - System.nanoTime()) > 0) {
                wait(Math.max(1, left / 1_000_000));
            }
            assertTrue(packets.size() >= count, "packets after 10 s: " + packets.size() + " of " + count
                    + (failures.isEmpty() ? "" : ", failures: " + failures));
        }

        @Override
        public void failed(String description) {
            failures.add(description);
            enough.completeExceptionally(new AssertionError(description));
        }
    }

    @Test
    void cameraAndMicrophoneFeedsConfigureFirstThenSendTimedPacketsOnOneClock() throws Exception {
        CaptureClock clock = CaptureClock.system();
        CameraFeed camera = new CameraFeed(new TestCamera(), H264Settings.of(160, 120, 25, 300), clock);
        MicrophoneFeed mic = new MicrophoneFeed(new ToneMicrophone(), new AacSettings(44_100, 2, 64), clock);
        Sink video = new Sink();
        Sink audio = new Sink();
        camera.start(video);
        mic.start(audio);
        int afterStop;
        try {
            video.awaitPackets(10);
            audio.awaitPackets(20);
            camera.stop();
            afterStop = video.packets.size();
            // The microphone runs on: its next 8 packets (~190 ms) are time in which a stopped camera's
            // picture (one every 40 ms) would have come; counted by event, not slept.
            audio.awaitPackets(audio.packets.size() + 8);
        } finally {
            camera.stop();
            mic.stop();
        }
        assertEquals(afterStop, video.packets.size(), "nothing after stop()");
        assertEquals(List.of(), video.failures);
        assertEquals(List.of(), audio.failures);
        FeedConfig v = video.configs.get(0);
        assertEquals(TrackKind.VIDEO, v.kind());
        assertEquals(1, v.decoderConfig()[0], "an AVCDecoderConfigurationRecord starts with version 1");
        assertEquals(160.0, v.metaData().get("width"));
        assertEquals(7.0, v.metaData().get("videocodecid"));
        assertTrue(((String) v.metaData().get("encoder")).startsWith("NetStreamFX ("), v.metaData().toString());
        FeedConfig a = audio.configs.get(0);
        assertEquals(TrackKind.AUDIO, a.kind());
        assertEquals(2, (a.decoderConfig()[0] & 0xFF) >> 3, "AudioSpecificConfig of AAC-LC (object type 2)");
        assertEquals(44_100.0, a.metaData().get("audiosamplerate"));
        assertEquals(true, a.metaData().get("stereo"));

        assertTrue(video.packets.get(0).keyframe(), "the first picture is a keyframe");
        for (int i = 1; i < video.packets.size(); i++) {
            assertTrue(video.packets.get(i).dtsUs() > video.packets.get(i - 1).dtsUs(), "video in decode order");
        }
        long firstVideo = video.packets.get(0).dtsUs();
        long firstAudio = audio.packets.get(0).dtsUs();
        assertTrue(Math.abs(firstVideo - firstAudio) < 500_000, "one clock: video starts at " + firstVideo
                + " us, audio at " + firstAudio + " us");
    }

    @Test
    void aCameraThatCannotOpenReportsFailedOnce() {
        CameraFeed camera = new CameraFeed(new TestCamera(), H264Settings.of(15_000 / 4, 4000, 25, 300),
                CaptureClock.system());
        Sink s = new Sink();
        camera.start(s);
        camera.stop();
        assertEquals(1, s.failures.size(), s.failures.toString());
        assertTrue(s.failures.get(0).startsWith("Camera test cannot be published: "), s.failures.get(0));
    }

    @Test
    void observersSeeEveryPictureAndBlockWhileItIsEncoded() throws Exception {
        CaptureClock clock = CaptureClock.system();
        CameraFeed camera = new CameraFeed(new TestCamera(), H264Settings.of(160, 120, 25, 300), clock);
        MicrophoneFeed mic = new MicrophoneFeed(new ToneMicrophone(), new AacSettings(44_100, 2, 64), clock);
        List<Long> codes = new CopyOnWriteArrayList<>();
        List<Double> peaks = new CopyOnWriteArrayList<>();
        camera.setFrameObserver(f -> codes.add(TestPattern.readFrameNumber(f.pixels(), f.width(), f.height(),
                f.strideBytes()) - f.frameNumber()));
        mic.setBlockObserver(b -> peaks.add(b.level().peakDbfs()));
        Sink video = new Sink();
        Sink audio = new Sink();
        camera.start(video);
        mic.start(audio);
        try {
            video.awaitPackets(5);
            audio.awaitPackets(5);
            camera.setFrameObserver(null);
            // The observer runs before the encoder on the capture thread: once one more packet has come,
            // a picture observed before the removal has finished its call.
            video.awaitPackets(video.packets.size() + 1);
            int seen = codes.size();
            // Five more encoded pictures, each captured after the removal: none may reach the observer.
            video.awaitPackets(video.packets.size() + 5);
            assertEquals(seen, codes.size(), "no picture after the observer is removed");
        } finally {
            camera.stop();
            mic.stop();
        }
        assertTrue(codes.size() >= 5, "pictures observed: " + codes.size());
        assertTrue(codes.stream().allMatch(d -> d == 0), "each observed picture carries its own number: " + codes);
        assertTrue(peaks.stream().anyMatch(p -> p > -40), "the tone is heard: " + peaks);
    }
}
