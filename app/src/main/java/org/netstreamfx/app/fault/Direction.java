package org.netstreamfx.app.fault;

/** Which way bytes go through a {@link FaultProxy}. */
public enum Direction {
    /** From the client (the player) to the target (the server): requests, RTMP commands, published media. */
    UP,
    /** From the target to the client: responses, played media. */
    DOWN
}
