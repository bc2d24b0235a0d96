package org.netstreamfx.player.source;

/** What a source yields, in file order: compressed media or a timed data message. */
public sealed interface SourceItem permits SourcePacket, DataMessage {
    /** Presentation time on the stream's timeline, in microseconds. */
    long ptsUs();
}
