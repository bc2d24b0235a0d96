package org.netstreamfx.player.rtmp.client;

import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import org.netstreamfx.player.amf.AmfValue;
import org.netstreamfx.player.amf.AmfValue.AmfNull;
import org.netstreamfx.player.rtmp.chunk.AckTracker;
import org.netstreamfx.player.rtmp.chunk.ChunkDecoder;
import org.netstreamfx.player.rtmp.chunk.ChunkEncoder;
import org.netstreamfx.player.rtmp.handshake.HandshakeMode;
import org.netstreamfx.player.rtmp.handshake.HandshakeRejectedException;
import org.netstreamfx.player.rtmp.handshake.RtmpHandshake;
import org.netstreamfx.player.rtmp.message.ControlMessage;
import org.netstreamfx.player.rtmp.message.MessageType;
import org.netstreamfx.player.rtmp.message.RtmpMessage;
import org.netstreamfx.player.rtmp.message.SetChunkSize;
import org.netstreamfx.player.rtmp.message.SetPeerBandwidth;
import org.netstreamfx.player.rtmp.message.UserControl;
import org.netstreamfx.player.rtmp.message.WindowAckSize;
import org.netstreamfx.player.wire.WireFormatException;

/**
 * One RTMP client connection (Adobe RTMP specification 1.0): socket (TLS for rtmps), handshake
 * (5.2, Flash Player 9 digest first, plain on a new socket if the server drops it), chunk stream
 * in both directions (5.3), protocol control (5.4: we send Set Chunk Size 4096, acknowledge every
 * window, answer Set Peer Bandwidth with our Window Acknowledgement Size), User Control (7.1.7:
 * PingRequest answered), the connect command (7.2.1.1), transactions (7.2.1.2) and routing of
 * each message stream's messages to its {@link StreamListener}.
 *
 * <p><b>Threads.</b> One reader thread, "nsfx-rtmp-read-N", started by {@link #start()}: it waits
 * {@code startDelayMs} (a reconnect's back-off), connects, and then reads until the connection
 * ends. It owns the {@link ChunkDecoder} and {@link AckTracker} and calls every listener. Sending
 * is allowed from any thread: one lock guards the {@link ChunkEncoder} and the socket's output.
 *
 * <p><b>Errors.</b> The whole connect must finish within {@link RtmpOptions#connectTimeoutMs()}.
 * Malformed input of the chunk layer closes the connection with a description naming the field,
 * the limit and the value. A command message that cannot be decoded fails only that message
 * ({@link Listener#badCommand}) once connected; before that it fails the connect. Nothing the
 * server sends makes an exception escape the reader thread.
 *
 * <p><b>Silence.</b> Once connected, reads wait at most until the next step of a {@link
 * SilenceWatch}: a server silent for a third, then two thirds, of {@link
 * RtmpOptions#silenceTimeoutMs()} gets a PingRequest (7.1.7; skipped if another thread is in a
 * write, which must not block the reader); silent for all of it, the connection ends with a
 * {@link ConnectionStalledException} (half-open TCP: no FIN or RST ever comes).
 */
public final class RtmpConnection implements AutoCloseable {
    /** Chunk stream of commands on message stream 0 (as Flash Player uses it). */
    public static final int COMMAND_CHUNK_STREAM = 3;
    /** Chunk stream of NetStream commands (play, pause, seek...). */
    public static final int STREAM_CHUNK_STREAM = 8;
    private static final int READ_BUFFER_BYTES = 64 * 1024;
    private static final AtomicInteger THREAD_IDS = new AtomicInteger();

    /** What the connection reports; called on the reader thread. */
    public interface Listener {
        /** The server accepted connect; {@code result} is its {@code _result}. */
        void connected(RtmpConnection connection, Command result);

        /** The connect failed; nothing more will be reported. */
        void connectFailed(RtmpConnection connection, ConnectFailure failure);

        /** The connection ended after connecting, not through {@link #close()}. */
        void closed(RtmpConnection connection, String description, IOException cause);

        /** A command on message stream 0 that is not an answer: onStatus, onBWDone, close, custom. */
        void serverCommand(RtmpConnection connection, Command command);

        /** A command message that could not be decoded; the connection goes on. */
        void badCommand(RtmpConnection connection, String description);

        /**
         * A protocol control message or User Control event went out ({@code sent}) or came in.
         * Called on the thread that sent it, or the reader thread; for watching only.
         */
        default void control(RtmpConnection connection, boolean sent, ControlMessage message) {
        }
    }

    private final RtmpUrl url;
    private final RtmpOptions options;
    private final List<AmfValue> connectArgs;
    private final Listener listener;
    private final long startDelayMs;
    private final CommandCodec codec;
    private final Thread thread;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final ChunkEncoder encoder = new ChunkEncoder();
    private final Map<Integer, Answer> pending = new ConcurrentHashMap<>();
    private final Map<Integer, StreamListener> streams = new ConcurrentHashMap<>();
    private final AtomicInteger nextTransaction = new AtomicInteger(ConnectCommand.TRANSACTION_ID + 1);
    private final PeerBandwidth peerBandwidth = new PeerBandwidth();
    private volatile int objectEncoding;
    private volatile Socket socket;
    private volatile boolean connected;
    private volatile boolean finished;
    private volatile String phase = "before connecting";
    // Guarded by writeLock.
    private OutputStream out;

    /**
     * A connection to {@code url}, not started.
     *
     * @param objectEncoding 0 (AMF0) or 3 (AMF3), asked for in the connect command
     * @param connectArgs user arguments appended to the connect command
     * @param startDelayMs how long the reader thread waits before connecting
     */
    public RtmpConnection(RtmpUrl url, RtmpOptions options, int objectEncoding, List<AmfValue> connectArgs,
            Listener listener, long startDelayMs) {
        if (objectEncoding != CommandCodec.AMF0 && objectEncoding != CommandCodec.AMF3) {
            throw new IllegalArgumentException("objectEncoding " + objectEncoding + " must be 0 or 3");
        }
        this.url = url;
        this.options = options;
        this.objectEncoding = objectEncoding;
        this.connectArgs = List.copyOf(connectArgs);
        this.listener = listener;
        this.startDelayMs = Math.max(0, startDelayMs);
        this.codec = new CommandCodec(options.amfLimits());
        this.thread = new Thread(this::run, "nsfx-rtmp-read-" + THREAD_IDS.incrementAndGet());
        this.thread.setDaemon(true);
    }

    /** Starts the reader thread, which connects. */
    public void start() {
        thread.start();
    }

    public RtmpUrl url() {
        return url;
    }

    /** True from the connect {@code _result} until the connection ends. */
    public boolean isConnected() {
        return connected && !finished;
    }

    /** The object encoding in force: the one the server confirmed, else the one asked for. */
    public int objectEncoding() {
        return objectEncoding;
    }

    /** The reader thread's name. */
    public String threadName() {
        return thread.getName();
    }

    // Called on any thread.

    /**
     * Sends a command on message stream 0 that expects an answer (RTMP 7.2.1.2); {@code answer}
     * gets it. If sending fails, {@code answer.failed} is called on this thread.
     *
     * @return the transaction id used
     */
    public int call(String name, AmfValue commandObject, List<AmfValue> args, Answer answer) {
        int tid = nextTransaction.getAndUpdate(t -> t == Integer.MAX_VALUE ? ConnectCommand.TRANSACTION_ID + 1 : t + 1);
        pending.put(tid, answer);
        try {
            send(CommandCodec.encode(new Command(name, tid, commandObject, args), objectEncoding,
                    COMMAND_CHUNK_STREAM, 0));
        } catch (IOException e) {
            if (pending.remove(tid) != null) {
                answer.failed("Could not send " + name + ": " + e.getMessage(), false);
            }
        }
        return tid;
    }

    /** Sends a command that expects no answer (transaction id 0) on message stream 0. */
    public void notify(String name, List<AmfValue> args) throws IOException {
        send(CommandCodec.encode(new Command(name, 0, AmfNull.INSTANCE, args), objectEncoding,
                COMMAND_CHUNK_STREAM, 0));
    }

    /** Sends a NetStream command (RTMP 7.2.2) on message stream {@code streamId}: tid 0, null object. */
    public void streamCommand(int streamId, String name, List<AmfValue> args) throws IOException {
        send(CommandCodec.encode(new Command(name, 0, AmfNull.INSTANCE, args), objectEncoding,
                STREAM_CHUNK_STREAM, streamId));
    }

    /** Sends a protocol control message or User Control event on chunk stream 2, stream 0. */
    public void sendControl(ControlMessage control) throws IOException {
        send(RtmpMessage.control(control, 0));
    }

    /** Answers a server-to-client call with {@code _result} or {@code _error} (RTMP 7.2.1.2). */
    public void answer(Command call, boolean ok, AmfValue value) throws IOException {
        send(CommandCodec.encode(new Command(ok ? "_result" : "_error", call.transactionId(), AmfNull.INSTANCE,
                List.of(value)), objectEncoding, COMMAND_CHUNK_STREAM, 0));
    }

    /** Sends one message. */
    public void send(RtmpMessage m) throws IOException {
        writeLock.lock();
        try {
            write(m);
        } finally {
            writeLock.unlock();
        }
        if (m.messageStreamId() == 0 && isControl(m.type())) {
            traceControl(true, m);
        }
    }

    // Guarded by writeLock.
    private void write(RtmpMessage m) throws IOException {
        if (out == null || finished) {
            throw new IOException("the RTMP connection to " + url.masked() + " is not open");
        }
        encoder.encode(m, out);
        out.flush();
    }

    private static boolean isControl(MessageType t) {
        return switch (t) {
            case SET_CHUNK_SIZE, ABORT, ACKNOWLEDGEMENT, USER_CONTROL, WINDOW_ACK_SIZE, SET_PEER_BANDWIDTH -> true;
            default -> false;
        };
    }

    /** Tells the listener about a control message; one it cannot parse was dealt with elsewhere. */
    private void traceControl(boolean sent, RtmpMessage m) {
        try {
            ControlMessage.parse(m).ifPresent(c -> listener.control(this, sent, c));
        } catch (WireFormatException e) {
            // A received one that does not parse fails the connection where it is applied.
        }
    }

    /** Routes message stream {@code streamId}'s messages to {@code l} (replacing any other). */
    public void registerStream(int streamId, StreamListener l) {
        streams.put(streamId, l);
    }

    public void unregisterStream(int streamId) {
        streams.remove(streamId);
    }

    /** Closes the socket; no listener is called afterwards except pending answers failing. */
    @Override
    public void close() {
        finished = true;
        thread.interrupt();
        closeSocket();
        failPending("The connection was closed before the answer came.");
    }

    /**
     * Caps the socket's send buffer (SO_SNDBUF) at {@code bytes}: a publisher wants what the
     * network cannot take to wait in its own queue, where it can drop frames, not in the kernel.
     */
    public void limitSendBuffer(int bytes) {
        Socket s = socket;
        if (s != null) {
            try {
                s.setSendBufferSize(bytes);
            } catch (java.net.SocketException e) {
                // A closed socket: the reader reports the connection's end.
            }
        }
    }

    /**
     * Drops the socket as if the network had: the reader thread ends and reports {@link
     * Listener#closed} with what it saw (used when a write has made no progress for too long).
     */
    public void abort() {
        closeSocket();
    }

    private void closeSocket() {
        Socket s = socket;
        if (s != null) {
            try {
                s.close();
            } catch (IOException e) {
                // Closing is best effort; the reader thread sees the socket closed either way.
            }
        }
    }

    private void failPending(String description) {
        for (Integer tid : List.copyOf(pending.keySet())) {
            Answer a = pending.remove(tid);
            if (a != null) {
                a.failed(description, false);
            }
        }
    }

    // Called on the reader thread.

    private void run() {
        long deadline = 0;
        try {
            if (startDelayMs > 0) {
                Thread.sleep(startDelayMs);
            }
            deadline = System.nanoTime() + options.connectTimeoutMs() * 1_000_000L;
            Socket s = openAndHandshake(deadline);
            OutputStream o = new BufferedOutputStream(s.getOutputStream(), 8192);
            writeLock.lock();
            try {
                out = o;
            } finally {
                writeLock.unlock();
            }
            send(RtmpMessage.control(new SetChunkSize(ChunkEncoder.PREFERRED_CHUNK_SIZE), 0));
            send(CommandCodec.encode(ConnectCommand.build(url, options, objectEncoding, connectArgs),
                    CommandCodec.AMF0, COMMAND_CHUNK_STREAM, 0));
            phase = "waiting for the answer to connect from " + url.endpoint();
            readLoop(s, s.getInputStream(), deadline);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            end(null, "Connecting was interrupted.");
        } catch (IOException e) {
            end(e, describe(e));
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            end(new IOException(e.toString(), e), "Internal error " + phase + ": " + e);
        }
    }

    private Socket openAndHandshake(long deadline) throws IOException {
        HandshakeMode mode = options.handshakeMode();
        while (true) {
            phase = (url.secure() ? "connecting (TCP and TLS) to " : "connecting to ") + url.endpoint();
            Socket s = RtmpSockets.open(url, options, deadline);
            socket = s;
            if (finished) {
                closeSocket();
                throw new IOException("closed");
            }
            phase = "in the RTMP handshake with " + url.endpoint();
            try {
                s.setSoTimeout(RtmpSockets.remainingMs(deadline));
                OutputStream o = new BufferedOutputStream(s.getOutputStream(), 4096);
                RtmpHandshake.client(s.getInputStream(), o, mode);
                return s;
            } catch (HandshakeRejectedException e) {
                s.close();
                if (e.getCause() instanceof java.net.SocketTimeoutException timeout) {
                    throw timeout;
                }
                if (e.fallbackMode().isEmpty()) {
                    throw e;
                }
                mode = e.fallbackMode().get();
            } catch (IOException e) {
                s.close();
                throw e;
            }
        }
    }

    private void readLoop(Socket s, InputStream in, long deadline) throws IOException {
        ChunkDecoder decoder = new ChunkDecoder(options.chunkLimits());
        AckTracker acks = new AckTracker();
        byte[] buf = new byte[READ_BUFFER_BYTES];
        List<RtmpMessage> batch = new ArrayList<>();
        SilenceWatch silence = new SilenceWatch(options.silenceTimeoutMs(), System.nanoTime());
        while (!finished) {
            s.setSoTimeout(connected ? silence.readTimeoutMs(System.nanoTime()) : RtmpSockets.remainingMs(deadline));
            int n;
            try {
                n = in.read(buf);
            } catch (SocketTimeoutException e) {
                if (!connected) {
                    throw e;
                }
                onSilence(silence);
                continue;
            }
            silence.received(System.nanoTime());
            if (n < 0) {
                throw new EOFException(connected ? "The server closed the connection."
                        : "The server closed the connection before answering connect.");
            }
            batch.clear();
            WireFormatException error = null;
            try {
                decoder.feed(ByteBuffer.wrap(buf, 0, n), batch::add);
            } catch (WireFormatException e) {
                error = e;
            }
            for (RtmpMessage m : batch) {
                if (finished) {
                    return;
                }
                onMessage(m, acks);
            }
            if (error != null) {
                throw error;
            }
            // After the messages, so that a Window Acknowledgement Size in this read counts it (5.4.4).
            acks.onBytesReceived(n).ifPresent(ack -> sendQuietly(RtmpMessage.control(ack, 0)));
        }
    }

    /**
     * Nothing came for a while: past the limit the connection is dead; before it, a PingRequest
     * goes out at each third of the limit (skipped while another thread is in a write: a write
     * blocked on a full socket must not block this reader, and the limit holds either way).
     */
    private void onSilence(SilenceWatch silence) throws IOException {
        long now = System.nanoTime();
        if (silence.expired(now)) {
            long silentMs = silence.silentMs(now);
            String d = "Nothing came from " + url.endpoint() + " for " + silentMs + " ms and "
                    + silence.pingsSent() + (silence.pingsSent() == 1 ? " ping went" : " pings went")
                    + " unanswered (silence timeout " + options.silenceTimeoutMs()
                    + " ms): the connection is taken as dead.";
            throw new ConnectionStalledException(d, silentMs, options.silenceTimeoutMs(), silence.pingsSent());
        }
        if (!silence.probeDue(now)) {
            return;
        }
        if (!writeLock.tryLock()) {
            silence.probed(false);
            return;
        }
        RtmpMessage ping = RtmpMessage.control(new UserControl.PingRequest(System.currentTimeMillis() & 0xFFFF_FFFFL), 0);
        try {
            write(ping);
            silence.probed(true);
        } finally {
            writeLock.unlock();
        }
        traceControl(true, ping);
    }

    private void onMessage(RtmpMessage m, AckTracker acks) throws IOException {
        if (isControl(m.type())) {
            traceControl(false, m);
        }
        switch (m.type()) {
            case SET_CHUNK_SIZE, ABORT, ACKNOWLEDGEMENT -> {
                // Set Chunk Size and Abort were applied by the decoder; we do not throttle on acks.
            }
            case WINDOW_ACK_SIZE -> acks.setWindowSize(WindowAckSize.parse(m.payload()));
            case SET_PEER_BANDWIDTH -> peerBandwidth.apply(SetPeerBandwidth.parse(m.payload()))
                    .ifPresent(w -> sendQuietly(RtmpMessage.control(w, 0)));
            case USER_CONTROL -> onUserControl(UserControl.parse(m.payload()));
            case COMMAND_AMF0, COMMAND_AMF3 -> onCommand(m);
            case AUDIO, VIDEO, DATA_AMF0, DATA_AMF3, AGGREGATE -> {
                StreamListener l = streams.get(m.messageStreamId());
                if (l == null && streams.size() == 1) {
                    // Some servers (ffmpeg's -listen mode) send media on another message stream id
                    // than createStream gave; with one stream playing, it can only be that one.
                    l = streams.values().iterator().next();
                }
                if (l != null) {
                    l.media(m);
                }
            }
            default -> {
                // Shared object messages and unknown types: not used by a player.
            }
        }
    }

    private void onUserControl(UserControl event) {
        int streamId;
        if (event instanceof UserControl.PingRequest ping) {
            sendQuietly(RtmpMessage.control(ping.response(), 0));
            return;
        } else if (event instanceof UserControl.StreamBegin e) {
            streamId = e.streamId();
        } else if (event instanceof UserControl.StreamEof e) {
            streamId = e.streamId();
        } else if (event instanceof UserControl.StreamDry e) {
            streamId = e.streamId();
        } else if (event instanceof UserControl.StreamIsRecorded e) {
            streamId = e.streamId();
        } else {
            return;
        }
        StreamListener l = streams.get(streamId);
        if (l != null) {
            l.userControl(event);
        }
    }

    private void onCommand(RtmpMessage m) throws IOException {
        Command c;
        try {
            c = codec.decode(m);
        } catch (WireFormatException e) {
            if (!connected) {
                throw e;
            }
            Command head = codec.decodeHead(m);
            String what = "Undecodable " + (head == null ? "command" : "\"" + head.name() + "\" command")
                    + " on message stream " + m.messageStreamId() + ": " + e.getMessage();
            if (head != null && isAnswer(head)) {
                Answer a = pending.remove(head.transactionIdAsInt());
                if (a != null) {
                    a.failed(what, true);
                }
            }
            listener.badCommand(this, what);
            return;
        }
        if (m.messageStreamId() != 0) {
            StreamListener l = streams.get(m.messageStreamId());
            if (l != null) {
                l.command(c);
            }
            return;
        }
        if (isAnswer(c)) {
            int tid = c.transactionIdAsInt();
            if (!connected && tid == ConnectCommand.TRANSACTION_ID) {
                onConnectAnswer(c);
                return;
            }
            Answer a = pending.remove(tid);
            if (a != null) {
                if (c.name().equals("_result")) {
                    a.result(c);
                } else {
                    a.error(c);
                }
            }
            return;
        }
        listener.serverCommand(this, c);
    }

    private static boolean isAnswer(Command c) {
        return c.name().equals("_result") || c.name().equals("_error");
    }

    private void onConnectAnswer(Command c) throws WireFormatException {
        if (c.name().equals("_error")) {
            finished = true;
            Map<String, Object> info = c.payloadMap();
            Object d = info.get("description");
            String description = d instanceof String s && !s.isEmpty() ? s
                    : "The server refused the connection to " + url.masked() + ".";
            closeSocket();
            listener.connectFailed(this, new ConnectFailure(info, description, null));
            return;
        }
        Object enc = c.payloadMap().get("objectEncoding");
        if (enc instanceof Double d) {
            if (d != CommandCodec.AMF0 && d != CommandCodec.AMF3) {
                throw WireFormatException.outOfRange("connect _result objectEncoding", d.longValue(),
                        "must be 0 or 3 (AMF0 or AMF3), was " + d);
            }
            objectEncoding = d.intValue();
        }
        connected = true;
        phase = "while connected to " + url.endpoint();
        listener.connected(this, c);
    }

    private void sendQuietly(RtmpMessage m) {
        try {
            send(m);
        } catch (IOException e) {
            // The reader sees the broken socket on its next read and reports it there.
            closeSocket();
        }
    }

    private void end(IOException cause, String description) {
        boolean byUs = finished;
        finished = true;
        closeSocket();
        writeLock.lock();
        try {
            out = null;
        } finally {
            writeLock.unlock();
        }
        failPending("The connection closed before the answer came: " + description);
        if (byUs) {
            return;
        }
        if (connected) {
            listener.closed(this, description, cause);
        } else {
            listener.connectFailed(this, new ConnectFailure(null, description, cause));
        }
    }

    private String describe(IOException e) {
        return ConnectErrors.describe(e, url, phase, options.connectTimeoutMs());
    }
}
