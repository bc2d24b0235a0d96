package org.netstreamfx.app.ui.player;

/** Media times for people: "m:ss", or "h:mm:ss" from an hour on. */
public final class TimeFormat {
    private TimeFormat() {
    }

    /** {@code seconds} as m:ss (h:mm:ss from an hour); "--:--" for a negative or unknown time. */
    public static String of(double seconds) {
        if (!(seconds >= 0) || Double.isInfinite(seconds)) {
            return "--:--";
        }
        long s = (long) Math.floor(seconds);
        long h = s / 3600;
        long m = (s / 60) % 60;
        long sec = s % 60;
        return h > 0 ? String.format("%d:%02d:%02d", h, m, sec) : String.format("%d:%02d", m, sec);
    }

    /**
     * "time / duration"; a stream without a duration reads "live" while it plays, "--:--" when
     * nothing plays.
     */
    static String position(double time, double duration, boolean streaming) {
        return of(time) + " / " + (duration >= 0 ? of(duration) : streaming ? "live" : "--:--");
    }

    /**
     * {@link #position(double, double, boolean)}, except that a file that has ENDED reads its
     * duration ("0:20 / 0:20"): the last frame's time falls short of the duration ("0:19").
     */
    static String position(PlayerState state, double time, double duration, boolean streaming) {
        return position(state == PlayerState.ENDED && duration >= 0 ? duration : time, duration, streaming);
    }
}
