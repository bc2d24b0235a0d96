package org.netstreamfx.capture.device;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.netstreamfx.capture.device.DeviceException.Reason;

/**
 * What a screen camera's id asks for, parsed and checked against named limits:
 *
 * <pre>
 *   screen:[DISPLAY][,region=WxH+X+Y][,cursor=on|off][,window=WINDOW]
 *
 *   screen:                          the default screen, whole, with the pointer
 *   screen::99,region=640x360+80+60  X display :99, the 640x360 rectangle whose top-left is (80, 60)
 *   screen::0,window=0x2e00007       one X window (the id xwininfo or xdotool prints), cursor drawn
 *   screen:desktop,cursor=off        Windows: the whole desktop without the pointer
 *   screen:,window=Untitled - Notepad  Windows: one window by its title (the rest of the id, commas too)
 *   screen:1                         macOS: "Capture screen 1"
 * </pre>
 *
 * DISPLAY is an X display for x11grab ({@code :0}, {@code :99.0}, {@code host:1.0}; empty: the
 * {@code DISPLAY} the process has), {@code desktop} or empty for gdigrab, a screen index for
 * avfoundation (empty: 0). {@code region} uses X11's geometry syntax, in screen pixels.
 * {@code window} is an X window id (decimal or {@code 0x} hex) for x11grab, or a window title for
 * gdigrab, which comes last and takes the rest of the id (commas too). avfoundation captures whole
 * screens only.
 *
 * @param id      the id as given
 * @param input   FFmpeg's input: "x11grab", "gdigrab" or "avfoundation"
 * @param display as written ("" for the default)
 * @param region  the rectangle, or null for the whole screen or window
 * @param window  the window id or title, or null
 * @param cursor  whether the pointer is drawn into the pictures
 */
public record ScreenSpec(String id, String input, String display, Region region, String window, boolean cursor) {
    /** What every screen camera's id starts with. */
    public static final String PREFIX = "screen:";
    /** Largest region offset: X11 and GDI coordinates are 16-bit signed. */
    public static final int MAX_COORDINATE = Short.MAX_VALUE;
    /** Largest X window id (X11 resource ids are 32-bit; 0 is "none"). */
    public static final long MAX_WINDOW_ID = 0xFFFF_FFFFL;
    /** Longest window title gdigrab is asked for (Windows titles are shorter in practice). */
    public static final int MAX_TITLE_CHARS = 512;
    /** Highest avfoundation screen index. */
    public static final int MAX_SCREEN_INDEX = 63;

    /** The id's syntax, as error messages and {@code nsfx devices} show it. */
    public static final String SYNTAX = "screen:[DISPLAY][,region=WxH+X+Y][,cursor=on|off][,window=WINDOW]";
    private static final Pattern X_DISPLAY = Pattern.compile("[A-Za-z0-9._-]*:\\d{1,5}(\\.\\d{1,3})?");
    private static final Pattern GEOMETRY = Pattern.compile("(\\d{1,9})x(\\d{1,9})\\+(\\d{1,9})\\+(\\d{1,9})");

    /**
     * A rectangle of the screen, in pixels.
     *
     * @param width  1..{@link VideoFormat#MAX_DIMENSION}
     * @param height 1..{@link VideoFormat#MAX_DIMENSION}
     * @param x      left edge, 0..{@link #MAX_COORDINATE}
     * @param y      top edge, 0..{@link #MAX_COORDINATE}
     */
    public record Region(int width, int height, int x, int y) {
        @Override
        public String toString() {
            return width + "x" + height + "+" + x + "+" + y;
        }
    }

    /** True for an id that names a screen. */
    public static boolean isScreen(String id) {
        return id.startsWith(PREFIX);
    }

    /**
     * Parses {@code id} for {@code input}.
     *
     * @throws DeviceException {@link Reason#INVALID_ID} naming what is wrong, the limit and the value
     */
    public static ScreenSpec parse(String id, String input) throws DeviceException {
        if (!isScreen(id)) {
            throw invalid(id, "it does not start with \"" + PREFIX + "\"");
        }
        String rest = id.substring(PREFIX.length());
        int windowAt = input.equals("gdigrab") ? rest.indexOf(",window=") : -1;
        String window = null;
        if (windowAt >= 0) { // a window title: the rest of the id, commas and all
            window = rest.substring(windowAt + ",window=".length());
            rest = rest.substring(0, windowAt);
        }
        String[] parts = rest.split(",", -1);
        String display = parts[0];
        Region region = null;
        boolean cursor = true;
        for (int i = 1; i < parts.length; i++) {
            String part = parts[i];
            int eq = part.indexOf('=');
            String key = eq < 0 ? part : part.substring(0, eq);
            String value = eq < 0 ? "" : part.substring(eq + 1);
            switch (key) {
                case "region" -> region = region(id, value);
                case "cursor" -> cursor = cursor(id, value);
                case "window" -> window = value;
                default -> throw invalid(id, "\"" + part + "\" is no option (region=, cursor=, window=)");
            }
        }
        checkDisplay(id, input, display);
        if (window != null) {
            checkWindow(id, input, window);
            if (region != null) {
                throw invalid(id, "give a region or a window, not both");
            }
        }
        if (region != null && input.equals("avfoundation")) {
            throw invalid(id, "avfoundation captures whole screens only (no region)");
        }
        return new ScreenSpec(id, input, display, region, window, cursor);
    }

    /** What FFmpeg opens: the X display, "desktop" or "title=…", "Capture screen N". */
    String ffmpegInput(String defaultXDisplay) {
        return switch (input) {
            case "x11grab" -> display.isEmpty() ? defaultXDisplay : display;
            case "gdigrab" -> window != null ? "title=" + window : "desktop";
            default -> "Capture screen " + (display.isEmpty() ? "0" : display);
        };
    }

    /** The input's options: the rate it paces itself to, the region or window, the pointer. */
    Map<String, String> ffmpegOptions(double fps) {
        Map<String, String> o = new LinkedHashMap<>();
        o.put("framerate", String.format(Locale.ROOT, "%.3f", fps));
        o.put(input.equals("avfoundation") ? "capture_cursor" : "draw_mouse", cursor ? "1" : "0");
        if (region != null) {
            o.put("video_size", region.width() + "x" + region.height());
            o.put(input.equals("gdigrab") ? "offset_x" : "grab_x", String.valueOf(region.x()));
            o.put(input.equals("gdigrab") ? "offset_y" : "grab_y", String.valueOf(region.y()));
        }
        if (window != null && input.equals("x11grab")) {
            o.put("window_id", String.valueOf(windowId(window)));
        }
        return o;
    }

    private static Region region(String id, String value) throws DeviceException {
        Matcher m = GEOMETRY.matcher(value);
        if (!m.matches()) {
            throw invalid(id, "region \"" + value + "\" is not WxH+X+Y (e.g. 640x360+0+0)");
        }
        long w = Long.parseLong(m.group(1));
        long h = Long.parseLong(m.group(2));
        long x = Long.parseLong(m.group(3));
        long y = Long.parseLong(m.group(4));
        if (w < 1 || h < 1 || w > VideoFormat.MAX_DIMENSION || h > VideoFormat.MAX_DIMENSION) {
            throw invalid(id, "region size " + w + "x" + h + " is outside 1x1.." + VideoFormat.MAX_DIMENSION + "x"
                    + VideoFormat.MAX_DIMENSION + " (VideoFormat.MAX_DIMENSION)");
        }
        if (x > MAX_COORDINATE || y > MAX_COORDINATE || x + w - 1 > MAX_COORDINATE || y + h - 1 > MAX_COORDINATE) {
            throw invalid(id, "region " + value + " reaches past " + MAX_COORDINATE
                    + ", the largest screen coordinate (MAX_COORDINATE)");
        }
        return new Region((int) w, (int) h, (int) x, (int) y);
    }

    private static boolean cursor(String id, String value) throws DeviceException {
        return switch (value) {
            case "on", "1", "true" -> true;
            case "off", "0", "false" -> false;
            default -> throw invalid(id, "cursor is on or off, not \"" + value + "\"");
        };
    }

    private static void checkDisplay(String id, String input, String display) throws DeviceException {
        switch (input) {
            case "x11grab" -> {
                if (!display.isEmpty() && !X_DISPLAY.matcher(display).matches()) {
                    throw invalid(id, "\"" + display + "\" is no X display (e.g. :0, :99.0, host:1.0)");
                }
            }
            case "gdigrab" -> {
                if (!display.isEmpty() && !display.equals("desktop")) {
                    throw invalid(id, "on Windows the screen is \"desktop\" (or nothing), not \"" + display + "\"");
                }
            }
            case "avfoundation" -> {
                if (!display.isEmpty() && (!display.matches("\\d{1,2}") || Integer.parseInt(display) > MAX_SCREEN_INDEX)) {
                    throw invalid(id, "screen index \"" + display + "\" is not 0.." + MAX_SCREEN_INDEX
                            + " (MAX_SCREEN_INDEX)");
                }
            }
            default -> throw invalid(id, "this system has no screen capture input (" + input + ")");
        }
    }

    private static void checkWindow(String id, String input, String window) throws DeviceException {
        switch (input) {
            case "x11grab" -> windowIdChecked(id, window);
            case "gdigrab" -> {
                if (window.isEmpty() || window.length() > MAX_TITLE_CHARS) {
                    throw invalid(id, "a window title is 1.." + MAX_TITLE_CHARS + " characters (MAX_TITLE_CHARS), not "
                            + window.length());
                }
            }
            default -> throw invalid(id, "avfoundation captures whole screens only (no window)");
        }
    }

    private static long windowIdChecked(String id, String window) throws DeviceException {
        long value;
        try {
            value = windowId(window);
        } catch (NumberFormatException e) {
            throw invalid(id, "window \"" + window + "\" is no X window id (decimal, or 0x hex as xwininfo prints)");
        }
        if (value < 1 || value > MAX_WINDOW_ID) {
            throw invalid(id, "window id " + window + " is outside 1..0xFFFFFFFF (MAX_WINDOW_ID)");
        }
        return value;
    }

    private static long windowId(String window) {
        String w = window.toLowerCase(Locale.ROOT);
        if (w.length() > 18) {
            throw new NumberFormatException("too long");
        }
        return w.startsWith("0x") ? Long.parseUnsignedLong(w.substring(2), 16) : Long.parseLong(w);
    }

    private static DeviceException invalid(String id, String why) {
        return new DeviceException(id, Reason.INVALID_ID, "The screen \"" + id + "\" cannot be captured: " + why
                + ". Write it as " + SYNTAX + ".");
    }
}
