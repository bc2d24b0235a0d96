package org.netstreamfx.app.ui.player;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.netstreamfx.player.media.TrackKind;
import org.netstreamfx.player.net.NetStatusCode;
import org.netstreamfx.player.net.NetStatusEvent;
import org.netstreamfx.player.net.NetStream;
import org.netstreamfx.player.net.StatusLevel;
import org.netstreamfx.player.source.SourceDescription;

/**
 * What a {@link PlayerViewModel} tells the user about the engine's NetStatus events: the notice
 * the notice bar shows now (with advice, {@link StatusAdvice}) and the log of every event, the
 * newest {@link #MAX_EVENTS} of them.
 *
 * <p>Owned by the view model; everything here runs on the FX thread.
 */
final class NoticeLog {
    /** Events kept for the log; older ones are dropped. */
    static final int MAX_EVENTS = 1000;
    /** How the engine's Reconnecting description gives the cause of the drop. */
    private static final String CAUSE_MARK = " after: ";

    private final ReadOnlyObjectWrapper<Notice> notice;
    private final ObservableList<NetStatusEvent> events = FXCollections.observableArrayList();
    private final ObservableList<NetStatusEvent> eventsView = FXCollections.unmodifiableObservableList(events);
    /** The no-sound-device notice was shown in this session (it is shown once). */
    private boolean noDeviceNoticeShown;

    /** @param bean the notice property's bean (the view model) */
    NoticeLog(Object bean) {
        notice = new ReadOnlyObjectWrapper<>(bean, "notice");
    }

    ReadOnlyObjectProperty<Notice> notice() {
        return notice.getReadOnlyProperty();
    }

    /** Every event, oldest first (read-only). */
    ObservableList<NetStatusEvent> events() {
        return eventsView;
    }

    // Called on the FX thread by the view model.

    /** Shows {@code n}; null hides the notice. */
    void post(Notice n) {
        notice.set(n);
    }

    /** An address the user gave cannot be opened: {@code why}. */
    void cannotOpen(String why) {
        String code = NetStatusCode.NETSTREAM_PLAY_STREAMNOTFOUND.code();
        notice.set(new Notice(code, StatusLevel.ERROR, why, StatusAdvice.adviceFor(code, StatusLevel.ERROR, null)));
    }

    /** Adds {@code e} to the log, dropping the oldest beyond {@link #MAX_EVENTS}. */
    void record(NetStatusEvent e) {
        events.add(e);
        if (events.size() > MAX_EVENTS) {
            events.remove(0, events.size() - MAX_EVENTS);
        }
    }

    /**
     * The notice for a warning or error {@code e} while {@code a} (or nothing) is open and
     * {@code ns} (or nothing) plays; the no-sound-device notice only once a session.
     */
    void show(NetStatusEvent e, MediaAddress a, NetStream ns) {
        if (e.code().startsWith(org.netstreamfx.player.health.Rule.CODE_PREFIX)) {
            return; // a stream health finding: the Tester's Health panel lists it, the picture plays on
        }
        if (e.is(NetStatusCode.NSFX_AUDIO_NODEVICE)) {
            // Once a session: it would otherwise come back on every open, replay and reconnect.
            // The event log still has each one.
            if (noDeviceNoticeShown) {
                return;
            }
            noDeviceNoticeShown = true;
        }
        SourceDescription d = ns == null ? null : ns.description();
        boolean picture = d == null || d.track(TrackKind.VIDEO).isPresent();
        Notice n = StatusAdvice.noticeFor(e, a == null ? null : a.kind(), picture);
        if (n != null) {
            notice.set(n);
        }
    }

    /**
     * "Reconnecting (attempt k of n)…" while the connection comes back ({@code options}: the URL's,
     * for n, or null); cleared once it has.
     */
    void showReconnect(NetStatusEvent e, UrlOptions options) {
        if (e.is(NetStatusCode.NSFX_CONNECT_RECONNECTING) && e.details() instanceof Number attempt) {
            String of = options == null ? "" : " of " + options.reconnectTries();
            String why = e.description().contains(CAUSE_MARK)
                    ? e.description().substring(e.description().indexOf(CAUSE_MARK) + CAUSE_MARK.length()) : "";
            notice.set(new Notice(e.code(), StatusLevel.WARNING, "Reconnecting (attempt " + attempt.intValue() + of
                    + ")…", (why.isBlank() ? "The connection dropped" : "The connection dropped (" + why.strip()
                    .replaceAll("\\.$", "") + ")") + "; playback goes on when it is back."));
        } else if (e.is(NetStatusCode.NSFX_CONNECT_RECONNECTED) && notice.get() != null
                && NetStatusCode.NSFX_CONNECT_RECONNECTING.code().equals(notice.get().code())) {
            notice.set(null);
        }
    }
}
