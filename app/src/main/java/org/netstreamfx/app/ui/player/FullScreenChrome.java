package org.netstreamfx.app.ui.player;

import javafx.animation.PauseTransition;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.util.Duration;

/**
 * Whether the window's controls (navigation rail, tool bar, transport) are hidden: in full
 * screen they go when the mouse has been still for {@link #DEFAULT_IDLE} and come back when it
 * moves, as in VLC and the browsers. Out of full screen they are always shown.
 *
 * <p>While the mouse rests on the controls themselves ({@link #holdWhile}) they stay.
 *
 * <p>The idle timer is a {@link PauseTransition}; tests set a long {@link #setIdleDelay delay}
 * and call {@link #idleElapsed()} themselves.
 */
public final class FullScreenChrome {
    /** How long the mouse stays still before the controls hide. */
    public static final Duration DEFAULT_IDLE = Duration.millis(2500);

    private final BooleanProperty fullScreen = new SimpleBooleanProperty(this, "fullScreen");
    private final ReadOnlyBooleanWrapper hidden = new ReadOnlyBooleanWrapper(this, "hidden");
    private final PauseTransition idle = new PauseTransition(DEFAULT_IDLE);
    private javafx.beans.value.ObservableBooleanValue hold = new SimpleBooleanProperty(false);

    public FullScreenChrome() {
        idle.setOnFinished(e -> idleElapsed());
        fullScreen.addListener((o, was, now) -> {
            if (now) {
                mouseMoved();
            } else {
                idle.stop();
                hidden.set(false);
            }
        });
    }

    /** Whether the window is in full screen (the view binds it to its stage). */
    public BooleanProperty fullScreenProperty() {
        return fullScreen;
    }

    /** True while the controls are hidden. */
    public ReadOnlyBooleanProperty hiddenProperty() {
        return hidden.getReadOnlyProperty();
    }

    /** The mouse moved: show the controls, and hide them again after the idle delay. */
    public void mouseMoved() {
        hidden.set(false);
        if (fullScreen.get()) {
            idle.playFromStart();
        }
    }

    /** The mouse has been still for the idle delay: hide the controls if in full screen. */
    public void idleElapsed() {
        idle.stop();
        if (fullScreen.get() && !hold.get()) {
            hidden.set(true);
        }
    }

    /** Keeps the controls shown while {@code h} is true (the mouse is over them). */
    public void holdWhile(javafx.beans.value.ObservableBooleanValue h) {
        hold = h;
    }

    public void setIdleDelay(Duration d) {
        idle.setDuration(d);
    }
}
