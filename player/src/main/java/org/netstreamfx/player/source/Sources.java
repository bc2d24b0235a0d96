package org.netstreamfx.player.source;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;
import org.netstreamfx.player.util.Redact;

/** Chooses the source for what was given to play(): a path, a file: URI, or an http(s) URL. */
public final class Sources {
    /**
     * An address with a scheme other than http(s) or file ({@code rtmp://}, {@code ftp://} …):
     * not a path, so it is refused here rather than named, secrets and all, as a missing file
     * ({@code Path.of} would keep its password and query, and fold "//" so that {@link Redact}
     * no longer sees a URL). Two letters at least, so a Windows drive ({@code C:}) is a path.
     */
    private static final Pattern OTHER_URL = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]+://");

    private Sources() {
    }

    /** True for http:// and https:// addresses. */
    public static boolean isHttp(String address) {
        String s = address.toLowerCase(Locale.ROOT);
        return s.startsWith("http://") || s.startsWith("https://");
    }

    /** Opens the source. Called on the demux thread: may block on the network. */
    public static MediaSource open(String address) throws IOException {
        if (isHttp(address)) {
            URI uri;
            try {
                uri = new URI(address);
            } catch (URISyntaxException e) {
                throw new StreamNotFoundException("Not a valid URL: " + Redact.url(address));
            }
            return forInput(HttpProgressiveInput.open(uri));
        }
        Path path;
        if (address.toLowerCase(Locale.ROOT).startsWith("file:")) {
            try {
                path = Path.of(new URI(address));
            } catch (URISyntaxException | IllegalArgumentException e) {
                throw new StreamNotFoundException("Not a valid file URL: " + Redact.url(address));
            }
        } else if (OTHER_URL.matcher(address).find()) {
            throw new StreamNotFoundException("Not a file or an http(s) URL: " + Redact.url(address));
        } else {
            path = Path.of(address);
        }
        return forInput(FileInput.open(path));
    }

    /**
     * FLV (by its signature, not its name) goes to our own strict FLV reader; everything else to
     * FFmpeg's demuxers.
     */
    static MediaSource forInput(RandomAccessInput input) throws IOException {
        byte[] head = new byte[3];
        int n = 0;
        try {
            while (n < 3) {
                int r = input.read(n, head, n, 3 - n);
                if (r < 0) {
                    break;
                }
                n += r;
            }
        } catch (IOException e) {
            input.close();
            throw e;
        }
        if (n == 3 && head[0] == 'F' && head[1] == 'L' && head[2] == 'V') {
            return new FlvSource(input);
        }
        return new FfmpegSource(input);
    }
}
