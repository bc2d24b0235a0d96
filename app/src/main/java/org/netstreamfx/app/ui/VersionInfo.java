package org.netstreamfx.app.ui;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avformat;
import org.bytedeco.ffmpeg.global.avutil;

/**
 * What the About box shows: the app's version as the build wrote it, FFmpeg's as the loaded
 * natives report it ({@code av_version_info()} and the libraries' {@code *_version()} through
 * JavaCPP, not the version the bindings were compiled against), and the JavaFX runtime, Java and
 * OS the app runs on.
 *
 * @param app        the app's version ({@code ${project.version}} of the build)
 * @param ffmpeg     FFmpeg's release, e.g. "8.1.2", or why it is unknown
 * @param libraries  libavutil, libavcodec and libavformat as "60.26.102" each, or "" when not loaded
 * @param javafx     the JavaFX runtime's version
 * @param java       Java's version, vendor and VM
 * @param os         the OS name, version and architecture
 */
public record VersionInfo(String app, String ffmpeg, String libraries, String javafx, String java, String os) {
    /** The resource Maven fills in with the project's version (app/pom.xml filters it). */
    static final String VERSION_RESOURCE = "/org/netstreamfx/app/version.properties";

    /** Reads every version now. Loads the FFmpeg natives if they are not loaded yet: call it off the FX thread. */
    public static VersionInfo current() {
        String ffmpeg;
        String libraries;
        try {
            ffmpeg = avutil.av_version_info().getString();
            libraries = "libavutil " + version(avutil.avutil_version()) + ", libavcodec "
                    + version(avcodec.avcodec_version()) + ", libavformat " + version(avformat.avformat_version());
        } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
            ffmpeg = "not loaded (" + e.getMessage() + ")";
            libraries = "";
        }
        String fx = System.getProperty("javafx.runtime.version", System.getProperty("javafx.version", "not started"));
        String java = System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ", "
                + System.getProperty("java.vm.name") + ")";
        String os = System.getProperty("os.name") + " " + System.getProperty("os.version") + " ("
                + System.getProperty("os.arch") + ")";
        return new VersionInfo(appVersion(), ffmpeg, libraries, fx, java, os);
    }

    /**
     * The app's version: from the resource Maven filtered, else the jar manifest's
     * Implementation-Version, else "unknown" (classes compiled without Maven, as some IDEs do).
     */
    public static String appVersion() {
        try (InputStream in = VersionInfo.class.getResourceAsStream(VERSION_RESOURCE)) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                String v = p.getProperty("version", "").strip();
                if (!v.isEmpty() && !v.contains("${")) {
                    return v;
                }
            }
        } catch (IOException e) {
            // Fall through to the manifest: the resource is part of the build, and unreadable only if it is broken.
        }
        String manifest = VersionInfo.class.getPackage().getImplementationVersion();
        return manifest != null ? manifest : "unknown (not built by Maven)";
    }

    /** An FFmpeg library version int (AV_VERSION_INT: major << 16 | minor << 8 | micro) as "60.26.102". */
    static String version(int v) {
        return (v >>> 16) + "." + ((v >>> 8) & 0xff) + "." + (v & 0xff);
    }

    /** The lines the About box shows, name to value, in order. */
    public Map<String, String> lines() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("NetStreamFX", app);
        m.put("FFmpeg", ffmpeg);
        m.put("FFmpeg libraries", libraries.isEmpty() ? "not loaded" : libraries);
        m.put("JavaFX", javafx);
        m.put("Java", java);
        m.put("OS", os);
        return m;
    }

    /** What Copy puts on the clipboard: one "name: value" line each. */
    public String text() {
        StringBuilder b = new StringBuilder();
        lines().forEach((k, v) -> b.append(k).append(": ").append(v).append('\n'));
        return b.toString();
    }
}
