package org.netstreamfx.app.ui.player;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Optional;
import org.netstreamfx.player.net.NetConnection;
import org.netstreamfx.player.net.NetStream;
import org.netstreamfx.player.rtmp.client.ReconnectPolicy;
import org.netstreamfx.player.rtmp.client.RtmpOptions;

/**
 * How the player opens one rtmp(s) URL: the Open URL dialog's "Options", remembered per URL (see
 * {@link UrlOptionsMemory}). Every figure is checked against its named limit when the record is
 * made, so a value read back from the settings or typed in the dialog is either in range or
 * refused.
 *
 * @param reconnectTries     reconnects after an unexpected close, 0 (off) to {@link #MAX_RECONNECT_TRIES}
 *                           (1 s, then × 1.5 each, capped at 30 s, with jitter: {@link ReconnectPolicy#tries})
 * @param silenceTimeout     seconds a connected server may send nothing, pings unanswered, before the
 *                           connection counts as dead (NetStreamFX.Connect.Stalled);
 *                           {@link #MIN_SILENCE_TIMEOUT} to {@link #MAX_SILENCE_TIMEOUT}
 * @param trustedCertificate rtmps: the one certificate file (PEM or DER) to trust instead of the
 *                           system's trust store, or null for the system's
 * @param bufferTime         NetStream.bufferTime in seconds, 0 to {@link #MAX_BUFFER_TIME}
 * @param bufferTimeMax      NetStream.bufferTimeMax in seconds, 0 (the default live latency policy)
 *                           to {@link #MAX_BUFFER_TIME}
 */
public record UrlOptions(int reconnectTries, double silenceTimeout, Path trustedCertificate, double bufferTime,
        double bufferTimeMax) {

    /**
     * The app's reconnect tries: 10 (about 1 min 45 s of tries, 1 s × 1.5 up to 30 s), as the
     * publisher and its loopback monitor use; players such as VLC and OBS reconnect by default too.
     */
    public static final int DEFAULT_RECONNECT_TRIES = 10;
    /** The most reconnect tries the dialog and the settings take. */
    public static final int MAX_RECONNECT_TRIES = 100;
    /** The engine's default silence timeout, in seconds (15). */
    public static final double DEFAULT_SILENCE_TIMEOUT = RtmpOptions.DEFAULT_SILENCE_TIMEOUT_MS / 1000.0;
    /** The engine's shortest silence timeout, in seconds (0.3). */
    public static final double MIN_SILENCE_TIMEOUT = RtmpOptions.MIN_SILENCE_TIMEOUT_MS / 1000.0;
    /** The longest silence timeout taken, in seconds (10 min). */
    public static final double MAX_SILENCE_TIMEOUT = 600;
    /** The largest bufferTime and bufferTimeMax taken, in seconds (the player's own limit). */
    public static final double MAX_BUFFER_TIME = PlayerViewModel.MAX_BUFFER_TIME;
    /** The longest certificate path kept. */
    public static final int MAX_PATH_LENGTH = 4096;

    /**
     * @throws IllegalArgumentException naming the figure, its limit and the value, when one is out
     *     of range
     */
    public UrlOptions {
        if (reconnectTries < 0 || reconnectTries > MAX_RECONNECT_TRIES) {
            throw new IllegalArgumentException("Reconnect tries: 0 to " + MAX_RECONNECT_TRIES + ", not " + reconnectTries);
        }
        if (!(silenceTimeout >= MIN_SILENCE_TIMEOUT && silenceTimeout <= MAX_SILENCE_TIMEOUT)) {
            throw new IllegalArgumentException("Silence timeout: " + MIN_SILENCE_TIMEOUT + " to "
                    + (int) MAX_SILENCE_TIMEOUT + " s, not " + silenceTimeout);
        }
        if (!(bufferTime >= 0 && bufferTime <= MAX_BUFFER_TIME)) {
            throw new IllegalArgumentException("bufferTime: 0 to " + (int) MAX_BUFFER_TIME + " s, not " + bufferTime);
        }
        if (!(bufferTimeMax >= 0 && bufferTimeMax <= MAX_BUFFER_TIME)) {
            throw new IllegalArgumentException("bufferTimeMax: 0 to " + (int) MAX_BUFFER_TIME + " s, not "
                    + bufferTimeMax);
        }
        if (trustedCertificate != null && trustedCertificate.toString().length() > MAX_PATH_LENGTH) {
            throw new IllegalArgumentException("Certificate path: at most " + MAX_PATH_LENGTH + " characters, not "
                    + trustedCertificate.toString().length());
        }
    }

    /** The app's defaults, with the player's current {@code bufferTime} (and bufferTimeMax 0). */
    public static UrlOptions defaults(double bufferTime) {
        return defaults(bufferTime, 0);
    }

    /** The app's defaults, with the player's current {@code bufferTime} and {@code bufferTimeMax}. */
    public static UrlOptions defaults(double bufferTime, double bufferTimeMax) {
        return new UrlOptions(DEFAULT_RECONNECT_TRIES, DEFAULT_SILENCE_TIMEOUT, null,
                Math.max(0, Math.min(MAX_BUFFER_TIME, bufferTime)), Math.max(0, Math.min(MAX_BUFFER_TIME, bufferTimeMax)));
    }

    public UrlOptions withBufferTimeMax(double seconds) {
        return new UrlOptions(reconnectTries, silenceTimeout, trustedCertificate, bufferTime, seconds);
    }

    public UrlOptions withBufferTime(double seconds) {
        return new UrlOptions(reconnectTries, silenceTimeout, trustedCertificate, seconds, bufferTimeMax);
    }

    /** The connection options these give, on top of {@code base}. */
    public RtmpOptions applyTo(RtmpOptions base) {
        return base.withReconnect(reconnectTries > 0 ? ReconnectPolicy.tries(reconnectTries) : ReconnectPolicy.OFF)
                .withSilenceTimeoutMs(Math.round(silenceTimeout * 1000))
                .withTrustedCertificate(trustedCertificate);
    }

    /** Sets the connection's RTMP options from these. */
    public void applyTo(NetConnection nc) {
        nc.setRtmpOptions(applyTo(nc.rtmpOptions()));
    }

    /** Sets the stream's bufferTime and bufferTimeMax from these. */
    public void applyTo(NetStream ns) {
        ns.setBufferTime(bufferTime);
        ns.setBufferTimeMax(bufferTimeMax);
    }

    /**
     * What options are remembered under for {@code url}: the URL without user info, query and
     * fragment (where passwords, keys and tokens travel), scheme and host in lower case; empty for
     * anything that is not an rtmp(s) URL with a host.
     */
    public static Optional<String> key(String url) {
        if (url == null) {
            return Optional.empty();
        }
        try {
            URI u = new URI(url.strip());
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(java.util.Locale.ROOT);
            if (!(scheme.equals("rtmp") || scheme.equals("rtmps")) || u.getHost() == null) {
                return Optional.empty();
            }
            return Optional.of(new URI(scheme, null, u.getHost().toLowerCase(java.util.Locale.ROOT), u.getPort(),
                    u.getPath(), null, null).toString());
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
