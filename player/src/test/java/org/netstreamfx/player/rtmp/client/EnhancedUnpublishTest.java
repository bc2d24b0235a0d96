package org.netstreamfx.player.rtmp.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.netstreamfx.player.rtmp.client.FakeRtmpServer.info;
import static org.netstreamfx.player.rtmp.client.FakeRtmpServer.num;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.netstreamfx.player.media.TrackKind;
import org.netstreamfx.player.net.NetConnection;
import org.netstreamfx.player.net.NetStream;
import org.netstreamfx.player.publish.FeedCodec;
import org.netstreamfx.player.publish.FeedConfig;
import org.netstreamfx.player.publish.FeedPacket;
import org.netstreamfx.player.publish.FeedSink;
import org.netstreamfx.player.rtmp.message.MessageType;
import org.netstreamfx.player.rtmp.message.RtmpMessage;

/**
 * Unpublishing a stream of enhanced codecs ends each track with its SequenceEnd (Enhanced RTMP v2:
 * packet type 2), after its last frame and before FCUnpublish, even though the feeds stop, and
 * forget their configurations, before the session closes.
 */
class EnhancedUnpublishTest {
    private static final byte[] VP9_CONFIG = {1, 0, 0x1F, 0, 0, 0, 0, 0};
    private static final byte[] OPUS_HEAD = {'O', 'p', 'u', 's', 'H', 'e', 'a', 'd', 1, 2, 0, 0, (byte) 0x80, (byte) 0xBB,
        0, 0, 0, 0, 0};

    /** A hand-driven feed of an enhanced codec. */
    private static final class EnhancedFeed extends NetStreamPublishTest.HandFeed {
        private final FeedConfig config;

        EnhancedFeed(FeedConfig config) {
            super(config.kind());
            this.config = config;
        }

        @Override
        public void start(FeedSink s) {
            sink = s;
            s.configure(config);
        }
    }

    private static String describe(RtmpMessage m) {
        byte[] p = m.payload();
        return String.format("%s t%d %02x %c%c%c%c", m.type() == MessageType.VIDEO ? "video" : "audio",
                m.timestampMs(), p[0], p[1], p[2], p[3], p[4]);
    }

    @Test
    void eachEnhancedTrackEndsWithItsSequenceEndBeforeFcUnpublish() throws Exception {
        CompletableFuture<List<String>> wire = new CompletableFuture<>();
        try (FakeRtmpServer server = new FakeRtmpServer(p -> {
            p.connectOk();
            while (true) {
                var c = p.readCommand();
                if (c.name().equals("createStream")) {
                    p.result(c.transactionId(), num(1));
                }
                if (c.name().equals("publish")) {
                    break;
                }
            }
            p.onStatus(1, info("status", "NetStream.Publish.Start", "published."));
            List<String> got = new ArrayList<>();
            while (true) {
                RtmpMessage m = p.read();
                if (m.type() == MessageType.VIDEO || m.type() == MessageType.AUDIO) {
                    got.add(describe(m));
                } else if (m.type() == MessageType.COMMAND_AMF0) {
                    String name = p.codec.decode(m).name();
                    got.add(name);
                    if (name.equals("FCUnpublish")) {
                        break;
                    }
                }
            }
            wire.complete(got);
            p.awaitClose();
        })) {
            Events ncEvents = new Events();
            NetConnection nc = new NetConnection();
            nc.addNetStatusListener(ncEvents);
            nc.connect(server.url("live"));
            ncEvents.await("NetConnection.Connect.Success", 5);
            Events events = new Events();
            NetStream ns = new NetStream(nc);
            ns.addNetStatusListener(events);
            EnhancedFeed camera = new EnhancedFeed(new FeedConfig(TrackKind.VIDEO, VP9_CONFIG,
                    Map.of("width", 320.0, "height", 180.0), FeedCodec.VP9));
            EnhancedFeed mic = new EnhancedFeed(new FeedConfig(TrackKind.AUDIO, OPUS_HEAD,
                    Map.of("audiosamplerate", 48000.0), FeedCodec.OPUS));
            ns.attachCamera(camera);
            ns.attachAudio(mic);
            ns.publish("key", "live");
            events.await("NetStream.Publish.Start", 5);
            camera.keyframeRequested.get(5, TimeUnit.SECONDS);
            camera.sink.packet(new FeedPacket(TrackKind.VIDEO, 1_000_000, 1_000_000, true, new byte[] {1, 2, 3}));
            mic.sink.packet(new FeedPacket(TrackKind.AUDIO, 1_010_000, 1_010_000, true, new byte[] {4, 5}));
            camera.sink.packet(new FeedPacket(TrackKind.VIDEO, 1_040_000, 1_040_000, false, new byte[] {6, 7}));
            ns.publish(null);
            List<String> sent = wire.get(10, TimeUnit.SECONDS);
            int end = sent.indexOf("FCUnpublish");
            // 0x92: an ExHeader tag of packet type 2, SequenceEnd; after it the codec's FourCC.
            assertEquals(List.of("video t40 92 vp09", "audio t40 92 Opus", "FCUnpublish"),
                    sent.subList(end - 2, end + 1), "the stream's end: " + sent);
            assertEquals("video t40 a1 vp09", sent.get(end - 3), "after the last frame: " + sent);
            events.await("NetStream.Unpublish.Success", 6);
            nc.close();
        }
    }
}
