package org.netstreamfx.player.publish;

/**
 * The {@link FeedSink} one run of one feed delivers to, from its start until its stop is asked
 * for. The feed itself is stopped later, on the stream's worker (a stop joins capture and encode
 * threads, which must not block the caller); from the moment the stop is asked for, what the
 * feed still configures or captures is dropped, as if it had already stopped. A failure is
 * always passed on.
 *
 * <p>Threads: called on the feed's threads; {@link #close} from any thread.
 */
final class FeedTap implements FeedSink {
    private final Publisher publisher;
    private volatile boolean open = true;

    FeedTap(Publisher publisher) {
        this.publisher = publisher;
    }

    /** Nothing more of this run reaches the publisher, but failures. */
    void close() {
        open = false;
    }

    @Override
    public void configure(FeedConfig config) {
        if (open) {
            publisher.configured(config);
        }
    }

    @Override
    public void packet(FeedPacket packet) {
        if (open) {
            publisher.packet(packet);
        }
    }

    @Override
    public java.util.List<TrackFigures> trackFigures() {
        return publisher.trackFigures();
    }

    @Override
    public void failed(String description) {
        publisher.feedFailed(description);
    }
}
