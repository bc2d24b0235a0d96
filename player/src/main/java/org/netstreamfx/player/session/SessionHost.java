package org.netstreamfx.player.session;

import java.util.Map;
import org.netstreamfx.player.playback.CoreEvent;
import org.netstreamfx.player.sink.VideoFrame;
import org.netstreamfx.player.source.DataMessage;
import org.netstreamfx.player.source.SourceDescription;

/**
 * The stream a play session works for, as far as the session needs it: where its events, data,
 * pictures and figures go. {@code net/} implements it for a NetStream and turns the typed events
 * into NetStatus events and client callbacks; the sessions never see the API layer.
 *
 * <p>Thread ownership: called on the playback thread, the demux thread, the stream's thread and
 * the RTMP connection's reader thread; implementations hand on without blocking.
 */
public interface SessionHost {
    /** The name the stream shows for what plays (masked), as events' details carry it. */
    String shownName();

    /** A session's own event. */
    void status(SessionEvent event);

    /** A transition of the playback core (those the server reports itself are not handed on). */
    void transition(CoreEvent event);

    /** A status event the RTMP server sent for the stream, whole. */
    void serverStatus(Map<String, Object> info);

    /**
     * The source opened with {@code description}. The stream's description is set before anything
     * is told, so a client reading it on Play.Start finds it. {@code announce}: the engine speaks for
     * the stream (no server statuses) and sends NetStream.Play.Start, then onMetaData, Flash's order.
     */
    void opened(SourceDescription description, boolean announce);

    /** A data message of the stream (onMetaData, onCuePoint, ...), for the client. */
    void data(DataMessage message);

    /** A picture is due, on the playback thread. */
    void render(VideoFrame frame);

    /** The latest figures of what plays. */
    void snapshot(Snapshot snapshot);

    /** An RTMP play starts: the connection tells the stream when it drops, comes back or is lost. */
    void rtmpStarted();

    /** The RTMP play ended. */
    void rtmpEnded();
}
