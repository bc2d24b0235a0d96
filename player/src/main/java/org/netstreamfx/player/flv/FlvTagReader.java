package org.netstreamfx.player.flv;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.util.Objects;
import java.util.Optional;
import org.netstreamfx.player.wire.WireFormatException;

/**
 * Reads an FLV file (FLV/F4V spec v10.1, annex E.3) one tag at a time: the header is read when
 * the reader is opened, then {@link #next()} returns each tag with its body.
 *
 * <p>The reader is strict: PreviousTagSize0 must be 0 and every PreviousTagSize must equal
 * 11 + DataSize of the tag before it; each DataSize is checked against a limit and, for a
 * channel, against the bytes left in the file before its body is allocated. Encrypted tags
 * (Filter = 1) are rejected. Any violation or early end of data throws
 * {@link WireFormatException}; I/O failures throw other {@link IOException}s. A reader is not
 * thread-safe; after an exception its position is unspecified until {@link #position(long)}.
 */
public final class FlvTagReader implements Closeable {
    /** Default largest tag body: 16 MiB. */
    public static final int DEFAULT_MAX_TAG_DATA_SIZE = 16 << 20;

    private final Source source;
    private final int maxTagDataSize;
    private final FlvHeader header;

    private FlvTagReader(Source source, int maxTagDataSize) throws IOException {
        if (maxTagDataSize < 0) {
            throw new IllegalArgumentException("maxTagDataSize must not be negative: " + maxTagDataSize);
        }
        this.source = source;
        this.maxTagDataSize = maxTagDataSize;
        byte[] head = new byte[FlvHeader.SIZE];
        readFully("FLV header", head, false);
        this.header = FlvHeader.parse(head);
        long size = source.size();
        if (size >= 0 && header.dataOffset() + 4 > size) {
            throw WireFormatException.truncated("FLV DataOffset", header.dataOffset() + 4, size);
        }
        readFully("FLV header", new byte[(int) header.dataOffset() - FlvHeader.SIZE], false);
        int previousTagSize0 = readU32("FLV PreviousTagSize0");
        if (previousTagSize0 != 0) {
            throw WireFormatException.outOfRange("FLV PreviousTagSize0", previousTagSize0 & 0xFFFF_FFFFL, "must be 0");
        }
    }

    /** Opens a file through a seekable channel, from its current position (normally 0). */
    public static FlvTagReader open(SeekableByteChannel channel) throws IOException {
        return open(channel, DEFAULT_MAX_TAG_DATA_SIZE);
    }

    public static FlvTagReader open(SeekableByteChannel channel, int maxTagDataSize) throws IOException {
        return new FlvTagReader(new ChannelSource(Objects.requireNonNull(channel, "channel")), maxTagDataSize);
    }

    /** Opens a file read as a stream; {@link #position(long)} is then unavailable. */
    public static FlvTagReader open(InputStream in) throws IOException {
        return open(in, DEFAULT_MAX_TAG_DATA_SIZE);
    }

    public static FlvTagReader open(InputStream in, int maxTagDataSize) throws IOException {
        return new FlvTagReader(new StreamSource(Objects.requireNonNull(in, "in")), maxTagDataSize);
    }

    public FlvHeader header() {
        return header;
    }

    /** File offset of the next tag header. */
    public long position() {
        return source.position();
    }

    /**
     * Moves to a tag header, e.g. a {@link FlvTag#filePosition()} seen before. Needs a channel.
     *
     * @throws IllegalArgumentException if {@code filePosition} is before the first tag
     * @throws UnsupportedOperationException if the reader reads a stream
     */
    public void position(long filePosition) throws IOException {
        long first = header.dataOffset() + 4;
        if (filePosition < first) {
            throw new IllegalArgumentException("FLV tags start at " + first + ", not " + filePosition);
        }
        source.position(filePosition);
    }

    /** Reads the next tag, or returns empty at the end of the file (which must fall between tags). */
    public Optional<FlvTag> next() throws IOException {
        long tagPosition = source.position();
        byte[] head = new byte[FlvTagHeader.SIZE];
        if (!readFully("FLV tag header", head, true)) {
            return Optional.empty();
        }
        FlvTagHeader tag = FlvTagHeader.parse(head);
        if (tag.filtered()) {
            throw WireFormatException.outOfRange("FLV tag Filter", 1, "encrypted (filtered) tags are not supported");
        }
        if (tag.dataSize() > maxTagDataSize) {
            throw WireFormatException.overLimit("FLV tag DataSize", tag.dataSize(), maxTagDataSize);
        }
        long size = source.size();
        if (size >= 0) {
            long remaining = size - source.position();
            if (tag.dataSize() > remaining) {
                throw new WireFormatException("FLV tag DataSize", "FLV tag data size is " + tag.dataSize()
                        + " but only " + remaining + " bytes remain in the file");
            }
        }
        byte[] body = new byte[tag.dataSize()];
        readFully("FLV tag data", body, false);
        long previousTagSize = readU32("FLV PreviousTagSize") & 0xFFFF_FFFFL;
        long expected = FlvTagHeader.SIZE + (long) tag.dataSize();
        if (previousTagSize != expected) {
            throw WireFormatException.outOfRange("FLV PreviousTagSize", previousTagSize,
                    "must be 11 + DataSize = " + expected + " for the tag at " + tagPosition);
        }
        return Optional.of(new FlvTag(tag.type(), tag.timestampMs(), body, tagPosition));
    }

    @Override
    public void close() throws IOException {
        source.close();
    }

    private int readU32(String field) throws IOException {
        byte[] b = new byte[4];
        readFully(field, b, false);
        return ((b[0] & 0xFF) << 24) | ((b[1] & 0xFF) << 16) | ((b[2] & 0xFF) << 8) | (b[3] & 0xFF);
    }

    /** Fills {@code buf}; returns false only when {@code endAllowed} and no byte was left. */
    private boolean readFully(String field, byte[] buf, boolean endAllowed) throws IOException {
        int got = 0;
        while (got < buf.length) {
            int n = source.read(buf, got, buf.length - got);
            if (n < 0) {
                if (got == 0 && endAllowed) {
                    return false;
                }
                throw WireFormatException.truncated(field, buf.length, got);
            }
            got += n;
        }
        return true;
    }

    /** Where the bytes come from. */
    private interface Source extends Closeable {
        /** Like {@link InputStream#read(byte[], int, int)}: -1 at the end. */
        int read(byte[] buf, int off, int len) throws IOException;

        long position();

        void position(long position) throws IOException;

        /** The file size, or -1 when unknown. */
        long size() throws IOException;
    }

    private static final class ChannelSource implements Source {
        private final SeekableByteChannel channel;

        ChannelSource(SeekableByteChannel channel) {
            this.channel = channel;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n;
            do {
                n = channel.read(ByteBuffer.wrap(buf, off, len));
            } while (n == 0);
            return n;
        }

        @Override
        public long position() {
            try {
                return channel.position();
            } catch (IOException e) {
                throw new IllegalStateException("FLV channel position unavailable", e);
            }
        }

        @Override
        public void position(long position) throws IOException {
            channel.position(position);
        }

        @Override
        public long size() throws IOException {
            return channel.size();
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }

    private static final class StreamSource implements Source {
        private final InputStream in;
        private long position;

        StreamSource(InputStream in) {
            this.in = in;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = in.read(buf, off, len);
            if (n > 0) {
                position += n;
            }
            return n;
        }

        @Override
        public long position() {
            return position;
        }

        @Override
        public void position(long newPosition) {
            throw new UnsupportedOperationException("position(long) needs a SeekableByteChannel, not a stream");
        }

        @Override
        public long size() {
            return -1;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
