package org.netstreamfx.app.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.animation.PauseTransition;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.util.Duration;

/**
 * Holds work that can wait until the window's start is over, so that it does not compete with the
 * first show and the first picture for this machine's cores (issue 16, cold start): the
 * Publisher's device listing and camera watch. {@link DesktopApp} ends the start at the first
 * picture, when another view is chosen, when there is nothing to play, or at the latest
 * {@link #AT_LATEST} after the window is shown. Tasks then run at once, in the order they came.
 * FX thread only.
 */
final class AfterStart implements Executor {
    /** The longest the held work waits after the window is shown (a demo that never shows a picture). */
    static final Duration AT_LATEST = Duration.seconds(3);

    private final List<Runnable> held = new ArrayList<>();
    private final List<Runnable> unhook = new ArrayList<>();
    private final PauseTransition latest = new PauseTransition(AT_LATEST);
    private boolean over;

    AfterStart() {
        latest.setOnFinished(e -> end());
    }

    /** Runs {@code task} now when the start is over, else holds it until it is. */
    @Override
    public void execute(Runnable task) {
        if (over) {
            task.run();
        } else {
            held.add(task);
        }
    }

    /** Ends the start at the first change of {@code value} (the first picture, another view chosen). */
    void endOnChange(ObservableValue<?> value) {
        if (over) {
            return;
        }
        ChangeListener<Object> ends = (o, was, now) -> end();
        value.addListener(ends);
        unhook.add(() -> value.removeListener(ends));
    }

    /** The window is shown: the start ends {@link #AT_LATEST} from now, if nothing ends it before. */
    void windowShown() {
        if (!over) {
            latest.playFromStart();
        }
    }

    /** The start is over: runs the held tasks (once; later calls do nothing). */
    void end() {
        if (over) {
            return;
        }
        over = true;
        latest.stop();
        // Not from inside a listener's own call: the property is still notifying it.
        List<Runnable> hooks = new ArrayList<>(unhook);
        unhook.clear();
        javafx.application.Platform.runLater(() -> hooks.forEach(Runnable::run));
        List<Runnable> tasks = new ArrayList<>(held);
        held.clear();
        tasks.forEach(Runnable::run);
    }

    /** Whether the start is over. */
    boolean over() {
        return over;
    }
}
