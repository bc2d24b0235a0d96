package org.netstreamfx.player.rtmp.client;

import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.netstreamfx.player.amf.AmfLimits;
import org.netstreamfx.player.amf.AmfValue;
import org.netstreamfx.player.amf.AmfValue.AmfNull;
import org.netstreamfx.player.amf.AmfValue.AmfNumber;
import org.netstreamfx.player.amf.AmfValue.AmfObject;
import org.netstreamfx.player.amf.AmfValue.AmfString;
import org.netstreamfx.player.amf.AmfValues;
import org.netstreamfx.player.rtmp.chunk.ChunkDecoder;
import org.netstreamfx.player.rtmp.chunk.ChunkEncoder;
import org.netstreamfx.player.rtmp.handshake.RtmpHandshake;
import org.netstreamfx.player.rtmp.message.ControlMessage;
import org.netstreamfx.player.rtmp.message.MessageType;
import org.netstreamfx.player.rtmp.message.RtmpMessage;

/**
 * A scripted RTMP server for tests on a free 127.0.0.1 port: each accepted connection runs the
 * script on its own thread with a {@link Peer} that does the server side of the handshake, reads
 * the client's messages and writes whatever the test wants, well formed or not.
 */
final class FakeRtmpServer implements AutoCloseable {
    /** What the server does with one connection. */
    @FunctionalInterface
    interface Script {
        void run(Peer peer) throws Exception;
    }

    private final ServerSocket server;
    private final Thread acceptor;
    private final List<Throwable> errors = Collections.synchronizedList(new ArrayList<>());
    private final List<Socket> sockets = Collections.synchronizedList(new ArrayList<>());
    private volatile int accepted;

    /** Runs {@code scripts} for the first connections in order, the last one for any after them. */
    FakeRtmpServer(Script... scripts) throws IOException {
        this(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), scripts);
    }

    /** The same on a given listening socket (a TLS one for rtmps). */
    FakeRtmpServer(ServerSocket listening, Script... scripts) {
        server = listening;
        acceptor = new Thread(() -> {
            int n = 0;
            while (!server.isClosed()) {
                try {
                    Socket s = server.accept();
                    sockets.add(s);
                    accepted++;
                    Script script = scripts[Math.min(n++, scripts.length - 1)];
                    Thread t = new Thread(() -> {
                        try (Peer p = new Peer(s)) {
                            script.run(p);
                        } catch (Throwable e) {
                            if (!server.isClosed() && !(e instanceof EOFException)) {
                                errors.add(e);
                            }
                        }
                    }, "fake-rtmp-peer-" + n);
                    t.setDaemon(true);
                    t.start();
                } catch (IOException e) {
                    return;
                }
            }
        }, "fake-rtmp-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    String url(String path) {
        return "rtmp://127.0.0.1:" + port() + "/" + path;
    }

    int accepted() {
        return accepted;
    }

    /** Exceptions the scripts threw (assertion failures included). */
    List<Throwable> errors() {
        return List.copyOf(errors);
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : List.copyOf(sockets)) {
            s.close();
        }
    }

    /** The server side of one connection. */
    static final class Peer implements AutoCloseable {
        final Socket socket;
        final InputStream in;
        final OutputStream out;
        final ChunkDecoder decoder = new ChunkDecoder();
        final ChunkEncoder encoder = new ChunkEncoder();
        final CommandCodec codec = new CommandCodec(AmfLimits.DEFAULT);
        private final ArrayDeque<RtmpMessage> queue = new ArrayDeque<>();
        /** Every message read, in order, including control messages. */
        final List<RtmpMessage> received = new ArrayList<>();

        Peer(Socket s) throws IOException {
            socket = s;
            s.setSoTimeout(10_000);
            in = s.getInputStream();
            out = new BufferedOutputStream(s.getOutputStream());
        }

        void handshake() throws IOException {
            RtmpHandshake.server(in, out);
        }

        /** The next message from the client. */
        RtmpMessage read() throws IOException {
            byte[] buf = new byte[8192];
            while (queue.isEmpty()) {
                int n = in.read(buf);
                if (n < 0) {
                    throw new EOFException("client closed");
                }
                queue.addAll(decoder.feed(ByteBuffer.wrap(buf, 0, n)));
            }
            RtmpMessage m = queue.poll();
            received.add(m);
            return m;
        }

        /** The next command, skipping control and media messages. */
        Command readCommand() throws IOException {
            while (true) {
                RtmpMessage m = read();
                if (m.type() == MessageType.COMMAND_AMF0 || m.type() == MessageType.COMMAND_AMF3) {
                    return codec.decode(m);
                }
            }
        }

        /** The next command message itself (for byte checks). */
        RtmpMessage readCommandMessage() throws IOException {
            while (true) {
                RtmpMessage m = read();
                if (m.type() == MessageType.COMMAND_AMF0 || m.type() == MessageType.COMMAND_AMF3) {
                    return m;
                }
            }
        }

        /** Handshake, then the connect command. */
        Command acceptConnect() throws IOException {
            handshake();
            Command c = readCommand();
            if (!c.name().equals("connect")) {
                throw new AssertionError("expected connect, got " + c.name());
            }
            return c;
        }

        /** Handshake, connect, and a Connect.Success answer. */
        Command connectOk() throws IOException {
            Command c = acceptConnect();
            result(1, info("status", "NetConnection.Connect.Success", "Connection succeeded."));
            return c;
        }

        /**
         * Takes a publish as a server does: answers createStream with stream 1 and reads on (past
         * releaseStream and FCPublish) up to the publish command, which it returns.
         */
        Command acceptPublish() throws IOException {
            Command c;
            do {
                c = readCommand();
                if (c.name().equals("createStream")) {
                    result(c.transactionId(), num(1));
                }
            } while (!c.name().equals("publish"));
            return c;
        }

        void send(RtmpMessage m) throws IOException {
            encoder.encode(m, out);
            out.flush();
        }

        void control(ControlMessage c) throws IOException {
            send(RtmpMessage.control(c, 0));
        }

        void command(int streamId, String name, double tid, AmfValue object, AmfValue... args) throws IOException {
            send(CommandCodec.encode(new Command(name, tid, object, List.of(args)), 0, 3, streamId));
        }

        void result(double tid, AmfValue value) throws IOException {
            command(0, "_result", tid, AmfNull.INSTANCE, value);
        }

        void error(double tid, AmfValue value) throws IOException {
            command(0, "_error", tid, AmfNull.INSTANCE, value);
        }

        void onStatus(int streamId, AmfValue info) throws IOException {
            command(streamId, "onStatus", 0, AmfNull.INSTANCE, info);
        }

        void raw(byte[] bytes) throws IOException {
            out.write(bytes);
            out.flush();
        }

        /** Waits until the client closes the connection (or 10 s pass). */
        void awaitClose() throws IOException {
            byte[] buf = new byte[8192];
            try {
                while (in.read(buf) >= 0) {
                    // drain
                }
            } catch (SocketTimeoutException | java.net.SocketException e) {
                // closed or gone silent
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    static AmfObject info(String level, String code, String description) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("level", level);
        m.put("code", code);
        m.put("description", description);
        return (AmfObject) AmfValues.of(m);
    }

    static AmfObject object(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return (AmfObject) AmfValues.of(m);
    }

    static AmfString str(String s) {
        return new AmfString(s);
    }

    static AmfNumber num(double d) {
        return new AmfNumber(d);
    }
}
