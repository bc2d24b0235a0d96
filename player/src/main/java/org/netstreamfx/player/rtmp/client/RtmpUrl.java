package org.netstreamfx.player.rtmp.client;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;
import org.netstreamfx.player.util.Redact;

/**
 * An RTMP connection address, {@code rtmp[s]://host[:port]/app[/instance][?query]} (Adobe RTMP
 * specification 1.0, section 7.2.1.1: the connect command's {@code app} and {@code tcUrl}).
 *
 * <p>Default ports are 1935 for {@code rtmp} and 443 for {@code rtmps}. The query string (tokens)
 * is passed through to the server unchanged, in {@code tcUrl} and appended to {@code app}, as
 * Flash Player and librtmp do; {@link #toString()} and {@link #masked()} show it masked by
 * {@link Redact}, which is the only form that may reach logs, events or exceptions.
 *
 * @param secure true for rtmps:// (RTMP inside TLS)
 * @param host host name or literal address (IPv6 without brackets)
 * @param port TCP port, 1..65535
 * @param app application name (first path segment)
 * @param instance application instance (the rest of the path), or "" for none
 * @param query the raw query string without '?', or "" for none
 */
public record RtmpUrl(boolean secure, String host, int port, String app, String instance, String query) {
    /** Default port of rtmp:// (RTMP 1.0 section 4). */
    public static final int DEFAULT_PORT = 1935;
    /** Default port of rtmps://. */
    public static final int DEFAULT_SECURE_PORT = 443;

    public RtmpUrl {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(instance, "instance");
        Objects.requireNonNull(query, "query");
        if (host.isEmpty()) {
            throw new IllegalArgumentException("RTMP address has no host");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("RTMP port " + port + " outside 1..65535");
        }
    }

    /** True for addresses this package connects to: rtmp:// and rtmps://. */
    public static boolean isRtmp(String address) {
        if (address == null) {
            return false;
        }
        String s = address.toLowerCase(Locale.ROOT);
        return s.startsWith("rtmp://") || s.startsWith("rtmps://");
    }

    /**
     * Parses a connection address. The path is {@code app[/instance]}; an empty app is refused.
     *
     * @throws IllegalArgumentException naming the masked address when it cannot be parsed
     */
    public static RtmpUrl parse(String address) {
        URI uri = uri(address);
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        while (path.startsWith("/")) {
            path = path.substring(1);
        }
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        int slash = path.indexOf('/');
        String app = slash < 0 ? path : path.substring(0, slash);
        String instance = slash < 0 ? "" : path.substring(slash + 1);
        if (app.isEmpty()) {
            throw new IllegalArgumentException("RTMP address " + Redact.url(address)
                    + " names no application: use rtmp[s]://host[:port]/app[/instance]");
        }
        return build(uri, app, instance);
    }

    /**
     * Splits a play address {@code rtmp[s]://host[:port]/app[/instance]/stream}: the stream name
     * is what follows the last slash (with the query string, which servers read as part of it),
     * the rest is the connection address. {@code appOverride} (the whole {@code app[/instance]})
     * and {@code streamOverride} replace the split when not null.
     */
    public static PlayAddress splitPlay(String address, String appOverride, String streamOverride) {
        URI uri = uri(address);
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        while (path.startsWith("/")) {
            path = path.substring(1);
        }
        String query = uri.getRawQuery() == null ? "" : uri.getRawQuery();
        String stream;
        String appPath;
        if (appOverride != null) {
            appPath = trimSlashes(appOverride);
            String rest = path.startsWith(appPath + "/") ? path.substring(appPath.length() + 1) : path;
            stream = streamOverride != null ? streamOverride : rest;
        } else {
            int last = path.lastIndexOf('/');
            appPath = last < 0 ? path : path.substring(0, last);
            stream = streamOverride != null ? streamOverride : last < 0 ? "" : path.substring(last + 1);
        }
        if (streamOverride == null && !query.isEmpty()) {
            stream = stream + "?" + query;
        }
        int slash = appPath.indexOf('/');
        String app = slash < 0 ? appPath : appPath.substring(0, slash);
        String instance = slash < 0 ? "" : appPath.substring(slash + 1);
        if (app.isEmpty() || stream.isEmpty()) {
            throw new IllegalArgumentException("RTMP play address " + Redact.url(address)
                    + " needs rtmp[s]://host[:port]/app[/instance]/stream (or --app/--stream)");
        }
        RtmpUrl url = new RtmpUrl(uri.getScheme().equalsIgnoreCase("rtmps"), stripBrackets(uri.getHost()),
                port(uri), app, instance, streamOverride == null ? "" : query);
        return new PlayAddress(url, stream);
    }

    /** A connection address and the stream name to play on it. */
    public record PlayAddress(RtmpUrl connection, String streamName) {
        /** The stream name with query values masked, for display. */
        public String maskedStreamName() {
            return Redact.url(streamName);
        }
    }

    private static String trimSlashes(String s) {
        String r = s;
        while (r.startsWith("/")) {
            r = r.substring(1);
        }
        while (r.endsWith("/")) {
            r = r.substring(0, r.length() - 1);
        }
        return r;
    }

    private static URI uri(String address) {
        if (!isRtmp(address)) {
            throw new IllegalArgumentException("not an rtmp:// or rtmps:// address: " + Redact.url(address));
        }
        URI uri;
        try {
            uri = new URI(address);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("RTMP address " + Redact.url(address) + " is not a valid URL");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new IllegalArgumentException("RTMP address " + Redact.url(address) + " has no host");
        }
        return uri;
    }

    private static RtmpUrl build(URI uri, String app, String instance) {
        return new RtmpUrl(uri.getScheme().equalsIgnoreCase("rtmps"), stripBrackets(uri.getHost()), port(uri),
                app, instance, uri.getRawQuery() == null ? "" : uri.getRawQuery());
    }

    private static int port(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return uri.getScheme().equalsIgnoreCase("rtmps") ? DEFAULT_SECURE_PORT : DEFAULT_PORT;
    }

    private static String stripBrackets(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    /** The connect command's {@code app}: app[/instance], then ?query if any (as Flash sends it). */
    public String appField() {
        String a = instance.isEmpty() ? app : app + "/" + instance;
        return query.isEmpty() ? a : a + "?" + query;
    }

    /** The connect command's {@code tcUrl}: the full address including the query string. */
    public String tcUrl() {
        String h = host.contains(":") ? "[" + host + "]" : host;
        boolean defaultPort = port == (secure ? DEFAULT_SECURE_PORT : DEFAULT_PORT);
        String a = instance.isEmpty() ? app : app + "/" + instance;
        return (secure ? "rtmps" : "rtmp") + "://" + h + (defaultPort ? "" : ":" + port) + "/" + a
                + (query.isEmpty() ? "" : "?" + query);
    }

    /** {@link #tcUrl()} with query values masked: the only form to show or log. */
    public String masked() {
        return Redact.url(tcUrl());
    }

    /** Whether {@code other} names the same server: scheme, host and port (the app may differ). */
    public boolean sameServer(RtmpUrl other) {
        return host.equalsIgnoreCase(other.host) && port == other.port && secure == other.secure;
    }

    /** host:port, for messages. */
    public String endpoint() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    @Override
    public String toString() {
        return masked();
    }
}
