package org.netstreamfx.app.ui.settings;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.netstreamfx.app.ui.player.UrlOptions;
import org.netstreamfx.player.net.NetStatusListener;
import org.netstreamfx.player.sharedobject.SharedObject;
import org.netstreamfx.player.sharedobject.SharedObjectStore;

/**
 * The app's settings, kept the Flash way in the local SharedObject {@value #OBJECT_NAME} of a
 * {@link SharedObjectStore} (the app's: {@code SharedObjectStore.inUserConfig("NetStreamFX")}):
 * window size, recent items, volume, bufferTime, server URLs and the publisher's {@link
 * PublisherPrefs} (devices, figures, server URL and stream name), and each rtmp(s) URL's {@link
 * UrlOptions} (reconnect tries, silence timeout, trusted certificate, bufferTime, bufferTimeMax; at
 * most {@value #MAX_URL_OPTIONS} URLs, the least recently used dropped). Values read back are
 * checked and fall back to their defaults when missing or out of range.
 *
 * <p>Never a secret in plain text: a URL with a password or a query (where stream keys and tokens
 * travel) is not kept among the recent items, server URLs (the publisher's too) are kept without
 * user info and query, a stream name without its query, URL options under their URL without user
 * info, query and fragment, and the stream key is never handed here.
 *
 * <p>Owned by the FX thread; {@link #flush()} encodes there and writes on the given I/O executor,
 * raising SharedObject.Flush.Success or Flush.Failed to the listeners.
 */
public final class AppSettings {
    public static final String OBJECT_NAME = "settings";
    public static final double DEFAULT_WIDTH = 1200;
    public static final double DEFAULT_HEIGHT = 740;
    /**
     * The smallest the window's content gets (the window adds its frame). 960 × 600, not less: at
     * 760 × 480 the publisher's two pictures were 107 px high and the tester's log 386 px wide
     * beside its side panel (issue 12, defect 4); 960 × 600 with a window frame still fits a
     * 1366 × 768 laptop screen with its task bar, with room to spare.
     */
    public static final double MIN_WIDTH = 960;
    public static final double MIN_HEIGHT = 600;
    public static final double MAX_SIZE = 16_384;
    public static final double DEFAULT_VOLUME = 1.0;
    public static final double MAX_BUFFER_TIME = 60;
    /** How many recent items and server URLs are kept. */
    public static final int MAX_ITEMS = 10;

    static final String WIDTH = "windowWidth";
    static final String HEIGHT = "windowHeight";
    static final String VOLUME = "volume";
    static final String AUDIO_DEVICE = "audioDevice";
    /** The longest sound output id kept (a mixer's name). */
    static final int MAX_DEVICE_ID = 200;
    static final String BUFFER_TIME = "bufferTime";
    static final String RECENT = "recentItems";
    static final String SERVERS = "serverUrls";
    static final String PUBLISHER = "publisher";
    static final String URL_OPTIONS = "urlOptions";
    static final String HEALTH_PROFILE = "healthProfile";
    /** The longest health profile (a name or a JSON file's path) kept. */
    public static final int MAX_HEALTH_PROFILE = 1000;
    /** How many URLs' options are kept; the least recently used beyond it are dropped. */
    public static final int MAX_URL_OPTIONS = 50;

    private final SharedObject so;
    private final Executor io;

    /** Reads the settings from {@code store} (on this thread); flushes write on {@code io}. */
    public AppSettings(SharedObjectStore store, Executor io) {
        this.so = store.getLocal(OBJECT_NAME);
        this.io = io;
    }

    /** Flush.Success, Flush.Failed and BadPersistence go to {@code l}, on the store's executor. */
    public void addNetStatusListener(NetStatusListener l) {
        so.addNetStatusListener(l);
    }

    /** Writes the settings (on the I/O executor). */
    public CompletableFuture<SharedObject.FlushStatus> flush() {
        return so.flush(io);
    }

    public double windowWidth() {
        return number(WIDTH, DEFAULT_WIDTH, MIN_WIDTH, MAX_SIZE);
    }

    public double windowHeight() {
        return number(HEIGHT, DEFAULT_HEIGHT, MIN_HEIGHT, MAX_SIZE);
    }

    public void setWindowSize(double width, double height) {
        if (width >= MIN_WIDTH && width <= MAX_SIZE && height >= MIN_HEIGHT && height <= MAX_SIZE) {
            so.data().put(WIDTH, width);
            so.data().put(HEIGHT, height);
        }
    }

    public double volume() {
        return number(VOLUME, DEFAULT_VOLUME, 0, 1);
    }

    public void setVolume(double v) {
        if (v >= 0 && v <= 1) {
            so.data().put(VOLUME, v);
        }
    }

    /** The chosen sound output's id; "default" (the system's) when none was chosen. */
    public String audioDevice() {
        return so.data().get(AUDIO_DEVICE) instanceof String id && !id.isBlank() && id.length() <= MAX_DEVICE_ID
                ? id : org.netstreamfx.player.sink.AudioOutputs.SYSTEM_DEFAULT;
    }

    public void setAudioDevice(String id) {
        if (id != null && !id.isBlank() && id.length() <= MAX_DEVICE_ID) {
            so.data().put(AUDIO_DEVICE, id);
        }
    }

    /** The Tester's health profile: a built-in name or a JSON file's path; null when none was chosen. */
    public String healthProfile() {
        return so.data().get(HEALTH_PROFILE) instanceof String p && !p.isBlank() && p.length() <= MAX_HEALTH_PROFILE
                ? p : null;
    }

    public void setHealthProfile(String nameOrFile) {
        if (nameOrFile != null && !nameOrFile.isBlank() && nameOrFile.length() <= MAX_HEALTH_PROFILE) {
            so.data().put(HEALTH_PROFILE, nameOrFile);
        }
    }

    /** The saved bufferTime in seconds, or {@code fallback} when none is saved. */
    public double bufferTime(double fallback) {
        return number(BUFFER_TIME, fallback, 0, MAX_BUFFER_TIME);
    }

    public void setBufferTime(double seconds) {
        if (seconds >= 0 && seconds <= MAX_BUFFER_TIME) {
            so.data().put(BUFFER_TIME, seconds);
        }
    }

    /** Newest first. */
    public List<String> recentItems() {
        return strings(RECENT);
    }

    /** Keeps {@code items} (newest first), leaving out any that carries a password or a query. */
    public void setRecentItems(List<String> items) {
        so.data().put(RECENT, items.stream().filter(s -> !carriesSecret(s)).limit(MAX_ITEMS).toList());
    }

    public List<String> serverUrls() {
        return strings(SERVERS);
    }

    /** Keeps {@code urls} without their user info and query, so no key or token is stored. */
    public void setServerUrls(List<String> urls) {
        so.data().put(SERVERS, urls.stream().map(AppSettings::withoutSecrets).filter(s -> !s.isEmpty()).distinct().limit(MAX_ITEMS).toList());
    }

    /**
     * The publisher's devices, figures, server URL and stream name; {@link PublisherPrefs#DEFAULTS}
     * for what is missing or out of range.
     */
    public PublisherPrefs publisher() {
        PublisherPrefs d = PublisherPrefs.DEFAULTS;
        if (!(so.data().get(PUBLISHER) instanceof Map<?, ?> m)) {
            return d;
        }
        return new PublisherPrefs(text(m, "serverUrl", d.serverUrl()), text(m, "streamName", d.streamName()),
                text(m, "camera", d.cameraId()), text(m, "microphone", d.microphoneId()),
                whole(m, "width", d.width(), 16, 7680), whole(m, "height", d.height(), 16, 7680),
                whole(m, "fps", d.fps(), 1, 120), whole(m, "videoKbps", d.videoKbps(), 16, 50_000),
                whole(m, "audioKbps", d.audioKbps(), 16, 512));
    }

    /**
     * Keeps the publisher's figures: the URL without user info and query, the stream name without
     * its query. No stream key is ever written.
     */
    public void setPublisher(PublisherPrefs p) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("serverUrl", p.serverUrl().isBlank() ? "" : withoutSecrets(p.serverUrl().strip()));
        int query = p.streamName().indexOf('?');
        m.put("streamName", (query >= 0 ? p.streamName().substring(0, query) : p.streamName()).strip());
        m.put("camera", p.cameraId());
        m.put("microphone", p.microphoneId());
        m.put("width", (double) p.width());
        m.put("height", (double) p.height());
        m.put("fps", (double) p.fps());
        m.put("videoKbps", (double) p.videoKbps());
        m.put("audioKbps", (double) p.audioKbps());
        so.data().put(PUBLISHER, m);
    }

    /**
     * The options last used for {@code url}, looked up without its user info, query and fragment;
     * each figure out of range (or missing) read as its default, with {@code bufferTimeFallback}
     * for bufferTime. Empty when none are kept for it.
     */
    public Optional<UrlOptions> urlOptions(String url, double bufferTimeFallback) {
        Optional<String> key = UrlOptions.key(url);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        for (Map<?, ?> m : urlOptionEntries()) {
            if (key.get().equals(m.get("url"))) {
                return Optional.of(readUrlOptions(m, bufferTimeFallback));
            }
        }
        return Optional.empty();
    }

    /**
     * Keeps {@code options} for {@code url} (under {@link UrlOptions#key}: no user info, query or
     * fragment), as the most recently used; beyond {@link #MAX_URL_OPTIONS} URLs the least recently
     * used is dropped. Anything but an rtmp(s) URL is ignored.
     */
    public void setUrlOptions(String url, UrlOptions options) {
        Optional<String> key = UrlOptions.key(url);
        if (key.isEmpty() || options == null) {
            return;
        }
        List<Map<String, Object>> kept = new ArrayList<>();
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("url", key.get());
        m.put("reconnectTries", (double) options.reconnectTries());
        m.put("silenceTimeout", options.silenceTimeout());
        m.put("trustedCertificate", options.trustedCertificate() == null ? "" : options.trustedCertificate().toString());
        m.put("bufferTime", options.bufferTime());
        m.put("bufferTimeMax", options.bufferTimeMax());
        kept.add(m);
        for (Map<?, ?> old : urlOptionEntries()) {
            if (kept.size() >= MAX_URL_OPTIONS) {
                break;
            }
            if (!key.get().equals(old.get("url"))) {
                Map<String, Object> copy = new java.util.LinkedHashMap<>();
                old.forEach((k, v) -> copy.put(String.valueOf(k), v));
                kept.add(copy);
            }
        }
        so.data().put(URL_OPTIONS, kept);
    }

    /** The URLs options are kept for, most recently used first. */
    public List<String> urlOptionUrls() {
        return urlOptionEntries().stream().map(m -> (String) m.get("url")).toList();
    }

    /**
     * The kept entries that are maps with a clean URL (an rtmp(s) URL that is its own key, so
     * nothing secret), without duplicates, at most {@link #MAX_URL_OPTIONS}, newest first.
     */
    private List<Map<?, ?>> urlOptionEntries() {
        List<Map<?, ?>> out = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        if (so.data().get(URL_OPTIONS) instanceof List<?> list) {
            for (Object o : list) {
                if (out.size() >= MAX_URL_OPTIONS) {
                    break;
                }
                if (o instanceof Map<?, ?> m && m.get("url") instanceof String u && !seen.contains(u)
                        && UrlOptions.key(u).filter(u::equals).isPresent()) {
                    seen.add(u);
                    out.add(m);
                }
            }
        }
        return out;
    }

    private static UrlOptions readUrlOptions(Map<?, ?> m, double bufferTimeFallback) {
        UrlOptions d = UrlOptions.defaults(bufferTimeFallback);
        int tries = whole(m, "reconnectTries", d.reconnectTries(), 0, UrlOptions.MAX_RECONNECT_TRIES);
        double silence = decimal(m, "silenceTimeout", d.silenceTimeout(), UrlOptions.MIN_SILENCE_TIMEOUT,
                UrlOptions.MAX_SILENCE_TIMEOUT);
        java.nio.file.Path cert = null;
        if (m.get("trustedCertificate") instanceof String s && !s.isBlank() && s.length() <= UrlOptions.MAX_PATH_LENGTH) {
            try {
                cert = java.nio.file.Path.of(s);
            } catch (java.nio.file.InvalidPathException e) {
                cert = null;
            }
        }
        return new UrlOptions(tries, silence, cert,
                decimal(m, "bufferTime", d.bufferTime(), 0, UrlOptions.MAX_BUFFER_TIME),
                decimal(m, "bufferTimeMax", d.bufferTimeMax(), 0, UrlOptions.MAX_BUFFER_TIME));
    }

    private static double decimal(Map<?, ?> m, String key, double fallback, double min, double max) {
        return m.get(key) instanceof Number n && n.doubleValue() >= min && n.doubleValue() <= max
                ? n.doubleValue() : fallback;
    }

    private static String text(Map<?, ?> m, String key, String fallback) {
        return m.get(key) instanceof String s ? s : fallback;
    }

    private static int whole(Map<?, ?> m, String key, int fallback, int min, int max) {
        return m.get(key) instanceof Number n && n.doubleValue() >= min && n.doubleValue() <= max
                ? n.intValue() : fallback;
    }

    /** The file the settings are kept in. */
    public java.nio.file.Path file() {
        return so.file();
    }

    private double number(String key, double fallback, double min, double max) {
        return so.data().get(key) instanceof Number n && n.doubleValue() >= min && n.doubleValue() <= max
                ? n.doubleValue() : fallback;
    }

    private List<String> strings(String key) {
        List<String> out = new ArrayList<>();
        if (so.data().get(key) instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof String s && !s.isBlank() && !out.contains(s) && out.size() < MAX_ITEMS) {
                    out.add(s);
                }
            }
        }
        return out;
    }

    /** True for a URL with user info or a query: it may carry a password, a key or a token. */
    static boolean carriesSecret(String address) {
        if (!address.contains("://")) {
            return false;
        }
        try {
            URI u = new URI(address);
            return u.getRawUserInfo() != null || u.getRawQuery() != null;
        } catch (URISyntaxException e) {
            return true;
        }
    }

    static String withoutSecrets(String url) {
        try {
            URI u = new URI(url);
            return new URI(u.getScheme(), null, u.getHost(), u.getPort(), u.getPath(), null, null).toString();
        } catch (URISyntaxException e) {
            return "";
        }
    }

    /** The raw data, for tests. */
    Map<String, Object> data() {
        return so.data();
    }
}
