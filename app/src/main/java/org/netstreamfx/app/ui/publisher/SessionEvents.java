package org.netstreamfx.app.ui.publisher;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.netstreamfx.app.session.SessionRecorder;
import org.netstreamfx.app.ui.player.Notice;
import org.netstreamfx.player.net.NetStatusEvent;

/**
 * The session's NetStatus events as shown (already masked): the bounded list, the Tester's
 * recorder, and the notice the user should see. Used on the FX thread only.
 */
final class SessionEvents {
    /** Events kept for the list; older ones are dropped. */
    static final int MAX_EVENTS = 500;

    private final SessionRecorder log;
    private final ObservableList<NetStatusEvent> events = FXCollections.observableArrayList();
    private final ObservableList<NetStatusEvent> eventsView = FXCollections.unmodifiableObservableList(events);
    private final ReadOnlyObjectWrapper<Notice> notice = new ReadOnlyObjectWrapper<>(this, "notice");

    /** @param log also gets every event, or null */
    SessionEvents(SessionRecorder log) {
        this.log = log;
    }

    /** Adds a masked event: to the list, the recorder, and as a notice when it calls for one. */
    void add(NetStatusEvent shown) {
        if (events.size() >= MAX_EVENTS) {
            events.remove(0);
        }
        events.add(shown);
        if (log != null) {
            log.onNetStatus(shown);
        }
        Notice n = PublishAdvice.noticeFor(shown, shown.description());
        if (n != null) {
            notice.set(n);
        }
    }

    /** A new session: no events yet. */
    void clear() {
        events.clear();
    }

    void dismissNotice() {
        notice.set(null);
    }

    ObservableList<NetStatusEvent> list() {
        return eventsView;
    }

    ReadOnlyObjectProperty<Notice> noticeProperty() {
        return notice.getReadOnlyProperty();
    }
}
