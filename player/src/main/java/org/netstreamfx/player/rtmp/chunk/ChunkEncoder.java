package org.netstreamfx.player.rtmp.chunk;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.Map;
import org.netstreamfx.player.rtmp.message.MessageType;
import org.netstreamfx.player.rtmp.message.RtmpMessage;
import org.netstreamfx.player.rtmp.message.SetChunkSize;
import org.netstreamfx.player.wire.WireFormatException;

/**
 * Splits outbound messages into chunks (Adobe RTMP specification 1.0, section 5.3) with header
 * compression.
 *
 * <p>Per chunk stream the encoder picks the smallest header the previous message allows
 * (5.3.1.2): type 0 for the first message, when the message stream id changes or when the
 * timestamp goes backwards; type 1 when the length or type id changes; type 3 when length, type
 * id and timestamp delta all repeat the latest type 1 or 2 header; otherwise type 2. Continuation
 * chunks use type 3. Timestamps or deltas of 0xFFFFFF and above go in the extended timestamp field
 * (5.3.1.3), which every type 3 chunk then repeats. Chunk stream ids 2..63 take the 1-byte basic
 * header, 64..319 the 2-byte form and 320..65599 the 3-byte form (5.3.1.1).
 *
 * <p>The outbound chunk size starts at 128. Encoding a Set Chunk Size message applies it to the
 * messages encoded after it, as the peer will apply it to the chunks after it; after the
 * handshake we send 4096. {@link #setChunkSize(int)} changes it directly.
 *
 * <p>Threading: not thread-safe; the connection's single writer owns it (or callers serialise
 * access), since the header chosen depends on the previous message on the same chunk stream.
 */
public final class ChunkEncoder {
    /** The chunk size this client announces after the handshake. */
    public static final int PREFERRED_CHUNK_SIZE = 4096;

    private final Map<Integer, OutState> streams = new HashMap<>();
    private int chunkSize = SetChunkSize.DEFAULT_SIZE;

    /** Latest header fields sent on one chunk stream. */
    private static final class OutState {
        int messageStreamId;
        int typeId;
        int length;
        long timestamp;
        long delta;
        boolean hasDelta;
        boolean extended;
    }

    /** The outbound chunk size in force. */
    public int chunkSize() {
        return chunkSize;
    }

    /** Sets the outbound chunk size (1..2^31-1, capped at 0xFFFFFF); send a Set Chunk Size too. */
    public void setChunkSize(int size) {
        chunkSize = new SetChunkSize(size).effectiveSize();
    }

    /** Encodes {@code m} into chunks and writes them to {@code out} (not flushed). */
    public void encode(RtmpMessage m, OutputStream out) throws IOException {
        out.write(encode(m));
    }

    /** Encodes {@code m} into chunks. */
    public byte[] encode(RtmpMessage m) {
        int csid = m.chunkStreamId();
        OutState s = streams.get(csid);
        HeaderType type;
        long field;
        if (s == null || s.messageStreamId != m.messageStreamId() || m.timestampMs() < s.timestamp) {
            type = HeaderType.TYPE_0;
            field = m.timestampMs();
        } else {
            field = m.timestampMs() - s.timestamp;
            if (s.length != m.length() || s.typeId != m.typeId()) {
                type = HeaderType.TYPE_1;
            } else if (s.hasDelta && field == s.delta) {
                type = HeaderType.TYPE_3;
            } else {
                type = HeaderType.TYPE_2;
            }
        }
        if (s == null) {
            s = new OutState();
            streams.put(csid, s);
        }
        boolean extended = type == HeaderType.TYPE_3 ? s.extended : field >= ChunkWire.EXTENDED_TIMESTAMP_MARKER;

        int length = m.length();
        int chunks = Math.max(1, (length + chunkSize - 1) / chunkSize);
        ByteArrayOutputStream out = new ByteArrayOutputStream(
                length + ChunkWire.MAX_HEADER_LENGTH + (chunks - 1) * (3 + ChunkWire.EXTENDED_TIMESTAMP_LENGTH));
        writeBasicHeader(out, type, csid);
        long timestampField = extended ? ChunkWire.EXTENDED_TIMESTAMP_MARKER : field;
        switch (type) {
            case TYPE_0 -> {
                writeU24(out, timestampField);
                writeU24(out, length);
                out.write(m.typeId());
                int msid = m.messageStreamId();
                out.write(msid);
                out.write(msid >>> 8);
                out.write(msid >>> 16);
                out.write(msid >>> 24);
            }
            case TYPE_1 -> {
                writeU24(out, timestampField);
                writeU24(out, length);
                out.write(m.typeId());
            }
            case TYPE_2 -> writeU24(out, timestampField);
            case TYPE_3 -> {
            }
        }
        if (extended) {
            writeU32(out, field);
        }
        int pos = 0;
        byte[] payload = m.payload();
        while (true) {
            int n = Math.min(chunkSize, length - pos);
            out.write(payload, pos, n);
            pos += n;
            if (pos >= length) {
                break;
            }
            writeBasicHeader(out, HeaderType.TYPE_3, csid);
            if (extended) {
                writeU32(out, field);
            }
        }

        s.messageStreamId = m.messageStreamId();
        s.typeId = m.typeId();
        s.length = length;
        s.timestamp = m.timestampMs();
        if (type == HeaderType.TYPE_0) {
            s.delta = 0;
            s.hasDelta = false;
        } else if (type != HeaderType.TYPE_3) {
            s.delta = field;
            s.hasDelta = true;
        }
        if (type != HeaderType.TYPE_3) {
            s.extended = extended;
        }
        if (m.type() == MessageType.SET_CHUNK_SIZE) {
            applyOwnSetChunkSize(m);
        }
        return out.toByteArray();
    }

    private void applyOwnSetChunkSize(RtmpMessage m) {
        try {
            chunkSize = SetChunkSize.parse(m.payload()).effectiveSize();
        } catch (WireFormatException e) {
            throw new IllegalArgumentException("malformed outbound Set Chunk Size: " + e.getMessage(), e);
        }
    }

    private static void writeBasicHeader(ByteArrayOutputStream out, HeaderType type, int csid) {
        int fmt = type.fmt << 6;
        if (csid < 64) {
            out.write(fmt | csid);
        } else if (csid < 64 + 256) {
            out.write(fmt);
            out.write(csid - 64);
        } else {
            out.write(fmt | 1);
            out.write((csid - 64) & 0xFF);
            out.write((csid - 64) >>> 8);
        }
    }

    private static void writeU24(ByteArrayOutputStream out, long v) {
        out.write((int) (v >>> 16));
        out.write((int) (v >>> 8));
        out.write((int) v);
    }

    private static void writeU32(ByteArrayOutputStream out, long v) {
        out.write((int) (v >>> 24));
        out.write((int) (v >>> 16));
        out.write((int) (v >>> 8));
        out.write((int) v);
    }
}
