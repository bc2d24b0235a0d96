package org.netstreamfx.player.rtmp.client;

import java.io.IOException;
import java.net.Socket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import org.netstreamfx.player.amf.AmfValue;
import org.netstreamfx.player.amf.AmfValue.AmfNull;
import org.netstreamfx.player.rtmp.chunk.AckTracker;
import org.netstreamfx.player.rtmp.chunk.ChunkDecoder;
import org.netstreamfx.player.rtmp.chunk.ChunkEncoder;
import org.netstreamfx.player.rtmp.message.ControlMessage;
import org.netstreamfx.player.rtmp.message.MessageType;
import org.netstreamfx.player.rtmp.message.RtmpMessage;
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
 * ends. It owns the {@link ChunkDecoder} and {@link AckTracker} and calls every listener. One
 * {@link RtmpWriter}, "nsfx-rtmp-write-N" (with its stall watch), owns the {@link ChunkEncoder}
 * and the socket's output. Sending is allowed from any thread and never waits for the network: it
 * puts the message in the bounded {@link OutboundQueue} (control first, then commands, then
 * media) and returns. Commands or control finding the queue full end the connection with a
 * {@link WriteFailedException}; media finding it full is refused ({@link #offerMedia}), and the
 * queue's water marks ({@link #isWritable()}) tell a publisher when to hold back and drop.
 *
 * <p><b>Errors.</b> The whole connect must finish within {@link RtmpOptions#connectTimeoutMs()}.
 * Malformed input of the chunk layer closes the connection with a description naming the field,
 * the limit and the value. A command message that cannot be decoded fails only that message
 * ({@link Listener#badCommand}) once connected; before that it fails the connect. Nothing the
 * server sends makes an exception escape the reader thread.
 *
 * <p><b>Silence.</b> Once connected, reads wait at most until the next step of a {@link
 * SilenceWatch}: a server silent for a third, then two thirds, of {@link
 * RtmpOptions#silenceTimeoutMs()} gets a PingRequest (7.1.7, queued like any control message);
 * silent for all of it, the connection ends with a {@link ConnectionStalledException} (half-open
 * TCP: no FIN or RST ever comes). A write that makes no progress for {@link
 * RtmpWriter#STALL_LIMIT_MS} ends it with a {@link WriteFailedException}.
 */
public final class RtmpConnection implements AutoCloseable {
    /** Chunk stream of commands on message stream 0 (as Flash Player uses it). */
    public static final int COMMAND_CHUNK_STREAM = 3;
    /** Chunk stream of NetStream commands (play, pause, seek...). */
    public static final int STREAM_CHUNK_STREAM = 8;
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
         * Called on the writer thread once it is on the socket, or the reader thread; for watching only.
         */
        default void control(RtmpConnection connection, boolean sent, ControlMessage message) {
        }
    }

    final RtmpUrl url;
    final RtmpOptions options;
    final List<AmfValue> connectArgs;
    final Listener listener;
    final long startDelayMs;
    final CommandCodec codec;
    private final Thread thread;
    final String suffix;
    final long stallLimitMs;
    final OutboundQueue queue = new OutboundQueue();
    final CompletableFuture<Void> terminated = new CompletableFuture<>();
    final Map<Integer, Answer> pending = new ConcurrentHashMap<>();
    final Map<Integer, StreamListener> streams = new ConcurrentHashMap<>();
    private final AtomicInteger nextTransaction = new AtomicInteger(ConnectCommand.TRANSACTION_ID + 1);
    final PeerBandwidth peerBandwidth = new PeerBandwidth();
    volatile int objectEncoding;
    /** What the server said of its Enhanced RTMP support in its connect answer. */
    volatile ServerCaps serverCaps = ServerCaps.NONE;
    volatile Socket socket;
    volatile boolean connected;
    volatile boolean finished;
    volatile String phase = "before connecting";
    volatile RtmpWriter writer;
    /** The connection's own verdict on its writes (stall, full queue), which ended it; else null. */
    volatile WriteFailedException writeFailure;

    /**
     * A connection to {@code url}, not started.
     *
     * @param objectEncoding 0 (AMF0) or 3 (AMF3), asked for in the connect command
     * @param connectArgs user arguments appended to the connect command
     * @param startDelayMs how long the reader thread waits before connecting
     */
    public RtmpConnection(RtmpUrl url, RtmpOptions options, int objectEncoding, List<AmfValue> connectArgs,
            Listener listener, long startDelayMs) {
        this(url, options, objectEncoding, connectArgs, listener, startDelayMs, RtmpWriter.STALL_LIMIT_MS);
    }

    /** The same with another write stall limit (tests). */
    RtmpConnection(RtmpUrl url, RtmpOptions options, int objectEncoding, List<AmfValue> connectArgs,
            Listener listener, long startDelayMs, long stallLimitMs) {
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
        this.stallLimitMs = stallLimitMs;
        this.suffix = Integer.toString(THREAD_IDS.incrementAndGet());
        this.thread = new Thread(new RtmpReader(this)::run, "nsfx-rtmp-read-" + suffix);
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

    /** The server's Enhanced RTMP capabilities from its connect answer ({@link ServerCaps#NONE} before it). */
    public ServerCaps serverCaps() {
        return serverCaps;
    }

    /** The object encoding in force: the one the server confirmed, else the one asked for. */
    public int objectEncoding() {
        return objectEncoding;
    }

    /** The reader thread's name. */
    public String threadName() {
        return thread.getName();
    }

    /**
     * Completes when the reader thread has ended, after the last listener call it makes (the
     * writer may still be sending what close() left queued).
     */
    public CompletionStage<Void> terminated() {
        return terminated;
    }

    /** False while the outbound queue is above its high water mark, until back at the low one. */
    public boolean isWritable() {
        return queue.isWritable();
    }

    /**
     * Waits (on a sender's own thread, never the caller's or the reader's) until writable or
     * {@code timeoutMs} passed; true if writable.
     *
     * @throws IOException once the connection takes no more messages
     */
    public boolean awaitWritable(long timeoutMs) throws InterruptedException, IOException {
        boolean writable = queue.awaitWritable(timeoutMs);
        if (!writable && (finished || queue.isClosed())) {
            throw notOpen();
        }
        return writable;
    }

    /** Waits until no media is queued or being written (or the end, or {@code timeoutMs}). */
    public boolean awaitMediaWritten(long timeoutMs) throws InterruptedException {
        return queue.awaitMediaWritten(timeoutMs);
    }

    /** {@code l} is told each change of {@link #isWritable()}, on the thread that caused it. */
    public void addWritabilityListener(OutboundQueue.WritabilityListener l) {
        queue.addWritabilityListener(l);
    }

    public void removeWritabilityListener(OutboundQueue.WritabilityListener l) {
        queue.removeWritabilityListener(l);
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

    /**
     * Queues one message for the writer and returns at once. A command or control message that
     * finds the queue full ends the connection (the server has stopped reading).
     *
     * @throws IOException when the connection is not open, or the queue is full
     */
    public void send(RtmpMessage m) throws IOException {
        if (!offer(m)) {
            WriteFailedException e = new WriteFailedException("Could not queue a " + m.type() + " message for "
                    + url.endpoint() + ": the outbound queue is full (" + queue.queuedMessages() + " messages, "
                    + queue.queuedBytes() + " bytes; limits " + OutboundQueue.MAX_QUEUED_MESSAGES + " messages, "
                    + OutboundQueue.MAX_QUEUED_BYTES + " bytes): the server is not reading; the connection is "
                    + "closed.", false);
            failWrites(e);
            throw e;
        }
    }

    /**
     * Queues an audio, video or data message for the writer; false, with nothing queued, when
     * media has filled its share of the queue ({@link OutboundQueue#MAX_MEDIA_BYTES}): the
     * publisher's drop.
     *
     * @throws IOException when the connection is not open
     */
    public boolean offerMedia(RtmpMessage m) throws IOException {
        if (OutboundQueue.Priority.of(m) != OutboundQueue.Priority.MEDIA) {
            throw new IllegalArgumentException(m.type() + " is not media; send() it");
        }
        return offer(m);
    }

    private boolean offer(RtmpMessage m) throws IOException {
        if (writer == null || finished) {
            throw notOpen();
        }
        return switch (queue.offer(m)) {
            case QUEUED -> true;
            case FULL -> false;
            case CLOSED -> throw notOpen();
        };
    }

    private IOException notOpen() {
        return new IOException("the RTMP connection to " + url.masked() + " is not open");
    }

    /** The connection's own write verdict: recorded as its end's cause, and the socket dropped. */
    private void failWrites(WriteFailedException e) {
        if (writeFailure == null) {
            writeFailure = e;
        }
        queue.close();
        closeSocket();
    }

    static boolean isControl(MessageType t) {
        return switch (t) {
            case SET_CHUNK_SIZE, ABORT, ACKNOWLEDGEMENT, USER_CONTROL, WINDOW_ACK_SIZE, SET_PEER_BANDWIDTH -> true;
            default -> false;
        };
    }

    /** Tells the listener about a control message; one it cannot parse was dealt with elsewhere. */
    void traceControl(boolean sent, RtmpMessage m) {
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

    /**
     * Closes the connection; no listener is called afterwards except pending answers failing. The
     * commands and control messages already queued (closeStream, deleteStream) still go out, then
     * the writer closes the socket; queued media is dropped. Returns at once.
     */
    @Override
    public void close() {
        finished = true;
        thread.interrupt();
        queue.dropMedia();
        queue.close();
        if (writer == null) {
            closeSocket();
        }
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
     * Listener#closed} with what it saw (for a caller's own verdict that the connection is dead;
     * a write without progress is the writer's, see {@link RtmpWriter#STALL_LIMIT_MS}).
     */
    public void abort() {
        closeSocket();
    }

    void closeSocket() {
        Socket s = socket;
        if (s != null) {
            try {
                s.close();
            } catch (IOException e) {
                // Closing is best effort; the reader thread sees the socket closed either way.
            }
        }
    }

    void failPending(String description) {
        for (Integer tid : List.copyOf(pending.keySet())) {
            Answer a = pending.remove(tid);
            if (a != null) {
                a.failed(description, false);
            }
        }
    }

    // Called on the reader thread.

    /** Starts the one writer on {@code s}'s output, once the handshake is done. */
    void startWriter(Socket s) throws IOException {
        RtmpWriter w = new RtmpWriter(suffix, s.getOutputStream(), queue, stallLimitMs, new WriterEvents());
        writer = w;
        w.start();
    }

    /** What the writer reports, on its threads. */
    private final class WriterEvents implements RtmpWriter.Events {
        @Override
        public void written(RtmpMessage m) {
            if (m.messageStreamId() == 0 && isControl(m.type())) {
                traceControl(true, m);
            }
        }

        // Called on the watch thread.
        @Override
        public void stalled(long stalledMs) {
            if (finished) {
                closeSocket();
                return;
            }
            String d = "A write to " + url.endpoint() + " made no progress for " + stalledMs / 1000
                    + " s (limit " + stallLimitMs / 1000 + " s): the server stopped reading; the connection is dead.";
            for (StreamListener l : streams.values()) {
                l.writeStalled(d);
            }
            failWrites(new WriteFailedException(d, true));
        }

        @Override
        public void failed(IOException e) {
            // A broken socket: the reader sees it on its next read and reports the connection's end.
        }

        @Override
        public void drained() {
            if (finished) {
                closeSocket();
            }
        }
    }
}
