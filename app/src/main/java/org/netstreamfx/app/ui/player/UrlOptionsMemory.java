package org.netstreamfx.app.ui.player;

import java.util.Optional;

/**
 * Where the player keeps each rtmp(s) URL's {@link UrlOptions} between opens (the app: its
 * settings, see {@code SettingsSaver}). Keyed by {@link UrlOptions#key}, so a URL's password, key
 * or token never becomes part of what is kept. Used on the FX thread.
 */
public interface UrlOptionsMemory {
    /** Remembers nothing. */
    UrlOptionsMemory NONE = new UrlOptionsMemory() {
        @Override
        public Optional<UrlOptions> recall(String url) {
            return Optional.empty();
        }

        @Override
        public void remember(String url, UrlOptions options) {
        }
    };

    /** The options last used for {@code url} (any user info, query or fragment ignored), if any. */
    Optional<UrlOptions> recall(String url);

    /** Keeps {@code options} for {@code url} (without its user info, query and fragment). */
    void remember(String url, UrlOptions options);
}
