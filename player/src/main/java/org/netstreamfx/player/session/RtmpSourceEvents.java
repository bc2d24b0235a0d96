package org.netstreamfx.player.session;

import org.netstreamfx.player.rtmp.client.RtmpPlayStream;
import org.netstreamfx.player.rtmp.message.RtmpMessage;
import org.netstreamfx.player.source.RtmpSource;

/**
 * What an RTMP play reports, fed to the {@link RtmpSource} its media goes to: media messages,
 * resets, the end, failures and StreamIsRecorded, alike for a NetStream's play ({@link RtmpPlay})
 * and for anything else that reads an RTMP stream's packets (nsfx inspect --no-decode); what the
 * server's status means is each one's own ({@link #status}). Called on the connection's reader thread.
 */
public abstract class RtmpSourceEvents implements RtmpPlayStream.Events {
    private final RtmpSource source;

    protected RtmpSourceEvents(RtmpSource source) {
        this.source = source;
    }

    @Override
    public final void media(RtmpMessage message) {
        source.offer(message);
    }

    @Override
    public final void reset() {
        source.reset();
    }

    @Override
    public final void end() {
        source.end();
    }

    @Override
    public final void failed(String description) {
        source.fail(new java.io.IOException(description));
    }

    @Override
    public final void recorded() {
        source.markRecorded();
    }
}
