package org.netstreamfx.player.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.netstreamfx.player.amf.Amf0Writer;
import org.netstreamfx.player.amf.AmfBombs;
import org.netstreamfx.player.amf.AmfValues;
import org.netstreamfx.player.media.Codec;
import org.netstreamfx.player.media.TrackKind;
import org.netstreamfx.player.rtmp.message.MessageType;
import org.netstreamfx.player.rtmp.message.RtmpMessage;
import org.netstreamfx.player.wire.WireFormatException;

/** RTMP audio/video/data messages become the same tracks, packets and data as FLV tags. */
class RtmpSourceTest {
    /** avcC: version 1, High 4.0, 4-byte lengths, one SPS and one PPS (ISO 14496-15 5.2.4.1). */
    private static final byte[] AVCC = {1, 100, 0, 40, (byte) 0xFF, (byte) 0xE1, 0, 4, 0x67, 100, 0, 40, 1, 0, 2,
        0x68, (byte) 0xEE};
    /** AudioSpecificConfig AAC-LC 44100 Hz stereo. */
    private static final byte[] ASC_LC = {0x12, 0x10};
    /** AudioSpecificConfig HE-AAC v2 (AOT 29, 22050 Hz mono core, 44100 Hz output). */
    private static final byte[] ASC_HEV2 = {(byte) 0xEB, (byte) 0x8A, 0x08, 0x00};

    private static RtmpMessage msg(MessageType type, long ts, byte[] body) {
        return RtmpMessage.of(type == MessageType.AUDIO ? 4 : 6, type, ts, 1, body);
    }

    private static byte[] concat(byte[] head, byte[] tail) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head);
        out.writeBytes(tail);
        return out.toByteArray();
    }

    static RtmpMessage videoConfig(long ts) {
        return msg(MessageType.VIDEO, ts, concat(new byte[] {0x17, 0, 0, 0, 0}, AVCC));
    }

    static RtmpMessage videoFrame(long ts, boolean key, int ctsMs) {
        return msg(MessageType.VIDEO, ts, new byte[] {(byte) (key ? 0x17 : 0x27), 1, (byte) (ctsMs >> 16),
            (byte) (ctsMs >> 8), (byte) ctsMs, 0, 0, 0, 1, 0x65});
    }

    static RtmpMessage audioConfig(long ts, byte[] asc) {
        return msg(MessageType.AUDIO, ts, concat(new byte[] {(byte) 0xAF, 0}, asc));
    }

    static RtmpMessage audioFrame(long ts) {
        return msg(MessageType.AUDIO, ts, new byte[] {(byte) 0xAF, 1, 0x21, 0x10, 0x04});
    }

    static RtmpMessage metaData(long ts, Map<String, Object> meta, boolean setDataFrame) {
        byte[] body = setDataFrame
                ? Amf0Writer.encode(AmfValues.of("@setDataFrame"), AmfValues.of("onMetaData"), AmfValues.of(meta))
                : Amf0Writer.encode(AmfValues.of("onMetaData"), AmfValues.of(meta));
        return msg(MessageType.DATA_AMF0, ts, body);
    }

    private static Map<String, Object> avMeta() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("width", 320.0);
        m.put("height", 240.0);
        m.put("framerate", 25.0);
        m.put("videocodecid", 7.0);
        m.put("audiocodecid", 10.0);
        return m;
    }

    private static List<SourceItem> readAll(RtmpSource s) throws IOException {
        List<SourceItem> items = new ArrayList<>();
        SourceItem i;
        while ((i = s.read()) != null) {
            items.add(i);
        }
        return items;
    }

    @Test
    void liveStreamWithMetadataBecomesTracksAndPacketsOnItsOwnTimeline() throws Exception {
        RtmpSource s = new RtmpSource("rtmp://127.0.0.1/live/x", true);
        s.offer(metaData(5000, avMeta(), true));
        s.offer(videoConfig(5000));
        s.offer(audioConfig(5000, ASC_HEV2));
        s.offer(videoFrame(5000, true, 80));
        s.offer(audioFrame(5010));
        s.offer(videoFrame(5040, false, 0));
        s.end();

        SourceDescription d = s.open();
        assertEquals(-1, d.durationUs(), "live: no duration");
        assertEquals(Codec.H264, d.track(TrackKind.VIDEO).orElseThrow().codec());
        assertEquals("High", d.track(TrackKind.VIDEO).orElseThrow().profile());
        assertEquals(320, d.track(TrackKind.VIDEO).orElseThrow().width());
        assertEquals("HE-AACv2", d.track(TrackKind.AUDIO).orElseThrow().profile());
        assertEquals(44100, d.track(TrackKind.AUDIO).orElseThrow().sampleRateHz());
        assertEquals(2, d.track(TrackKind.AUDIO).orElseThrow().channels());
        assertEquals(320.0, d.containerMetadata().get("width"));

        List<SourceItem> items = readAll(s);
        assertEquals(4, items.size(), "the server's onMetaData, then three packets: " + items);
        DataMessage meta = assertInstanceOf(DataMessage.class, items.get(0));
        assertEquals("onMetaData", meta.handler(), "@setDataFrame unwrapped, delivered as the server sent it");
        assertEquals(avMeta(), meta.args().get(0));
        items = items.subList(1, items.size());
        SourcePacket key = assertInstanceOf(SourcePacket.class, items.get(0));
        assertEquals(80_000, key.packet().ptsUs(), "pts = dts + composition time, from the first message");
        assertEquals(0, key.packet().dtsUs());
        assertTrue(key.packet().keyframe());
        assertEquals(10_000, items.get(1).ptsUs());
        assertEquals(40_000, items.get(2).ptsUs());
    }

    @Test
    void withoutMetadataBothConfigurationsAreAwaited() throws Exception {
        RtmpSource s = new RtmpSource("rtmp://127.0.0.1/live/x", true);
        s.offer(videoConfig(0));
        s.offer(videoFrame(0, true, 0));
        s.offer(audioConfig(0, ASC_LC));
        s.offer(audioFrame(0));
        s.end();
        SourceDescription d = s.open();
        assertEquals(2, d.tracks().size(), "the video configuration alone must not end the probe");
        assertEquals("LC", d.track(TrackKind.AUDIO).orElseThrow().profile());
        assertEquals(2, readAll(s).size());
    }

    /** A recorded stream of 12.5 s as a server starts it: onMetaData, the configs, a keyframe; not opened. */
    private static RtmpSource recordedClip() {
        RtmpSource s = new RtmpSource("rtmp://127.0.0.1/vod/a.flv", false);
        Map<String, Object> meta = avMeta();
        meta.put("duration", 12.5);
        s.offer(metaData(0, meta, false));
        s.offer(videoConfig(0));
        s.offer(audioConfig(0, ASC_LC));
        s.offer(videoFrame(0, true, 0));
        return s;
    }

    /**
     * A paused server sends nothing: a read waiting for more gives up when a seek wakes it (the
     * demux thread then flushes, and the seek command goes out), and the stream reads on after.
     */
    @Test
    void aSeekWakesAReadThatWaitsForAPausedServer() throws Exception {
        RtmpSource s = recordedClip();
        s.open();
        while (!(s.read() instanceof SourcePacket)) {
            // the script data before it, if any
        }
        CompletableFuture<Throwable> blocked = CompletableFuture.supplyAsync(() -> {
            try {
                s.read();
                return null;
            } catch (Throwable t) {
                return t;
            }
        });
        s.wakeReader();
        assertInstanceOf(ReadWokenException.class, blocked.get(10, TimeUnit.SECONDS));
        s.seek(5_000_000);
        s.reset();
        s.offer(videoFrame(5000, true, 0));
        assertEquals(5_000_000, s.read().ptsUs());
    }

    @Test
    void recordedStreamHasItsDurationAndSeeksOnTheServer() throws Exception {
        RtmpSource s = recordedClip();
        SourceDescription d = s.open();
        assertEquals(12_500_000, d.durationUs());
        assertTrue(d.seekable());

        // The seek flushes the source; the RTMP play control sends the command itself (RtmpPlay.seek).
        s.seek(5_000_000);
        s.offer(videoFrame(40, false, 0)); // sent before the server carried out the seek: dropped
        s.reset();                          // the server's Play.Reset / Seek.Notify
        s.offer(videoFrame(5000, true, 0));
        s.end();
        List<SourceItem> items = readAll(s);
        assertEquals(1, items.size());
        assertEquals(5_000_000, items.get(0).ptsUs());
    }

    @Test
    void liveStreamsCannotSeek() throws Exception {
        RtmpSource s = new RtmpSource("rtmp://127.0.0.1/live/x", true);
        s.offer(videoConfig(0));
        s.offer(videoFrame(0, true, 0));
        s.end();
        s.open();
        IOException e = assertThrows(IOException.class, () -> s.seek(1_000_000));
        assertTrue(e.getMessage().contains("live"), e.getMessage());
    }

    @Test
    void aggregateMessagesAreSplitIntoTheirTags() throws Exception {
        ByteArrayOutputStream agg = new ByteArrayOutputStream();
        for (RtmpMessage m : List.of(videoConfig(100), videoFrame(100, true, 0), videoFrame(140, false, 0))) {
            byte[] b = m.payload();
            long ts = m.timestampMs();
            agg.writeBytes(new byte[] {9, (byte) (b.length >> 16), (byte) (b.length >> 8), (byte) b.length,
                (byte) (ts >> 16), (byte) (ts >> 8), (byte) ts, (byte) (ts >> 24), 0, 0, 0});
            agg.writeBytes(b);
            int back = 11 + b.length;
            agg.writeBytes(new byte[] {(byte) (back >> 24), (byte) (back >> 16), (byte) (back >> 8), (byte) back});
        }
        RtmpSource s = new RtmpSource("rtmp://127.0.0.1/vod/a.flv", false);
        s.offer(RtmpMessage.of(6, MessageType.AGGREGATE, 100, 1, agg.toByteArray()));
        s.end();
        s.open();
        List<SourceItem> items = readAll(s);
        assertEquals(2, items.size());
        assertEquals(List.of(0L, 40_000L), items.stream().map(SourceItem::ptsUs).toList());
    }

    @Test
    void timestampsContinueAcrossThe32BitWrap() throws Exception {
        RtmpSource s = new RtmpSource("rtmp://127.0.0.1/live/x", true);
        long nearWrap = 0xFFFF_FFFFL - 20;
        s.offer(videoConfig(nearWrap));
        s.offer(videoFrame(nearWrap, true, 0));
        s.offer(videoFrame(19, false, 0)); // 40 ms later, after the wrap
        s.end();
        s.open();
        List<SourceItem> items = readAll(s);
        assertEquals(List.of(0L, 40_000L), items.stream().map(SourceItem::ptsUs).toList());
    }

    /** A live stream playing av frames from {@code fromMs} to {@code toMs} every 40 ms (video) and 23 ms (audio). */
    private static void offerAv(RtmpSource s, long fromMs, long toMs, boolean configs) {
        if (configs) {
            s.offer(videoConfig(fromMs));
            s.offer(audioConfig(fromMs, ASC_LC));
        }
        for (long t = fromMs; t < toMs; t += 40) {
            s.offer(videoFrame(t, (t - fromMs) % 1000 == 0, 0));
            s.offer(audioFrame(t + 3));
            s.offer(audioFrame(t + 26));
        }
    }

    private static List<Long> dtsMs(List<SourceItem> items, MessageType kind) {
        return items.stream().filter(i -> i instanceof SourcePacket p
                && (p.packet().trackIndex() == FlvTagConverter.VIDEO_TRACK) == (kind == MessageType.VIDEO))
                .map(i -> ((SourcePacket) i).packet().dtsUs() / 1000).toList();
    }

    private static void assertMonotonicWithin(List<Long> ms, long maxStepMs, String what) {
        for (int i = 1; i < ms.size(); i++) {
            long step = ms.get(i) - ms.get(i - 1);
            assertTrue(step >= 0 && step <= maxStepMs, what + ": step " + step + " ms at " + i + " in " + ms);
        }
    }

    @Test
    void aNewPublisherAnnouncedByTheServerContinuesTheTimelineInsteadOfStartingAgainAtZero() throws Exception {
        RtmpSource s = new RtmpSource("rtmp://127.0.0.1/live/x", true);
        List<LiveTimeline.LiveDiscontinuity> seen = new ArrayList<>();
        s.setDiscontinuityListener(seen::add);
        offerAv(s, 300_000, 302_000, true);
        s.newTimeline("publisher stopped", false);
        s.newTimeline("new publisher", true);
        offerAv(s, 0, 2_000, true); // ffmpeg, OBS: a new encoder starts at 0
        s.end();
        s.open();
        List<SourceItem> items = readAll(s);
        List<Long> video = dtsMs(items, MessageType.VIDEO);
        assertEquals(100, video.size(), "every frame of both publishers plays: " + video);
        assertMonotonicWithin(video, 80, "video");
        assertMonotonicWithin(dtsMs(items, MessageType.AUDIO), 80, "audio");
        assertEquals(1, seen.size(), seen.toString());
        LiveTimeline.LiveDiscontinuity d = seen.get(0);
        assertEquals("new publisher", d.reason());
        assertEquals(301_986, d.fromMs(), "the last message of the old publisher, as sent (audio at +26)");
        assertEquals(0, d.toMs());
        assertEquals(-301_986, d.jumpMs());
        assertEquals(1_986 + LiveTimeline.LIVE_REBASE_STEP_MS, d.continuesAtMs(),
                "on the stream's timeline (its first media, at 300000 ms, is 0)");
        assertEquals(d.continuesAtMs(), video.get(50), "the new publisher's first frame is where it continues");
    }

    @Test
    void aPublisherStartingJustBeforeTheWrapPlaysThroughItWithoutADiscontinuity() throws Exception {
        RtmpSource s = new RtmpSource("rtmp://127.0.0.1/live/x", true);
        List<LiveTimeline.LiveDiscontinuity> seen = new ArrayList<>();
        s.setDiscontinuityListener(seen::add);
        long start = 0x1_0000_0000L - 1_000;
        s.offer(videoConfig(start));
        s.offer(audioConfig(start, ASC_LC));
        for (long t = start; t < start + 2_000; t += 40) {
            s.offer(videoFrame(t & 0xFFFF_FFFFL, false, 0));
            s.offer(audioFrame((t + 3) & 0xFFFF_FFFFL));
        }
        s.offer(metaData(0, avMeta(), false)); // script data at 0 after the wrap is not a new timeline
        s.end();
        s.open();
        List<SourceItem> items = readAll(s);
        List<Long> video = dtsMs(items, MessageType.VIDEO);
        assertEquals(50, video.size());
        assertMonotonicWithin(video, 40, "video through the wrap");
        assertEquals(List.of(), seen);
    }

    @Test
    void aRecordedStreamNeverJoinsTimelines() throws Exception {
        RtmpSource s = new RtmpSource("rtmp://127.0.0.1/vod/x", false);
        List<LiveTimeline.LiveDiscontinuity> seen = new ArrayList<>();
        s.setDiscontinuityListener(seen::add);
        offerAv(s, 10_000, 11_000, true);
        s.newTimeline("new publisher", true);
        offerAv(s, 0, 1_000, false);
        s.end();
        s.open();
        readAll(s);
        assertEquals(List.of(), seen);
    }

    @Test
    void aPlayerThatFallsBehindIsToldWhyInsteadOfRunningOutOfMemory() throws Exception {
        RtmpSource s = new RtmpSource("rtmp://127.0.0.1/live/x", true);
        byte[] big = new byte[1 << 20];
        big[0] = 0x27;
        big[1] = 1;
        for (int i = 0; i < 70; i++) {
            s.offer(msg(MessageType.VIDEO, i * 40L, big));
        }
        IOException e = assertThrows(IOException.class, s::open);
        assertTrue(e.getMessage().contains("over the limit of " + RtmpSource.MAX_QUEUED_BYTES), e.getMessage());
    }

    /**
     * Issue 11 in a stream: an onMetaData whose AMF references expand to 2^61 values. Before the
     * stream opens it fails the open (Play.Failed); once playing it fails the read, naming the
     * limit, within a second and without expanding anything.
     */
    @Test
    void aDataMessageWhoseReferencesExpandPastTheLimitFailsTheStreamNamingTheLimit() throws Exception {
        RtmpMessage bomb = msg(MessageType.DATA_AMF0, 0, concat(Amf0Writer.encode(AmfValues.of("onMetaData")),
                AmfBombs.amf0(0)));
        RtmpSource opening = new RtmpSource("rtmp://127.0.0.1/live/x", true);
        opening.offer(bomb);
        opening.end();
        long t0 = System.nanoTime();
        assertEquals(AmfBombs.OVER_LIMIT, assertThrows(WireFormatException.class, opening::open).getMessage());

        RtmpSource playing = new RtmpSource("rtmp://127.0.0.1/live/y", true);
        playing.offer(videoConfig(0));
        playing.offer(videoFrame(0, true, 0));
        playing.offer(audioConfig(0, ASC_LC));
        playing.offer(audioFrame(0));
        playing.offer(msg(MessageType.DATA_AMF0, 40, bomb.payload()));
        playing.end();
        playing.open();
        assertInstanceOf(SourcePacket.class, playing.read());
        assertInstanceOf(SourcePacket.class, playing.read());
        assertEquals(AmfBombs.OVER_LIMIT, assertThrows(WireFormatException.class, playing::read).getMessage());
        assertTrue(System.nanoTime() - t0 < 1_000_000_000L, "took " + (System.nanoTime() - t0) / 1_000_000 + " ms");
    }

    @Test
    void aBrokenConnectionReachesTheReader() throws Exception {
        RtmpSource s = new RtmpSource("rtmp://127.0.0.1/live/x", true);
        s.offer(videoConfig(0));
        s.offer(videoFrame(0, true, 0));
        s.end();
        s.open();
        RtmpSource t = new RtmpSource("rtmp://127.0.0.1/live/y", true);
        t.fail(new IOException("connection reset"));
        assertEquals("connection reset", assertThrows(IOException.class, t::open).getMessage());
        assertEquals(1, readAll(s).size(), "the first stream ends cleanly");
    }

    @Test
    void nothingArrivingIsAClearErrorNotAHang() throws Exception {
        RtmpSource s = new RtmpSource("rtmp://127.0.0.1/live/x", true);
        s.end();
        UnsupportedMediaException e = assertThrows(UnsupportedMediaException.class, s::open);
        assertTrue(e.getMessage().contains("ended before any playable audio or video arrived"), e.getMessage());
    }

    @Test
    void anAvcConfigurationWithoutPictureParameterSetsFailsNamingTheField() {
        byte[] noPps = {1, 100, 0, 40, (byte) 0xFF, (byte) 0xE1, 0, 4, 0x67, 100, 0, 40, 0};
        RtmpSource s = new RtmpSource("rtmp://127.0.0.1/live/x", true);
        s.offer(msg(MessageType.VIDEO, 0, concat(new byte[] {0x17, 0, 0, 0, 0}, noPps)));
        s.offer(videoFrame(0, true, 0));
        s.end();
        org.netstreamfx.player.wire.WireFormatException e =
                assertThrows(org.netstreamfx.player.wire.WireFormatException.class, s::open);
        assertTrue(e.getMessage().contains("PPS") || e.getMessage().contains("picture parameter"), e.getMessage());
    }

    @Test
    void anAudioSpecificConfigWithObjectTypeZeroFailsNamingTheField() {
        RtmpSource s = new RtmpSource("rtmp://127.0.0.1/live/x", true);
        s.offer(audioConfig(0, new byte[] {0x00, 0x10}));
        s.offer(audioFrame(0));
        s.end();
        org.netstreamfx.player.wire.WireFormatException e =
                assertThrows(org.netstreamfx.player.wire.WireFormatException.class, s::open);
        assertTrue(e.getMessage().toLowerCase().contains("object type"), e.getMessage());
    }

    @Test
    void enhancedRtmpFourCcVideoBecomesItsCodec() throws Exception {
        // Enhanced RTMP v2: IsExHeader | FrameType key (1) | PacketType SequenceStart (0), then the FourCC.
        // The record: libx265's header (Main, level 2, 4-byte lengths), no parameter set arrays.
        byte[] hevcStart = concat(new byte[] {(byte) 0x90, 'h', 'v', 'c', '1'},
                java.util.HexFormat.of().parseHex("0101600000009000000000003cf000fcfdf8f800000f00"));
        byte[] hevcFrame = concat(new byte[] {(byte) 0x93, 'h', 'v', 'c', '1'}, new byte[] {0, 0, 0, 1, 0x26});
        RtmpSource s = new RtmpSource("rtmp://127.0.0.1/live/x", true);
        s.offer(msg(MessageType.VIDEO, 0, hevcStart));
        s.offer(msg(MessageType.VIDEO, 0, hevcFrame));
        s.end();
        SourceDescription d = s.open();
        assertEquals(Codec.HEVC, d.track(TrackKind.VIDEO).orElseThrow().codec());
        assertEquals("Main", d.track(TrackKind.VIDEO).orElseThrow().profile(), "from the hvcC");
        assertEquals("2", d.track(TrackKind.VIDEO).orElseThrow().level());
        SourcePacket p = assertInstanceOf(SourcePacket.class, s.read());
        assertTrue(p.packet().keyframe());
        assertEquals(5, p.packet().data().length, "CodedFramesX: the payload follows the FourCC");
    }
}
