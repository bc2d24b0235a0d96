package org.netstreamfx.app.session;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.netstreamfx.player.net.NetStreamClient;

/**
 * A NetStream client that records every callback in a {@link SessionRecorder}, then passes it on
 * to the client it wraps. Runs on the stream's callback executor, like any client.
 */
public final class RecordingClient implements NetStreamClient {
    private final SessionRecorder recorder;
    private final NetStreamClient next;

    public RecordingClient(SessionRecorder recorder, NetStreamClient next) {
        this.recorder = Objects.requireNonNull(recorder, "recorder");
        this.next = Objects.requireNonNull(next, "next");
    }

    /** A client that only records. */
    public RecordingClient(SessionRecorder recorder) {
        this(recorder, new NetStreamClient() { });
    }

    @Override
    public void onMetaData(Map<String, Object> info) {
        recorder.callback("onMetaData", info, System.nanoTime());
        next.onMetaData(info);
    }

    @Override
    public void onCuePoint(Map<String, Object> info) {
        recorder.callback("onCuePoint", info, System.nanoTime());
        next.onCuePoint(info);
    }

    @Override
    public void onTextData(Map<String, Object> info) {
        recorder.callback("onTextData", info, System.nanoTime());
        next.onTextData(info);
    }

    @Override
    public void onPlayStatus(Map<String, Object> info) {
        recorder.callback("onPlayStatus", info, System.nanoTime());
        next.onPlayStatus(info);
    }

    /** Records any other handler (data: its arguments); returns true, as the handler was taken. */
    @Override
    public boolean onData(String handler, List<Object> args) {
        recorder.callback(handler, args, System.nanoTime());
        next.onData(handler, args);
        return true;
    }
}
