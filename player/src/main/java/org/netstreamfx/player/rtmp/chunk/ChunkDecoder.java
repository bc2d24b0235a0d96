package org.netstreamfx.player.rtmp.chunk;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.netstreamfx.player.rtmp.message.Abort;
import org.netstreamfx.player.rtmp.message.ControlMessage;
import org.netstreamfx.player.rtmp.message.MessageType;
import org.netstreamfx.player.rtmp.message.RtmpMessage;
import org.netstreamfx.player.rtmp.message.SetChunkSize;
import org.netstreamfx.player.wire.WireFormatException;

/**
 * Incremental RTMP chunk stream decoder (Adobe RTMP specification 1.0, section 5.3): feed it the
 * bytes read from the socket after the handshake, in slices of any size, and it emits each
 * message as soon as its last chunk is complete.
 *
 * <p><b>Chunk format.</b> Basic headers of 1, 2 and 3 bytes (5.3.1.1: chunk stream id 0 in the
 * first byte means 64 + the next byte, 1 means 64 + the next two bytes little-endian), message
 * headers of type 0, 1, 2 and 3 (5.3.1.2), and the extended timestamp (5.3.1.3): a 3-byte
 * timestamp or delta of 0xFFFFFF means the 32-bit value follows the message header, and every
 * type 3 chunk on that chunk stream then carries the extended timestamp too, whether it continues
 * the message or starts a new one. Timestamps are 32-bit and wrap. A type 3 header starting a new
 * message adds the delta of the latest type 1 or 2 header; after a type 0 header that delta is 0
 * (the timestamp repeats), as librtmp and nginx-rtmp read it.
 *
 * <p><b>Protocol control.</b> Set Chunk Size (5.4.1) and Abort (5.4.2) are applied
 * <em>automatically</em> when the decoder completes one, on whatever chunk stream it came (the
 * specification says chunk stream 2; applying it regardless keeps the decoder in step with the
 * peer): the new chunk size governs the chunks that follow, and Abort drops the partial message of
 * the named chunk stream. Both are still emitted. Bodies of all control messages (types 1..6) are
 * parsed on arrival, so one shorter than its body fails here. {@link #setChunkSize(int)} exists
 * for callers that negotiate chunk sizes out of band.
 *
 * <p><b>Limits.</b> Every length, id and count from the wire is checked against {@link ChunkLimits}
 * before use. A message is assembled in a buffer that grows as its bytes arrive (never allocated
 * at its declared length); {@link #bufferedBytes()} is the capacity of all such buffers and may
 * not exceed {@link ChunkLimits#maxBufferedBytes()}.
 *
 * <p><b>Errors.</b> Malformed input throws {@link WireFormatException}, naming the field, the
 * limit and the value. The stream cannot be resynchronised after that, so the decoder then refuses
 * further input with {@link IllegalStateException}; the connection must be closed.
 *
 * <p><b>Threading.</b> Not thread-safe: one connection's reader thread owns it.
 */
public final class ChunkDecoder {
    private final ChunkLimits limits;
    private final Map<Integer, ChunkStreamState> streams = new HashMap<>();
    private final byte[] header = new byte[ChunkWire.MAX_HEADER_LENGTH];
    private int headerFilled;
    /** The chunk stream whose chunk body is being read, or null while reading a header. */
    private ChunkStreamState bodyStream;
    private int chunkBodyRemaining;
    private int chunkSize = SetChunkSize.DEFAULT_SIZE;
    private long bufferedBytes;
    private WireFormatException failure;

    /** A decoder with {@link ChunkLimits#DEFAULTS}. */
    public ChunkDecoder() {
        this(ChunkLimits.DEFAULTS);
    }

    public ChunkDecoder(ChunkLimits limits) {
        if (limits == null) {
            throw new IllegalArgumentException("limits missing");
        }
        this.limits = limits;
    }

    /** Decodes all of {@code src}; returns the messages completed by it, in order. */
    public List<RtmpMessage> feed(ByteBuffer src) throws WireFormatException {
        List<RtmpMessage> out = new ArrayList<>();
        feed(src, out::add);
        return out;
    }

    /** Decodes {@code len} bytes of {@code b} from {@code off}; returns the completed messages. */
    public List<RtmpMessage> feed(byte[] b, int off, int len) throws WireFormatException {
        return feed(ByteBuffer.wrap(b, off, len));
    }

    /**
     * Decodes all of {@code src}, handing each completed message to {@code sink} as soon as it is
     * complete (a Set Chunk Size is applied before the sink sees it).
     */
    public void feed(ByteBuffer src, Consumer<RtmpMessage> sink) throws WireFormatException {
        if (failure != null) {
            throw new IllegalStateException("chunk stream already failed: " + failure.getMessage(), failure);
        }
        try {
            while (true) {
                if (bodyStream != null) {
                    if (!src.hasRemaining()) {
                        break;
                    }
                    readBody(src, sink);
                    continue;
                }
                int needed = headerLength();
                if (headerFilled == needed) {
                    onHeader(sink);
                } else if (src.hasRemaining()) {
                    int n = Math.min(needed - headerFilled, src.remaining());
                    src.get(header, headerFilled, n);
                    headerFilled += n;
                } else {
                    break;
                }
            }
        } catch (WireFormatException e) {
            failure = e;
            throw e;
        }
    }

    /** The inbound chunk size now in force (128 until the peer sends Set Chunk Size). */
    public int chunkSize() {
        return chunkSize;
    }

    /**
     * Sets the inbound chunk size, as a Set Chunk Size message would; values above 0xFFFFFF are
     * capped. It governs chunks whose header has not been read yet.
     */
    public void setChunkSize(int size) {
        chunkSize = new SetChunkSize(size).effectiveSize();
    }

    /** Capacity of all buffers holding partly received messages. */
    public long bufferedBytes() {
        return bufferedBytes;
    }

    /** How many chunk streams are alive. */
    public int chunkStreamCount() {
        return streams.size();
    }

    /** The limits this decoder enforces. */
    public ChunkLimits limits() {
        return limits;
    }

    /**
     * How long the header being read is, as far as the bytes read so far tell; equal to
     * {@code headerFilled} once it is complete.
     */
    private int headerLength() throws WireFormatException {
        if (headerFilled < 1) {
            return 1;
        }
        int low = header[0] & 0x3F;
        int basic = low == 0 ? 2 : low == 1 ? 3 : 1;
        if (headerFilled < basic) {
            return basic;
        }
        HeaderType type = HeaderType.fromFmt((header[0] & 0xFF) >>> 6);
        ChunkStreamState state = streams.get(chunkStreamId());
        if (state == null && type != HeaderType.TYPE_0) {
            throw WireFormatException.outOfRange("RTMP chunk header type on chunk stream " + chunkStreamId(),
                    type.fmt, "needs an earlier type 0 header on that chunk stream (RTMP 5.3.1.2)");
        }
        int total = basic + type.messageHeaderLength;
        if (headerFilled < total) {
            return total;
        }
        boolean extended = type == HeaderType.TYPE_3
                ? state.extended
                : ChunkWire.u24(header, basic) == ChunkWire.EXTENDED_TIMESTAMP_MARKER;
        return extended ? total + ChunkWire.EXTENDED_TIMESTAMP_LENGTH : total;
    }

    private int basicHeaderLength() {
        int low = header[0] & 0x3F;
        return low == 0 ? 2 : low == 1 ? 3 : 1;
    }

    private int chunkStreamId() {
        int low = header[0] & 0x3F;
        if (low == 0) {
            return 64 + (header[1] & 0xFF);
        }
        if (low == 1) {
            return 64 + (header[1] & 0xFF) + ((header[2] & 0xFF) << 8);
        }
        return low;
    }

    /** Applies a complete chunk header: validates it, updates the chunk stream, starts the body. */
    private void onHeader(Consumer<RtmpMessage> sink) throws WireFormatException {
        int csid = chunkStreamId();
        int p = basicHeaderLength();
        HeaderType type = HeaderType.fromFmt((header[0] & 0xFF) >>> 6);
        ChunkStreamState s = streams.get(csid);
        if (s != null && s.partial != null && type != HeaderType.TYPE_3) {
            throw WireFormatException.outOfRange("RTMP chunk header type on chunk stream " + csid, type.fmt,
                    "arrived with " + (s.length - s.filled) + " bytes of a " + s.length
                            + "-byte message still to come; only type 3 may continue a message (RTMP 5.3.1.2.4)");
        }
        if (type != HeaderType.TYPE_3) {
            long field = ChunkWire.u24(header, p);
            boolean extended = field == ChunkWire.EXTENDED_TIMESTAMP_MARKER;
            if (extended) {
                field = ChunkWire.u32(header, p + type.messageHeaderLength);
            }
            int length = type == HeaderType.TYPE_2 ? s.length : ChunkWire.u24(header, p + 3);
            if (length > limits.maxMessageLength()) {
                throw WireFormatException.overLimit("RTMP message length", length, limits.maxMessageLength());
            }
            if (type == HeaderType.TYPE_0) {
                long msid = ChunkWire.u32le(header, p + 7);
                if (msid > limits.maxMessageStreamId()) {
                    throw WireFormatException.overLimit("RTMP message stream id", msid,
                            limits.maxMessageStreamId());
                }
                if (s == null) {
                    if (streams.size() >= limits.maxChunkStreams()) {
                        throw WireFormatException.overLimit("RTMP chunk stream count", streams.size() + 1L,
                                limits.maxChunkStreams());
                    }
                    s = new ChunkStreamState(csid);
                    streams.put(csid, s);
                }
                s.messageStreamId = (int) msid;
                s.timestamp = field;
                s.delta = 0;
            } else {
                s.delta = field;
                s.timestamp = (s.timestamp + field) & ChunkWire.TIMESTAMP_MASK;
            }
            if (type != HeaderType.TYPE_2) {
                s.typeId = header[p + 6] & 0xFF;
            }
            s.length = length;
            s.extended = extended;
        } else if (s.partial == null) {
            s.timestamp = (s.timestamp + s.delta) & ChunkWire.TIMESTAMP_MASK;
        }
        headerFilled = 0;
        if (s.partial == null) {
            if (s.length == 0) {
                emit(s, new byte[0], sink);
                return;
            }
            s.startMessage();
        }
        bodyStream = s;
        chunkBodyRemaining = Math.min(chunkSize, s.length - s.filled);
    }

    private void readBody(ByteBuffer src, Consumer<RtmpMessage> sink) throws WireFormatException {
        ChunkStreamState s = bodyStream;
        int n = Math.min(chunkBodyRemaining, src.remaining());
        grow(s, s.filled + n);
        src.get(s.partial, s.filled, n);
        s.filled += n;
        chunkBodyRemaining -= n;
        if (chunkBodyRemaining > 0) {
            return;
        }
        bodyStream = null;
        if (s.filled == s.length) {
            byte[] payload = s.partial;
            bufferedBytes -= payload.length;
            s.clearMessage();
            emit(s, payload, sink);
        }
    }

    /** Grows {@code s}'s buffer to hold {@code needed} bytes, doubling but never past its length. */
    private void grow(ChunkStreamState s, int needed) throws WireFormatException {
        int capacity = s.partial.length;
        if (needed <= capacity) {
            return;
        }
        int newCapacity = (int) Math.min(s.length, Math.max(needed, 2L * capacity));
        long total = bufferedBytes - capacity + newCapacity;
        if (total > limits.maxBufferedBytes()) {
            throw WireFormatException.overLimit("RTMP buffered message bytes", total, limits.maxBufferedBytes());
        }
        s.partial = Arrays.copyOf(s.partial, newCapacity);
        bufferedBytes = total;
    }

    private void emit(ChunkStreamState s, byte[] payload, Consumer<RtmpMessage> sink)
            throws WireFormatException {
        MessageType type = MessageType.fromId(s.typeId);
        RtmpMessage m = new RtmpMessage(s.chunkStreamId, type, s.typeId, s.timestamp,
                s.messageStreamId, payload);
        if (type.isControl()) {
            ControlMessage control = ControlMessage.parse(type, payload).orElseThrow();
            if (control instanceof SetChunkSize size) {
                chunkSize = size.effectiveSize();
            } else if (control instanceof Abort abort) {
                abort(abort.chunkStreamId());
            }
        }
        sink.accept(m);
    }

    /** Drops the partial message of {@code csid}, as an Abort Message asks (5.4.2). */
    private void abort(int csid) {
        ChunkStreamState target = streams.get(csid);
        if (target == null || target.partial == null) {
            return;
        }
        bufferedBytes -= target.partial.length;
        target.clearMessage();
        if (bodyStream == target) {
            bodyStream = null;
        }
    }
}
