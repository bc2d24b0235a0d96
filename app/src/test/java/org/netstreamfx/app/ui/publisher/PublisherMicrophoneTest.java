package org.netstreamfx.app.ui.publisher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.DoublePredicate;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableNumberValue;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.netstreamfx.app.bench.LocalNginx;
import org.netstreamfx.app.ui.Fx;
import org.netstreamfx.app.ui.player.Notice;
import org.netstreamfx.app.ui.settings.PublisherPrefs;
import org.netstreamfx.capture.device.AudioLevel;
import org.netstreamfx.capture.device.CameraDiscovery;
import org.netstreamfx.capture.device.Devices;
import org.netstreamfx.capture.device.SoundMicrophone;
import org.netstreamfx.player.net.NetStream;
import org.netstreamfx.testkit.RunsAlone;
import org.netstreamfx.testkit.sound.Beeps;
import org.netstreamfx.testkit.sound.MonitorRecording;
import org.netstreamfx.testkit.sound.SoundServer;
import org.netstreamfx.testkit.sound.SoundServerExtension;
import org.testfx.api.FxToolkit;

/**
 * The publisher's view model with a real microphone on the test sound server: the level meter
 * follows what the microphone hears (beeps, then silence), and on air the loopback monitor, which
 * plays the stream back into the default output, puts nothing but silence there.
 */
@ExtendWith(SoundServerExtension.class)
@RunsAlone
class PublisherMicrophoneTest {
    /** Java Sound's default capture device: the test server's default source. */
    static final String MIC_ID = "sound:default [default]";
    static final int FEED_LATENCY_MS = 1000;
    /** Louder than this is a beep (−6 dBFS peak) on the meter; silence reads {@link AudioLevel#SILENCE_DBFS}. */
    static final double LOUD_DBFS = -10;
    static final long CHECK_MS = 50;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    private static PublisherViewModel viewModel(String url, String camera) {
        return viewModel(url, camera, MIC_ID);
    }

    private static PublisherViewModel viewModel(String url, String camera, String mic) {
        Devices devices = new Devices(new CameraDiscovery("video4linux2"), SoundMicrophone::listAll);
        return Fx.call(() -> new PublisherViewModel(Platform::runLater, devices, null,
                new PublisherPrefs(url, "mic", camera, mic, 320, 180, 25, 400, 64)));
    }

    /** Completes on the FX thread the first time {@code value} satisfies {@code test} (now or later). */
    private static CompletableFuture<Double> whenValue(ObservableNumberValue value, DoublePredicate test) {
        CompletableFuture<Double> f = new CompletableFuture<>();
        Fx.run(() -> {
            ChangeListener<Number> l = (o, was, now) -> {
                if (test.test(now.doubleValue())) {
                    f.complete(now.doubleValue());
                }
            };
            value.addListener(l);
            f.whenComplete((v, e) -> Platform.runLater(() -> value.removeListener(l)));
            if (test.test(value.doubleValue())) {
                f.complete(value.doubleValue());
            }
        });
        return f;
    }

    private static Path beeps(SoundServer server, Path dir, String name) throws IOException {
        server.setDefaultSource(server.addMicrophone(name, 48_000, 1));
        return Beeps.write(dir.resolve(name + ".raw"), 48_000, 1, 3);
    }

    @Test
    void theLevelMeterRisesWithEachBeepAndFallsBackToSilence(SoundServer server, @TempDir Path dir) throws Exception {
        Path beeps = beeps(server, dir, "nsfx_app_mic_level");
        PublisherViewModel vm = viewModel("", "none");
        try {
            PublishFigures figures = vm.figures();
            CompletableFuture<Double> hearing = whenValue(figures.levelRmsDbfsProperty(),
                    v -> v == AudioLevel.SILENCE_DBFS);
            Fx.run(() -> vm.setPreviewing(true));
            // The meter reads the source's silence first (digital zero), so it is the microphone's.
            Process pacat;
            CompletableFuture<Double> loud = whenValue(figures.levelPeakDbfsProperty(), v -> v > LOUD_DBFS);
            CompletableFuture<Double> loudRms = whenValue(figures.levelRmsDbfsProperty(), v -> v > -30);
            pacat = server.play(beeps, "nsfx_app_mic_level", 48_000, 1, FEED_LATENCY_MS);
            double peak = loud.get(15, TimeUnit.SECONDS);
            assertEquals(-6.0, peak, 1.0, "a beep's peak on the meter");
            assertTrue(loudRms.get(5, TimeUnit.SECONDS) < peak, "the RMS bar under the peak mark");
            assertTrue(pacat.waitFor(20, TimeUnit.SECONDS), "pacat played the beeps");
            CompletableFuture<Double> quiet = whenValue(figures.levelPeakDbfsProperty(),
                    v -> v == AudioLevel.SILENCE_DBFS);
            assertEquals(AudioLevel.SILENCE_DBFS, quiet.get(5, TimeUnit.SECONDS), "back to silence after the beeps");
            assertEquals(AudioLevel.SILENCE_DBFS, hearing.get(1, TimeUnit.SECONDS));
            assertEquals("", Fx.call(() -> vm.problemProperty().get()), "no device problem");
        } finally {
            Fx.run(vm::dispose);
        }
    }

    @Test
    void onAirTheLoopbackMonitorPlaysIntoTheOutputMuted(SoundServer server, @TempDir Path dir) throws Exception {
        LocalNginx.require();
        Path beeps = beeps(server, dir, "nsfx_app_mic_loopback");
        try (LocalNginx nginx = LocalNginx.start(dir)) {
            PublisherViewModel vm = viewModel(nginx.liveApp(), "test");
            try {
                CompletableFuture<Double> beepOnMeter = whenValue(vm.figures().levelPeakDbfsProperty(),
                        v -> v > LOUD_DBFS);
                Fx.run(vm::goLive);
                NetStream loopback = awaitLoopback(vm);
                checked("the loopback decoding the published audio",
                        () -> loopback.info().decodedAudioSamples() > 44_100 / 2, 20);
                MonitorRecording output = server.record(SoundServer.SINK, 44_100);
                long decodedBefore = loopback.info().decodedAudioSamples();
                Process pacat = server.play(beeps, "nsfx_app_mic_loopback", 48_000, 1, FEED_LATENCY_MS);
                assertTrue(pacat.waitFor(20, TimeUnit.SECONDS), "pacat played the beeps");
                beepOnMeter.get(5, TimeUnit.SECONDS);
                // The loopback has played the beeps back from the server: the 2.2 s of them, and more.
                checked("the loopback playing the beeps back",
                        () -> loopback.info().decodedAudioSamples() > decodedBefore + 5 * 44_100 / 2, 15);
                checked("the output recorded while the beeps were played back", () -> output.frames() > 3 * 44_100, 15);
                String streams = server.describe();
                MonitorRecording.Recorded heard = output.stop();
                assertTrue(heard.frames() > 3 * 44_100, "the output was recorded: " + heard.frames() + " frames");
                assertEquals(List.of(), heard.onsets(Beeps.ONSET_THRESHOLD, Beeps.QUIET_MS),
                        "no beep in the default output");
                assertEquals(Double.NEGATIVE_INFINITY, heard.rmsDbfs(0, heard.frames()),
                        "digital silence in the default output; the server's streams: " + streams);
                assertEquals(0.0, Fx.call(loopback::volume), "the loopback's volume");
            } finally {
                Fx.run(vm::dispose);
            }
        }
    }

    @Test
    void aMissingMicrophoneIsANoticeNamingItAndThePictureGoesOnAir(SoundServer server, @TempDir Path dir)
            throws Exception {
        LocalNginx.require();
        try (LocalNginx nginx = LocalNginx.start(dir)) {
            PublisherViewModel vm = viewModel(nginx.liveApp(), "test", "sound:unplugged");
            try {
                CompletableFuture<Notice> notice = new CompletableFuture<>();
                Fx.run(() -> {
                    vm.noticeProperty().addListener((o, was, now) -> {
                        if (now != null) {
                            notice.complete(now);
                        }
                    });
                    vm.goLive();
                });
                Notice n = notice.get(20, TimeUnit.SECONDS);
                assertEquals("NetStreamFX.Publish.FeedFailed", n.code());
                assertTrue(n.description().startsWith("Microphone sound:unplugged cannot be published: No microphone "
                        + "\"sound:unplugged\""), n.description());
                CompletableFuture<Double> sending = whenValue(vm.figures().sentFpsProperty(), v -> v >= 20);
                assertTrue(sending.get(20, TimeUnit.SECONDS) >= 20, "the camera is sent");
                assertEquals(PublisherState.LIVE, Fx.call(() -> vm.stateProperty().get()), "still on air");
            } finally {
                Fx.run(vm::dispose);
            }
        }
    }

    /**
     * Waits until {@code condition} holds, checked every {@value #CHECK_MS} ms on a scheduler (the
     * engine's counters have no event of their own); fails naming {@code what} after {@code seconds}.
     */
    private static void checked(String what, BooleanSupplier condition, int seconds) throws Exception {
        ScheduledExecutorService checker = Executors.newSingleThreadScheduledExecutor();
        CompletableFuture<Void> met = new CompletableFuture<>();
        try {
            checker.scheduleWithFixedDelay(() -> {
                if (condition.getAsBoolean()) {
                    met.complete(null);
                }
            }, 0, CHECK_MS, TimeUnit.MILLISECONDS);
            met.get(seconds, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("timed out after " + seconds + " s waiting for " + what, e);
        } finally {
            checker.shutdownNow();
        }
    }

    private static NetStream awaitLoopback(PublisherViewModel vm) throws Exception {
        CompletableFuture<NetStream> f = new CompletableFuture<>();
        Fx.run(() -> {
            vm.loopbackStreamProperty().addListener((o, was, now) -> {
                if (now != null) {
                    f.complete(now);
                }
            });
            if (vm.loopbackStreamProperty().get() != null) {
                f.complete(vm.loopbackStreamProperty().get());
            }
        });
        return f.get(20, TimeUnit.SECONDS);
    }
}
