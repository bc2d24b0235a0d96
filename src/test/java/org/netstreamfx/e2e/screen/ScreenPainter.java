package org.netstreamfx.e2e.screen;

import java.awt.Color;
import java.awt.Frame;
import java.awt.Graphics;
import java.awt.Toolkit;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;

/**
 * A child JVM that covers an X display with black and paints a white {@value #SQUARE_PX}-pixel
 * square at y = {@value #TOP_PX}, sliding right at {@value #SPEED_PX_PER_S} px/s and wrapping at the
 * right edge: a known moving pattern for the screen camera's tests (run with {@code DISPLAY=:N}).
 * Prints {@value #READY} once the first picture is on the screen; ends with its display. With
 * arguments {@code X Y W H} its window covers only that rectangle (square positions are then
 * relative to the window).
 */
public final class ScreenPainter {
    static final int SQUARE_PX = 80;
    static final int TOP_PX = 200;
    static final int SPEED_PX_PER_S = 200;
    static final String READY = "painted";
    /** The window's title, for finding its X id. */
    static final String TITLE = "nsfx screen pattern";
    /** How often the square is redrawn. */
    static final int REPAINT_MS = 20;

    private ScreenPainter() {
    }

    /** Left edge of the square {@code elapsedNs} after the start, on a screen {@code screenWidth} wide. */
    static int leftPx(long elapsedNs, int screenWidth) {
        long travelled = elapsedNs * SPEED_PX_PER_S / 1_000_000_000L;
        return (int) (travelled % (screenWidth - SQUARE_PX));
    }

    public static void main(String[] args) throws Exception {
        int x = args.length == 4 ? Integer.parseInt(args[0]) : 0;
        int y = args.length == 4 ? Integer.parseInt(args[1]) : 0;
        int width = args.length == 4 ? Integer.parseInt(args[2]) : Toolkit.getDefaultToolkit().getScreenSize().width;
        int height = args.length == 4 ? Integer.parseInt(args[3]) : Toolkit.getDefaultToolkit().getScreenSize().height;
        long start = System.nanoTime();
        boolean[] told = {false};
        Frame frame = new Frame(TITLE) {
            @Override
            public void update(Graphics g) {
                paint(g); // no clearing pass: no flicker between frames
            }

            @Override
            public void paint(Graphics g) {
                g.setColor(Color.BLACK);
                g.fillRect(0, 0, getWidth(), getHeight());
                g.setColor(Color.WHITE);
                g.fillRect(leftPx(System.nanoTime() - start, getWidth()), TOP_PX, SQUARE_PX, SQUARE_PX);
                Toolkit.getDefaultToolkit().sync();
                if (!told[0]) {
                    told[0] = true;
                    System.out.println(READY);
                    System.out.flush();
                }
            }
        };
        frame.setUndecorated(true);
        frame.setBackground(Color.BLACK);
        frame.setBounds(x, y, width, height);
        frame.addWindowListener(new WindowAdapter() {
            @Override
            public void windowClosing(WindowEvent e) {
                System.exit(0);
            }
        });
        frame.setVisible(true);
        new javax.swing.Timer(REPAINT_MS, e -> frame.repaint()).start();
    }
}
