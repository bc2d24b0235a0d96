package org.netstreamfx.e2e.rtmp.support;

import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.netstreamfx.player.amf.Amf0Reader;
import org.netstreamfx.player.amf.Amf0Writer;
import org.netstreamfx.player.amf.AmfLimits;
import org.netstreamfx.player.amf.AmfValue;
import org.netstreamfx.player.amf.AmfValue.AmfNull;
import org.netstreamfx.player.amf.AmfValue.AmfNumber;
import org.netstreamfx.player.amf.AmfValue.AmfString;
import org.netstreamfx.player.amf.AmfValues;
import org.netstreamfx.player.rtmp.chunk.AckTracker;
import org.netstreamfx.player.rtmp.chunk.ChunkDecoder;
import org.netstreamfx.player.rtmp.chunk.ChunkEncoder;
import org.netstreamfx.player.rtmp.client.Command;
import org.netstreamfx.player.rtmp.client.CommandCodec;
import org.netstreamfx.player.rtmp.handshake.RtmpHandshake;
import org.netstreamfx.player.rtmp.message.MessageType;
import org.netstreamfx.player.rtmp.message.RtmpMessage;
import org.netstreamfx.player.rtmp.message.SetChunkSize;
import org.netstreamfx.player.rtmp.message.SetPeerBandwidth;
import org.netstreamfx.player.rtmp.message.UserControl;
import org.netstreamfx.player.rtmp.message.WindowAckSize;

/**
 * A scripted RTMP relay for tests, doing with a publisher's data messages what Flash Media Server,
 * Wowza and SRS do and nginx-rtmp does not (arut/nginx-rtmp-module#481, #706): on a free
 * 127.0.0.1 port it takes one publishing and any number of playing connections, answers
 * connect/createStream/releaseStream/FCPublish/publish/play with the usual status messages, and
 * forwards the publisher's audio, video and AMF0 data messages to every player, with their
 * timestamps, on the player's stream id. {@code @setDataFrame} is stripped to its inner handler,
 * and, as servers do, the last onMetaData and the codec headers are given to a player that joins.
 * Built from the engine's own wire classes; one thread per connection.
 */
public final class ScriptedRelay implements AutoCloseable {
    /** A data message as the relay forwarded it: its handler, its timestamp, the last video's before it. */
    public record Relayed(String handler, long timestampMs, long videoBeforeMs) {}

    private static final int STREAM_ID = 1;
    private static final long WINDOW = 2_500_000;
    private final ServerSocket server;
    private final List<Peer> players = new CopyOnWriteArrayList<>();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final List<Relayed> relayed = new CopyOnWriteArrayList<>();
    private volatile long lastVideoMs = -1;
    /** The publisher's video message bodies, in order, as forwarded. */
    private final List<byte[]> videoBodies = new CopyOnWriteArrayList<>();
    private final List<Throwable> errors = Collections.synchronizedList(new ArrayList<>());
    /** onMetaData and the AVC/AAC sequence headers, for players that join later. */
    private final Map<String, RtmpMessage> joinCache = Collections.synchronizedMap(new LinkedHashMap<>());

    public ScriptedRelay() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        daemon("relay-accept", () -> {
            while (!server.isClosed()) {
                Socket s;
                try {
                    s = server.accept();
                } catch (IOException e) {
                    return;
                }
                sockets.add(s);
                daemon("relay-peer-" + sockets.size(), () -> serve(s));
            }
        });
    }

    /** rtmp://127.0.0.1:port/{@code app}. */
    public String appUrl(String app) {
        return "rtmp://127.0.0.1:" + server.getLocalPort() + "/" + app;
    }

    /** How many connections play. */
    public int players() {
        return players.size();
    }

    /** The data messages forwarded so far, in order. */
    public List<Relayed> relayed() {
        return List.copyOf(relayed);
    }

    /** Every video message body the publisher sent, in order (codec headers included). */
    public List<byte[]> videoBodies() {
        return List.copyOf(videoBodies);
    }

    /**
     * The timestamp of the first audio or video message (not a codec header) forwarded to the
     * {@code n}th player to play, -1 before: where a player's timeline starts.
     */
    public long firstMediaMs(int n) {
        return players.get(n).firstMediaMs;
    }

    /** What went wrong on the relay's threads (a closed connection is not an error). */
    public List<Throwable> errors() {
        return List.copyOf(errors);
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : sockets) {
            s.close();
        }
    }

    private static void daemon(String name, Runnable r) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.start();
    }

    private void serve(Socket s) {
        try (Peer p = new Peer(s)) {
            RtmpHandshake.server(p.in, p.out);
            while (true) {
                RtmpMessage m = p.read();
                switch (m.type()) {
                    case COMMAND_AMF0, COMMAND_AMF3 -> command(p, p.codec.decode(m));
                    case AUDIO, VIDEO, DATA_AMF0 -> {
                        if (p.publishing) {
                            forward(m);
                        }
                    }
                    default -> { } // control messages: the decoder applies Set Chunk Size itself
                }
            }
        } catch (EOFException e) {
            // the peer closed
        } catch (Throwable e) {
            if (!server.isClosed() && !(e instanceof java.net.SocketException)) {
                errors.add(e);
            }
        }
    }

    private void command(Peer p, Command c) throws IOException {
        double tid = c.transactionId();
        switch (c.name()) {
            case "connect" -> {
                p.send(RtmpMessage.control(new WindowAckSize(WINDOW), 0));
                p.send(RtmpMessage.control(new SetPeerBandwidth(WINDOW, SetPeerBandwidth.LimitType.DYNAMIC), 0));
                p.send(RtmpMessage.control(new SetChunkSize(ChunkEncoder.PREFERRED_CHUNK_SIZE), 0));
                p.command(0, "_result", tid, AmfValues.of(Map.of("fmsVer", "FMS/3,5,7,7009", "capabilities", 31.0)),
                        info("NetConnection.Connect.Success", "Connection succeeded.", 0.0));
            }
            case "createStream" -> p.command(0, "_result", tid, AmfNull.INSTANCE, new AmfNumber(STREAM_ID));
            case "publish" -> {
                p.publishing = true;
                p.send(RtmpMessage.control(new UserControl.StreamBegin(STREAM_ID), 0));
                p.command(STREAM_ID, "onStatus", 0, AmfNull.INSTANCE,
                        info("NetStream.Publish.Start", "Publishing " + arg(c) + ".", null));
            }
            case "play" -> {
                p.send(RtmpMessage.control(new UserControl.StreamBegin(STREAM_ID), 0));
                p.command(STREAM_ID, "onStatus", 0, AmfNull.INSTANCE,
                        info("NetStream.Play.Reset", "Playing and resetting " + arg(c) + ".", null));
                p.command(STREAM_ID, "onStatus", 0, AmfNull.INSTANCE,
                        info("NetStream.Play.Start", "Started playing " + arg(c) + ".", null));
                synchronized (joinCache) {
                    for (RtmpMessage m : joinCache.values()) {
                        p.sendMedia(m);
                    }
                    players.add(p);
                }
            }
            default -> {
                if (tid > 0) { // releaseStream, FCPublish, getStreamLength...: a plain answer
                    p.command(0, "_result", tid, AmfNull.INSTANCE, AmfValue.AmfUndefined.INSTANCE);
                }
            }
        }
    }

    private static String arg(Command c) throws IOException {
        return c.args().isEmpty() ? "" : String.valueOf(AmfValues.toJava(c.args().get(0)));
    }

    private static AmfValue info(String code, String description, Double objectEncoding) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("level", "status");
        m.put("code", code);
        m.put("description", description);
        if (objectEncoding != null) {
            m.put("objectEncoding", objectEncoding);
        }
        return AmfValues.of(m);
    }

    /** Forwards a publisher's message to every player; data with @setDataFrame stripped, headers cached. */
    private void forward(RtmpMessage m) throws IOException {
        RtmpMessage out = m;
        byte[] body = m.payload();
        if (m.type() == MessageType.DATA_AMF0) {
            List<AmfValue> values = Amf0Reader.readAll(body);
            if (values.isEmpty() || !(values.get(0) instanceof AmfString handler)) {
                throw new IOException("a data message without a handler name: " + m);
            }
            if (handler.value().equals("@setDataFrame") && values.size() >= 2) {
                values = values.subList(1, values.size());
                out = RtmpMessage.of(m.chunkStreamId(), m.type(), m.timestampMs(), m.messageStreamId(),
                        Amf0Writer.encode(values.toArray(AmfValue[]::new)));
            }
            String name = String.valueOf(AmfValues.toJava(values.get(0)));
            relayed.add(new Relayed(name, m.timestampMs(), lastVideoMs));
            if (name.equals("onMetaData")) {
                joinCache.put("meta", out);
            }
        } else if (m.type() == MessageType.VIDEO) {
            lastVideoMs = m.timestampMs();
            videoBodies.add(body);
        }
        boolean header = m.type() != MessageType.DATA_AMF0 && body.length >= 2 && body[1] == 0
                && (m.type() == MessageType.VIDEO ? (body[0] & 0x0F) == 7 : (body[0] & 0xF0) == 0xA0);
        if (header) {
            joinCache.put(m.type().name(), m); // AVC or AAC sequence header
        }
        synchronized (joinCache) {
            for (Peer p : players) {
                if (p.firstMediaMs < 0 && !header && m.type() != MessageType.DATA_AMF0) {
                    p.firstMediaMs = m.timestampMs();
                }
                try {
                    p.sendMedia(out);
                } catch (IOException gone) {
                    players.remove(p); // a player that left does not stop the publisher
                }
            }
        }
    }

    /** The relay's side of one connection; writes are synchronized (the publisher's thread writes too). */
    private static final class Peer implements AutoCloseable {
        final Socket socket;
        final InputStream in;
        final OutputStream out;
        final ChunkDecoder decoder = new ChunkDecoder();
        final ChunkEncoder encoder = new ChunkEncoder();
        final CommandCodec codec = new CommandCodec(AmfLimits.DEFAULT);
        final AckTracker acks = new AckTracker();
        final ArrayList<RtmpMessage> queue = new ArrayList<>();
        final byte[] buf = new byte[16_384];
        volatile boolean publishing;
        volatile long firstMediaMs = -1;

        Peer(Socket s) throws IOException {
            socket = s;
            s.setTcpNoDelay(true);
            in = s.getInputStream();
            out = new BufferedOutputStream(s.getOutputStream());
            acks.setWindowSize(WINDOW);
        }

        RtmpMessage read() throws IOException {
            while (queue.isEmpty()) {
                int n = in.read(buf);
                if (n < 0) {
                    throw new EOFException("peer closed");
                }
                queue.addAll(decoder.feed(ByteBuffer.wrap(buf, 0, n)));
                var ack = acks.onBytesReceived(n);
                if (ack.isPresent()) {
                    send(RtmpMessage.control(ack.get(), 0));
                }
            }
            return queue.remove(0);
        }

        synchronized void send(RtmpMessage m) throws IOException {
            encoder.encode(m, out);
            out.flush();
        }

        /** A media or data message on this player's stream, on a chunk stream of its type. */
        void sendMedia(RtmpMessage m) throws IOException {
            int csid = m.type() == MessageType.AUDIO ? 4 : m.type() == MessageType.VIDEO ? 6 : 5;
            send(RtmpMessage.of(csid, m.type(), m.timestampMs(), STREAM_ID, m.payload()));
        }

        void command(int streamId, String name, double tid, AmfValue object, AmfValue... args) throws IOException {
            send(CommandCodec.encode(new Command(name, tid, object, List.of(args)), CommandCodec.AMF0, 3, streamId));
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
