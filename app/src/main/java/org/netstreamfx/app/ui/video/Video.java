package org.netstreamfx.app.ui.video;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Rectangle2D;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import org.netstreamfx.player.net.NetStream;
import org.netstreamfx.player.sink.VideoFrame;
import org.netstreamfx.player.sink.VideoSink;

/**
 * Shows a NetStream's pictures (flash.media.Video): {@link #attachNetStream} makes this node the
 * stream's video sink. The picture is fitted to the node with its aspect ratio kept and black bars
 * around it; the last picture stays while the stream is paused; {@link NetStream#close()} clears it.
 *
 * <p>The playback thread copies each frame into a back buffer ({@link FrameExchange}) and asks the
 * FX thread to show the newest one; the FX thread copies it into a {@link PixelBuffer} behind a
 * {@link WritableImage}. No frame-sized allocation happens per frame.
 */
public final class Video extends Region {
    private final FrameExchange exchange = new FrameExchange();
    private final AtomicBoolean presentScheduled = new AtomicBoolean();
    private final ImageView view = new ImageView();
    private final BooleanProperty smoothing = new SimpleBooleanProperty(this, "smoothing", true);
    private final ReadOnlyIntegerWrapper videoWidth = new ReadOnlyIntegerWrapper(this, "videoWidth");
    private final ReadOnlyIntegerWrapper videoHeight = new ReadOnlyIntegerWrapper(this, "videoHeight");
    private final ReadOnlyLongWrapper framesShown = new ReadOnlyLongWrapper(this, "framesShown");
    private final ReadOnlyLongWrapper framesDropped = new ReadOnlyLongWrapper(this, "framesDropped");
    private final ReadOnlyObjectWrapper<Image> frame = new ReadOnlyObjectWrapper<>(this, "frame");
    private final VideoSink sink = new Sink();
    private PixelBuffer<IntBuffer> pixelBuffer;
    private IntBuffer shownPixels;
    private NetStream attached;
    /** {@link FrameExchange#superseded()} when the attached stream was last changed. */
    private volatile long supersededBase;
    private volatile Consumer<VideoFrame> frameObserver;

    public Video() {
        getStyleClass().add("video");
        // The letterbox bars: black unless a stylesheet says otherwise.
        setBackground(new Background(new BackgroundFill(Color.BLACK, null, null)));
        view.setPreserveRatio(false);
        view.smoothProperty().bind(smoothing);
        view.setManaged(false);
        getChildren().add(view);
        setMinSize(0, 0);
        setPrefSize(640, 360);
    }

    /**
     * Makes this node the video sink of {@code stream} (and no longer of the stream attached
     * before, whose picture goes); null detaches. Call before {@code play()}.
     */
    public void attachNetStream(NetStream stream) {
        if (attached != null && attached != stream) {
            attached.setVideoSink(null);
            sink.clear();
        }
        if (attached != stream) {
            // The count is per stream: a replay or the next file starts from 0.
            supersededBase = exchange.superseded();
            if (Platform.isFxApplicationThread()) {
                framesDropped.set(0);
            }
        }
        attached = stream;
        if (stream != null) {
            stream.setVideoSink(sink);
        }
    }

    /**
     * Shows one BGRA picture that does not come from a NetStream (a camera preview); callable on
     * any thread. The pixels are copied before this returns.
     */
    public void showPicture(ByteBuffer bgra, int width, int height, int strideBytes) {
        exchange.put(bgra, width, height, strideBytes);
        schedulePresent();
    }

    /** Removes the picture shown (any thread). */
    public void clearPicture() {
        sink.clear();
    }

    /**
     * Sees every frame of the attached stream on the playback thread, before it is copied for
     * the screen (e.g. to measure a loopback delay); the frame is valid only during the call and
     * the observer must return quickly. Null removes it.
     */
    public void setFrameObserver(Consumer<VideoFrame> observer) {
        frameObserver = observer;
    }

    /** Smooth (bilinear) scaling when true, nearest-neighbour when false. Default true. */
    public BooleanProperty smoothingProperty() {
        return smoothing;
    }

    /** The decoded picture's width in pixels (0 before the first frame). */
    public ReadOnlyIntegerProperty videoWidthProperty() {
        return videoWidth.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty videoHeightProperty() {
        return videoHeight.getReadOnlyProperty();
    }

    /** Pictures put on screen by this node. */
    public ReadOnlyLongProperty framesShownProperty() {
        return framesShown.getReadOnlyProperty();
    }

    /**
     * Pictures the attached stream delivered that a newer one replaced before the FX thread could
     * show them (the UI was too busy), counted from 0 for each stream attached; frames the engine
     * itself dropped as late are in NetStreamInfo. The player's "dropped" figure adds the two
     * ({@code PlaybackFigures.droppedFramesProperty()}).
     */
    public ReadOnlyLongProperty framesDroppedProperty() {
        return framesDropped.getReadOnlyProperty();
    }

    /** The picture on screen, at its decoded size (null when cleared). */
    public ReadOnlyObjectProperty<Image> frameProperty() {
        return frame.getReadOnlyProperty();
    }

    /** Where the picture is drawn inside this node, in local coordinates (empty before a frame). */
    public Rectangle2D pictureBounds() {
        if (frame.get() == null) {
            return Rectangle2D.EMPTY;
        }
        return new Rectangle2D(view.getLayoutX(), view.getLayoutY(), view.getFitWidth(), view.getFitHeight());
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        int vw = videoWidth.get();
        int vh = videoHeight.get();
        if (vw <= 0 || vh <= 0 || w <= 0 || h <= 0) {
            return;
        }
        double scale = Math.min(w / vw, h / vh);
        double fw = Math.round(vw * scale);
        double fh = Math.round(vh * scale);
        view.setFitWidth(fw);
        view.setFitHeight(fh);
        view.relocate(Math.floor((w - fw) / 2), Math.floor((h - fh) / 2));
    }

    // Called on the FX thread.

    private void present() {
        presentScheduled.set(false);
        if (exchange.takeCleared()) {
            view.setImage(null);
            frame.set(null);
            pixelBuffer = null;
            videoWidth.set(0);
            videoHeight.set(0);
        }
        FrameExchange.Slot slot = exchange.take();
        if (slot == null) {
            return;
        }
        if (pixelBuffer == null || pixelBuffer.getWidth() != slot.width || pixelBuffer.getHeight() != slot.height) {
            shownPixels = ByteBuffer.allocateDirect(slot.width * slot.height * 4).order(ByteOrder.nativeOrder())
                    .asIntBuffer();
            pixelBuffer = new PixelBuffer<>(slot.width, slot.height, shownPixels, PixelFormat.getIntArgbPreInstance());
            WritableImage image = new WritableImage(pixelBuffer);
            view.setImage(image);
            frame.set(image);
            videoWidth.set(slot.width);
            videoHeight.set(slot.height);
            requestLayout();
        }
        IntBuffer src = slot.pixels.duplicate();
        pixelBuffer.updateBuffer(pb -> {
            shownPixels.clear();
            src.position(0).limit(slot.width * slot.height);
            shownPixels.put(src);
            shownPixels.rewind();
            return null;
        });
        framesShown.set(framesShown.get() + 1);
        framesDropped.set(Math.max(0, exchange.superseded() - supersededBase));
    }

    private void schedulePresent() {
        if (presentScheduled.compareAndSet(false, true)) {
            Platform.runLater(this::present);
        }
    }

    /** The sink the stream calls. */
    private final class Sink implements VideoSink {
        // Called on the playback thread.

        @Override
        public void render(VideoFrame f) {
            Consumer<VideoFrame> o = frameObserver;
            if (o != null) {
                o.accept(f);
            }
            exchange.put(f.pixels(), f.width(), f.height(), f.strideBytes());
            schedulePresent();
        }

        // Called on whichever thread closes the stream.

        @Override
        public void clear() {
            exchange.clear();
            schedulePresent();
        }
    }
}
