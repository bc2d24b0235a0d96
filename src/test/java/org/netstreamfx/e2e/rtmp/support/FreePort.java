package org.netstreamfx.e2e.rtmp.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** A TCP port on 127.0.0.1 that was free a moment ago. */
public final class FreePort {

    private FreePort() {}

    /**
     * Binds 127.0.0.1:0, reads the port the kernel picked and closes the socket. Another process
     * can take the port before the caller binds it: the peers that use this retry on
     * "address in use" with a fresh port.
     */
    public static int loopback() {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(false);
            s.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind 127.0.0.1:0", e);
        }
    }
}
