package org.netstreamfx.player.source;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Locale;

/** Chooses the source for what was given to play(): a path, a file: URI, or an http(s) URL. */
public final class Sources {
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
                throw new StreamNotFoundException("Not a valid URL: " + org.netstreamfx.player.util.Redact.url(address));
            }
            return new FfmpegSource(HttpProgressiveInput.open(uri));
        }
        Path path;
        if (address.toLowerCase(Locale.ROOT).startsWith("file:")) {
            try {
                path = Path.of(new URI(address));
            } catch (URISyntaxException | IllegalArgumentException e) {
                throw new StreamNotFoundException("Not a valid file URL: " + address);
            }
        } else {
            path = Path.of(address);
        }
        return FfmpegSource.forFile(path);
    }
}
