package org.netstreamfx.app.ui.player;

import org.netstreamfx.player.net.NetConnection;
import org.netstreamfx.player.net.NetStatusCode;
import org.netstreamfx.player.net.NetStatusEvent;
import org.netstreamfx.player.net.NetStream;

/**
 * Turns the NetStatus events of a {@link PlayerViewModel}'s connection and stream into the
 * player's state: the phase and the seek under way ({@link TransportState}), the event log and
 * the notice ({@link NoticeLog}), why it waits and what Play.Start found ({@link PlaybackFigures}),
 * Recent ({@link RecentUntilFailure}), and the playlist's next move at the end or after a failure
 * ({@link PlaylistControl}). Events of a connection or stream no longer in use are dropped.
 *
 * <p>Owned by the view model; everything here runs on the FX thread (the engine calls back
 * through the view model's executor).
 */
final class EngineEvents {
    private final PlayerViewModel vm;
    private final StreamControl streams;
    private final TransportState transport;
    private final PlaybackFigures figures;
    private final NoticeLog notices;
    private final PlaylistControl playlists;
    private final RecentUntilFailure recent;

    /**
     * @param vm the view model: what is open ({@link PlayerViewModel#addressProperty()}), its URL's
     *           options, and where the stream starts once an RTMP connection is up
     */
    EngineEvents(PlayerViewModel vm, StreamControl streams, TransportState transport, PlaybackFigures figures,
            NoticeLog notices, PlaylistControl playlists, RecentUntilFailure recent) {
        this.vm = vm;
        this.streams = streams;
        this.transport = transport;
        this.figures = figures;
        this.notices = notices;
        this.playlists = playlists;
        this.recent = recent;
    }

    /** An event of the connection {@code nc}. */
    void onConnectionStatus(NetConnection nc, NetStatusEvent e) {
        if (nc != streams.connection()) {
            return;
        }
        notices.record(e);
        figures.noteWaitReason(e);
        MediaAddress a = vm.addressProperty().get();
        if (e.is(NetStatusCode.NETCONNECTION_CONNECT_SUCCESS) || e.is(NetStatusCode.NSFX_CONNECT_RECONNECTED)) {
            figures.noteServer(nc.serverCapabilities(), !streams.local());
        }
        if (e.is(NetStatusCode.NETCONNECTION_CONNECT_SUCCESS) && !streams.local() && a != null) {
            vm.playOn(nc, a.streamName());
        } else if (e.isError()) {
            setPhase(PlayerState.FAILED);
        }
        notices.show(e, vm.addressProperty().get(), streams.stream().get());
        notices.showReconnect(e, vm.urlOptionsProperty().get());
        playlists.afterFailure(e);
    }

    /** An event of the stream {@code ns}. */
    void onStreamStatus(NetStream ns, NetStatusEvent e) {
        if (ns != streams.stream().get()) {
            return;
        }
        notices.record(e);
        figures.noteWaitReason(e);
        String code = e.code();
        if (e.is(NetStatusCode.NETSTREAM_PLAY_START)) {
            recent.opened();
            transport.playStarted(ns.description());
            figures.playStarted(ns.description());
            setPhase(PlayerState.BUFFERING);
        } else if (e.is(NetStatusCode.NETSTREAM_BUFFER_FULL)) {
            setPhase(PlayerState.PLAYING);
        } else if (e.is(NetStatusCode.NETSTREAM_BUFFER_EMPTY)) {
            setPhase(PlayerState.BUFFERING);
        } else if (e.is(NetStatusCode.NETSTREAM_PLAY_STOP)) {
            setPhase(PlayerState.ENDED);
            playlists.atEnd();
        } else if (e.is(NetStatusCode.NETSTREAM_PAUSE_NOTIFY)) {
            transport.setPaused(true);
        } else if (e.is(NetStatusCode.NETSTREAM_UNPAUSE_NOTIFY)) {
            transport.setPaused(false);
        } else if (e.is(NetStatusCode.NETSTREAM_SEEK_NOTIFY)
                || e.is(NetStatusCode.NETSTREAM_SEEK_INVALIDTIME) || e.is(NetStatusCode.NETSTREAM_SEEK_FAILED)) {
            transport.seekAnswered(e);
        } else if (e.isError() && (code.startsWith("NetStream.Play.") || code.startsWith("NetConnection."))) {
            setPhase(PlayerState.FAILED);
        }
        notices.show(e, vm.addressProperty().get(), streams.stream().get());
        playlists.afterFailure(e);
    }

    /** Sets the phase; a failure takes the address out of Recent again and lets the playlist skip the item. */
    void setPhase(PlayerState p) {
        if (p == PlayerState.FAILED) {
            recent.failed();
            if (transport.phase() != PlayerState.FAILED) {
                playlists.failed();
            }
        }
        transport.setPhase(p);
    }
}
