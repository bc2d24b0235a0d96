package org.netstreamfx.capture.device;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether an X display still accepts connections: its Unix socket ({@code /tmp/.X11-unix/X<N>})
 * for a local display, TCP port 6000 + N for {@code host:N}. Needed because x11grab cannot tell:
 * with MIT-SHM (every X server today) it keeps returning the last picture after the server is
 * gone. A connection is opened and closed at once, without the X handshake; the server drops it.
 */
final class XDisplayProbe {
    /** How long a TCP probe may take before the display counts as gone. */
    static final int TCP_TIMEOUT_MS = 1000;
    /** X's first TCP port (display 0). */
    static final int X_TCP_BASE_PORT = 6000;
    /** Highest display number that fits a TCP port. */
    static final int MAX_DISPLAY_NUMBER = 65535 - X_TCP_BASE_PORT;
    private static final Pattern DISPLAY = Pattern.compile("(?:unix)?(.*?):(\\d{1,5})(?:\\.\\d{1,3})?");

    private final String display;
    private final Path socket;
    private final String host;
    private final int port;

    private XDisplayProbe(String display, Path socket, String host, int port) {
        this.display = display;
        this.socket = socket;
        this.host = host;
        this.port = port;
    }

    /**
     * A probe for {@code display} when it can be probed and answers now; empty otherwise (an
     * unusual name, a display only in the abstract socket namespace): then nothing is concluded.
     */
    static Optional<XDisplayProbe> of(String display) {
        Matcher m = display == null ? null : DISPLAY.matcher(display);
        if (m == null || !m.matches() || Integer.parseInt(m.group(2)) > MAX_DISPLAY_NUMBER) {
            return Optional.empty();
        }
        int number = Integer.parseInt(m.group(2));
        String host = m.group(1);
        XDisplayProbe probe = host.isEmpty()
                ? new XDisplayProbe(display, Path.of("/tmp/.X11-unix/X" + number), null, 0)
                : new XDisplayProbe(display, null, host, X_TCP_BASE_PORT + number);
        return probe.reachable() ? Optional.of(probe) : Optional.empty();
    }

    /** Connects and disconnects once. Blocks up to {@link #TCP_TIMEOUT_MS} for a remote display. */
    boolean reachable() {
        if (socket != null) {
            if (!Files.exists(socket)) {
                return false;
            }
            try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
                return channel.isConnected();
            } catch (IOException e) {
                return false;
            }
        }
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), TCP_TIMEOUT_MS);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Why the display counts as gone, for the failure's sentence. */
    String goneReason() {
        return "the X display " + display + " no longer accepts connections (its X server has ended)";
    }
}
