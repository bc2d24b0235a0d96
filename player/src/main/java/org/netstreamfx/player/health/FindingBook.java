package org.netstreamfx.player.health;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Which rules are raised, and the findings so far: a rule is raised the first time its condition
 * is observed (or again at a higher severity), and cleared once it has not been observed for the
 * profile's clear time on the stream's timeline, as YouTube's stream health does. The history
 * keeps the last {@link #MAX_HISTORY} findings only.
 */
final class FindingBook {
    /** Findings kept for the report; older ones are forgotten (counts stay). */
    static final int MAX_HISTORY = 500;

    private final long clearAfterUs;
    private final FindingListener listener;
    private final Map<Rule, Finding> active = new EnumMap<>(Rule.class);
    private final Map<Rule, Long> lastSeenUs = new EnumMap<>(Rule.class);
    private final Map<Rule, Integer> raisedCount = new EnumMap<>(Rule.class);
    private final ArrayDeque<Finding> history = new ArrayDeque<>();
    private long nowUs = Long.MIN_VALUE;

    FindingBook(Profile profile, FindingListener listener) {
        this.clearAfterUs = profile.clearAfterUs();
        this.listener = listener;
    }

    /** The condition of {@code f}'s rule holds at {@code f.atUs()}: raised unless it already is at this severity or more. */
    void observe(Finding f) {
        lastSeenUs.put(f.rule(), Math.max(f.atUs(), nowUs)); // a DTS gone back is seen now, not then
        Finding now = active.get(f.rule());
        if (now != null && now.severity().compareTo(f.severity()) >= 0) {
            return;
        }
        active.put(f.rule(), f);
        raisedCount.merge(f.rule(), 1, Integer::sum);
        emit(f);
    }

    /** The stream reached {@code nowUs}: rules not observed for the clear time clear. */
    void tick(long nowUs) {
        this.nowUs = Math.max(this.nowUs, nowUs);
        if (active.isEmpty()) {
            return;
        }
        List<Rule> gone = new ArrayList<>();
        for (Map.Entry<Rule, Finding> e : active.entrySet()) {
            if (nowUs - lastSeenUs.get(e.getKey()) >= clearAfterUs) {
                gone.add(e.getKey());
            }
        }
        for (Rule r : gone) {
            emit(active.remove(r).clearedAt(nowUs));
        }
    }

    /** A seek or a new stream: what was observed before says nothing of what comes (nothing is cleared). */
    void restartedAt(long restartUs) {
        nowUs = restartUs;
        lastSeenUs.replaceAll((r, t) -> Math.min(t, restartUs));
    }

    private void emit(Finding f) {
        if (history.size() == MAX_HISTORY) {
            history.removeFirst();
        }
        history.addLast(f);
        listener.onFinding(f);
    }

    List<Finding> history() {
        return List.copyOf(history);
    }

    List<Finding> active() {
        return List.copyOf(active.values());
    }

    Map<Rule, Integer> raisedCounts() {
        return Map.copyOf(raisedCount);
    }
}
