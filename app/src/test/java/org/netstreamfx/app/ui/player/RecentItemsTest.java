package org.netstreamfx.app.ui.player;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;

class RecentItemsTest {

    @Test
    void newestFirstWithoutDuplicatesUpToCapacity() {
        RecentItems r = new RecentItems(3, List.of("a", "b", "a", " ", "c", "d"));
        assertEquals(List.of("a", "b", "c"), r.items());
        r.add("c");
        assertEquals(List.of("c", "a", "b"), r.items());
        r.add("e");
        assertEquals(List.of("e", "c", "a"), r.items());
        r.remove("c");
        assertEquals(List.of("e", "a"), r.items());
        r.clear();
        assertEquals(List.of(), r.items());
    }

    @Test
    void changesAreObservableAndTheListIsReadOnly() {
        RecentItems r = new RecentItems();
        List<String> seen = new ArrayList<>();
        r.items().addListener((ListChangeListener<String>) c -> seen.add(String.join(",", r.items())));
        r.add("x");
        r.add("y");
        assertEquals(List.of("x", "y,x"), seen);
        assertThrows(UnsupportedOperationException.class, () -> r.items().add("z"));
        assertThrows(IllegalArgumentException.class, () -> new RecentItems(0, List.of()));
    }
}
