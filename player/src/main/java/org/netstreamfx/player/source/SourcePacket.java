package org.netstreamfx.player.source;

import org.netstreamfx.player.media.MediaPacket;

/**
 * A media packet as it leaves a source, with the container's sample trimming (encoder priming
 * and padding, e.g. from an MP4 edit list) so the decoder trims exactly what the container asks.
 *
 * @param packet            the packet
 * @param skipStartSamples  audio samples to discard from the start of this packet's output
 * @param skipEndSamples    audio samples to discard from the end of this packet's output
 */
public record SourcePacket(MediaPacket packet, int skipStartSamples, int skipEndSamples) implements SourceItem {
    public SourcePacket(MediaPacket packet) {
        this(packet, 0, 0);
    }

    @Override
    public long ptsUs() {
        return packet.ptsUs();
    }
}
