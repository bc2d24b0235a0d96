package org.netstreamfx.app.ui.publisher;

import java.nio.file.Path;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ObservableList;
import javafx.util.Duration;
import org.netstreamfx.app.session.SessionRecorder;
import org.netstreamfx.app.ui.Daemons;
import org.netstreamfx.app.ui.player.Notice;
import org.netstreamfx.app.ui.publisher.health.PublishHealthModel;
import org.netstreamfx.app.ui.publisher.health.StreamChecker;
import org.netstreamfx.player.health.Profile;
import org.netstreamfx.app.ui.settings.PublisherPrefs;
import org.netstreamfx.capture.device.AudioBlock;
import org.netstreamfx.capture.device.CaptureClock;
import org.netstreamfx.capture.device.DeviceException;
import org.netstreamfx.capture.device.Devices;
import org.netstreamfx.capture.device.LoopbackDelayMeter;
import org.netstreamfx.capture.device.TestCamera;
import org.netstreamfx.capture.device.VideoFormat;
import org.netstreamfx.capture.device.VideoFrame;
import org.netstreamfx.capture.feed.CameraEncodingFeed;
import org.netstreamfx.capture.feed.MicrophoneFeed;
import org.netstreamfx.player.net.NetStatusCode;
import org.netstreamfx.player.net.NetStatusEvent;
import org.netstreamfx.player.net.NetStream;

/**
 * The publisher's state and commands: devices with a preview and a level meter, what to send and
 * where, one publishing session at a time (NetConnection, NetStream.attachCamera/attachAudio/
 * publish), its figures, and a loopback monitor that plays the stream back from the server.
 *
 * <p>Threads: everything here runs on the FX thread except what blocks: listing and opening
 * devices, {@code publish()} (which starts the feeds) and closing run on "nsfx-publisher-io",
 * one task after the other, so a device is always closed before it is opened again. Engine events
 * arrive through the executor given to the constructor ({@code Platform::runLater} in the app).
 * Figures are read four times a second ({@link StatsPoller}); the stream's {@code info()}, which
 * may wait for the engine's locks, is read on "nsfx-publisher-stats". The loopback monitor lives in
 * a {@link LoopbackSlot}, the device lists in {@link DeviceLists}, the session's times in
 * {@link SessionTimes}, its NetConnection and NetStream in a {@link PublishConnection}. Properties are read-only; they change only
 * through the commands. The stream key is kept in a field, never in a property, a setting or a
 * log line.
 */
public final class PublisherViewModel {
    /** Reconnect tries after an unexpected close (1 s × 1.5, capped at 30 s). */
    static final int RECONNECT_TRIES = 10;
    /** The outgoing queue's bound in seconds (NetStream.bufferTime while publishing). */
    public static final double QUEUE_LIMIT_S = 1.0;
    /** How long Stop waits for NetStream.Unpublish.Success before it closes anyway. */
    static final Duration UNPUBLISH_WAIT = Duration.seconds(5);

    private final Executor callbacks;
    private final Devices devices;
    private final SessionRecorder log;
    private final CaptureClock clock = CaptureClock.system();
    private final StatsPoller poll;
    private final Timeline unpublishWait;
    /** Devices, publish() and closing, one after the other, off the FX thread. */
    private final ExecutorService io = Daemons.single("nsfx-publisher-io");
    private final DevicePreview preview;
    private final PublishSetup setup;
    private final PreviewOutputs outputs = new PreviewOutputs();
    private final LoopbackSlot loopback;
    private final DeviceLists deviceLists = new DeviceLists();
    private String streamKey = "";
    private Path recordFile;
    /** The session's connection and stream, or null. */
    private PublishConnection session;
    private PublishTarget target;
    private final SessionTimes times = new SessionTimes();

    private final ReadOnlyBooleanWrapper recording = new ReadOnlyBooleanWrapper(this, "recording");
    private final ReadOnlyBooleanWrapper previewing = new ReadOnlyBooleanWrapper(this, "previewing");
    private final ReadOnlyObjectWrapper<PublisherState> state = new ReadOnlyObjectWrapper<>(this, "state", PublisherState.IDLE);
    private final ReadOnlyStringWrapper shownAddress = new ReadOnlyStringWrapper(this, "shownAddress", "");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    /** The field the problem is about (the view marks it), null for a device problem or none. */
    private final javafx.beans.property.ReadOnlyObjectWrapper<PublishTarget.Field> problemField =
            new javafx.beans.property.ReadOnlyObjectWrapper<>(this, "problemField");
    private final PublishFigures figures = new PublishFigures();
    private final SessionEvents events;
    private final PublishHealthModel health;

    /**
     * @param callbacks where the engine calls back: {@code Platform::runLater}
     * @param devices   where cameras and microphones come from
     * @param log       also gets every event of the session, masked (the tester's recorder), or null
     * @param prefs     the saved devices, figures, URL and name to start with
     */
    public PublisherViewModel(Executor callbacks, Devices devices, SessionRecorder log, PublisherPrefs prefs) {
        this(callbacks, devices, log, prefs, Runnable::run);
    }

    /**
     * As above, but the camera watch and the first listing of the devices wait until
     * {@code devicesStart} runs them on the FX thread (the app: once its window's start is over).
     */
    public PublisherViewModel(Executor callbacks, Devices devices, SessionRecorder log, PublisherPrefs prefs,
                              Executor devicesStart) {
        this.callbacks = callbacks;
        this.devices = devices;
        this.log = log;
        this.preview = new DevicePreview(devices, clock);
        this.health = new PublishHealthModel(new StreamChecker(callbacks));
        this.setup = new PublishSetup(prefs, this::holdsDevices, this::restartPreview);
        problem.addListener((o, was, now) -> problemField.set(null));
        setup.serverUrlProperty().addListener(o -> problem.set(""));
        setup.streamNameProperty().addListener(o -> problem.set(""));
        this.events = new SessionEvents(log);
        this.loopback = new LoopbackSlot(callbacks, this::record);
        poll = new StatsPoller(callbacks, figures, () -> {
            PublishConnection s = session;
            return s == null ? null : s.stream();
        }, this::tick, health::show);
        unpublishWait = new Timeline(new KeyFrame(UNPUBLISH_WAIT, e -> endSession(PublisherState.IDLE)));
        deviceLists.start(devices, devicesStart, () -> callbacks.execute(this::refreshDevices), this::refreshDevices);
    }

    // Commands: devices and figures.

    /** Lists the cameras and microphones again (off the FX thread). */
    public void refreshDevices() {
        deviceLists.refresh(devices, io, callbacks, setup::keepListed);
    }

    /** The stream key: kept here only, masked everywhere it could show, never saved. */
    public void setStreamKey(String key) {
        streamKey = key == null ? "" : key.strip();
        problem.set("");
    }

    /** Also records what is published to {@code file} (FLV, or fragmented MP4 for .mp4/.m4v/.mov); null: no recording. */
    public void setRecordFile(Path file) {
        if (!state.get().busy()) {
            recordFile = file;
            recording.set(file != null);
        }
    }

    /** Opens the camera and microphone for the preview and the level meter (while not on air). */
    public void setPreviewing(boolean on) {
        if (previewing.get() == on) {
            return;
        }
        previewing.set(on);
        if (!state.get().busy()) {
            if (on) {
                restartPreview();
            } else {
                io.execute(preview::close);
                clearMeters();
            }
        }
    }

    /**
     * Where preview pictures go (the view's Video node), called on a capture thread; the picture
     * is valid only during the call.
     */
    public void setPreviewSink(Consumer<VideoFrame> sink) {
        outputs.setSink(sink);
    }

    // Commands: the session.

    /** Connects, publishes, and starts the loopback monitor once Publish.Start comes. */
    public void goLive() {
        if (holdsDevices()) {
            return;
        }
        PublishTarget t;
        Profile judgedBy;
        try {
            t = PublishTarget.of(setup.serverUrlProperty().get(), setup.streamNameProperty().get(), streamKey);
            judgedBy = health.profile();
        } catch (IllegalArgumentException e) {
            problem.set(e.getMessage());
            problemField.set(e instanceof PublishTarget.Invalid i ? i.field() : null);
            return;
        }
        if (log != null) {
            log.addSecret(t.secret());
        }
        target = t;
        problem.set("");
        events.dismissNotice();
        shownAddress.set(t.shownAddress());
        resetFigures();
        setState(PublisherState.CONNECTING);
        PublishFeeds feeds = PublishFeeds.of(setup);
        health.start(feeds.video().keyframeIntervalS());
        io.execute(() -> {
            preview.close();
            try {
                PublishFeeds.Opened opened = feeds.open(devices, clock, pick -> callbacks.execute(() -> record(pick.toEvent())));
                callbacks.execute(() -> connect(t, opened.camera(), opened.microphone(), judgedBy));
            } catch (DeviceException e) {
                callbacks.execute(() -> {
                    if (target == t) {
                        problem.set(e.getMessage());
                        endSession(PublisherState.FAILED);
                    }
                });
            }
        });
    }

    /**
     * "Check my stream": the chosen devices encoded with the chosen settings for
     * {@link StreamChecker#CHECK_SECONDS} and judged by the chosen profile, sent nowhere; the
     * preview pauses meanwhile (the check shows its pictures and levels) and comes back after.
     */
    public void checkStream() {
        if (holdsDevices()) {
            return;
        }
        Profile judgedBy;
        try {
            judgedBy = health.profile();
        } catch (IllegalArgumentException e) {
            problem.set(e.getMessage());
            return;
        }
        problem.set("");
        PublishFeeds feeds = PublishFeeds.of(setup);
        health.start(feeds.video().keyframeIntervalS());
        health.checker().start(judgedBy, io, () -> {
            preview.close();
            return feeds.openWatched(devices, clock, outputs::frame, outputs::block);
        }, health::show, this::restartPreview);
    }

    /** Unpublishes (Unpublish.Success follows) and closes the connection. */
    public void stop() {
        PublisherState s = state.get();
        if (!s.busy() || s == PublisherState.STOPPING) {
            return;
        }
        NetStream ns = session == null ? null : session.stream();
        if (ns == null || s == PublisherState.CONNECTING && !ns.publishing()) {
            endSession(PublisherState.IDLE);
            return;
        }
        setState(PublisherState.STOPPING);
        closeLoopback();
        unpublishWait.playFromStart();
        io.execute(() -> ns.publish(null));
    }

    public void dismissNotice() {
        events.dismissNotice();
    }

    /** Stops everything: the session, the preview, the polling and the I/O thread. */
    public void dispose() {
        deviceLists.close();
        poll.stop();
        health.checker().cancel();
        unpublishWait.stop();
        closeLoopback();
        closeSession();
        io.execute(preview::close);
        io.shutdown();
    }

    /** The health of what is sent (live, or by "Check my stream"), and the profile it is judged by. */
    public PublishHealthModel health() {
        return health;
    }

    /** What the next session publishes and where (devices, figures, URL, name), and its commands. */
    public PublishSetup setup() {
        return setup;
    }

    // Called on the loopback stream's playback thread.

    /** Measures one picture played back from the server (the loopback Video's frame observer). */
    public void measureLoopbackFrame(org.netstreamfx.player.sink.VideoFrame frame) {
        loopback.measure(frame);
    }

    // Properties.

    public ObservableList<DeviceChoice> cameras() {
        return deviceLists.cameras();
    }

    public ObservableList<DeviceChoice> microphones() {
        return deviceLists.microphones();
    }

    /** Whether a recording file is set. */
    public ReadOnlyBooleanProperty recordingProperty() {
        return recording.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty previewingProperty() {
        return previewing.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<PublisherState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** Where the session publishes, URL and key masked ("" before the first). */
    public ReadOnlyStringProperty shownAddressProperty() {
        return shownAddress.getReadOnlyProperty();
    }

    /** What keeps Go live from starting (a field to fix, a device that will not open), or "". */
    public javafx.beans.property.ReadOnlyObjectProperty<PublishTarget.Field> problemFieldProperty() {
        return problemField.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** The warning or error the user should see now, or null. */
    public ReadOnlyObjectProperty<Notice> noticeProperty() {
        return events.noticeProperty();
    }

    /** Time on air, queue, dropped frames, reconnect countdown, level and loopback delay. */
    public PublishFigures figures() {
        return figures;
    }

    /** The stream played back from the server while on air (a Video node attaches to it), or null. */
    public ReadOnlyObjectProperty<NetStream> loopbackStreamProperty() {
        return loopback.streamProperty();
    }

    /** The session's NetStatus events (publisher and loopback), keys masked, oldest first. */
    public ObservableList<NetStatusEvent> events() {
        return events.list();
    }

    // Engine wiring (FX thread).

    private void connect(PublishTarget t, CameraEncodingFeed<?> camera, MicrophoneFeed microphone, Profile judgedBy) {
        if (target != t || state.get() != PublisherState.CONNECTING) {
            return;
        }
        PublishConnection s = new PublishConnection(callbacks, this::onConnectionStatus, this::onStreamStatus);
        session = s;
        s.start(t.tcUrl(), camera, microphone, recordFile, outputs::frame, outputs::block, judgedBy);
    }

    private void onConnectionStatus(PublishConnection s, NetStatusEvent e) {
        if (s != session) {
            return;
        }
        record(e);
        NetStream ns = s.stream();
        if (e.is(NetStatusCode.NETCONNECTION_CONNECT_SUCCESS) && state.get() == PublisherState.CONNECTING) {
            String name = target.publishName();
            io.execute(() -> {
                try {
                    ns.publish(name, "live");
                } catch (IllegalStateException ex) {
                    callbacks.execute(() -> onStreamStatus(s, NetStatusEvent.of(NetStatusCode.NSFX_PUBLISH_FEEDFAILED,
                            ex.getMessage(), null, System.nanoTime())));
                }
            });
        } else if (e.is(NetStatusCode.NSFX_CONNECT_RECONNECTING)) {
            times.reconnecting(e.description());
            setState(PublisherState.RECONNECTING);
        } else if (e.is(NetStatusCode.NSFX_CONNECT_RECONNECTED)) {
            times.reconnected();
            setState(PublisherState.LIVE);
        } else if (e.isError() || e.is(NetStatusCode.NETCONNECTION_CONNECT_CLOSED)
                && state.get() != PublisherState.STOPPING) {
            endSession(PublisherState.FAILED);
        }
    }

    private void onStreamStatus(PublishConnection s, NetStatusEvent e) {
        if (s != session) {
            return;
        }
        record(e);
        if (e.is(NetStatusCode.NETSTREAM_PUBLISH_START)) {
            times.onAir();
            setState(PublisherState.LIVE);
            if (!loopback.open()) {
                openLoopback();
            }
        } else if (e.is(NetStatusCode.NETSTREAM_UNPUBLISH_SUCCESS) && state.get() == PublisherState.STOPPING) {
            endSession(PublisherState.IDLE);
        } else if (e.is(NetStatusCode.NSFX_PUBLISH_FEEDFAILED)) {
            // A camera or microphone lost mid-publish: the stream goes on with the other (the
            // notice says which); the lists are looked at again, so the device can be picked
            // again once it is back.
            refreshDevices();
        } else if (e.isError() && !e.code().startsWith("NetStream.Record.")) {
            // A failed recording lets the stream go on; any other error ends the session.
            endSession(PublisherState.FAILED);
        }
    }

    private void openLoopback() {
        LoopbackDelayMeter meter = setup.cameraIdProperty().get().equals(TestCamera.ID)
                ? new LoopbackDelayMeter(clock, setup.videoFormat()) : null;
        loopback.open(target.tcUrl(), target.publishName(), meter);
        figures.delayMeasurable(meter != null);
    }

    private void closeLoopback() {
        loopback.close(io);
    }

    /** Ends the session in {@code end}: closes the stream and the connection, then the preview comes back. */
    private void endSession(PublisherState end) {
        unpublishWait.stop();
        closeLoopback();
        closeSession();
        times.reset();
        setState(end);
        clearMeters();
        if (previewing.get()) {
            restartPreview();
        }
    }

    private void closeSession() {
        PublishConnection s = session;
        session = null;
        if (s != null) {
            s.close(io);
        }
    }

    private void record(NetStatusEvent e) {
        NetStatusEvent shown = target == null ? e : target.mask(e);
        events.add(shown);
    }

    // Devices (the preview and level meter), FX thread.

    /** Whether a session or a check holds the devices: the settings stay as they are. */
    private boolean holdsDevices() {
        return state.get().busy() || health.checker().runningProperty().get();
    }

    private void restartPreview() {
        if (!previewing.get() || holdsDevices() || io.isShutdown()) { // a check dispose() cancelled ends after it
            return;
        }
        String cam = setup.cameraIdProperty().get();
        String mic = setup.microphoneIdProperty().get();
        VideoFormat format = setup.videoFormat();
        io.execute(() -> {
            try {
                preview.open(cam, mic, format, outputs::frame, outputs::block,
                        f -> callbacks.execute(() -> problem.set("Preview: " + f.getMessage())));
            } catch (DeviceException | RuntimeException e) {
                callbacks.execute(() -> problem.set("Preview: " + e.getMessage()));
            }
        });
    }

    // Figures (FX thread).

    /** The figures read without the engine's locks, four times a second. */
    private void tick() {
        figures.level(outputs.takeLevel());
        times.show(figures, state.get() == PublisherState.RECONNECTING);
        figures.delay(loopback.meter());
    }

    private void resetFigures() {
        figures.reset();
        events.clear();
    }

    private void clearMeters() {
        outputs.takeLevel();
        figures.level(null);
        figures.sendingStopped();
    }

    /** Also shows the time on air and the reconnect countdown at once. */
    private void setState(PublisherState s) {
        state.set(s);
        times.show(figures, s == PublisherState.RECONNECTING);
    }
}
