package org.netstreamfx.testkit.tls;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;

/**
 * Server certificates for TLS tests, made by the openssl command line (a few milliseconds each,
 * where a keytool JVM takes seconds on a busy machine) in a directory of the test's:
 * self-signed ones with chosen names, and one signed by a test CA that expired days ago. Each
 * comes as a {@link Identity} that opens a TLS listening socket on 127.0.0.1 with it.
 */
public final class TestCertificates {
    private static final String PASSWORD = "changeit";

    private TestCertificates() {
    }

    /**
     * A server's key and certificate chain.
     *
     * @param keyStore    the key and chain, in memory (password "changeit")
     * @param certificate the leaf certificate as a PEM file (what --trust-cert takes)
     * @param leaf        the leaf certificate
     */
    public record Identity(KeyStore keyStore, Path certificate, X509Certificate leaf) {
        /** A TLS listening socket on a free port of 127.0.0.1 presenting this identity. */
        public SSLServerSocket listen() throws IOException {
            try {
                KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(keyStore, PASSWORD.toCharArray());
                SSLContext ctx = SSLContext.getInstance("TLS");
                ctx.init(kmf.getKeyManagers(), null, null);
                return (SSLServerSocket) ctx.getServerSocketFactory().createServerSocket(0, 10,
                        InetAddress.getLoopbackAddress());
            } catch (GeneralSecurityException e) {
                throw new IOException(e);
            }
        }
    }

    /**
     * A self-signed certificate for subject {@code dname} ("CN=…") with the subject alternative
     * names {@code san} (OpenSSL's form: "IP:127.0.0.1,DNS:localhost").
     */
    public static Identity selfSigned(Path dir, String alias, String dname, String san) throws IOException {
        Path key = dir.resolve(alias + ".key");
        Path cert = dir.resolve(alias + ".crt");
        openssl(dir, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-keyout", key.toString(), "-out", cert.toString(), "-days", "2", "-subj", subject(dname),
                "-addext", "subjectAltName=" + san);
        return identity(key, List.of(cert));
    }

    /**
     * A CA ({@code caCertificate} is its PEM file, to trust) and a server certificate for
     * {@code san} it signed, valid for one day from three days ago: expired two days ago.
     */
    public record ExpiredChain(Identity server, Path caCertificate) {
    }

    public static ExpiredChain expiredSignedByCa(Path dir, String san) throws IOException {
        Path caKey = dir.resolve("test-ca.key");
        Path caCert = dir.resolve("test-ca.crt");
        Path key = dir.resolve("expired.key");
        Path csr = dir.resolve("expired.csr");
        Path cert = dir.resolve("expired.crt");
        Path db = dir.resolve("ca-db");
        Files.createDirectories(db);
        Files.writeString(db.resolve("index.txt"), "");
        Files.writeString(db.resolve("serial"), "1000\n");
        Path config = dir.resolve("ca.cnf");
        Files.writeString(config, String.join("\n",
                "[ ca ]", "default_ca = test_ca", "[ test_ca ]",
                "database = " + db.resolve("index.txt"), "new_certs_dir = " + db, "serial = " + db.resolve("serial"),
                "default_md = sha256", "policy = any", "copy_extensions = copy", "unique_subject = no",
                "[ any ]", "commonName = supplied", ""));
        openssl(dir, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-keyout", caKey.toString(), "-out", caCert.toString(), "-days", "30",
                "-subj", "/CN=NetStreamFX Test CA", "-addext", "basicConstraints=critical,CA:TRUE");
        openssl(dir, "req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-keyout", key.toString(), "-out", csr.toString(), "-subj", "/CN=expired.test",
                "-addext", "subjectAltName=" + san);
        DateTimeFormatter f = DateTimeFormatter.ofPattern("yyyyMMddHHmmss'Z'").withZone(ZoneOffset.UTC);
        Instant now = Instant.now();
        openssl(dir, "ca", "-batch", "-notext", "-config", config.toString(), "-cert", caCert.toString(),
                "-keyfile", caKey.toString(), "-in", csr.toString(), "-out", cert.toString(),
                "-startdate", f.format(now.minus(Duration.ofDays(3))), "-enddate", f.format(now.minus(Duration.ofDays(2))));
        return new ExpiredChain(identity(key, List.of(cert, caCert)), caCert);
    }

    private static String subject(String dname) {
        return "/" + dname.replace(",", "/");
    }

    /** The PKCS#8 PEM key in {@code keyFile} with the chain read from {@code chainFiles} (leaf first). */
    private static Identity identity(Path keyFile, List<Path> chainFiles) throws IOException {
        try {
            String pem = Files.readString(keyFile);
            String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            Key key = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(
                    Base64.getDecoder().decode(base64)));
            CertificateFactory cf = CertificateFactory.getInstance("X.509");
            List<Certificate> chain = new ArrayList<>();
            for (Path f : chainFiles) {
                try (InputStream in = Files.newInputStream(f)) {
                    chain.add(cf.generateCertificate(in));
                }
            }
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry("server", key, PASSWORD.toCharArray(), chain.toArray(new Certificate[0]));
            return new Identity(ks, chainFiles.get(0), (X509Certificate) chain.get(0));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IOException("cannot read " + keyFile + ": " + e.getMessage(), e);
        }
    }

    private static void openssl(Path dir, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add("openssl");
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException("openssl " + String.join(" ", args) + " failed:\n" + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
