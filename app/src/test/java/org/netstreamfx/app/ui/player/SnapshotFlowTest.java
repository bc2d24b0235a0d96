package org.netstreamfx.app.ui.player;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.netstreamfx.app.ui.Fx;
import org.netstreamfx.player.net.StatusLevel;
import org.netstreamfx.player.sink.NullAudioSink;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** S saves the picture on screen as a PNG at the video's own size, whatever the window's size. */
@ExtendWith(ApplicationExtension.class)
class SnapshotFlowTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Path DEMO = Path.of("..", "resources", "demo", "demo.mp4").toAbsolutePath().normalize();
    /** Sample points across the picture, per side. */
    private static final int GRID_X = 32;
    private static final int GRID_Y = 18;

    private PlayerView view;
    private PlayerViewModel vm;
    private Stage stage;

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        vm = new PlayerViewModel(Platform::runLater, NullAudioSink::new, new RecentItems());
        view = PlayerWindow.show(stage, vm, owner -> Optional.of(DEMO));
    }

    @AfterEach
    void close() {
        Fx.run(vm::dispose);
    }

    @Test
    void aSnapshotHasTheVideosSizeAndWhatIsOnScreen(FxRobot robot) throws IOException {
        Fx.run(() -> {
            stage.setWidth(560);
            stage.setHeight(420);
            view.snapshots().setFolder(dir.resolve("Pictures").resolve("NetStreamFX"));
        });
        robot.type(KeyCode.S);
        Fx.waitUntil("a notice: nothing to save", WAIT, () -> vm.noticeProperty().get() != null
                && vm.noticeProperty().get().code().equals("NetStreamFX.Snapshot.Failed"), this::state);

        robot.clickOn("#open-file");
        Fx.waitUntil("frames", WAIT, () -> view.video().framesShownProperty().get() >= 10, this::state);
        robot.type(KeyCode.SPACE);
        Fx.waitUntil("paused", WAIT, () -> vm.stateProperty().get() == PlayerState.PAUSED, this::state);
        Rectangle2D onScreen = Fx.call(() -> view.video().pictureBounds());
        assertTrue(onScreen.getWidth() < 600, "the window shows the picture smaller than the video: " + onScreen);

        robot.type(KeyCode.S);
        Fx.waitUntil("Snapshot saved", WAIT, () -> vm.noticeProperty().get() != null
                && vm.noticeProperty().get().code().equals("NetStreamFX.Snapshot.Saved"), this::state);
        Path png;
        try (Stream<Path> files = Files.list(dir.resolve("Pictures").resolve("NetStreamFX"))) {
            List<Path> all = files.toList();
            assertEquals(1, all.size(), "one file, no .part left: " + all);
            png = all.get(0);
        }
        String name = png.getFileName().toString();
        assertTrue(name.matches("nsfx-demo-\\d{8}-\\d{6}-0m\\d\\d\\.\\d{3}s\\.png"), name);
        assertEquals("Snapshot saved: " + png, Fx.call(() -> vm.noticeProperty().get().description()));

        BufferedImage saved = ImageIO.read(png.toFile());
        assertEquals(640, saved.getWidth());
        assertEquals(360, saved.getHeight());

        // What is on screen: the Video node as drawn, its picture scaled into pictureBounds.
        // Both read in one go: the notice bar sliding in moves and resizes the picture meanwhile.
        Object[] shot = Fx.call(() -> new Object[] {view.video().snapshot(null, null), view.video().pictureBounds()});
        WritableImage screen = (WritableImage) shot[0];
        Rectangle2D r = (Rectangle2D) shot[1];
        PixelReader px = screen.getPixelReader();
        double diff = 0;
        for (int gy = 0; gy < GRID_Y; gy++) {
            for (int gx = 0; gx < GRID_X; gx++) {
                double fx = (gx + 0.5) / GRID_X;
                double fy = (gy + 0.5) / GRID_Y;
                int s = px.getArgb((int) (r.getMinX() + fx * r.getWidth()), (int) (r.getMinY() + fy * r.getHeight()));
                int p = saved.getRGB((int) (fx * saved.getWidth()), (int) (fy * saved.getHeight()));
                for (int shift = 0; shift <= 16; shift += 8) {
                    diff += Math.abs((s >> shift & 0xff) - (p >> shift & 0xff));
                }
            }
        }
        double mean = diff / (GRID_X * GRID_Y * 3); // seen: 2.8 to 3.7 (scaling); the frame on a resize: 34
        assertTrue(mean < 10, "mean colour difference between the PNG and the screen: " + mean);
    }

    @Test
    void aFolderThatCannotBeWrittenGivesAnErrorNotice(FxRobot robot) throws IOException {
        Path notAFolder = Files.writeString(dir.resolve("file"), "x");
        Fx.run(() -> view.snapshots().setFolder(notAFolder.resolve("sub")));
        robot.clickOn("#open-file");
        Fx.waitUntil("frames", WAIT, () -> view.video().framesShownProperty().get() >= 5, this::state);
        Fx.run(view::takeSnapshot);
        Fx.waitUntil("an error notice", WAIT, () -> vm.noticeProperty().get() != null
                && vm.noticeProperty().get().code().equals("NetStreamFX.Snapshot.Failed"), this::state);
        Notice n = Fx.call(() -> vm.noticeProperty().get());
        assertEquals(StatusLevel.ERROR, n.level());
        assertTrue(n.description().contains(notAFolder.resolve("sub").toString()), n.description());
    }

    private String state() {
        return vm.stateProperty().get() + " notice=" + vm.noticeProperty().get() + " frames="
                + view.video().framesShownProperty().get();
    }
}
