package org.netstreamfx.app.ui.player;

/** What happens at the end of an item: R cycles off → one → all. Live streams never loop. */
public enum LoopMode {
    /** Play the list once, then stop. */
    OFF("Loop: off"),
    /** Play the item again from its start (a seek to 0 on the same stream, no new open). */
    ONE("Loop: this item"),
    /** After the last item, play the list again from its first. */
    ALL("Loop: the whole list");

    private final String text;

    LoopMode(String text) {
        this.text = text;
    }

    /** What the loop button's tooltip says, e.g. "Loop: this item". */
    public String text() {
        return text;
    }

    /** The mode after this one: off, one, all, off… */
    public LoopMode next() {
        return values()[(ordinal() + 1) % values().length];
    }
}
