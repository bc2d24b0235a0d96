package org.netstreamfx.player.rtmp.client;

import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.netstreamfx.player.rtmp.chunk.AckTracker;
import org.netstreamfx.player.rtmp.chunk.ChunkDecoder;
import org.netstreamfx.player.rtmp.chunk.ChunkEncoder;
import org.netstreamfx.player.rtmp.handshake.HandshakeMode;
import org.netstreamfx.player.rtmp.handshake.HandshakeRejectedException;
import org.netstreamfx.player.rtmp.handshake.RtmpHandshake;
import org.netstreamfx.player.rtmp.message.RtmpMessage;
import org.netstreamfx.player.rtmp.message.SetChunkSize;
import org.netstreamfx.player.rtmp.message.SetPeerBandwidth;
import org.netstreamfx.player.rtmp.message.UserControl;
import org.netstreamfx.player.rtmp.message.WindowAckSize;
import org.netstreamfx.player.wire.WireFormatException;

/**
 * The reader thread's job for one {@link RtmpConnection}: wait out the start delay, connect and
 * handshake (RTMP 5.2), start the connection's writer, send Set Chunk Size and connect, then read
 * the chunk stream (5.3) until the connection ends: protocol control (5.4), User Control (7.1.7),
 * command answers and server commands (7.2), each message stream's media to its listener. It never
 * writes to the socket: acknowledgements, pongs and pings go to the writer's queue.
 *
 * <p>Threads: everything here runs on the connection's reader thread, "nsfx-rtmp-read-N"; it owns
 * the {@link ChunkDecoder} and the {@link AckTracker}.
 */
final class RtmpReader {
    private static final int READ_BUFFER_BYTES = 64 * 1024;

    private final RtmpConnection conn;

    RtmpReader(RtmpConnection conn) {
        this.conn = conn;
    }

    // Called on the reader thread.

    void run() {
        long deadline = 0;
        try {
            if (conn.startDelayMs > 0) {
                Thread.sleep(conn.startDelayMs);
            }
            deadline = System.nanoTime() + conn.options.connectTimeoutMs() * 1_000_000L;
            Socket s = openAndHandshake(deadline);
            conn.startWriter(s);
            if (conn.finished) {
                // close() came before the writer was there to close the socket.
                conn.closeSocket();
                throw new IOException("closed");
            }
            conn.send(RtmpMessage.control(new SetChunkSize(ChunkEncoder.PREFERRED_CHUNK_SIZE), 0));
            conn.send(CommandCodec.encode(ConnectCommand.build(conn.url, conn.options, conn.objectEncoding, conn.connectArgs),
                    CommandCodec.AMF0, RtmpConnection.COMMAND_CHUNK_STREAM, 0));
            conn.phase = "waiting for the answer to connect from " + conn.url.endpoint();
            readLoop(s, s.getInputStream(), deadline);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            end(null, "Connecting was interrupted.");
        } catch (IOException e) {
            end(e, describe(e));
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            end(new IOException(e.toString(), e), "Internal error " + conn.phase + ": " + e);
        } finally {
            // The writer sends what close() left queued, then ends; after an error the socket is gone.
            conn.queue.close();
            conn.terminated.complete(null);
        }
    }

    private Socket openAndHandshake(long deadline) throws IOException {
        HandshakeMode mode = conn.options.handshakeMode();
        while (true) {
            conn.phase = (conn.url.secure() ? "connecting (TCP and TLS) to " : "connecting to ") + conn.url.endpoint();
            Socket s = RtmpSockets.open(conn.url, conn.options, deadline);
            conn.socket = s;
            if (conn.finished) {
                conn.closeSocket();
                throw new IOException("closed");
            }
            conn.phase = "in the RTMP handshake with " + conn.url.endpoint();
            try {
                s.setSoTimeout(RtmpSockets.remainingMs(deadline));
                java.io.OutputStream o = new BufferedOutputStream(s.getOutputStream(), 4096);
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
        ChunkDecoder decoder = new ChunkDecoder(conn.options.chunkLimits());
        AckTracker acks = new AckTracker();
        byte[] buf = new byte[READ_BUFFER_BYTES];
        List<RtmpMessage> batch = new ArrayList<>();
        SilenceWatch silence = new SilenceWatch(conn.options.silenceTimeoutMs(), System.nanoTime());
        while (!conn.finished) {
            s.setSoTimeout(conn.connected ? silence.readTimeoutMs(System.nanoTime()) : RtmpSockets.remainingMs(deadline));
            int n;
            try {
                n = in.read(buf);
            } catch (SocketTimeoutException e) {
                if (!conn.connected) {
                    throw e;
                }
                onSilence(silence);
                continue;
            }
            silence.received(System.nanoTime());
            if (n < 0) {
                throw new EOFException(conn.connected ? "The server closed the connection."
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
                if (conn.finished) {
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
     * goes out at each third of the limit.
     */
    private void onSilence(SilenceWatch silence) throws IOException {
        long now = System.nanoTime();
        if (silence.expired(now)) {
            long silentMs = silence.silentMs(now);
            String d = "Nothing came from " + conn.url.endpoint() + " for " + silentMs + " ms and "
                    + silence.pingsSent() + (silence.pingsSent() == 1 ? " ping went" : " pings went")
                    + " unanswered (silence timeout " + conn.options.silenceTimeoutMs()
                    + " ms): the connection is taken as dead.";
            throw new ConnectionStalledException(d, silentMs, conn.options.silenceTimeoutMs(), silence.pingsSent());
        }
        if (!silence.probeDue(now)) {
            return;
        }
        // Queued, never written here: the reader does not wait for the network.
        conn.send(RtmpMessage.control(new UserControl.PingRequest(System.currentTimeMillis() & 0xFFFF_FFFFL), 0));
        silence.probed(true);
    }

    private void onMessage(RtmpMessage m, AckTracker acks) throws IOException {
        if (conn.isControl(m.type())) {
            conn.traceControl(false, m);
        }
        switch (m.type()) {
            case SET_CHUNK_SIZE, ABORT, ACKNOWLEDGEMENT -> {
                // Set Chunk Size and Abort were applied by the decoder; we do not throttle on acks.
            }
            case WINDOW_ACK_SIZE -> acks.setWindowSize(WindowAckSize.parse(m.payload()));
            case SET_PEER_BANDWIDTH -> conn.peerBandwidth.apply(SetPeerBandwidth.parse(m.payload()))
                    .ifPresent(w -> sendQuietly(RtmpMessage.control(w, 0)));
            case USER_CONTROL -> onUserControl(UserControl.parse(m.payload()));
            case COMMAND_AMF0, COMMAND_AMF3 -> onCommand(m);
            case AUDIO, VIDEO, DATA_AMF0, DATA_AMF3, AGGREGATE -> {
                StreamListener l = conn.streams.get(m.messageStreamId());
                if (l == null && conn.streams.size() == 1) {
                    // Some servers (ffmpeg's -listen mode) send media on another message stream id
                    // than createStream gave; with one stream playing, it can only be that one.
                    l = conn.streams.values().iterator().next();
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
        StreamListener l = conn.streams.get(streamId);
        if (l != null) {
            l.userControl(event);
        }
    }

    private void onCommand(RtmpMessage m) throws IOException {
        Command c;
        try {
            c = conn.codec.decode(m);
        } catch (WireFormatException e) {
            if (!conn.connected) {
                throw e;
            }
            Command head = conn.codec.decodeHead(m);
            String what = "Undecodable " + (head == null ? "command" : "\"" + head.name() + "\" command")
                    + " on message stream " + m.messageStreamId() + ": " + e.getMessage();
            if (head != null && isAnswer(head)) {
                Answer a = conn.pending.remove(head.transactionIdAsInt());
                if (a != null) {
                    a.failed(what, true);
                }
            }
            conn.listener.badCommand(conn, what);
            return;
        }
        if (m.messageStreamId() != 0) {
            StreamListener l = conn.streams.get(m.messageStreamId());
            if (l != null) {
                l.command(c);
            }
            return;
        }
        if (isAnswer(c)) {
            int tid = c.transactionIdAsInt();
            if (!conn.connected && tid == ConnectCommand.TRANSACTION_ID) {
                onConnectAnswer(c);
                return;
            }
            Answer a = conn.pending.remove(tid);
            if (a != null) {
                if (c.name().equals("_result")) {
                    a.result(c);
                } else {
                    a.error(c);
                }
            }
            return;
        }
        conn.listener.serverCommand(conn, c);
    }

    private static boolean isAnswer(Command c) {
        return c.name().equals("_result") || c.name().equals("_error");
    }

    private void onConnectAnswer(Command c) throws WireFormatException {
        if (c.name().equals("_error")) {
            conn.finished = true;
            Map<String, Object> info = c.payloadMap();
            Object d = info.get("description");
            String description = d instanceof String s && !s.isEmpty() ? s
                    : "The server refused the connection to " + conn.url.masked() + ".";
            conn.closeSocket();
            conn.listener.connectFailed(conn, new ConnectFailure(info, description, null));
            return;
        }
        Object enc = c.payloadMap().get("objectEncoding");
        if (enc instanceof Double d) {
            if (d != CommandCodec.AMF0 && d != CommandCodec.AMF3) {
                throw WireFormatException.outOfRange("connect _result objectEncoding", d.longValue(),
                        "must be 0 or 3 (AMF0 or AMF3), was " + d);
            }
            conn.objectEncoding = d.intValue();
        }
        conn.serverCaps = ServerCaps.of(c);
        conn.connected = true;
        conn.phase = "while connected to " + conn.url.endpoint();
        conn.listener.connected(conn, c);
    }

    private void sendQuietly(RtmpMessage m) {
        try {
            conn.send(m);
        } catch (IOException e) {
            // Not open any more, or the queue was full (which dropped the socket): the reader sees
            // the socket gone on its next read and reports it there.
        }
    }

    private void end(IOException cause, String description) {
        boolean byUs = conn.finished;
        conn.finished = true;
        conn.closeSocket();
        conn.queue.close();
        WriteFailedException own = conn.writeFailure;
        if (own != null) {
            cause = own;
            description = own.getMessage();
        }
        conn.failPending("The connection closed before the answer came: " + description);
        if (byUs) {
            return;
        }
        if (conn.connected) {
            conn.listener.closed(conn, description, cause);
        } else {
            conn.listener.connectFailed(conn, new ConnectFailure(null, description, cause));
        }
    }

    private String describe(IOException e) {
        return ConnectErrors.describe(e, conn.url, conn.phase, conn.options.connectTimeoutMs());
    }

}
