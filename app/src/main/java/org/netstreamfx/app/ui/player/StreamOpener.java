package org.netstreamfx.app.ui.player;

import java.util.Map;
import org.netstreamfx.player.net.NetConnection;
import org.netstreamfx.player.net.NetStatusCode;
import org.netstreamfx.player.net.NetStatusEvent;
import org.netstreamfx.player.net.NetStream;
import org.netstreamfx.player.net.NetStreamClient;

/**
 * Opens an address on the engine for a {@link PlayerViewModel}: a file or download plays on the
 * local connection at once, an rtmp(s) URL connects first (with the URL's options) and plays once
 * {@link EngineEvents} hears NetConnection.Connect.Success. Each new NetStream gets the buffer,
 * speed and sound settings in use, and its events and onMetaData go to the player's parts.
 *
 * <p>Owned by the view model; everything here runs on the FX thread.
 */
final class StreamOpener {
    private final StreamControl streams;
    private final UrlOptionsControl urls;
    private final SpeedControl speed;
    private final AudioControl audio;
    private final PlaybackFigures figures;
    private final TransportState transport;
    private final EngineEvents events;

    StreamOpener(StreamControl streams, UrlOptionsControl urls, SpeedControl speed, AudioControl audio,
            PlaybackFigures figures, TransportState transport, EngineEvents events) {
        this.streams = streams;
        this.urls = urls;
        this.speed = speed;
        this.audio = audio;
        this.figures = figures;
        this.transport = transport;
        this.events = events;
    }

    /** Opens {@code a}, which the URL options already {@linkplain UrlOptionsControl#use use}. */
    void open(MediaAddress a) {
        if (a.kind() == MediaAddress.Kind.RTMP) {
            connectRtmp(a);
        } else {
            playOn(streams.localConnection(), a.address());
        }
    }

    /** Plays {@code name} on {@code nc}: a file or download on the local connection, a stream once connected. */
    void playOn(NetConnection nc, String name) {
        NetStream ns = newStream(nc);
        events.setPhase(PlayerState.OPENING);
        ns.play(name);
    }

    private void connectRtmp(MediaAddress a) {
        NetConnection nc = streams.rtmpConnection();
        // The app reconnects after an unexpected close and plays on (each try is an event), with
        // the URL's silence timeout and trusted certificate.
        urls.currentOrDefaults().applyTo(nc);
        events.setPhase(PlayerState.CONNECTING);
        try {
            nc.connect(a.connectionUri());
        } catch (IllegalArgumentException | IllegalStateException e) {
            events.onConnectionStatus(nc, NetStatusEvent.of(NetStatusCode.NETCONNECTION_CONNECT_FAILED,
                    e.getMessage(), a.connectionUri(), System.nanoTime()));
        }
    }

    private NetStream newStream(NetConnection nc) {
        NetStream ns = new NetStream(nc);
        urls.applyTo(ns);
        // The speed holds from one item to the next, as in VLC and mpv (a live stream plays at 1).
        speed.applyTo(ns);
        audio.applyTo(ns, figures);
        ns.setClient(new NetStreamClient() {
            @Override
            public void onMetaData(Map<String, Object> info) {
                if (ns == streams.stream().get()) {
                    figures.onMetaData(info);
                    transport.metaData(info);
                }
            }
        });
        ns.addNetStatusListener(e -> events.onStreamStatus(ns, e));
        streams.attach(ns);
        return ns;
    }
}
