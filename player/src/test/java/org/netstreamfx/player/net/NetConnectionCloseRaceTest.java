package org.netstreamfx.player.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.netstreamfx.player.amf.AmfLimits;
import org.netstreamfx.player.amf.AmfValue.AmfNull;
import org.netstreamfx.player.amf.AmfValues;
import org.netstreamfx.player.rtmp.chunk.ChunkDecoder;
import org.netstreamfx.player.rtmp.chunk.ChunkEncoder;
import org.netstreamfx.player.rtmp.client.Command;
import org.netstreamfx.player.rtmp.client.CommandCodec;
import org.netstreamfx.player.rtmp.client.RtmpConnection;
import org.netstreamfx.player.rtmp.handshake.RtmpHandshake;
import org.netstreamfx.player.rtmp.message.MessageType;
import org.netstreamfx.player.rtmp.message.RtmpMessage;

/**
 * close() raced against the server's answer to connect, many times: the NetConnection never ends
 * connected without a transport, and Connect.Success is never the last word after close().
 */
class NetConnectionCloseRaceTest {
    private static final int ROUNDS = 150;

    /**
     * A local scripted server: handshake, read connect, tell the test it is about to answer (a
     * token in {@link #answering}), answer Connect.Success, then read until the client goes.
     */
    private static final class AnsweringServer implements AutoCloseable {
        final ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        final BlockingQueue<Integer> answering = new LinkedBlockingQueue<>();
        final List<Throwable> errors = new CopyOnWriteArrayList<>();

        AnsweringServer() throws IOException {
            Thread acceptor = new Thread(() -> {
                while (!server.isClosed()) {
                    try {
                        Socket s = server.accept();
                        Thread t = new Thread(() -> serve(s), "race-server-peer");
                        t.setDaemon(true);
                        t.start();
                    } catch (IOException e) {
                        return;
                    }
                }
            }, "race-server-accept");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        private void serve(Socket s) {
            try (s) {
                s.setSoTimeout(20_000);
                InputStream in = s.getInputStream();
                OutputStream out = new BufferedOutputStream(s.getOutputStream());
                RtmpHandshake.server(in, out);
                ChunkDecoder decoder = new ChunkDecoder();
                CommandCodec codec = new CommandCodec(AmfLimits.DEFAULT);
                byte[] buf = new byte[8192];
                boolean answered = false;
                for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                    for (RtmpMessage m : decoder.feed(ByteBuffer.wrap(buf, 0, n))) {
                        if (!answered && m.type() == MessageType.COMMAND_AMF0 && codec.decode(m).name().equals("connect")) {
                            answered = true;
                            answering.add(s.getPort());
                            new ChunkEncoder().encode(CommandCodec.encode(new Command("_result", 1, AmfNull.INSTANCE,
                                    List.of(AmfValues.of(Map.of("level", "status", "code",
                                            "NetConnection.Connect.Success", "description", "ok")))), 0, 3, 0), out);
                            out.flush();
                        }
                    }
                }
            } catch (IOException e) {
                // The client closed mid-handshake or mid-read: that is the race.
            } catch (RuntimeException e) {
                errors.add(e);
            }
        }

        String url() {
            return "rtmp://127.0.0.1:" + server.getLocalPort() + "/live";
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }

    @Test
    void closeRacingTheConnectAnswerNeverLeavesItConnectedWithoutATransport() throws Exception {
        int successBeforeClose = 0;
        try (AnsweringServer server = new AnsweringServer()) {
            for (int round = 0; round < ROUNDS; round++) {
                List<String> codes = new CopyOnWriteArrayList<>();
                NetConnection nc = new NetConnection(Runnable::run);
                nc.addNetStatusListener(e -> codes.add(e.code()));
                nc.connect(server.url());
                RtmpConnection rc = nc.rtmpConnection();
                assertNotNull(rc);
                assertNotNull(server.answering.poll(20, TimeUnit.SECONDS), "round " + round + ": the server got connect");
                // Close at a moment that falls before, during or after the reader's handling of the answer.
                long spinUntil = System.nanoTime() + ThreadLocalRandom.current().nextLong(0, 300_000);
                while (System.nanoTime() < spinUntil) {
                    Thread.onSpinWait();
                }
                nc.close();
                rc.terminated().toCompletableFuture().get(20, TimeUnit.SECONDS);
                String where = "round " + round + ", events " + codes;
                assertFalse(nc.connected(), where);
                assertNull(nc.rtmpConnection(), where);
                List<String> expected = new ArrayList<>();
                if (codes.contains("NetConnection.Connect.Success")) {
                    successBeforeClose++;
                    expected.add("NetConnection.Connect.Success");
                    expected.add("NetConnection.Connect.Closed");
                }
                assertEquals(expected, codes, where);
            }
            assertEquals(List.of(), server.errors);
        }
        System.out.println("Connect.Success came before close() in " + successBeforeClose + " of " + ROUNDS + " rounds");
    }
}
