package org.netstreamfx.app.ui.publisher;

import java.util.Locale;
import javafx.beans.InvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import org.netstreamfx.app.ui.video.Video;

/**
 * The publisher's two pictures, the camera's preview and the loopback from the server, each with
 * its name and a caption (the format; the end-to-end delay). Side by side or one above the other,
 * whichever shows them larger in the space there is.
 */
final class PublisherPictures {
    private PublisherPictures() {
    }

    static SplitPane of(PublisherViewModel vm, Video preview, Video monitor) {
        SplitPane pictures = new SplitPane(pane(preview, "Preview", previewCaption(vm)),
                pane(monitor, "Loopback (from the server)", delayCaption(vm)));
        pictures.setDividerPositions(0.5);
        InvalidationListener arrange = o -> pictures.setOrientation(
                sideBySide(pictures.getWidth(), pictures.getHeight()) ? Orientation.HORIZONTAL : Orientation.VERTICAL);
        pictures.widthProperty().addListener(arrange);
        pictures.heightProperty().addListener(arrange);
        return pictures;
    }

    /** Height of a picture's name and caption together, which the picture does not get. */
    private static final double CAPTIONS_PX = 40;
    /** One above the other only when the pictures come out this much wider: side by side compares better. */
    private static final double STACK_GAIN = 1.25;

    /** Whether two 16:9 pictures go side by side in {@code w} × {@code h} (not clearly larger stacked). */
    static boolean sideBySide(double w, double h) {
        double beside = Math.min(w / 2, (h - CAPTIONS_PX) * 16 / 9);
        double stacked = Math.min(w, (h / 2 - CAPTIONS_PX) * 16 / 9);
        return stacked < beside * STACK_GAIN;
    }

    /** The picture between its name and its caption, which never cover it. */
    private static BorderPane pane(Video video, String name, Label caption) {
        Label label = new Label(name);
        label.getStyleClass().add("monitor-caption");
        label.setMaxWidth(Double.MAX_VALUE);
        label.setWrapText(true);
        BorderPane area = new BorderPane(video, label, null, caption, null);
        area.getStyleClass().add("picture-area");
        area.setMinWidth(160);
        return area;
    }

    private static Label previewCaption(PublisherViewModel vm) {
        Label l = caption("preview-caption");
        l.textProperty().bind(Bindings.createStringBinding(() -> vm.previewingProperty().get()
                        || vm.stateProperty().get().busy() ? vm.setup().cameraIdProperty().get() + "  " + vm.setup().widthProperty().get()
                        + "x" + vm.setup().heightProperty().get() + " @ " + vm.setup().fpsProperty().get() + " fps"
                        : "Preview off: turn it on to see the camera before going live",
                vm.previewingProperty(), vm.stateProperty(), vm.setup().cameraIdProperty(), vm.setup().widthProperty(),
                vm.setup().heightProperty(), vm.setup().fpsProperty()));
        return l;
    }

    private static Label delayCaption(PublisherViewModel vm) {
        PublishFigures f = vm.figures();
        Label l = caption("delay");
        l.textProperty().bind(Bindings.createStringBinding(() -> delayText(vm.loopbackStreamProperty().get() != null,
                        f.delayMeasurableProperty().get(), f.delayLastMsProperty().get(),
                        f.delayMedianMsProperty().get(), f.delayP95MsProperty().get()),
                vm.loopbackStreamProperty(), f.delayMeasurableProperty(), f.delayLastMsProperty(),
                f.delayMedianMsProperty(), f.delayP95MsProperty()));
        return l;
    }

    /** What the loopback caption says about the end-to-end delay. */
    static String delayText(boolean playing, boolean measurable, double lastMs, double medianMs, double p95Ms) {
        if (!playing) {
            return "Plays the stream back from the server once on air";
        }
        if (!measurable) {
            return "End-to-end delay: needs the test camera (its frame counter is what is measured)";
        }
        if (Double.isNaN(lastMs)) {
            return "End-to-end delay: waiting for the first picture…";
        }
        return String.format(Locale.ROOT, "End-to-end delay  last %.0f ms · median %.0f ms · p95 %.0f ms",
                lastMs, medianMs, p95Ms);
    }

    private static Label caption(String id) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add("monitor-caption");
        l.setMaxWidth(Double.MAX_VALUE);
        // Wrapped, never cut, in a narrow window (issue 12, defect 4).
        l.setWrapText(true);
        l.setMouseTransparent(true);
        return l;
    }
}
