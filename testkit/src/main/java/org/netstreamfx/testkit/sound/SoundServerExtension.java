package org.netstreamfx.testkit.sound;

import java.io.IOException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One {@link SoundServer} for every test class of a test JVM that asks for it
 * ({@code @ExtendWith(SoundServerExtension.class)} and a {@code SoundServer} parameter), kept in
 * JUnit's root store and stopped when the JVM's tests end. One server per JVM because Java Sound
 * in that JVM reaches the socket {@code PULSE_SERVER} names, and only one daemon can own it.
 *
 * <p>A test that kills or restarts the server ({@link SoundServer#kill}, {@link SoundServer#restart})
 * leaves it running again for the next one: the extension restarts a server it finds stopped.
 */
public final class SoundServerExtension implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext e) {
        return p.getParameter().getType() == SoundServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext e) {
        Holder holder = e.getRoot().getStore(ExtensionContext.Namespace.create(SoundServerExtension.class))
                .getOrComputeIfAbsent(Holder.class, k -> new Holder(), Holder.class);
        try {
            return holder.server();
        } catch (IOException | InterruptedException ex) {
            throw new ParameterResolutionException("Could not start the test sound server: " + ex.getMessage(), ex);
        }
    }

    /** The shared server; closed by JUnit with the root store. */
    private static final class Holder implements ExtensionContext.Store.CloseableResource {
        private SoundServer server;

        synchronized SoundServer server() throws IOException, InterruptedException {
            if (server == null) {
                server = SoundServer.start();
            } else if (!server.running()) {
                server.restart();
            }
            return server;
        }

        @Override
        public synchronized void close() {
            if (server != null) {
                server.close();
            }
        }
    }
}
