package org.netstreamfx.player.rtmp.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.netstreamfx.player.amf.AmfLimits;
import org.netstreamfx.player.amf.AmfValue;
import org.netstreamfx.player.amf.AmfValues;
import org.netstreamfx.player.rtmp.chunk.ChunkDecoder;
import org.netstreamfx.player.rtmp.chunk.ChunkEncoder;
import org.netstreamfx.player.rtmp.message.RtmpMessage;

/** The connect command byte for byte, its round trip, and the address split. */
class ConnectCommandTest {

    // An AMF0 writer of our own, so the expected bytes do not come from the code under test.
    private static final class Bytes {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Bytes str(String s) {
            out.write(0x02);
            return name(s);
        }

        Bytes name(String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            out.write(b.length >>> 8);
            out.write(b.length);
            out.writeBytes(b);
            return this;
        }

        Bytes num(double d) {
            out.write(0x00);
            long v = Double.doubleToLongBits(d);
            for (int i = 7; i >= 0; i--) {
                out.write((int) (v >>> (8 * i)));
            }
            return this;
        }

        Bytes bool(boolean b) {
            out.write(0x01);
            out.write(b ? 1 : 0);
            return this;
        }

        Bytes raw(int... b) {
            for (int x : b) {
                out.write(x);
            }
            return this;
        }
    }

    @Test
    void connectCommandBytes() throws Exception {
        RtmpUrl url = RtmpUrl.parse("rtmp://example.com/vod/inst?t=1");
        Command c = ConnectCommand.build(url, RtmpOptions.DEFAULTS.withSwfUrl("http://s/p.swf"), 0,
                List.of(AmfValues.of("user")));
        RtmpMessage m = CommandCodec.encode(c, 0, 3, 0);
        Bytes e = new Bytes().str("connect").num(1).raw(0x03)
                .name("app").str("vod/inst?t=1")
                .name("flashVer").str("LNX 32,0,0,465")
                .name("swfUrl").str("http://s/p.swf")
                .name("tcUrl").str("rtmp://example.com/vod/inst?t=1")
                .name("fpad").bool(false)
                .name("capabilities").num(239)
                .name("audioCodecs").num(3575)
                .name("videoCodecs").num(252)
                .name("videoFunction").num(1)
                .name("objectEncoding").num(0)
                .name("fourCcList").raw(0x0A, 0, 0, 0, 5).str("avc1").str("hvc1").str("av01").str("vp09").str("mp4a");
        e.name("videoFourCcInfoMap").raw(0x03);
        EnhancedCaps.videoFourCcInfoMap().forEach((fourCc, mask) -> e.name(fourCc).num(mask));
        e.raw(0, 0, 0x09).name("audioFourCcInfoMap").raw(0x03);
        EnhancedCaps.audioFourCcInfoMap().forEach((fourCc, mask) -> e.name(fourCc).num(mask));
        e.raw(0, 0, 0x09).name("capsEx").num(EnhancedCaps.RECONNECT | EnhancedCaps.MULTITRACK | EnhancedCaps.MOD_EX
                        | EnhancedCaps.TIMESTAMP_NANO_OFFSET)
                .raw(0, 0, 0x09)
                .str("user");
        assertArrayEquals(e.out.toByteArray(), m.payload());
        assertEquals(20, m.typeId());
        assertEquals(3, m.chunkStreamId());
        assertEquals(0, m.messageStreamId());

        // Round trip: what a server decodes re-encodes to the same bytes, also through chunking.
        Command decoded = new CommandCodec(AmfLimits.DEFAULT).decode(m);
        assertEquals(c, decoded);
        assertArrayEquals(m.payload(), CommandCodec.encode(decoded, 0, 3, 0).payload());
        byte[] wire = new ChunkEncoder().encode(m);
        assertEquals(List.of(m), new ChunkDecoder().feed(wire, 0, wire.length));
    }

    @Test
    void amf3CommandsHaveTheFormatByteAndSwitchComplexValues() throws Exception {
        Command c = new Command("call", 5, AmfValue.AmfNull.INSTANCE, List.of(AmfValues.of("s"),
                AmfValues.of(java.util.Map.of("a", 1.0))));
        RtmpMessage m = CommandCodec.encode(c, 3, 3, 0);
        assertEquals(17, m.typeId());
        Bytes e = new Bytes().raw(0).str("call").num(5).raw(0x05).str("s")
                .raw(0x11, 0x0A, 0x0B, 0x01, 0x03, 'a', 0x05, 0x3F, 0xF0, 0, 0, 0, 0, 0, 0, 0x01);
        assertArrayEquals(e.out.toByteArray(), m.payload());
        Command back = new CommandCodec(AmfLimits.DEFAULT).decode(m);
        assertEquals(List.of("s", java.util.Map.of("a", 1.0)), back.javaArgs());
    }

    @Test
    void addresses() {
        RtmpUrl u = RtmpUrl.parse("rtmps://Host.example/live");
        assertEquals(443, u.port());
        assertEquals("rtmps://Host.example/live", u.tcUrl());
        RtmpUrl v = RtmpUrl.parse("rtmp://[::1]:1936/app/inst/deeper/?key=abc&x=1");
        assertEquals("::1", v.host());
        assertEquals(1936, v.port());
        assertEquals("app", v.app());
        assertEquals("inst/deeper", v.instance());
        assertEquals("app/inst/deeper?key=abc&x=1", v.appField());
        assertEquals("rtmp://[::1]:1936/app/inst/deeper?key=***&x=***", v.masked());
        assertEquals(1935, RtmpUrl.parse("rtmp://h/a").port());
        assertThrows(IllegalArgumentException.class, () -> RtmpUrl.parse("rtmp://h/"));
        assertThrows(IllegalArgumentException.class, () -> RtmpUrl.parse("http://h/a"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RtmpUrl.parse("rtmp:///a?token=secret"));
        assertEquals(false, e.getMessage().contains("secret"), e.getMessage());
    }

    @Test
    void playAddresses() {
        RtmpUrl.PlayAddress a = RtmpUrl.splitPlay("rtmp://h:19350/live/cam1", null, null);
        assertEquals("rtmp://h:19350/live", a.connection().tcUrl());
        assertEquals("cam1", a.streamName());
        RtmpUrl.PlayAddress b = RtmpUrl.splitPlay("rtmp://h/vod/inst/movie.flv?token=x", null, null);
        assertEquals("rtmp://h/vod/inst", b.connection().tcUrl());
        assertEquals("movie.flv?token=x", b.streamName());
        assertEquals("movie.flv?token=***", b.maskedStreamName());
        RtmpUrl.PlayAddress c = RtmpUrl.splitPlay("rtmp://h/app/inst/mp4:dir/file.mp4", "app/inst", null);
        assertEquals("mp4:dir/file.mp4", c.streamName());
        assertEquals("inst", c.connection().instance());
        RtmpUrl.PlayAddress d = RtmpUrl.splitPlay("rtmp://h/app", null, "other");
        assertEquals("other", d.streamName());
        assertEquals("rtmp://h/app", d.connection().tcUrl());
        assertThrows(IllegalArgumentException.class, () -> RtmpUrl.splitPlay("rtmp://h/app", null, null));
    }

    @Test
    void reconnectBackOff() {
        ReconnectPolicy p = ReconnectPolicy.tries(20);
        java.util.Random r = new java.util.Random(1);
        for (int attempt = 1; attempt <= 20; attempt++) {
            double base = Math.min(30_000, 1000 * Math.pow(1.5, attempt - 1));
            long d = p.delayMs(attempt, r);
            assertEquals(true, d >= base * 0.8 - 1 && d <= Math.min(30_000, base * 1.2 + 1), attempt + ": " + d);
        }
        assertEquals(0, new ReconnectPolicy(1, 0, 1, 0, 0).delayMs(1, r));
    }
}
