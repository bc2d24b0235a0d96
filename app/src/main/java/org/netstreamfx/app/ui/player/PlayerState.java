package org.netstreamfx.app.ui.player;

/** Where the player is, as the user sees it. */
public enum PlayerState {
    /** Nothing opened yet. */
    IDLE,
    /** Connecting to an RTMP server. */
    CONNECTING,
    /** play() was called; waiting for NetStream.Play.Start. */
    OPENING,
    /** Filling the buffer up to bufferTime (after Play.Start, a seek or Buffer.Empty). */
    BUFFERING,
    PLAYING,
    /** Pause.Notify received; the last picture stays. */
    PAUSED,
    /** Play.Stop received: played to the end. */
    ENDED,
    /** An error-level event ended the stream. */
    FAILED
}
