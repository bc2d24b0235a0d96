package org.netstreamfx.app.ui.player;

import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The addresses played lately, newest first, without duplicates, at most {@link #capacity()}.
 * Held in memory; whoever persists it (a SharedObject) passes the saved list to the constructor
 * and listens to {@link #items()}.
 */
public final class RecentItems {
    /** How many addresses are kept unless told otherwise. */
    public static final int DEFAULT_CAPACITY = 10;

    private final int capacity;
    private final ObservableList<String> items = FXCollections.observableArrayList();
    private final ObservableList<String> readOnly = FXCollections.unmodifiableObservableList(items);

    public RecentItems() {
        this(DEFAULT_CAPACITY, List.of());
    }

    public RecentItems(int capacity, List<String> initial) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, not " + capacity);
        }
        this.capacity = capacity;
        for (String s : initial) {
            if (s != null && !s.isBlank() && !items.contains(s) && items.size() < capacity) {
                items.add(s);
            }
        }
    }

    /** Newest first; read-only (change it with add, remove and clear). */
    public ObservableList<String> items() {
        return readOnly;
    }

    public int capacity() {
        return capacity;
    }

    /** Puts {@code address} first, dropping an older copy and the oldest item beyond capacity. */
    public void add(String address) {
        if (address == null || address.isBlank()) {
            return;
        }
        items.remove(address);
        items.add(0, address);
        if (items.size() > capacity) {
            items.remove(capacity, items.size());
        }
    }

    public void remove(String address) {
        items.remove(address);
    }

    public void clear() {
        items.clear();
    }
}
