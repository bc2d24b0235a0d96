package org.netstreamfx.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import org.junit.jupiter.api.Test;

/** How keys are written in the menus, the sheet and the README, and what a shown-only key matches. */
class AppActionTextTest {
    @Test
    void keysAreWrittenAsPeopleWriteThem() {
        assertEquals("Ctrl+O", AppAction.text(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN), false));
        assertEquals("Cmd+O", AppAction.text(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN), true));
        assertEquals("Ctrl+3", AppAction.text(new KeyCodeCombination(KeyCode.DIGIT3, KeyCombination.SHORTCUT_DOWN),
                false));
        assertEquals("←", AppAction.text(new KeyCodeCombination(KeyCode.LEFT), false));
        assertEquals("↓", AppAction.text(new KeyCodeCombination(KeyCode.DOWN), false));
        assertEquals("Space", AppAction.text(new KeyCodeCombination(KeyCode.SPACE), false));
        assertEquals("Esc", AppAction.text(new KeyCodeCombination(KeyCode.ESCAPE), false));
        assertEquals("F1", AppAction.text(new KeyCodeCombination(KeyCode.F1), false));
        assertEquals("[", AppAction.text(new KeyCodeCombination(KeyCode.OPEN_BRACKET), false));
        assertEquals(".", AppAction.text(new KeyCodeCombination(KeyCode.PERIOD), false));
        assertEquals("Shift+/", AppAction.text(new KeyCodeCombination(KeyCode.SLASH, KeyCombination.SHIFT_DOWN), false));
        assertEquals("Ctrl+Shift+R", AppAction.text(new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_DOWN), false));
    }

    @Test
    void aKeyAViewReadsIsShownInTheMenuButMatchesNothing() {
        AppAction a = AppAction.item("mute", AppAction.Menu.PLAYBACK, "Mute", () -> { })
                .viewKey(new KeyCodeCombination(KeyCode.M));
        KeyCombination shown = a.menuAccelerator();
        KeyEvent m = new KeyEvent(KeyEvent.KEY_PRESSED, "m", "m", KeyCode.M, false, false, false, false);
        assertFalse(shown.match(m));
        assertEquals(AppAction.text(a.keyCombination(), AppAction.mac()), shown.getDisplayText());
        assertNotEquals(shown, a.menuAccelerator(), "two shown-only keys never replace each other in a scene");
        AppAction menuKey = AppAction.item("open", AppAction.Menu.FILE, "Open", () -> { })
                .key(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN));
        assertEquals(menuKey.keyCombination(), menuKey.menuAccelerator());
        assertNull(AppAction.gesture("g", AppAction.Menu.VIEW, "Full screen", "Double-click").menuAccelerator());
    }

    @Test
    void ffmpegLibraryVersionsAreMajorMinorMicro() {
        assertEquals("60.26.102", VersionInfo.version((60 << 16) | (26 << 8) | 102));
        assertEquals("62.0.0", VersionInfo.version(62 << 16));
    }
}
