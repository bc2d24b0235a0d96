package org.netstreamfx.app.ui.player;

/**
 * Puts each address a {@link PlayerViewModel} opens into its {@link RecentItems} at once, and
 * takes it out again if the open fails before it plays (Play.Start), so that Recent holds only
 * what opened. An address that was in Recent before stays there. Opens that add to Recent
 * themselves after open() (the Tester's fault proxy swaps its proxied URL for the original) keep
 * working, as the address goes in at once.
 *
 * <p>Owned by the view model; everything here runs on the FX thread.
 */
final class RecentUntilFailure {
    private final RecentItems recent;
    /** The address this open put into Recent, until it plays; null when there is none to take out. */
    private String addedToRecent;

    RecentUntilFailure(RecentItems recent) {
        this.recent = recent;
    }

    RecentItems recent() {
        return recent;
    }

    /** An open of {@code a} begins. */
    void opening(MediaAddress a) {
        boolean known = recent.items().contains(a.address());
        recent.add(a.address());
        addedToRecent = known ? null : a.address();
    }

    /** It plays: it stays in Recent. */
    void opened() {
        addedToRecent = null;
    }

    /** It failed: out of Recent again, if this open put it there. */
    void failed() {
        if (addedToRecent != null) {
            recent.remove(addedToRecent);
            addedToRecent = null;
        }
    }
}
