package org.netstreamfx.app.ui.publisher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netstreamfx.app.session.SessionRecorder;
import org.netstreamfx.app.ui.Fx;
import org.netstreamfx.app.ui.settings.AppSettings;
import org.netstreamfx.app.ui.settings.PublisherPrefs;
import org.netstreamfx.capture.device.CameraDiscovery;
import org.netstreamfx.capture.device.Devices;
import org.netstreamfx.player.net.NetStatusEvent;
import org.netstreamfx.player.sharedobject.SharedObject;
import org.netstreamfx.player.sharedobject.SharedObjectStore;
import org.testfx.api.FxToolkit;

/** The publisher's view-model without a server: fields, masking, settings, devices, a refused connection. */
class PublisherViewModelTest {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private PublisherViewModel vm;
    private SessionRecorder log;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    /** The test camera and the tone, no real device looked for. */
    static Devices virtualDevices() {
        return new Devices(new CameraDiscovery("video4linux2"), List::of);
    }

    /**
     * A view-model over the virtual devices whose devices start goes to {@code held}, counting in
     * {@code listings} how often the devices are listed (the microphones are asked once a listing).
     */
    private static PublisherViewModel withHeldStart(List<Runnable> held,
                                                    java.util.concurrent.atomic.AtomicInteger listings) {
        Devices counted = new Devices(new CameraDiscovery("video4linux2"), () -> {
            listings.incrementAndGet();
            return List.of();
        });
        return Fx.call(() -> new PublisherViewModel(Platform::runLater, counted, null, PublisherPrefs.DEFAULTS,
                held::add));
    }

    @BeforeEach
    void create() {
        log = new SessionRecorder(System.nanoTime());
        vm = Fx.call(() -> new PublisherViewModel(Platform::runLater, virtualDevices(), log,
                new PublisherPrefs("", "", "test", "tone", 320, 180, 15, 300, 64)));
    }

    @AfterEach
    void dispose() {
        Fx.run(vm::dispose);
    }

    @Test
    void picksListTheVirtualDevicesAndNone() {
        Fx.waitUntil("the device lists", WAIT, () -> !vm.cameras().isEmpty() && !vm.microphones().isEmpty(),
                vm::cameras);
        assertEquals(List.of("test", "none"), Fx.call(() -> vm.cameras().stream().map(DeviceChoice::id).toList()));
        assertEquals(List.of("tone", "none"), Fx.call(() -> vm.microphones().stream().map(DeviceChoice::id).toList()));
    }

    @Test
    void withADevicesStartTheDevicesAreListedOnlyOnceItRuns() {
        // The app holds the camera watch and the first listing until its window's start is over.
        List<Runnable> held = new java.util.ArrayList<>();
        java.util.concurrent.atomic.AtomicInteger listings = new java.util.concurrent.atomic.AtomicInteger();
        PublisherViewModel later = withHeldStart(held, listings);
        try {
            assertEquals(1, Fx.call(held::size), "the start is handed to the executor, not run");
            assertEquals(0, listings.get(), "nothing listed before it runs");
            assertTrue(Fx.call(() -> later.cameras().isEmpty()));
            Fx.run(() -> held.forEach(Runnable::run));
            Fx.waitUntil("the device lists", WAIT, () -> !later.cameras().isEmpty() && !later.microphones().isEmpty(),
                    later::cameras);
            assertEquals(1, listings.get(), "listed once");
            assertEquals(List.of("test", "none"), Fx.call(() -> later.cameras().stream().map(DeviceChoice::id).toList()));
        } finally {
            Fx.run(later::dispose);
        }
    }

    @Test
    void aDevicesStartRunAfterDisposeListsNothing() {
        List<Runnable> held = new java.util.ArrayList<>();
        java.util.concurrent.atomic.AtomicInteger listings = new java.util.concurrent.atomic.AtomicInteger();
        PublisherViewModel closed = withHeldStart(held, listings);
        Fx.run(closed::dispose);
        // Would throw RejectedExecutionException from the shut-down I/O thread if it still listed.
        Fx.run(() -> held.forEach(Runnable::run));
        assertEquals(0, listings.get());
        assertTrue(Fx.call(() -> closed.cameras().isEmpty()));
    }

    @Test
    void aCameraChangeQueuedBeforeDisposeListsNothingAfterIt() {
        // The camera watch's change reaches the FX thread as a refresh; when the window closes
        // first, the I/O thread is shut down by the time it runs (seen as two
        // RejectedExecutionExceptions when the launcher's class-archive run closes the window).
        List<Runnable> held = new java.util.ArrayList<>();
        java.util.concurrent.atomic.AtomicInteger listings = new java.util.concurrent.atomic.AtomicInteger();
        PublisherViewModel closed = withHeldStart(held, listings);
        Fx.run(closed::dispose);
        Fx.run(closed::refreshDevices);
        assertEquals(0, listings.get());
    }

    @Test
    void figuresOutsideTheirRangeAreRefusedAndChangeNothing() {
        assertFalse(Fx.call(() -> vm.setup().setSize(10, 10)));
        assertFalse(Fx.call(() -> vm.setup().setSize(641, 360)), "H.264 4:2:0 needs even sizes");
        assertFalse(Fx.call(() -> vm.setup().setFrameRate(0)));
        assertFalse(Fx.call(() -> vm.setup().setVideoBitrate(5)));
        assertFalse(Fx.call(() -> vm.setup().setAudioBitrate(1000)));
        assertEquals(320, Fx.call(() -> vm.setup().widthProperty().get()));
        assertTrue(Fx.call(() -> vm.setup().setSize(640, 360)));
        assertTrue(Fx.call(() -> vm.setup().setFrameRate(30)));
        assertTrue(Fx.call(() -> vm.setup().setVideoBitrate(1500)));
        assertTrue(Fx.call(() -> vm.setup().setAudioBitrate(128)));
        assertEquals(new PublisherPrefs("", "", "test", "tone", 640, 360, 30, 1500, 128), Fx.call(vm.setup()::prefs));
    }

    @Test
    void renditionsAreCheckedAgainstTheSizeAndABadListChangesNothing() {
        assertTrue(Fx.call(() -> vm.setup().setSize(640, 360)));
        assertTrue(Fx.call(() -> vm.setup().setRenditions(" 360p30@800, 180p@300 ")));
        assertEquals("360p30@800, 180p@300", Fx.call(() -> vm.setup().renditionsProperty().get()));
        assertFalse(Fx.call(() -> vm.setup().setRenditions("720p30@2500")), "larger than the 640x360 picture");
        assertFalse(Fx.call(() -> vm.setup().setRenditions("360x30")), "not HEIGHTp[FPS]@KBPS");
        assertFalse(Fx.call(() -> vm.setup().setRenditions("360p@1,270p@1,180p@1,144p@1,90p@1")), "more than 4");
        assertEquals("360p30@800, 180p@300", Fx.call(() -> vm.setup().renditionsProperty().get()));
        assertTrue(Fx.call(() -> vm.setup().setRenditions("")), "blank: one track");
    }

    @Test
    void goLiveWithoutAServerSaysWhatToFixAndStaysIdle() {
        Fx.run(vm::goLive);
        assertEquals(PublisherState.IDLE, Fx.call(() -> vm.stateProperty().get()));
        assertTrue(Fx.call(() -> vm.problemProperty().get()).contains("server URL"));
        Fx.run(() -> {
            vm.setup().setServerUrl("rtmp://127.0.0.1/live");
            vm.goLive();
        });
        assertTrue(Fx.call(() -> vm.problemProperty().get()).contains("stream name or a stream key"));
    }

    @Test
    void theKeyIsPublishedButMaskedInWhatIsShown() {
        PublishTarget keyOnly = PublishTarget.of("rtmp://ingest.example/live2", "", "abcd-SECRET-1234");
        assertEquals("abcd-SECRET-1234", keyOnly.publishName());
        assertEquals("rtmp://ingest.example/live2/ab***", keyOnly.shownAddress());
        PublishTarget both = PublishTarget.of("rtmp://127.0.0.1:1935/live", "cam", "SECRETKEY");
        assertEquals("cam?key=SECRETKEY", both.publishName());
        assertFalse(both.shownAddress().contains("SECRET"), both.shownAddress());
        assertFalse(both.mask("NetStream.Publish.Start cam?key=SECRETKEY").contains("SECRET"));
        assertEquals("rtmp://127.0.0.1/live/cam", PublishTarget.of("rtmp://127.0.0.1:1935/live", "cam", "")
                .shownAddress());
        assertThrows(IllegalArgumentException.class, () -> PublishTarget.of("rtmp://host/live", "a/b", ""));
        assertThrows(IllegalArgumentException.class, () -> PublishTarget.of("http://host/live", "cam", ""));
    }

    @Test
    void settingsKeepDevicesFiguresUrlAndNameButNeverTheKey(@TempDir Path dir) throws Exception {
        Fx.run(() -> {
            vm.setup().setServerUrl("rtmp://user:pw@ingest.example/live?token=SECRETTOKEN");
            vm.setup().setStreamName("cam");
            vm.setStreamKey("SECRETKEY");
            vm.setup().selectMicrophone("none");
            vm.setup().setSize(640, 360);
        });
        AppSettings first = new AppSettings(SharedObjectStore.at(dir), Runnable::run);
        first.setPublisher(Fx.call(vm.setup()::prefs));
        assertEquals(SharedObject.FlushStatus.FLUSHED, first.flush().get(5, TimeUnit.SECONDS));

        PublisherPrefs read = new AppSettings(SharedObjectStore.at(dir), Runnable::run).publisher();
        assertEquals(new PublisherPrefs("rtmp://ingest.example/live", "cam", "test", "none", 640, 360, 15, 300, 64), read);
        String file = new String(Files.readAllBytes(first.file()), StandardCharsets.ISO_8859_1);
        assertFalse(file.contains("SECRET") || file.contains(":pw@"), "no key, token or password on disk");
    }

    @Test
    void thePreviewShowsTheTestCameraAndTheMeterTheTone() {
        AtomicLong pictures = new AtomicLong();
        Fx.run(() -> {
            vm.setPreviewSink(f -> pictures.incrementAndGet());
            vm.setPreviewing(true);
        });
        Fx.waitUntil("preview pictures and a tone level", WAIT, () -> pictures.get() >= 5
                && vm.figures().levelPeakDbfsProperty().get() > -40, () -> pictures.get() + " pictures, peak "
                + vm.figures().levelPeakDbfsProperty().get() + " dBFS, problem " + vm.problemProperty().get());
        Fx.run(() -> vm.setPreviewing(false));
    }

    @Test
    void aRefusedConnectionFailsWithANoticeAndNoKeyInTheLog() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        String url = "rtmp://127.0.0.1:" + port + "/live";
        List<PublisherState> states = new java.util.concurrent.CopyOnWriteArrayList<>();
        Fx.run(() -> {
            vm.stateProperty().addListener((o, was, now) -> states.add(now));
            vm.setup().setServerUrl(url);
            vm.setStreamKey("SECRETKEY");
            vm.goLive();
        });
        Fx.waitUntil("FAILED", WAIT, () -> vm.stateProperty().get() == PublisherState.FAILED, vm::events);
        // a refused connection can fail before the test looks, so the path is checked, not a snapshot
        assertEquals(List.of(PublisherState.CONNECTING, PublisherState.FAILED), List.copyOf(states));
        assertEquals("NetConnection.Connect.Failed", Fx.call(() -> vm.noticeProperty().get().code()));
        List<String> codes = Fx.call(() -> vm.events().stream().map(NetStatusEvent::code).toList());
        assertTrue(codes.contains("NetConnection.Connect.Failed"), codes.toString());
        assertFalse(log.entries().toString().contains("SECRETKEY"), "the tester's log never holds the key");
        Fx.run(() -> {
            vm.setup().setServerUrl("rtmp://127.0.0.1:" + port + "/live");
            vm.setup().setSize(640, 360);
        });
        assertEquals(640, Fx.call(() -> vm.setup().widthProperty().get()), "after a failure the figures can change again");
    }

    @Test
    void theBadgeAndTheDelayCaptionSayWhatIsGoingOn() {
        assertEquals("OFF AIR", OnAirBadge.text(PublisherState.IDLE, 0, -1));
        assertTrue(OnAirBadge.text(PublisherState.LIVE, 75, -1).contains("ON AIR  1:15"),
                OnAirBadge.text(PublisherState.LIVE, 75, -1));
        assertEquals("RECONNECTING IN 3 s", OnAirBadge.text(PublisherState.RECONNECTING, 10, 2.2));
        assertTrue(PublisherPictures.delayText(true, false, Double.NaN, Double.NaN, Double.NaN).contains("needs the test camera"));
        assertEquals("End-to-end delay  last 120 ms · median 110 ms · p95 150 ms",
                PublisherPictures.delayText(true, true, 120, 110, 150));
        assertEquals(0, LevelMeter.fraction(-120));
        assertEquals(0.5, LevelMeter.fraction(-30));
        assertEquals(1, LevelMeter.fraction(3));
    }

    @Test
    void thePicturesGoSideBySideOnlyWhereTheyComeOutLarger() {
        assertTrue(PublisherPictures.sideBySide(1600, 500));
        assertTrue(PublisherPictures.sideBySide(800, 550));
        assertFalse(PublisherPictures.sideBySide(800, 1000));
    }
}
