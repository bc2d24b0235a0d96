package org.netstreamfx.app.ui.player;

import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * The keys of a {@link PlayerView} (listed in its class comment), read by a scene-level filter so
 * they work whatever control has focus, except while the user edits a text field on purpose
 * (see {@link EditingTracker}). Runs on the FX thread.
 */
final class PlayerKeys {
    private final PlayerView view;
    private final PlayerViewModel vm;
    private final EditingTracker editing;
    /** The key just acted on as a shortcut: its KEY_TYPED must not reach a focused text field. */
    private boolean swallowTyped;

    PlayerKeys(PlayerView view, PlayerViewModel vm, EditingTracker editing) {
        this.view = view;
        this.vm = vm;
        this.editing = editing;
    }

    void onKey(KeyEvent e) {
        if (!view.isVisible() || view.getScene() == null) {
            return;
        }
        swallowTyped = false;
        boolean typing = editing.editing();
        KeyCode k = e.getCode();
        if (e.isShortcutDown()) {
            if (k == KeyCode.O) {
                view.openFile();
                e.consume();
            } else if (k == KeyCode.L) {
                view.openUrl();
                e.consume();
            } else if (k == KeyCode.W) {
                vm.close();
                e.consume();
            } else if (k == KeyCode.I) {
                view.showMediaInfo();
            } else if (k == KeyCode.R) {
                view.toggleRecording();
            } else if (k == KeyCode.P && !e.isShiftDown()) {
                view.togglePlaylist();
                e.consume();
            }
            return;
        }
        if (k == KeyCode.ESCAPE && view.chrome().fullScreenProperty().get()) {
            view.setFullScreen(false);
            e.consume();
            return;
        }
        if (typing || e.isAltDown()) {
            return;
        }
        switch (k) {
            case SPACE -> vm.togglePause();
            case LEFT -> vm.seekBy(-PlayerViewModel.SEEK_STEP);
            case RIGHT -> vm.seekBy(PlayerViewModel.SEEK_STEP);
            case F -> view.toggleFullScreen();
            case M -> vm.toggleMute();
            case I -> view.toggleStatsOverlay();
            case L -> {
                if (!vm.liveProperty().get()) {
                    return;
                }
                vm.goToLive();
            }
            case UP -> vm.volumeUp();
            case DOWN -> vm.volumeDown();
            case N -> view.playNext();
            case P -> view.playPrevious();
            case R -> view.cycleLoopMode();
            case B -> view.cycleABRepeat();
            case S -> view.takeSnapshot();
            case OPEN_BRACKET -> vm.slower();
            case CLOSE_BRACKET -> vm.faster();
            case BACK_SPACE -> vm.normalSpeed();
            case PERIOD -> vm.stepFrames(1);
            case COMMA -> vm.stepFrames(-1);
            default -> {
                return;
            }
        }
        swallowTyped = true;
        e.consume();
    }

    void onKeyTyped(KeyEvent e) {
        if (swallowTyped) {
            swallowTyped = false;
            e.consume();
        }
    }
}
