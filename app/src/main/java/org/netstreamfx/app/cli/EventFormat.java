package org.netstreamfx.app.cli;

/** How events are printed. */
public enum EventFormat {
    /** One JSON object per line. */
    jsonl,
    /** One readable line per event. */
    text
}
