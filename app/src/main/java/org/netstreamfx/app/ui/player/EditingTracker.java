package org.netstreamfx.app.ui.player;

import javafx.beans.value.ChangeListener;
import javafx.event.EventHandler;
import javafx.event.EventTarget;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;

/**
 * Which text field, if any, the user is editing on purpose, so that the player's single-key
 * shortcuts (Space, F, M, arrows) are typed into it rather than acted on.
 *
 * <p>The rule: a text field is being edited when it has focus <em>and</em> the user put it there,
 * by pressing the mouse in it or by moving to it with Tab / Shift+Tab. A field that gets focus
 * any other way, such as JavaFX moving focus off the seek slider when it is disabled during an
 * open, or code calling {@code requestFocus}, is not being edited until the user clicks in it.
 */
final class EditingTracker {
    private TextInputControl editing;
    private TextInputControl pressed;
    private boolean tabbed;
    private Scene scene;

    private final EventHandler<MouseEvent> onPress = e -> {
        pressed = fieldOf(e.getTarget());
        if (pressed != null && pressed.isFocused()) {
            editing = pressed;
        }
    };
    private final EventHandler<MouseEvent> onRelease = e -> pressed = null;
    private final EventHandler<KeyEvent> onKey = e -> tabbed = e.getCode() == KeyCode.TAB;
    private final ChangeListener<Node> onFocus = (o, was, now) -> {
        editing = now instanceof TextInputControl t && (t == pressed || tabbed) ? t : null;
        tabbed = false;
    };

    /** Follows {@code s} (and stops following the scene before, if any). */
    void attach(Scene s) {
        if (scene != null) {
            scene.removeEventFilter(MouseEvent.MOUSE_PRESSED, onPress);
            scene.removeEventFilter(MouseEvent.MOUSE_RELEASED, onRelease);
            scene.removeEventFilter(KeyEvent.KEY_PRESSED, onKey);
            scene.focusOwnerProperty().removeListener(onFocus);
        }
        scene = s;
        editing = null;
        if (s != null) {
            s.addEventFilter(MouseEvent.MOUSE_PRESSED, onPress);
            s.addEventFilter(MouseEvent.MOUSE_RELEASED, onRelease);
            s.addEventFilter(KeyEvent.KEY_PRESSED, onKey);
            s.focusOwnerProperty().addListener(onFocus);
        }
    }

    /** Whether the user is editing a text field on purpose now. */
    boolean editing() {
        return editing != null && editing.isFocused() && editing.isEditable() && scene != null
                && scene.getFocusOwner() == editing;
    }

    private static TextInputControl fieldOf(EventTarget target) {
        for (Node n = target instanceof Node node ? node : null; n != null; n = n.getParent()) {
            if (n instanceof TextInputControl t) {
                return t;
            }
        }
        return null;
    }
}
