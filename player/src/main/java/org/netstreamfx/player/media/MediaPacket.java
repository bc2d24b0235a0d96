package org.netstreamfx.player.media;

/**
 * One compressed access unit of one track, with times in microseconds on the stream's timeline.
 * The data is owned by the packet: the source copies it out of its own buffers.
 *
 * @param trackIndex   the track within the source
 * @param ptsUs        presentation time
 * @param dtsUs        decode time
 * @param durationUs   duration, 0 when unknown
 * @param keyframe     true for a sync sample
 * @param data         the payload (owned)
 */
public record MediaPacket(int trackIndex, long ptsUs, long dtsUs, long durationUs, boolean keyframe, byte[] data) {
    /** The end of this packet on the timeline. */
    public long endUs() {
        return ptsUs + Math.max(0, durationUs);
    }
}
