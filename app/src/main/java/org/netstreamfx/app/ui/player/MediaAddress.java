package org.netstreamfx.app.ui.player;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What the user asked to play: a local file, a progressive http(s) URL, or an RTMP(S) stream
 * ({@code rtmp://host[:port]/app/stream}: the connection goes to {@code rtmp://host[:port]/app}
 * and the rest of the path is the stream name, as Flash's NetConnection.connect and
 * NetStream.play take them).
 *
 * @param kind           which transport plays it
 * @param address        what NetStream.play is given for files and http(s); the whole URL for RTMP
 * @param connectionUri  what NetConnection.connect is given (null for files and http(s))
 * @param streamName     for RTMP, what NetStream.play is given; otherwise the same as address
 * @param displayName    a short name for titles and lists: a file's name; for http(s) the URL's
 *                       last path segment and its host, "movie.mp4 (cdn.example.org)" (the host
 *                       alone for a bare host); for RTMP the stream name (without its query,
 *                       which may hold a key) and the host, "cam1 (media.example.org)"
 */
public record MediaAddress(Kind kind, String address, String connectionUri, String streamName, String displayName) {

    /** The transport. */
    public enum Kind { FILE, HTTP, RTMP }

    /** The file name extensions the player opens (the engine reads FLV and the ISO family). */
    public static final List<String> FILE_EXTENSIONS = List.of("flv", "f4v", "mp4", "m4a", "mov", "mp4v", "3gp", "3g2");

    /** The URL schemes the Open URL dialog accepts. */
    public static final List<String> URL_SCHEMES = List.of("rtmp", "rtmps", "http", "https");

    /**
     * Parses what the user typed, dropped or chose. Anything that is not an rtmp(s) or http(s)
     * URL is taken as a file path or file: URL (the engine reports a missing file as
     * NetStream.Play.StreamNotFound).
     *
     * @throws IllegalArgumentException for blank input or a malformed rtmp(s)/http(s) URL, with
     *     a message that says what is wrong
     */
    public static MediaAddress parse(String text) {
        String s = text == null ? "" : text.strip();
        if (s.isEmpty()) {
            throw new IllegalArgumentException("Enter a file path or a URL.");
        }
        String scheme = scheme(s);
        if (scheme.equals("http") || scheme.equals("https")) {
            URI uri = uri(s);
            if (uri.getHost() == null) {
                throw new IllegalArgumentException("The URL has no host: " + s);
            }
            String segment = lastSegment(uri.getPath(), null);
            return new MediaAddress(Kind.HTTP, s, null, s,
                    segment == null ? uri.getHost() : segment + " (" + uri.getHost() + ")");
        }
        if (scheme.equals("rtmp") || scheme.equals("rtmps")) {
            URI uri = uri(s);
            if (uri.getHost() == null) {
                throw new IllegalArgumentException("The URL has no host: " + s);
            }
            String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceFirst("^/+", "");
            int slash = path.indexOf('/');
            if (slash <= 0 || slash == path.length() - 1) {
                throw new IllegalArgumentException("An RTMP URL names an application and a stream: "
                        + scheme + "://host/app/stream");
            }
            String app = path.substring(0, slash);
            String stream = path.substring(slash + 1) + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            String authority = uri.getRawAuthority();
            String connection = scheme + "://" + authority + "/" + app;
            String decoded = uri.getPath() == null ? path : uri.getPath().replaceFirst("^/+", "");
            String name = decoded.indexOf('/') > 0 ? decoded.substring(decoded.indexOf('/') + 1) : stream;
            return new MediaAddress(Kind.RTMP, s, connection, stream, name + " (" + uri.getHost() + ")");
        }
        if (scheme.length() > 1 && !scheme.equals("file")) {
            throw new IllegalArgumentException("Unsupported address \"" + scheme + "://\": use a file, "
                    + "rtmp://, rtmps://, http:// or https://");
        }
        String name;
        try {
            name = scheme.equals("file") ? Path.of(new URI(s)).getFileName().toString()
                    : String.valueOf(Path.of(s).getFileName());
        } catch (URISyntaxException | RuntimeException e) {
            name = s;
        }
        return new MediaAddress(Kind.FILE, s, null, s, name);
    }

    /** Why {@code text} is not a URL the Open URL dialog accepts, or empty when it is. */
    public static Optional<String> urlProblem(String text) {
        String s = text == null ? "" : text.strip();
        if (s.isEmpty()) {
            return Optional.of("Enter an rtmp://, rtmps://, http:// or https:// URL.");
        }
        if (!URL_SCHEMES.contains(scheme(s))) {
            return Optional.of("Use rtmp://, rtmps://, http:// or https://.");
        }
        try {
            parse(s);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** Whether {@code path} has one of {@link #FILE_EXTENSIONS}. */
    public static boolean isSupportedFile(Path path) {
        Path name = path.getFileName();
        if (name == null) {
            return false;
        }
        String n = name.toString().toLowerCase(Locale.ROOT);
        int dot = n.lastIndexOf('.');
        return dot > 0 && FILE_EXTENSIONS.contains(n.substring(dot + 1));
    }

    private static String scheme(String s) {
        int colon = s.indexOf("://");
        if (colon > 0 && s.substring(0, colon).matches("[A-Za-z][A-Za-z0-9+.-]*")) {
            return s.substring(0, colon).toLowerCase(Locale.ROOT);
        }
        return s.regionMatches(true, 0, "file:", 0, 5) ? "file" : "";
    }

    private static URI uri(String s) {
        try {
            return new URI(s);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Not a valid URL (" + e.getReason() + "): " + s);
        }
    }

    private static String lastSegment(String path, String fallback) {
        if (path == null || path.isBlank() || path.equals("/")) {
            return fallback;
        }
        String p = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return p.substring(p.lastIndexOf('/') + 1);
    }
}
