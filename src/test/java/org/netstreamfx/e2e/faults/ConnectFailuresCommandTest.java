package org.netstreamfx.e2e.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;
import org.netstreamfx.testkit.tls.TestCertificates;

/**
 * What {@code nsfx play} and {@code nsfx publish} print when the connection cannot be made: an
 * unresolvable host name (under {@code .invalid}, RFC 2606: resolves nowhere, at once), and TLS
 * refusals: a certificate for another host, an expired one, a self-signed one without
 * {@code --trust-cert}. Each is one Connect.Failed line that says which, exit status 1, and the
 * stream key printed nowhere.
 */
@ResourceLock(value = Resources.SYSTEM_OUT, mode = ResourceAccessMode.READ)
class ConnectFailuresCommandTest {
    private static final String KEY = "s3cretStreamKey";
    @TempDir
    static Path dir;
    private static TestCertificates.Identity selfSigned;
    private static TestCertificates.Identity otherHost;
    private static TestCertificates.ExpiredChain expired;

    @BeforeAll
    static void makeCertificates() throws Exception {
        selfSigned = TestCertificates.selfSigned(dir, "selfsigned", "CN=NetStreamFX self-signed test",
                "IP:127.0.0.1,DNS:localhost");
        otherHost = TestCertificates.selfSigned(dir, "other", "CN=other.example", "DNS:other.example");
        expired = TestCertificates.expiredSignedByCa(dir, "IP:127.0.0.1,DNS:localhost");
    }

    /** One nsfx command line: {@code nsfx COMMAND URL ARGS}. */
    private record Run(String name, String command, String url, List<String> args) {
        Run(String name, String command, String url, String... args) {
            this(name, command, url, List.of(args));
        }
    }

    /**
     * Runs the commands side by side (child JVMs start faster together than one after the
     * other), expecting of each one Connect.Failed and exit 1, with the stream key printed
     * nowhere; returns their Connect.Failed descriptions in order.
     */
    private static List<String> connectFailed(Run... runs) throws Exception {
        List<Nsfx> started = new ArrayList<>();
        try {
            for (Run r : runs) {
                List<String> args = new ArrayList<>(List.of(r.command(), r.url(), "--stats-interval", "0"));
                if (r.command().equals("play")) {
                    args.add("--no-audio");
                }
                args.addAll(r.args());
                started.add(new Nsfx(args.toArray(new String[0])));
            }
            List<String> descriptions = new ArrayList<>();
            for (int i = 0; i < runs.length; i++) {
                Nsfx nsfx = started.get(i);
                int exit = nsfx.exit(Duration.ofSeconds(60));
                String what = runs[i].command() + ", " + runs[i].name();
                nsfx.print(what);
                assertEquals(1, exit, what + ":\n" + nsfx.stdout() + nsfx.stderr());
                List<String> codes = nsfx.codes();
                assertEquals("NetConnection.Connect.Failed", codes.get(0), what + ": " + codes);
                assertFalse(codes.contains("NetConnection.Connect.Success"), what + ": " + codes);
                assertFalse(nsfx.stdout().contains(KEY) || nsfx.stderr().contains(KEY), what + ": the stream key "
                        + "leaked:\n" + nsfx.stdout() + nsfx.stderr());
                descriptions.add(nsfx.status("NetConnection.Connect.Failed").path("description").asText());
            }
            return descriptions;
        } finally {
            started.forEach(Nsfx::close);
        }
    }

    @Test
    void anUnresolvableHostSaysTheNameDidNotResolve() throws Exception {
        String url = "rtmp://nsfx-no-such-host.invalid/live/" + KEY;
        for (String d : connectFailed(new Run("DNS", "play", url), new Run("DNS", "publish", url))) {
            assertTrue(d.contains("nsfx-no-such-host.invalid") && d.contains("resolve"), d);
        }
    }

    @Test
    void aSelfSignedCertificateWithoutTrustCertIsNotTrusted() throws Exception {
        try (TlsListener server = new TlsListener(selfSigned.listen())) {
            String url = "rtmps://127.0.0.1:" + server.port() + "/live/" + KEY;
            for (String d : connectFailed(new Run("TLS self-signed", "play", url),
                    new Run("TLS self-signed", "publish", url))) {
                assertTrue(d.contains("not trusted") && d.contains("self-signed")
                        && d.contains("CN=NetStreamFX self-signed test") && d.contains("--trust-cert"), d);
            }
        }
    }

    /**
     * With --trust-cert (so that trust is not what fails): play to a server whose certificate
     * names another host, publish to one whose certificate expired. The engine's own tests
     * (ConnectionFaultsTest) check each of the three for both.
     */
    @Test
    void aCertificateForAnotherHostOrAnExpiredOneSaysWhich() throws Exception {
        try (TlsListener other = new TlsListener(otherHost.listen());
             TlsListener old = new TlsListener(expired.server().listen())) {
            List<String> d = connectFailed(
                    new Run("TLS host name", "play", "rtmps://localhost:" + other.port() + "/live/" + KEY,
                            "--trust-cert", otherHost.certificate().toString()),
                    new Run("TLS expired", "publish", "rtmps://127.0.0.1:" + old.port() + "/live/" + KEY,
                            "--trust-cert", expired.caCertificate().toString()));
            assertTrue(d.get(0).contains("host name mismatch") && d.get(0).contains("DNS:other.example")
                    && d.get(0).contains("not localhost"), d.get(0));
            assertTrue(d.get(1).contains("expired on " + expired.server().leaf().getNotAfter().toInstant()), d.get(1));
        }
    }

    /** Accepts TLS connections and does the server side of the handshake; the client refuses it there. */
    private static final class TlsListener implements AutoCloseable {
        private final SSLServerSocket socket;
        private final Thread acceptor;

        TlsListener(SSLServerSocket socket) {
            this.socket = socket;
            this.acceptor = new Thread(this::accept, "test-tls-accept");
            this.acceptor.setDaemon(true);
            this.acceptor.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        private void accept() {
            while (!socket.isClosed()) {
                try (Socket s = socket.accept()) {
                    s.setSoTimeout(10_000);
                    ((SSLSocket) s).startHandshake();
                    InputStream in = s.getInputStream();
                    while (in.read() >= 0) {
                        // Until the client goes.
                    }
                } catch (IOException e) {
                    // The client refused the handshake, as it should, or the listener closed.
                }
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
