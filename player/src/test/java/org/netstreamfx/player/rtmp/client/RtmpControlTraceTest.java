package org.netstreamfx.player.rtmp.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.netstreamfx.player.rtmp.client.FakeRtmpServer.num;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.netstreamfx.player.net.NetConnection;
import org.netstreamfx.player.net.NetStream;
import org.netstreamfx.player.net.RtmpControlEvent;
import org.netstreamfx.player.rtmp.message.MessageType;
import org.netstreamfx.player.rtmp.message.RtmpMessage;
import org.netstreamfx.player.rtmp.message.UserControl;
import org.netstreamfx.player.rtmp.message.WindowAckSize;
import org.netstreamfx.player.sink.NullAudioSink;

/** A connection's raw control traffic reaches RtmpControlListeners, both ways, in order. */
class RtmpControlTraceTest {

    @Test
    void controlMessagesInAndOutReachTheListenerWithTheirFields() throws Exception {
        CountDownLatch pinged = new CountDownLatch(1);
        try (FakeRtmpServer server = new FakeRtmpServer(p -> {
            p.connectOk();
            p.control(new WindowAckSize(5_000_000));
            Command create = p.readCommand();
            p.result(create.transactionId(), num(1));
            p.control(new UserControl.StreamBegin(1));
            p.control(new UserControl.PingRequest(777));
            RtmpMessage m;
            do {
                m = p.read();
            } while (m.type() != MessageType.USER_CONTROL
                    || !(UserControl.parse(m.payload()) instanceof UserControl.PingResponse));
            p.control(new UserControl.StreamDry(1));
            pinged.countDown();
            p.awaitClose();
        })) {
            List<RtmpControlEvent> seen = new CopyOnWriteArrayList<>();
            NetConnection nc = new NetConnection();
            nc.addRtmpControlListener(seen::add);
            Events events = new Events();
            nc.addNetStatusListener(events);
            nc.connect(server.url("live"));
            events.await("NetConnection.Connect.Success", 5);
            NetStream ns = new NetStream(nc);
            ns.setAudioSink(new NullAudioSink());
            ns.setBufferTime(0.5);
            ns.play("cam");
            assertTrue(pinged.await(5, TimeUnit.SECONDS));
            long deadline = System.nanoTime() + 5_000_000_000L;
            // An outgoing message is traced once the writer has written it, so the server's answer
            // (StreamDry) may be read before the PingResponse's trace is delivered: wait for both.
            while ((seen.stream().noneMatch(e -> e.name().equals("StreamDry"))
                    || seen.stream().noneMatch(e -> e.toString().equals("out PingResponse timestamp=777")))
                    && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            List<String> lines = seen.stream().map(RtmpControlEvent::toString).toList();
            assertEquals("out SetChunkSize size=4096", lines.get(0), lines.toString());
            assertTrue(lines.containsAll(List.of("in WindowAckSize size=5000000", "in StreamBegin streamId=1",
                    "out SetBufferLength streamId=1 bufferLengthMs=500", "in PingRequest timestamp=777",
                    "out PingResponse timestamp=777", "in StreamDry streamId=1")), lines.toString());
            assertTrue(lines.indexOf("in PingRequest timestamp=777") < lines.indexOf("out PingResponse timestamp=777"));
            ns.close();
            nc.close();
            assertEquals(List.of(), server.errors());
        }
    }
}
