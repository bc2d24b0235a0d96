package org.netstreamfx.capture.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.netstreamfx.capture.device.AudioBlockListener;
import org.netstreamfx.capture.device.AudioCapture;
import org.netstreamfx.capture.device.CaptureClock;
import org.netstreamfx.capture.device.Microphone;
import org.netstreamfx.capture.device.PcmFormat;
import org.netstreamfx.capture.device.ToneMicrophone;
import org.netstreamfx.capture.encode.AacEncoder;
import org.netstreamfx.capture.encode.AacSettings;
import org.netstreamfx.player.publish.FeedConfig;
import org.netstreamfx.player.publish.FeedPacket;

/** A microphone that cannot give the encoder's format is converted to it. */
class MicrophoneFeedTest {

    /** A headset that only records 16 kHz mono: the tone generated in that one format, whatever is asked. */
    private static final class Headset implements Microphone {
        static final PcmFormat ONLY = new PcmFormat(16_000, 1);
        private final ToneMicrophone tone = new ToneMicrophone();

        @Override
        public String id() {
            return "headset";
        }

        @Override
        public String name() {
            return "16 kHz mono headset";
        }

        @Override
        public List<PcmFormat> formats() {
            return List.of(ONLY);
        }

        @Override
        public AudioCapture open(PcmFormat wanted, CaptureClock clock, AudioBlockListener listener) {
            return tone.open(ONLY, clock, listener);
        }
    }

    @Test
    void aSixteenKilohertzMonoHeadsetIsPublishedAs48KilohertzStereoInRealTime() throws Exception {
        MicrophoneFeed feed = new MicrophoneFeed(new Headset(), new AacSettings(48_000, 2, 96), CaptureClock.system());
        // One second of 48 kHz is 46.9 AAC frames; unconverted 16 kHz would make a third of that.
        FeedsTest.Sink sink = new FeedsTest.Sink(47);
        long startNanos = System.nanoTime();
        feed.start(sink);
        List<FeedPacket> packets;
        try {
            packets = sink.enough.get(10, TimeUnit.SECONDS);
        } finally {
            feed.stop();
        }
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        assertEquals(List.of(), sink.failures);
        FeedConfig config = sink.configs.get(0);
        assertEquals(48_000.0, config.metaData().get("audiosamplerate"));
        assertEquals(true, config.metaData().get("stereo"));
        // AudioSpecificConfig: object type 2, sampling frequency index 3 (48 kHz), channel configuration 2.
        assertEquals(3, ((config.decoderConfig()[0] & 0x07) << 1) | ((config.decoderConfig()[1] & 0x80) >> 7));
        assertEquals(2, (config.decoderConfig()[1] & 0x78) >> 3);
        long stepUs = packets.get(packets.size() - 1).dtsUs() - packets.get(packets.size() - 2).dtsUs();
        assertEquals(AacEncoder.FRAME_SAMPLES * 1_000_000L / 48_000, stepUs, 1, "1024 samples at 48 kHz a frame");
        // 47 frames of 48 kHz audio come from about a second of capture (plus the encoder's priming and delay).
        assertTrue(seconds > 0.9 && seconds < 3, "47 AAC frames after " + seconds + " s of capture");
    }
}
