package org.netstreamfx.app.ui.player;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javax.imageio.ImageIO;
import org.netstreamfx.app.ui.Daemons;

/**
 * Saves the picture on screen as a PNG at the video's own size (not the window's), as
 * "nsfx-&lt;title&gt;-&lt;yyyyMMdd-HHmmss&gt;-&lt;position&gt;.png" in a folder: by default the user's
 * Pictures folder's NetStreamFX folder, or the home folder without a Pictures folder.
 *
 * <p>The pixels are copied on the FX thread (the image is the one the Video node shows); the PNG
 * is encoded and written on a thread of its own ("nsfx-ui-snapshot"), first to a ".part" file
 * that is then renamed, so a half-written snapshot never has the final name.
 */
public final class SnapshotWriter {
    /** The longest title part of a snapshot's file name, in characters. */
    public static final int MAX_TITLE_CHARS = 60;
    /** The largest picture saved, in pixels (a 8K frame is 33 M). */
    public static final long MAX_PIXELS = 64L * 1024 * 1024;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);

    private final ExecutorService writer = Daemons.single("nsfx-ui-snapshot");
    private volatile Path folder;

    /** @param folder where snapshots go (created when missing) */
    public SnapshotWriter(Path folder) {
        this.folder = folder;
    }

    /** ~/Pictures/NetStreamFX when there is a ~/Pictures folder, else the home folder. */
    public static Path defaultFolder() {
        Path home = Path.of(System.getProperty("user.home", "."));
        Path pictures = home.resolve("Pictures");
        return Files.isDirectory(pictures) ? pictures.resolve("NetStreamFX") : home;
    }

    public Path folder() {
        return folder;
    }

    public void setFolder(Path folder) {
        this.folder = folder;
    }

    /**
     * Copies {@code image}'s pixels (FX thread) and writes them as a PNG off the FX thread.
     *
     * @param title    the item's short name (MediaAddress.displayName(): no query, no password)
     * @param position the playhead in seconds
     * @return the file written, or the failure (an IOException saying what went wrong)
     */
    public CompletableFuture<Path> save(Image image, String title, double position) {
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        if (w <= 0 || h <= 0 || (long) w * h > MAX_PIXELS || image.getPixelReader() == null) {
            return CompletableFuture.failedFuture(new IOException(
                    "The picture (" + w + "×" + h + ") cannot be saved: at most " + MAX_PIXELS + " pixels."));
        }
        int[] argb = new int[w * h];
        image.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        Path target = folder.resolve(fileName(title, LocalDateTime.now(), position));
        return CompletableFuture.supplyAsync(() -> {
            try {
                return write(argb, w, h, target);
            } catch (IOException e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        }, writer);
    }

    /** Stops the writer thread once what was asked is written. */
    public void dispose() {
        writer.shutdown();
    }

    // Called on the snapshot thread.

    private static Path write(int[] argb, int w, int h, Path target) throws IOException {
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        out.setRGB(0, 0, w, h, argb, 0, w);
        Files.createDirectories(target.getParent());
        Path part = target.resolveSibling(target.getFileName() + ".part");
        try {
            if (!ImageIO.write(out, "png", part.toFile())) {
                throw new IOException("No PNG writer in this JDK's ImageIO");
            }
            return Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(part);
        }
    }

    /**
     * "nsfx-&lt;title&gt;-&lt;yyyyMMdd-HHmmss&gt;-&lt;position&gt;.png": the title without its file
     * extension, anything after a '?' (a query may hold a key) or characters other than letters,
     * digits, '.', '_' and '-', at most {@link #MAX_TITLE_CHARS}; the position as "1m03.240s".
     */
    static String fileName(String title, LocalDateTime when, double positionS) {
        return "nsfx-" + safeTitle(title) + "-" + STAMP.format(when) + "-" + position(positionS) + ".png";
    }

    static String safeTitle(String title) {
        String t = title == null ? "" : title;
        int q = t.indexOf('?');
        if (q >= 0) {
            t = t.substring(0, q);
        }
        for (String ext : MediaAddress.FILE_EXTENSIONS) {
            if (t.toLowerCase(Locale.ROOT).endsWith("." + ext)) {
                t = t.substring(0, t.length() - ext.length() - 1);
                break;
            }
        }
        t = t.replaceAll("[^\\p{L}\\p{N}._-]+", "-").replaceAll("^[-.]+|[-.]+$", "");
        if (t.length() > MAX_TITLE_CHARS) {
            t = t.substring(0, MAX_TITLE_CHARS).replaceAll("[-.]+$", "");
        }
        return t.isEmpty() ? "video" : t;
    }

    static String position(double seconds) {
        long ms = Math.round(Math.max(0, Double.isNaN(seconds) ? 0 : seconds) * 1000);
        return String.format(Locale.ROOT, "%dm%02d.%03ds", ms / 60_000, ms / 1000 % 60, ms % 1000);
    }
}
