package org.netstreamfx.app.ui.video;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.netstreamfx.app.ui.Fx;
import org.netstreamfx.app.ui.TestMedia;
import org.netstreamfx.player.net.NetConnection;
import org.netstreamfx.player.net.NetStatusEvent;
import org.netstreamfx.player.net.NetStream;
import org.netstreamfx.player.sink.NullAudioSink;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A snapshot of the Video node matches the decoded frame it shows: a 640x240 picture, red left
 * half and blue right half, fitted into a 400x300 node (scale 0.625: 400x150 with 75-pixel black
 * bars above and below).
 */
@ExtendWith(ApplicationExtension.class)
class VideoPixelTest {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final double TOLERANCE = 12 / 255.0;
    private final List<String> codes = new CopyOnWriteArrayList<>();
    private Video video;
    private NetConnection nc;
    private NetStream ns;

    @Start
    void start(Stage stage) {
        video = new Video();
        StackPane root = new StackPane(video);
        stage.setScene(new Scene(root, 400, 300));
        stage.show();
    }

    @AfterEach
    void close() {
        Fx.run(() -> {
            ns.close();
            nc.close();
        });
    }

    @Test
    void theSnapshotShowsTheDecodedFrameFittedWithBlackBars() {
        Fx.run(() -> {
            nc = new NetConnection(Platform::runLater);
            nc.connect(null);
            ns = new NetStream(nc);
            ns.setAudioSink(new NullAudioSink());
            ns.addNetStatusListener((NetStatusEvent e) -> codes.add(e.code()));
            video.attachNetStream(ns);
            ns.play(TestMedia.redBlue().toString());
        });
        Fx.waitUntil("3 frames", WAIT, () -> video.framesShownProperty().get() >= 3, () -> codes);
        Fx.run(ns::pause);
        Fx.waitUntil("Pause.Notify", WAIT, () -> codes.contains("NetStream.Pause.Notify"), () -> codes);

        assertEquals(640, Fx.call(() -> video.videoWidthProperty().get()));
        assertEquals(240, Fx.call(() -> video.videoHeightProperty().get()));
        assertEquals(new Rectangle2D(0, 75, 400, 150), Fx.call(video::pictureBounds));
        Image frame = Fx.call(() -> video.frameProperty().get());
        WritableImage shot = Fx.call(() -> video.snapshot(null, null));
        assertEquals(400, (int) shot.getWidth());
        assertEquals(300, (int) shot.getHeight());

        // The decoded frame itself: red and blue blocks (limited-range YUV gives near-pure colours).
        assertColor(Color.RED, frame.getPixelReader().getColor(160, 120), "decoded frame, left block");
        assertColor(Color.BLUE, frame.getPixelReader().getColor(480, 120), "decoded frame, right block");

        // Every sample point of the picture, away from the red/blue edge, shows the frame's pixel.
        List<String> mismatches = new ArrayList<>();
        for (int y = 80; y < 225; y += 12) {
            for (int x = 4; x < 396; x += 12) {
                if (Math.abs(x - 200) < 6) {
                    continue;
                }
                Color expected = frame.getPixelReader().getColor((int) (x / 0.625), (int) ((y - 75) / 0.625));
                Color actual = shot.getPixelReader().getColor(x, y);
                if (!close(expected, actual)) {
                    mismatches.add("(" + x + "," + y + ") " + actual + " != " + expected);
                }
            }
        }
        assertTrue(mismatches.isEmpty(), mismatches.size() + " points differ: " + mismatches);

        // The letterbox bars are black.
        for (int x = 0; x < 400; x += 50) {
            assertColor(Color.BLACK, shot.getPixelReader().getColor(x, 30), "top bar at x=" + x);
            assertColor(Color.BLACK, shot.getPixelReader().getColor(x, 270), "bottom bar at x=" + x);
        }
    }

    private static void assertColor(Color expected, Color actual, String where) {
        assertTrue(close(expected, actual), where + ": expected " + expected + ", got " + actual);
    }

    private static boolean close(Color a, Color b) {
        return Math.abs(a.getRed() - b.getRed()) <= TOLERANCE && Math.abs(a.getGreen() - b.getGreen()) <= TOLERANCE
                && Math.abs(a.getBlue() - b.getBlue()) <= TOLERANCE;
    }
}
