package org.netstreamfx.player.publish;

/** Where a {@link MediaFeed} delivers; called on the feed's thread. */
public interface FeedSink {
    /** The decoder configuration and the feed's onMetaData properties; before the first packet. */
    void configure(FeedConfig config);

    /** One encoded access unit. */
    void packet(FeedPacket packet);

    /** The feed stopped for good: a device was lost, an encoder failed. */
    void failed(String description);

    /**
     * How each video track the feed delivers fares on the wire (frames sent and dropped), for a
     * multitrack feed to show per rendition; empty where the sink does not send (the default).
     */
    default java.util.List<TrackFigures> trackFigures() {
        return java.util.List.of();
    }
}
