package org.netstreamfx.player.net;

import java.util.Map;
import org.netstreamfx.player.playback.CoreEvent;
import org.netstreamfx.player.session.SessionEvent;
import org.netstreamfx.player.session.SessionHost;
import org.netstreamfx.player.session.Snapshot;
import org.netstreamfx.player.sink.VideoFrame;
import org.netstreamfx.player.source.DataMessage;
import org.netstreamfx.player.source.SourceDescription;

/**
 * A {@link NetStream} as its play sessions see it: their typed events become the stream's NetStatus
 * events ({@link CoreEventStatus}, {@link SessionEventStatus}) and onPlayStatus calls, their data,
 * pictures and figures go to the stream, and an RTMP play registers the stream with its connection.
 * Kept apart so that NetStream's public face does not implement the sessions' interface.
 */
final class StreamSessionHost implements SessionHost {
    private final NetStream stream;
    private final NetConnection connection;

    StreamSessionHost(NetStream stream, NetConnection connection) {
        this.stream = stream;
        this.connection = connection;
    }

    @Override
    public String shownName() {
        return stream.shownName();
    }

    @Override
    public void status(SessionEvent event) {
        SessionEventStatus s = SessionEventStatus.of(event);
        stream.dispatchStatus(s.code(), s.description(), s.details());
    }

    @Override
    public void transition(CoreEvent event) {
        CoreEventStatus s = CoreEventStatus.of(event);
        stream.dispatchStatus(s.code(), s.description(), s.details());
        if (s.playStatus() != null) {
            stream.dispatchPlayStatus(s.playStatus());
        }
    }

    @Override
    public void serverStatus(Map<String, Object> info) {
        stream.dispatchServerStatus(info);
    }

    @Override
    public void opened(SourceDescription description, boolean announceMetaData) {
        stream.opened(description, announceMetaData);
    }

    @Override
    public void data(DataMessage message) {
        stream.dispatchData(message);
    }

    @Override
    public void render(VideoFrame frame) {
        stream.renderFrame(frame);
    }

    @Override
    public void snapshot(Snapshot snapshot) {
        stream.publish(snapshot);
    }

    @Override
    public void rtmpStarted() {
        connection.registerRtmpStream(stream);
    }

    @Override
    public void rtmpEnded() {
        connection.unregisterRtmpStream(stream);
    }
}
