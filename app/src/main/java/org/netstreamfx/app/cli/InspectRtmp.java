package org.netstreamfx.app.cli;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.netstreamfx.player.health.HealthAnalyzer;
import org.netstreamfx.player.health.HealthReport;
import org.netstreamfx.player.net.NetStatusCode;
import org.netstreamfx.player.rtmp.client.Command;
import org.netstreamfx.player.rtmp.client.ConnectFailure;
import org.netstreamfx.player.rtmp.client.RtmpConnection;
import org.netstreamfx.player.rtmp.client.RtmpOptions;
import org.netstreamfx.player.rtmp.client.RtmpPlayStream;
import org.netstreamfx.player.rtmp.client.RtmpUrl;
import org.netstreamfx.player.session.RtmpSourceEvents;
import org.netstreamfx.player.source.RtmpSource;
import org.netstreamfx.player.util.Redact;

/**
 * {@code nsfx inspect --no-decode} on an rtmp[s]:// stream: our RTMP client alone (an
 * RtmpConnection and its RtmpPlayStream) feeds an {@link RtmpSource}, whose packets go to the
 * analyzer as they arrive, as {@link InspectDirect} does for a file: no NetStream, no decoder, no
 * clock, so a 1080p60 stream costs its demuxing only. The play asks for the stream live if there
 * is one (start -2); it ends when the server ends it or closes the connection, or after
 * {@code limitUs} of stream time.
 */
final class InspectRtmp implements RtmpConnection.Listener {
    /** The client's buffer the server is told of (SetBufferLength): the same as a NetStream's default. */
    private static final long BUFFER_MS = 100;
    private static final double PLAY_LIVE_OR_RECORDED = -2;
    private static final double TO_THE_END = -1;

    private final RtmpUrl.PlayAddress address;
    private final RtmpSource source;
    private final AtomicReference<RtmpPlayStream> play = new AtomicReference<>();

    private InspectRtmp(RtmpUrl.PlayAddress address) {
        this.address = address;
        this.source = new RtmpSource(Redact.url(address.streamName()), true);
    }

    static HealthReport run(RtmpUrl.PlayAddress address, HealthAnalyzer analyzer, long limitUs) throws IOException {
        InspectRtmp inspect = new InspectRtmp(address);
        RtmpConnection conn = new RtmpConnection(address.connection(), RtmpOptions.DEFAULTS, 0, List.of(), inspect, 0);
        conn.start();
        try {
            return InspectDirect.read(inspect.source, analyzer, limitUs);
        } finally {
            RtmpPlayStream p = inspect.play.get();
            if (p != null) {
                p.close();
            }
            conn.close();
        }
    }

    // RtmpConnection.Listener: the connection's reader thread.

    @Override
    public void connected(RtmpConnection c, Command result) {
        RtmpPlayStream p = new RtmpPlayStream(c, new RtmpPlayStream.PlayRequest(address.streamName(),
                PLAY_LIVE_OR_RECORDED, TO_THE_END, true), BUFFER_MS, new RtmpSourceEvents(source) {
                    @Override
                    public void status(Map<String, Object> info) {
                        Object code = info.get("code");
                        if (NetStatusCode.NETSTREAM_PLAY_STREAMNOTFOUND.code().equals(code)
                                || NetStatusCode.NETSTREAM_PLAY_FAILED.code().equals(code)) {
                            source.fail(new IOException(code + ": " + info.get("description")));
                        }
                    }
                });
        play.set(p);
        p.start();
    }

    @Override
    public void connectFailed(RtmpConnection c, ConnectFailure f) {
        source.fail(new IOException("connect failed: " + f.description()));
    }

    @Override
    public void closed(RtmpConnection c, String description, IOException cause) {
        source.end(); // FFmpeg's and most servers' way of ending what they serve
    }

    @Override
    public void serverCommand(RtmpConnection c, Command command) {
        // onBWDone and the like: nothing to analyse
    }

    @Override
    public void badCommand(RtmpConnection c, String description) {
        // the connection goes on; so does the analysis
    }
}
