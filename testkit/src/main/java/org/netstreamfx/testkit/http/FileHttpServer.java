package org.netstreamfx.testkit.http;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A real HTTP/1.1 server (the JDK's) on a free 127.0.0.1 port that answers every path with one
 * file, whole, with its Content-Length: a progressive download for tests that play or inspect it.
 */
public final class FileHttpServer implements AutoCloseable {
    private final HttpServer server;
    private final String name;

    /** Starts serving {@code file} (read once, now). */
    public FileHttpServer(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        name = file.getFileName().toString();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
    }

    /** http://127.0.0.1:port/ and the file's name. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + name;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
