package org.netstreamfx.player.rtmp.chunk;

/**
 * What the decoder remembers of one inbound chunk stream: the fields of its latest message
 * header, which later headers of types 1, 2 and 3 leave out (section 5.3.1.2), and the message
 * being assembled.
 */
final class ChunkStreamState {
    private static final byte[] EMPTY = new byte[0];

    final int chunkStreamId;
    int messageStreamId;
    int typeId;
    int length;
    long timestamp;
    long delta;
    boolean extended;
    /** Buffer of the message being assembled, or null between messages; grows as bytes arrive. */
    byte[] partial;
    int filled;

    ChunkStreamState(int chunkStreamId) {
        this.chunkStreamId = chunkStreamId;
    }

    void startMessage() {
        partial = EMPTY;
        filled = 0;
    }

    void clearMessage() {
        partial = null;
        filled = 0;
    }
}
