package org.netstreamfx.player.source;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;

/** A read-only {@link SeekableByteChannel} over a {@link RandomAccessInput} (reads may wait for data). */
final class InputChannel implements SeekableByteChannel {
    private final RandomAccessInput input;
    private final byte[] scratch = new byte[64 * 1024];
    private long position;
    private boolean open = true;

    InputChannel(RandomAccessInput input) {
        this.input = input;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        int want = Math.min(dst.remaining(), scratch.length);
        if (want == 0) {
            return 0;
        }
        int n = input.read(position, scratch, 0, want);
        if (n < 0) {
            return -1;
        }
        dst.put(scratch, 0, n);
        position += n;
        return n;
    }

    @Override
    public int write(ByteBuffer src) {
        throw new NonWritableChannelException();
    }

    @Override
    public long position() {
        return position;
    }

    @Override
    public SeekableByteChannel position(long newPosition) {
        position = newPosition;
        return this;
    }

    /** The size when known; while a download's size is unknown, what has arrived. */
    @Override
    public long size() {
        long s = input.size();
        return s >= 0 ? s : input.bytesLoaded();
    }

    @Override
    public SeekableByteChannel truncate(long size) {
        throw new NonWritableChannelException();
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public void close() {
        open = false;
    }
}
