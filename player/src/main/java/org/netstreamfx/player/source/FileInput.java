package org.netstreamfx.player.source;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** A local file opened for reading. */
public final class FileInput implements RandomAccessInput {
    private final Path path;
    private final FileChannel channel;
    private final long size;

    private FileInput(Path path, FileChannel channel, long size) {
        this.path = path;
        this.channel = channel;
        this.size = size;
    }

    /**
     * Opens {@code path}. A missing path or a directory is a {@link StreamNotFoundException}; an
     * empty file is an {@link UnsupportedMediaException}.
     */
    public static FileInput open(Path path) throws IOException {
        if (!Files.exists(path)) {
            throw new StreamNotFoundException("No such file: " + path);
        }
        if (Files.isDirectory(path)) {
            throw new StreamNotFoundException("Not a file but a folder: " + path);
        }
        if (!Files.isReadable(path)) {
            throw new StreamNotFoundException("The file is not readable (permission denied): " + path);
        }
        FileChannel ch = FileChannel.open(path, StandardOpenOption.READ);
        long size = ch.size();
        if (size == 0) {
            ch.close();
            throw new UnsupportedMediaException("The file is empty (0 bytes): " + path);
        }
        return new FileInput(path, ch, size);
    }

    @Override
    public int read(long position, byte[] dst, int off, int len) throws IOException {
        if (position >= size) {
            return -1;
        }
        int n = channel.read(ByteBuffer.wrap(dst, off, len), position);
        return n <= 0 ? -1 : n;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public long bytesLoaded() {
        return size;
    }

    @Override
    public String displayName() {
        return path.toString();
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
