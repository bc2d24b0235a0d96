package org.netstreamfx.player.source;

import org.netstreamfx.player.media.MediaPacket;
import org.netstreamfx.player.media.TrackFormat;

/**
 * A media packet as it leaves a source, with the container's sample trimming (encoder priming
 * and padding, e.g. from an MP4 edit list) so the decoder trims exactly what the container asks,
 * and, when the track's format changes at this packet (an Enhanced RTMP track switch), the new
 * format, so that the decoder is re-opened for it before this packet.
 *
 * @param packet            the packet
 * @param skipStartSamples  audio samples to discard from the start of this packet's output
 * @param skipEndSamples    audio samples to discard from the end of this packet's output
 * @param newFormat         the track's format from this packet on, or null when it does not change
 */
public record SourcePacket(MediaPacket packet, int skipStartSamples, int skipEndSamples, TrackFormat newFormat)
        implements SourceItem {
    public SourcePacket(MediaPacket packet) {
        this(packet, 0, 0, null);
    }

    public SourcePacket(MediaPacket packet, int skipStartSamples, int skipEndSamples) {
        this(packet, skipStartSamples, skipEndSamples, null);
    }

    /** A packet from which its track has {@code format} (the first of a newly selected track). */
    public static SourcePacket startingFormat(MediaPacket packet, TrackFormat format) {
        return new SourcePacket(packet, 0, 0, format);
    }

    @Override
    public long ptsUs() {
        return packet.ptsUs();
    }
}
