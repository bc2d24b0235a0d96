package org.netstreamfx.player.flv;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;

/**
 * Writes an FLV file (FLV/F4V spec v10.1, annex E.2 and E.3): the 9-byte header,
 * PreviousTagSize0 = 0, then each tag as
 *
 * <pre>
 * +------+----------+-----------+-------------+----------+------+-------------------+
 * | Type | DataSize | Timestamp | TimestampEx | StreamID | Data | PreviousTagSize   |
 * |  UI8 |   UI24   |   UI24    |     UI8     | UI24 = 0 |      | UI32 = 11 + size  |
 * +------+----------+-----------+-------------+----------+------+-------------------+
 * </pre>
 *
 * Each tag, with its PreviousTagSize, goes to the channel in one gathering write, so a process
 * that is killed leaves every tag it finished, and at most the one in flight cut short (readers
 * stop at a tag that runs past the end of the file). Nothing is buffered in this class.
 *
 * <p>Thread ownership: one thread at a time; the channel is owned by the caller.
 */
public final class FlvFileWriter {
    /** Header (9) plus PreviousTagSize0 (4). */
    public static final int HEADER_BYTES = FlvHeader.SIZE + 4;
    /** Bytes of a tag header (E.4.1). */
    public static final int TAG_HEADER_BYTES = 11;
    /** DataSize is UI24. */
    public static final int MAX_DATA_BYTES = 0xFF_FFFF;
    /** Timestamp plus TimestampExtended: an unsigned 32-bit count of milliseconds. */
    public static final long MAX_TIMESTAMP_MS = 0xFFFF_FFFFL;

    private final SeekableByteChannel channel;
    private final ByteBuffer tagHeader = ByteBuffer.allocate(TAG_HEADER_BYTES);
    private final ByteBuffer trailer = ByteBuffer.allocate(4);
    private long bytesWritten;

    public FlvFileWriter(SeekableByteChannel channel) {
        this.channel = channel;
    }

    /** Writes the file header with the audio and video TypeFlags (E.2) and PreviousTagSize0. */
    public void writeHeader(boolean hasAudio, boolean hasVideo) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(HEADER_BYTES);
        b.put((byte) 'F').put((byte) 'L').put((byte) 'V').put((byte) 1);
        b.put((byte) ((hasAudio ? 0x04 : 0) | (hasVideo ? 0x01 : 0)));
        b.putInt(FlvHeader.SIZE);
        b.putInt(0);
        b.flip();
        writeFully(new ByteBuffer[] {b});
    }

    /**
     * Writes one tag whose data is {@code prefix} followed by {@code payload} (either may be
     * empty), and returns the file offset at which the tag starts.
     */
    public long writeTag(FlvTagType type, long timestampMs, byte[] prefix, byte[] payload) throws IOException {
        long size = (long) prefix.length + payload.length;
        if (size > MAX_DATA_BYTES) {
            throw new IllegalArgumentException("FLV tag DataSize is " + size + ", over the limit of " + MAX_DATA_BYTES);
        }
        if (timestampMs < 0 || timestampMs > MAX_TIMESTAMP_MS) {
            throw new IllegalArgumentException("FLV tag timestamp is " + timestampMs + " ms, outside 0.."
                    + MAX_TIMESTAMP_MS);
        }
        long start = bytesWritten;
        tagHeader.clear();
        tagHeader.put((byte) type.id());
        putU24(tagHeader, (int) size);
        putU24(tagHeader, (int) (timestampMs & 0xFF_FFFF));
        tagHeader.put((byte) (timestampMs >>> 24));
        putU24(tagHeader, 0);
        tagHeader.flip();
        trailer.clear();
        trailer.putInt((int) (TAG_HEADER_BYTES + size));
        trailer.flip();
        writeFully(new ByteBuffer[] {tagHeader, ByteBuffer.wrap(prefix), ByteBuffer.wrap(payload), trailer});
        return start;
    }

    /**
     * Overwrites 8 bytes at {@code offset} with a big-endian double (an AMF0 number's value, such
     * as onMetaData's duration), then returns to the end of the file.
     */
    public void patchDouble(long offset, double value) throws IOException {
        if (offset < 0 || offset + Double.BYTES > bytesWritten) {
            throw new IllegalArgumentException("patch at " + offset + " is outside the " + bytesWritten
                    + " bytes written");
        }
        ByteBuffer b = ByteBuffer.allocate(Double.BYTES).putDouble(value).flip();
        long end = channel.position();
        channel.position(offset);
        while (b.hasRemaining()) {
            channel.write(b);
        }
        channel.position(end);
    }

    /**
     * Overwrites {@code bytes} at {@code offset} (a value reserved earlier, such as onMetaData's
     * space-padded {@code gaps} string), then returns to the end of the file.
     */
    public void patchBytes(long offset, byte[] bytes) throws IOException {
        if (offset < 0 || offset + bytes.length > bytesWritten) {
            throw new IllegalArgumentException("patch of " + bytes.length + " bytes at " + offset
                    + " is outside the " + bytesWritten + " bytes written");
        }
        ByteBuffer b = ByteBuffer.wrap(bytes);
        long end = channel.position();
        channel.position(offset);
        while (b.hasRemaining()) {
            channel.write(b);
        }
        channel.position(end);
    }

    /** Bytes written since the writer was created (the header included). */
    public long bytesWritten() {
        return bytesWritten;
    }

    private void writeFully(ByteBuffer[] buffers) throws IOException {
        long total = 0;
        for (ByteBuffer b : buffers) {
            total += b.remaining();
        }
        long done = 0;
        while (done < total) {
            long n;
            if (channel instanceof java.nio.channels.GatheringByteChannel g) {
                n = g.write(buffers);
            } else {
                n = 0;
                for (ByteBuffer b : buffers) {
                    n += channel.write(b);
                }
            }
            done += n;
        }
        bytesWritten += total;
    }

    private static void putU24(ByteBuffer b, int v) {
        b.put((byte) (v >>> 16)).put((byte) (v >>> 8)).put((byte) v);
    }
}
