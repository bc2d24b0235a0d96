package org.netstreamfx.app.ui.publisher.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.netstreamfx.app.ui.Fx;
import org.netstreamfx.app.ui.MainWindow;
import org.netstreamfx.app.ui.publisher.PublisherState;
import org.netstreamfx.app.ui.publisher.PublisherView;
import org.netstreamfx.app.ui.publisher.PublisherViewModel;
import org.netstreamfx.app.ui.settings.PublisherPrefs;
import org.netstreamfx.capture.device.CameraDiscovery;
import org.netstreamfx.capture.device.Devices;
import org.netstreamfx.player.health.Rule;
import org.testfx.api.FxToolkit;

/**
 * "Check my stream" in the publisher, with the test camera and the tone: a verdict without
 * holding the FX thread, the findings and lights for a setting the profile refuses (Opus audio
 * under twitch), a cancel, and nothing sent to the server the fields name (a socket that must
 * accept nothing). Checks are shortened to {@link #CHECK_S} through the checker's test seam.
 */
class CheckMyStreamTest {
    /** A short check: the codec rules judge from the first packet. */
    private static final double CHECK_S = 0.5;
    /** The server the fields name: a socket that must accept nothing. */
    private ServerSocketChannel server;
    private PublisherViewModel vm;
    private PublisherView view;
    private static final Duration WAIT = Duration.ofSeconds(30);

    @BeforeEach
    void create() throws Exception {
        FxToolkit.registerPrimaryStage();
        server = ServerSocketChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
        server.configureBlocking(false);
        int port = ((InetSocketAddress) server.getLocalAddress()).getPort();
        vm = Fx.call(() -> new PublisherViewModel(Platform::runLater,
                new Devices(new CameraDiscovery("video4linux2"), List::of), null,
                new PublisherPrefs("rtmp://127.0.0.1:" + port + "/live", "check", "test", "tone", 320, 180, 15, 300,
                        64)));
        view = Fx.call(() -> new PublisherView(vm, (owner, save) -> Optional.empty()));
        Fx.run(() -> {
            Scene scene = new Scene(view, 1100, 800);
            scene.getStylesheets().add(MainWindow.STYLESHEET);
            view.applyCss();
            view.layout();
        });
        Fx.run(() -> vm.health().checker().setCheckSeconds(CHECK_S));
    }

    @AfterEach
    void dispose() throws Exception {
        Fx.run(vm::dispose);
        server.close();
    }

    @SuppressWarnings("unchecked")
    private <T> T find(String id) {
        return (T) Fx.call(() -> view.lookup("#" + id));
    }

    private String verdictWhenDone() {
        Label verdict = find("check-verdict");
        StreamChecker checker = vm.health().checker();
        Fx.waitUntil("the check's verdict", WAIT, () -> !checker.runningProperty().get()
                && !verdict.getText().isEmpty(), verdict::getText);
        return Fx.call(verdict::getText);
    }

    @Test
    void aGoodSetupPassesUnderGenericAndNothingIsSent() throws Exception {
        Button check = find("check-stream");
        Fx.run(check::fire);
        assertTrue(Fx.call(() -> vm.health().checker().runningProperty().get()), "the check runs off the FX thread");
        assertEquals("Cancel check", Fx.call(check::getText));
        String verdict = verdictWhenDone();
        assertTrue(verdict.startsWith("Pass: "), verdict);
        assertEquals(Boolean.TRUE, Fx.call(() -> vm.health().checker().passedProperty().get()));
        assertEquals(List.of(), Fx.call(() -> List.copyOf(vm.health().findings())));
        assertEquals(HealthLight.GREEN, Fx.call(() -> vm.health().lightProperty(Rule.Group.VIDEO).get()));
        assertEquals(HealthLight.GREEN, Fx.call(() -> vm.health().lightProperty(Rule.Group.AUDIO).get()));
        assertTrue(Fx.call(() -> ((Label) view.lookup("#health-video-rate")).getText()).contains("kbit/s"));
        assertEquals("Check my stream", Fx.call(check::getText));
        assertEquals(PublisherState.IDLE, Fx.call(() -> vm.stateProperty().get()));
        assertNull(server.accept(), "the check sent nothing to the server");
        assertEquals(List.of(), Fx.call(() -> List.copyOf(vm.events())), "no session, no NetStatus event");
    }

    @Test
    void opusUnderTwitchIsFoundWithWhatToChange() {
        ComboBox<String> profile = find("health-profile");
        Fx.run(() -> {
            profile.setValue("twitch");
            vm.setup().selectAudioCodec("opus");
        });
        Fx.run(((Button) find("check-stream"))::fire);
        String verdict = verdictWhenDone();
        assertTrue(verdict.contains("to fix before going live (twitch)"), verdict);
        assertEquals(Boolean.FALSE, Fx.call(() -> vm.health().checker().passedProperty().get()));
        List<String> findings = Fx.call(() -> List.copyOf(vm.health().findings()));
        assertTrue(findings.stream().anyMatch(f -> f.startsWith("ERROR  audio codec Opus")
                && f.endsWith("encode audio as AAC")), "findings " + findings);
        assertEquals(HealthLight.RED, Fx.call(() -> vm.health().lightProperty(Rule.Group.AUDIO).get()));
        assertEquals(findings.size(), Fx.call(() -> ((javafx.scene.control.ListView<?>) view.lookup(
                "#health-findings")).getItems().size()), "the list shows them");
    }

    @Test
    void aCancelledCheckSaysSoAndLetsGoLiveAgain() {
        Fx.run(() -> vm.health().checker().setCheckSeconds(StreamChecker.CHECK_SECONDS));
        Button check = find("check-stream");
        Button goLive = find("go-live");
        Fx.run(check::fire);
        assertTrue(Fx.call(goLive::isDisabled), "no going live during a check");
        Fx.run(check::fire);
        assertEquals("Check cancelled.", verdictWhenDone());
        assertEquals(false, Fx.call(goLive::isDisabled));
        assertNull(Fx.call(() -> vm.health().checker().passedProperty().get()));
    }
}
