package org.netstreamfx.player.rtmp.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netstreamfx.player.net.NetConnection;
import org.netstreamfx.player.net.NetStatusEvent;

/**
 * rtmps:// against a TLS fake server with a self-signed certificate made by the JDK's keytool:
 * refused without trust, accepted when that one certificate is trusted, and refused when the
 * certificate is trusted but names another host (hostname checks stay on).
 */
class RtmpsTest {
    @TempDir
    static Path dir;
    private static Path keystore;
    private static Path certificate;
    private static final char[] PASSWORD = "changeit".toCharArray();

    private static Path otherKeystore;
    private static Path otherCertificate;

    @BeforeAll
    static void makeCertificates() throws Exception {
        keystore = dir.resolve("server.p12");
        certificate = dir.resolve("server.crt");
        otherKeystore = dir.resolve("other.p12");
        otherCertificate = dir.resolve("other.crt");
        makeCertificate(keystore, certificate, "SAN=ip:127.0.0.1,dns:localhost");
        makeCertificate(otherKeystore, otherCertificate, "SAN=dns:other.example");
    }

    private static void makeCertificate(Path store, Path cert, String san) throws Exception {
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        run(keytool, "-genkeypair", "-alias", "srv", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
                "-ext", san, "-validity", "2", "-storetype", "PKCS12",
                "-keystore", store.toString(), "-storepass", "changeit");
        run(keytool, "-exportcert", "-rfc", "-alias", "srv", "-keystore", store.toString(), "-storepass", "changeit",
                "-file", cert.toString());
    }

    private static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, out);
    }

    private static FakeRtmpServer tlsServer() throws Exception {
        return tlsServer(keystore);
    }

    private static FakeRtmpServer tlsServer(Path store) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            ks.load(in, PASSWORD);
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, PASSWORD);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), null, null);
        SSLServerSocket s = (SSLServerSocket) ctx.getServerSocketFactory().createServerSocket(0, 10,
                InetAddress.getLoopbackAddress());
        return new FakeRtmpServer(s, p -> {
            p.connectOk();
            p.awaitClose();
        });
    }

    private static NetStatusEvent connect(String url, RtmpOptions options) throws Exception {
        Events events = new Events();
        NetConnection nc = new NetConnection();
        nc.addNetStatusListener(events);
        nc.setRtmpOptions(options);
        nc.connect(url);
        NetStatusEvent e = events.next(10);
        nc.close();
        return e;
    }

    @Test
    void selfSignedCertificateIsRefusedByDefault() throws Exception {
        try (FakeRtmpServer server = tlsServer()) {
            NetStatusEvent e = connect("rtmps://127.0.0.1:" + server.port() + "/app", RtmpOptions.DEFAULTS);
            assertEquals("NetConnection.Connect.Failed", e.code());
            assertTrue(e.description().startsWith("TLS with 127.0.0.1:" + server.port() + " failed"), e.description());
        }
    }

    @Test
    void theOneTrustedCertificateIsAccepted() throws Exception {
        try (FakeRtmpServer server = tlsServer()) {
            NetStatusEvent e = connect("rtmps://127.0.0.1:" + server.port() + "/app",
                    RtmpOptions.DEFAULTS.withTrustedCertificate(certificate));
            assertEquals("NetConnection.Connect.Success", e.code(), e.toString());
            assertEquals(List.of(), server.errors());
        }
    }

    @Test
    void hostNamesAreCheckedEvenForTheTrustedCertificate() throws Exception {
        try (FakeRtmpServer server = tlsServer(otherKeystore)) {
            NetStatusEvent e = connect("rtmps://127.0.0.1:" + server.port() + "/app",
                    RtmpOptions.DEFAULTS.withTrustedCertificate(otherCertificate));
            assertEquals("NetConnection.Connect.Failed", e.code());
            assertTrue(e.description().startsWith("TLS with 127.0.0.1:" + server.port() + " failed"), e.description());
        }
    }
}
