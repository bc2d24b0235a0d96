package org.netstreamfx.player.util;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks secrets in addresses before they are shown, logged or exported: the password of a
 * {@code user:password@} part and every query-string value (tokens, stream keys passed as
 * {@code ?key=...}). Stream keys in the path are masked by the publisher, which knows which
 * segment is the key.
 */
public final class Redact {
    /** What replaces a secret. */
    public static final String MASK = "***";

    private static final Pattern USERINFO = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*://)([^/@?#]*)@");
    private static final Pattern QUERY_VALUE = Pattern.compile("([?&;][^=&;#]*)=([^&;#]*)");

    private Redact() {
    }

    /** The address with its password and query values masked; other text comes back unchanged. */
    public static String url(String address) {
        if (address == null) {
            return null;
        }
        String s = address;
        Matcher m = USERINFO.matcher(s);
        if (m.find()) {
            String userInfo = m.group(2);
            int colon = userInfo.indexOf(':');
            String user = colon >= 0 ? userInfo.substring(0, colon) + ":" + MASK : userInfo;
            s = m.group(1) + user + "@" + s.substring(m.end());
        }
        int q = s.indexOf('?');
        if (q >= 0) {
            String head = s.substring(0, q);
            String query = QUERY_VALUE.matcher(s.substring(q)).replaceAll("$1=" + MASK);
            s = head + query;
        }
        return s;
    }

    /** Replaces every occurrence of {@code secret} in {@code text} with the mask. */
    public static String secret(String text, String secret) {
        if (text == null || secret == null || secret.isEmpty()) {
            return text;
        }
        return text.replace(secret, MASK);
    }

    /**
     * A publishing stream key for display: the first two characters and the mask ("ab***"), or
     * just the mask for keys of four characters or fewer; any query part is dropped.
     */
    public static String streamKey(String key) {
        if (key == null) {
            return null;
        }
        int q = key.indexOf('?');
        String k = q >= 0 ? key.substring(0, q) : key;
        return k.length() <= 4 ? MASK : k.substring(0, 2) + MASK;
    }

    /** {@code text} with the stream key {@code key} (and its query, if any) masked everywhere. */
    public static String streamKey(String text, String key) {
        if (text == null || key == null || key.isEmpty()) {
            return text;
        }
        return text.replace(key, streamKey(key));
    }
}
