package org.netstreamfx.player.rtmp.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netstreamfx.player.net.NetConnection;
import org.netstreamfx.player.net.NetStatusEvent;
import org.netstreamfx.testkit.tls.TestCertificates;

/**
 * rtmps:// against a TLS fake server with a self-signed certificate made by openssl ({@link TestCertificates}):
 * refused without trust, accepted when that one certificate is trusted, and refused when the
 * certificate is trusted but names another host (hostname checks stay on).
 */
class RtmpsTest {
    @TempDir
    static Path dir;
    private static TestCertificates.Identity localCert;
    private static TestCertificates.Identity otherCert;

    @BeforeAll
    static void makeCertificates() throws Exception {
        localCert = TestCertificates.selfSigned(dir, "server", "CN=localhost", "IP:127.0.0.1,DNS:localhost");
        otherCert = TestCertificates.selfSigned(dir, "other", "CN=localhost", "DNS:other.example");
    }

    private static FakeRtmpServer tlsServer() throws Exception {
        return tlsServer(localCert);
    }

    private static FakeRtmpServer tlsServer(TestCertificates.Identity id) throws Exception {
        return new FakeRtmpServer(id.listen(), p -> {
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
                    RtmpOptions.DEFAULTS.withTrustedCertificate(localCert.certificate()));
            assertEquals("NetConnection.Connect.Success", e.code(), e.toString());
            assertEquals(List.of(), server.errors());
        }
    }

    @Test
    void hostNamesAreCheckedEvenForTheTrustedCertificate() throws Exception {
        try (FakeRtmpServer server = tlsServer(otherCert)) {
            NetStatusEvent e = connect("rtmps://127.0.0.1:" + server.port() + "/app",
                    RtmpOptions.DEFAULTS.withTrustedCertificate(otherCert.certificate()));
            assertEquals("NetConnection.Connect.Failed", e.code());
            assertTrue(e.description().startsWith("TLS with 127.0.0.1:" + server.port() + " failed"), e.description());
        }
    }
}
