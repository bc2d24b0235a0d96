package org.netstreamfx.app.ui.publisher;

import java.util.LinkedHashMap;
import java.util.Map;
import org.netstreamfx.player.net.NetStatusEvent;
import org.netstreamfx.player.rtmp.client.RtmpUrl;
import org.netstreamfx.player.util.Redact;

/**
 * Where to publish: the server's connection URL, the name published under, and the secret in it.
 *
 * <p>The view has a stream name and a separate stream key. The key alone is the name (what most
 * services want: their "stream key" is the name published); a name and a key publish
 * {@code name?key=KEY} (what nginx-rtmp's {@code on_publish} and query-checking servers read); a
 * name alone is published as it is. The key is the secret: it is masked in every text shown.
 *
 * @param tcUrl       the connection address, rtmp[s]://host[:port]/app[/instance]
 * @param publishName what {@code NetStream.publish} is given
 * @param secret      the stream key ("" when there is none)
 * @param shownName   the published name with the key masked, for titles and logs
 */
public record PublishTarget(String tcUrl, String publishName, String secret, String shownName) {

    /**
     * Checks the three fields.
     *
     * @throws Invalid a sentence saying what to fix (the URL in it masked), and which field
     */
    public static PublishTarget of(String serverUrl, String streamName, String streamKey) {
        String url = serverUrl == null ? "" : serverUrl.strip();
        String name = streamName == null ? "" : streamName.strip();
        String key = streamKey == null ? "" : streamKey.strip();
        if (!RtmpUrl.isRtmp(url)) {
            throw new Invalid(Field.SERVER_URL, "Enter the server URL: rtmp://host[:port]/app or rtmps://…", null);
        }
        RtmpUrl parsed;
        try {
            parsed = RtmpUrl.parse(url);
        } catch (IllegalArgumentException e) {
            throw new Invalid(Field.SERVER_URL, e.getMessage(), e);
        }
        if (name.isEmpty() && key.isEmpty()) {
            throw new Invalid(Field.STREAM, "Enter a stream name or a stream key.", null);
        }
        if (name.contains("/") || name.contains("?") || key.contains("/") || key.contains(" ")) {
            throw new Invalid(Field.STREAM, "The stream name and key cannot hold \"/\", \"?\" or spaces.", null);
        }
        String publishName = key.isEmpty() ? name : name.isEmpty() ? key : name + "?key=" + key;
        String shown = key.isEmpty() ? name : Redact.streamKey(publishName, key);
        return new PublishTarget(parsed.tcUrl(), publishName, key, shown);
    }

    /** The fields a problem can be about: the server URL, or the stream name and key. */
    public enum Field { SERVER_URL, STREAM }

    /** A field that cannot be published to as it is: what to fix, and where. */
    public static final class Invalid extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final Field field;

        Invalid(Field field, String message, Throwable cause) {
            super(message, cause);
            this.field = field;
        }

        public Field field() {
            return field;
        }
    }

    /** The address to show: the URL masked, then the name with the key masked. */
    public String shownAddress() {
        return Redact.url(tcUrl) + "/" + shownName;
    }

    /** {@code text} with the key masked (for descriptions the server sends back). */
    public String mask(String text) {
        return text == null || secret.length() < 3 ? text : Redact.streamKey(text, secret);
    }

    /** {@code e} with the key masked in its description, details and info strings. */
    public NetStatusEvent mask(NetStatusEvent e) {
        if (secret.length() < 3) {
            return e;
        }
        Map<String, Object> info = new LinkedHashMap<>();
        e.info().forEach((k, v) -> info.put(k, v instanceof String s ? mask(s) : v));
        Object details = e.details() instanceof String s ? mask(s) : e.details();
        return new NetStatusEvent(e.code(), e.level(), mask(e.description()), details, info, e.monotonicNanos());
    }
}
