package org.netstreamfx.player.rtmp.client;

import java.nio.file.Path;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * The TLS handshake of an rtmps:// connection failed, with a message that says which check
 * refused the server, read from the JDK's exception chain and the certificates the server
 * presented: the host name is not among the certificate's names (both named), the certificate
 * expired (the date) or is not valid yet, the certificate is self-signed or its issuer is not
 * trusted (the issuer named), or the peer does not speak TLS at all.
 */
public final class TlsRefusedException extends SSLException {
    private static final long serialVersionUID = 1L;

    /** Which check refused the server. */
    public enum Reason {
        HOST_NAME_MISMATCH, EXPIRED, NOT_YET_VALID, SELF_SIGNED, UNTRUSTED_ISSUER, OTHER
    }

    private final Reason reason;

    private TlsRefusedException(Reason reason, String message, SSLException cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    /**
     * The refusal {@code e}, explained.
     *
     * @param host the host name connected to (what the certificate must name)
     * @param chain the chain the server presented (leaf first), or null if it presented none
     * @param trustedFile the one certificate trusted in place of the JDK's store, or null
     */
    static TlsRefusedException explain(SSLException e, String host, X509Certificate[] chain, Path trustedFile) {
        X509Certificate leaf = chain == null || chain.length == 0 ? null : chain[0];
        String hostName = find(e, CertificateException.class, t -> isHostNameMismatch(t.getMessage()));
        if (hostName != null || e instanceof SSLPeerUnverifiedException) {
            return new TlsRefusedException(Reason.HOST_NAME_MISMATCH, "host name mismatch: the certificate names "
                    + (leaf == null ? "other names" : names(leaf)) + ", not " + host
                    + (hostName == null ? "" : " (" + hostName + ")"), e);
        }
        if (find(e, CertificateExpiredException.class, t -> true) != null || expiredReason(e)) {
            String when = leaf == null ? "" : " on " + leaf.getNotAfter().toInstant();
            return new TlsRefusedException(Reason.EXPIRED, "the server's certificate expired" + when
                    + (leaf == null ? "" : " (" + leaf.getSubjectX500Principal().getName() + ")"), e);
        }
        if (find(e, CertificateNotYetValidException.class, t -> true) != null) {
            String when = leaf == null ? "" : " before " + leaf.getNotBefore().toInstant();
            return new TlsRefusedException(Reason.NOT_YET_VALID, "the server's certificate is not valid" + when, e);
        }
        boolean pathFailed = find(e, CertPathBuilderException.class, t -> true) != null
                || find(e, CertPathValidatorException.class, t -> true) != null;
        if (pathFailed && leaf != null) {
            String trustedBy = trustedFile == null ? "the system's trust store" : "the trusted certificate " + trustedFile;
            String issuer = leaf.getIssuerX500Principal().getName();
            if (leaf.getIssuerX500Principal().equals(leaf.getSubjectX500Principal())) {
                return new TlsRefusedException(Reason.SELF_SIGNED, "not trusted: the certificate is self-signed "
                        + "(issuer " + issuer + " is its own subject) and is not in " + trustedBy
                        + "; to trust this one server, pass its certificate with --trust-cert FILE", e);
            }
            return new TlsRefusedException(Reason.UNTRUSTED_ISSUER, "not trusted: the certificate's issuer "
                    + issuer + " is not in " + trustedBy, e);
        }
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new TlsRefusedException(Reason.OTHER, (leaf == null ? "no certificate checked (not a TLS server, or "
                + "no common protocol or cipher): " : "") + m, e);
    }

    private static boolean isHostNameMismatch(String message) {
        return message != null && (message.startsWith("No subject alternative") || message.startsWith("No name matching"));
    }

    private static boolean expiredReason(Throwable e) {
        CertPathValidatorException v = findOf(e, CertPathValidatorException.class);
        return v != null && v.getReason() == CertPathValidatorException.BasicReason.EXPIRED;
    }

    private interface Test<T> {
        boolean test(T t);
    }

    /** The message of the first exception of {@code type} in the cause chain that passes {@code test}, or null. */
    private static <T extends Throwable> String find(Throwable e, Class<T> type, Test<T> test) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t) && test.test(type.cast(t))) {
                return t.getMessage() == null ? type.getSimpleName() : t.getMessage();
            }
        }
        return null;
    }

    private static <T extends Throwable> T findOf(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    /** The names a certificate holds: its DNS and IP subject alternative names, else its subject. */
    static String names(X509Certificate c) {
        List<String> names = new ArrayList<>();
        try {
            Collection<List<?>> sans = c.getSubjectAlternativeNames();
            if (sans != null) {
                for (List<?> san : sans) {
                    Object type = san.get(0);
                    if (Integer.valueOf(2).equals(type)) {
                        names.add("DNS:" + san.get(1));
                    } else if (Integer.valueOf(7).equals(type)) {
                        names.add("IP:" + san.get(1));
                    }
                }
            }
        } catch (CertificateParsingException e) {
            names.add("(unreadable subject alternative names)");
        }
        String subject = c.getSubjectX500Principal().getName();
        return names.isEmpty() ? "only the subject " + subject : String.join(", ", names) + " (subject " + subject + ")";
    }
}
