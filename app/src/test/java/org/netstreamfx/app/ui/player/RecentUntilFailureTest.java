package org.netstreamfx.app.ui.player;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Recent holds only what opened: an address a failed open added goes again, one known before stays. */
class RecentUntilFailureTest {

    @Test
    void aFailedOpenTakesOutOnlyWhatItAdded() {
        RecentItems items = new RecentItems(5, List.of("/old.mp4"));
        RecentUntilFailure recent = new RecentUntilFailure(items);
        recent.opening(MediaAddress.parse("/new.mp4"));
        assertEquals(List.of("/new.mp4", "/old.mp4"), items.items());
        recent.failed();
        assertEquals(List.of("/old.mp4"), items.items());

        recent.opening(MediaAddress.parse("/old.mp4"));
        recent.failed();
        assertEquals(List.of("/old.mp4"), items.items(), "known before: it stays");
    }

    @Test
    void whatOpenedStays() {
        RecentItems items = new RecentItems();
        RecentUntilFailure recent = new RecentUntilFailure(items);
        recent.opening(MediaAddress.parse("/a.mp4"));
        recent.opened();
        recent.failed();
        assertEquals(List.of("/a.mp4"), items.items());
    }
}
