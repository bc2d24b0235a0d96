package org.netstreamfx.app.ui.player;

import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;

/**
 * An A–B repeat range, in seconds of the media: the first press sets A, the second B, the third
 * clears both (NaN when unset). While both are set the player jumps back to A whenever the
 * playhead crosses B. FX thread.
 */
public final class ABRepeat {
    /** B must be this far from A; a press closer than this to A is ignored. */
    public static final double MIN_SPAN_S = 0.2;

    private final ReadOnlyDoubleWrapper a = new ReadOnlyDoubleWrapper(this, "a", Double.NaN);
    private final ReadOnlyDoubleWrapper b = new ReadOnlyDoubleWrapper(this, "b", Double.NaN);
    private final StringBinding text = Bindings.createStringBinding(() -> text(a.get(), b.get()), a, b);

    /** A in seconds, NaN when unset. */
    public ReadOnlyDoubleProperty aProperty() {
        return a.getReadOnlyProperty();
    }

    /** B in seconds, NaN when unset. */
    public ReadOnlyDoubleProperty bProperty() {
        return b.getReadOnlyProperty();
    }

    /** "A 0:03.2 – B 0:07.9", "A 0:03.2 – B ?" while B is unset, "" when cleared. */
    public StringBinding textBinding() {
        return text;
    }

    /** Both ends are set: the range repeats. */
    public boolean complete() {
        return !Double.isNaN(a.get()) && !Double.isNaN(b.get());
    }

    public double a() {
        return a.get();
    }

    public double b() {
        return b.get();
    }

    /**
     * One press at {@code seconds}: sets A, then B (a time before A swaps them), then clears.
     * Returns false when the press was ignored (B too close to A).
     */
    boolean press(double seconds) {
        if (Double.isNaN(a.get())) {
            a.set(seconds);
            return true;
        }
        if (Double.isNaN(b.get())) {
            if (Math.abs(seconds - a.get()) < MIN_SPAN_S) {
                return false;
            }
            double lo = Math.min(a.get(), seconds);
            double hi = Math.max(a.get(), seconds);
            a.set(lo);
            b.set(hi);
            return true;
        }
        clear();
        return true;
    }

    void clear() {
        a.set(Double.NaN);
        b.set(Double.NaN);
    }

    /** Whether going from {@code before} to {@code now} crossed B (both set). */
    boolean crossedB(double before, double now) {
        return complete() && before < b.get() && now >= b.get();
    }

    static String text(double a, double b) {
        if (Double.isNaN(a)) {
            return "";
        }
        return "A " + clock(a) + " – B " + (Double.isNaN(b) ? "?" : clock(b));
    }

    /** m:ss.t, e.g. 0:03.2. */
    static String clock(double seconds) {
        long tenths = Math.round(Math.max(0, seconds) * 10);
        return String.format(Locale.ROOT, "%d:%02d.%d", tenths / 600, tenths / 10 % 60, tenths % 10);
    }
}
