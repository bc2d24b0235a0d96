package org.netstreamfx.app.ui.publisher;

/** Where the publisher is: the on-air badge and the Go live / Stop button follow it. */
public enum PublisherState {
    /** Not publishing (the preview may run). */
    IDLE,
    /** Opening the devices, connecting, waiting for NetStream.Publish.Start. */
    CONNECTING,
    /** Publish.Start came: on air. */
    LIVE,
    /** The connection was lost; the next try is counted down. */
    RECONNECTING,
    /** Stop was asked: waiting for NetStream.Unpublish.Success. */
    STOPPING,
    /** An error ended the session; the notice says what to do. */
    FAILED;

    /** Whether a session holds the devices and a connection. */
    public boolean busy() {
        return this == CONNECTING || this == LIVE || this == RECONNECTING || this == STOPPING;
    }
}
