package org.netstreamfx.app.ui.player;

import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.netstreamfx.app.ui.FitRow;
import org.netstreamfx.app.ui.Icons;
import org.netstreamfx.app.ui.video.Video;

/**
 * The controls under the picture: the seek bar, then play/pause, time and duration, the picture's
 * figures, the buffer gauge, the bufferTime field, mute and volume.
 */
final class TransportBar extends VBox {
    private static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");

    /** @param focusHome gives the keyboard focus back to the player when the seek slider takes it */
    TransportBar(PlayerViewModel vm, Video video, Runnable focusHome) {
        getStyleClass().add("transport");

        Button playPause = iconButton(Icons.PLAY, "Play or pause (Space)");
        playPause.setId("play-pause");
        playPause.setOnAction(e -> vm.togglePause());
        vm.stateProperty().addListener((o, was, now) -> playPause.setGraphic(switch (now) {
            case PLAYING, BUFFERING, OPENING, CONNECTING -> Icons.PAUSE.node(18);
            case ENDED -> Icons.REPLAY.node(18);
            default -> Icons.PLAY.node(18);
        }));
        playPause.getStyleClass().add("play-pause");

        Label time = new Label();
        time.setId("time");
        time.getStyleClass().add("time");
        time.textProperty().bind(Bindings.createStringBinding(
                () -> TimeFormat.position(vm.stateProperty().get(), vm.timeProperty().get(),
                        vm.durationProperty().get(), streaming(vm)),
                vm.timeProperty(), vm.durationProperty(), vm.stateProperty()));
        time.setMinWidth(Region.USE_PREF_SIZE);

        Label figures = new Label();
        figures.setId("figures");
        figures.getStyleClass().add("caption");
        figures.textProperty().bind(Bindings.createStringBinding(() -> video.videoWidthProperty().get() == 0 ? ""
                        : String.format(Locale.ROOT, "%d×%d · %.0f fps · %d dropped", video.videoWidthProperty().get(),
                        video.videoHeightProperty().get(), vm.figures().fpsProperty().get(),
                        vm.figures().droppedFramesProperty().get()),
                video.videoWidthProperty(), video.videoHeightProperty(), vm.figures().fpsProperty(),
                vm.figures().droppedFramesProperty()));
        figures.setMinWidth(Region.USE_PREF_SIZE);

        Button previous = iconButton(Icons.PLAY, "Previous item (P)");
        previous.setGraphic(Icons.PREVIOUS.node(18));
        previous.setId("previous");
        previous.setOnAction(e -> vm.playPrevious());
        Button next = iconButton(Icons.PLAY, "Next item (N)");
        next.setGraphic(Icons.NEXT.node(18));
        next.setId("next");
        next.setOnAction(e -> vm.playNext());
        javafx.beans.binding.BooleanBinding several = Bindings.size(vm.playlist().entries()).greaterThan(1);
        for (Button b : java.util.List.of(previous, next)) {
            b.visibleProperty().bind(several);
            b.managedProperty().bind(several);
        }

        // Groups that wrap onto a second line rather than cut a control (issue 12, defect 4): the
        // figures go first, then the buffer and the sound groups move down. A new control goes
        // into the group it belongs with (FitRow.group), or a group of its own.
        FitRow row = new FitRow(10, 6,
                FitRow.group(10, previous, playPause, next, time, new LiveBadge(vm), loopButton(vm), speedButton(vm)),
                FitRow.alignRight(FitRow.optional(FitRow.group(10, figures))),
                FitRow.alignRight(FitRow.group(10, separator(), new BufferGauge(vm), bufferTimeField(vm))),
                FitRow.alignRight(FitRow.group(10, separator(), muteButton(vm), volumeSlider(vm))));
        row.getStyleClass().add("transport-row");
        getChildren().addAll(new SeekBar(vm, focusHome), row);
    }

    /** Cycles loop off / one / all (R); its tooltip says the mode, its look whether one is on. */
    private static Button loopButton(PlayerViewModel vm) {
        Button loop = iconButton(Icons.PLAY, "");
        loop.setId("loop");
        loop.setOnAction(e -> vm.cycleLoopMode());
        Runnable show = () -> {
            LoopMode m = vm.playlists().loopModeProperty().get();
            loop.setGraphic((m == LoopMode.ONE ? Icons.REPEAT_ONE : Icons.REPEAT).node(18));
            loop.getTooltip().setText(m.text() + " (R)");
            loop.pseudoClassStateChanged(PseudoClass.getPseudoClass("on"), m != LoopMode.OFF);
        };
        vm.playlists().loopModeProperty().addListener((o, was, now) -> show.run());
        show.run();
        return loop;
    }

    /** "1×", "1.5×": the speed, and a menu of {@link SpeedControl#SPEEDS} ([ and ] step through them). */
    private static javafx.scene.control.MenuButton speedButton(PlayerViewModel vm) {
        javafx.scene.control.MenuButton speed = new javafx.scene.control.MenuButton();
        speed.setId("speed");
        speed.getStyleClass().add("speed-button");
        speed.setFocusTraversable(false);
        speed.setTooltip(new Tooltip("Speed, sound at its pitch ([ slower, ] faster, Backspace 1×)"));
        javafx.scene.control.ToggleGroup group = new javafx.scene.control.ToggleGroup();
        for (double r : SpeedControl.SPEEDS) {
            javafx.scene.control.RadioMenuItem item = new javafx.scene.control.RadioMenuItem(speedText(r));
            item.setId("speed-" + speedText(r).replace("×", "x"));
            item.setToggleGroup(group);
            item.setOnAction(e -> vm.speed().setPlaybackRate(r));
            speed.getItems().add(item);
        }
        Runnable show = () -> {
            double r = vm.speed().playbackRateProperty().get();
            speed.setText(speedText(r));
            speed.pseudoClassStateChanged(PseudoClass.getPseudoClass("changed"), Math.abs(r - 1) > 1e-9);
            for (javafx.scene.control.MenuItem i : speed.getItems()) {
                ((javafx.scene.control.RadioMenuItem) i).setSelected(i.getText().equals(speedText(r)));
            }
        };
        vm.speed().playbackRateProperty().addListener((o, was, now) -> show.run());
        show.run();
        speed.setMinWidth(Region.USE_PREF_SIZE);
        return speed;
    }

    /** 1 → "1×", 0.25 → "0.25×", 1.5 → "1.5×". */
    static String speedText(double rate) {
        String n = java.math.BigDecimal.valueOf(rate).stripTrailingZeros().toPlainString();
        return n + "×";
    }

    /**
     * "A 0:03.2 – B 0:07.9" while an A–B range is set or being set (shown over the picture's top
     * right corner, as an on-screen display: the bars have no room left at a 900 px window).
     */
    static Label abLabel(PlayerViewModel vm) {
        Label ab = new Label();
        ab.setId("ab-repeat");
        ab.getStyleClass().add("ab-repeat");
        ab.textProperty().bind(vm.playlists().abRepeat().textBinding());
        ab.visibleProperty().bind(ab.textProperty().isNotEmpty());
        ab.managedProperty().bind(ab.visibleProperty());
        ab.setMinWidth(Region.USE_PREF_SIZE);
        return ab;
    }

    private static HBox bufferTimeField(PlayerViewModel vm) {
        TextField field = secondsField("buffer-time", vm.urls().bufferTimeProperty(), vm.urls()::setBufferTime);
        field.setTooltip(new Tooltip("bufferTime: seconds to buffer before playing (0 to "
                + (int) PlayerViewModel.MAX_BUFFER_TIME + "); Enter applies"));
        Label name = new Label("bufferTime");
        name.getStyleClass().add("caption");
        Label unit = new Label("s");
        unit.getStyleClass().add("caption");
        HBox box = new HBox(6, name, field, bufferTimeMaxField(vm), unit);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    /** bufferTimeMax, next to bufferTime: live catch-up; 0 is the default live latency policy. */
    private static HBox bufferTimeMaxField(PlayerViewModel vm) {
        TextField field = secondsField("buffer-time-max", vm.urls().bufferTimeMaxProperty(), vm.urls()::setBufferTimeMax);
        field.setTooltip(new Tooltip("bufferTimeMax: live streams play 6 % faster while more than this many"
                + " seconds are buffered, until back at bufferTime (0 to " + (int) PlayerViewModel.MAX_BUFFER_TIME
                + "; 0 = the default policy: catch up over bufferTime + max(1 s, bufferTime)); Enter applies"));
        field.setPrefColumnCount(3);
        Label name = new Label("max");
        name.getStyleClass().add("caption");
        HBox box = new HBox(4, name, field);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    /** A field of seconds that applies on Enter or when it loses focus; what the setter refuses shows as invalid. */
    private static TextField secondsField(String id, javafx.beans.value.ObservableDoubleValue value,
                                          java.util.function.DoublePredicate setter) {
        TextField field = new TextField(format(value.get()));
        field.setId(id);
        field.getStyleClass().add("buffer-time");
        field.setPrefColumnCount(3);
        Runnable apply = () -> {
            boolean ok;
            try {
                ok = setter.test(Double.parseDouble(field.getText().strip().replace(',', '.')));
            } catch (NumberFormatException e) {
                ok = false;
            }
            field.pseudoClassStateChanged(INVALID, !ok);
            if (ok) {
                field.setText(format(value.get()));
            }
        };
        field.setOnAction(e -> apply.run());
        field.focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                apply.run();
            }
        });
        return field;
    }

    private static Button muteButton(PlayerViewModel vm) {
        Button mute = iconButton(Icons.VOLUME, "Mute (M); right-click: sound output");
        mute.setId("mute");
        mute.setOnAction(e -> vm.toggleMute());
        mute.setContextMenu(outputMenu(vm));
        vm.mutedProperty().addListener((o, was, now) -> mute.setGraphic((now ? Icons.MUTED : Icons.VOLUME).node(18)));
        return mute;
    }

    /** The sound outputs there are now (listed again each time it opens), the chosen one checked. */
    private static javafx.scene.control.ContextMenu outputMenu(PlayerViewModel vm) {
        javafx.scene.control.ContextMenu menu = new javafx.scene.control.ContextMenu();
        menu.setId("audio-outputs");
        menu.setOnShowing(e -> {
            javafx.scene.control.ToggleGroup group = new javafx.scene.control.ToggleGroup();
            menu.getItems().clear();
            for (org.netstreamfx.player.sink.AudioOutput o : org.netstreamfx.player.sink.AudioOutputs.list()) {
                javafx.scene.control.RadioMenuItem item = new javafx.scene.control.RadioMenuItem(o.name());
                item.setId("audio-output-" + o.id());
                item.setToggleGroup(group);
                item.setSelected(o.id().equals(vm.audioDeviceProperty().get()));
                item.setOnAction(a -> vm.setAudioDevice(o.id()));
                menu.getItems().add(item);
            }
        });
        return menu;
    }

    private static Slider volumeSlider(PlayerViewModel vm) {
        Slider volume = new Slider(0, 1, vm.volumeProperty().get());
        volume.setId("volume");
        volume.getStyleClass().add("volume");
        volume.setPrefWidth(90);
        volume.setFocusTraversable(false);
        volume.valueProperty().addListener((o, was, now) -> {
            if (Math.abs(now.doubleValue() - vm.volumeProperty().get()) > 1e-9) {
                vm.setVolume(now.doubleValue());
            }
        });
        vm.volumeProperty().addListener((o, was, now) -> volume.setValue(now.doubleValue()));
        return volume;
    }

    private static boolean streaming(PlayerViewModel vm) {
        return switch (vm.stateProperty().get()) {
            case PLAYING, BUFFERING, PAUSED -> true;
            default -> false;
        };
    }

    static Button iconButton(Icons icon, String tip) {
        Button b = new Button();
        b.setGraphic(icon.node(18));
        b.getStyleClass().add("icon-button");
        b.setTooltip(new Tooltip(tip));
        b.setFocusTraversable(false);
        return b;
    }

    private static Region separator() {
        Region r = new Region();
        r.getStyleClass().add("bar-separator");
        return r;
    }

    private static String format(double seconds) {
        return String.format(Locale.ROOT, "%.1f", seconds);
    }
}
