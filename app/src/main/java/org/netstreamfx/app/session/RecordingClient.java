package org.netstreamfx.app.session;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.netstreamfx.player.net.NetStreamClient;

/**
 * A NetStream client that records every callback in a {@link SessionRecorder} (or any
 * {@link Log}: the CLI prints them), then passes it on to the client it wraps. Runs on the
 * stream's callback executor, like any client.
 */
public final class RecordingClient implements NetStreamClient {
    /** Where each callback is written: its handler's name, its data and when it came. */
    @FunctionalInterface
    public interface Log {
        void callback(String handler, Object data, long nanos);
    }

    private final Log log;
    private final NetStreamClient next;

    public RecordingClient(SessionRecorder recorder, NetStreamClient next) {
        this(Objects.requireNonNull(recorder, "recorder")::callback, next);
    }

    /** Writes each callback to {@code log}, then passes it on to {@code next}. */
    public RecordingClient(Log log, NetStreamClient next) {
        this.log = Objects.requireNonNull(log, "log");
        this.next = Objects.requireNonNull(next, "next");
    }

    /** A client that only records. */
    public RecordingClient(SessionRecorder recorder) {
        this(recorder, new NetStreamClient() { });
    }

    @Override
    public void onMetaData(Map<String, Object> info) {
        log.callback("onMetaData", info, System.nanoTime());
        next.onMetaData(info);
    }

    @Override
    public void onCuePoint(Map<String, Object> info) {
        log.callback("onCuePoint", info, System.nanoTime());
        next.onCuePoint(info);
    }

    @Override
    public void onTextData(Map<String, Object> info) {
        log.callback("onTextData", info, System.nanoTime());
        next.onTextData(info);
    }

    @Override
    public void onPlayStatus(Map<String, Object> info) {
        log.callback("onPlayStatus", info, System.nanoTime());
        next.onPlayStatus(info);
    }

    /** Records any other handler (data: its arguments); returns true, as the handler was taken. */
    @Override
    public boolean onData(String handler, List<Object> args) {
        log.callback(handler, args, System.nanoTime());
        next.onData(handler, args);
        return true;
    }
}
