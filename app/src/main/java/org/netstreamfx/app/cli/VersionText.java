package org.netstreamfx.app.cli;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.netstreamfx.app.ui.VersionInfo;
import picocli.CommandLine.IVersionProvider;

/**
 * What {@code nsfx --version} prints: the app's version, FFmpeg's as the loaded natives report it
 * with their licence (LGPL by default, GPL for the {@code -Pgpl} build with libx264/libx265) and
 * configure line, and the JavaFX and Java versions. It stays quick: the FFmpeg natives are loaded
 * (JavaCPP extracts them once into its cache) but JavaFX's toolkit is never started; the JavaFX
 * version is read from the properties file javafx.base carries.
 */
public final class VersionText implements IVersionProvider {
    /** The FFmpeg licence word for a build that links GPL libraries (x264, x265). */
    static final String GPL = "GPL";
    /** A JavaFX class that loads without starting the toolkit; its module or jar tells the version. */
    private static final String JAVAFX_PROBE_CLASS = "javafx.beans.property.SimpleStringProperty";
    /** The build's properties at the root of the javafx.base jar (javafx.version, javafx.runtime.version). */
    private static final String JAVAFX_PROPERTIES = "/javafx.properties";

    @Override
    public String[] getVersion() {
        VersionInfo info = VersionInfo.current();
        List<String> lines = new ArrayList<>();
        lines.add("NetStreamFX " + info.app());
        lines.add("FFmpeg " + info.ffmpeg() + (info.libraries().isEmpty() ? "" : " (" + info.libraries() + ")"));
        if (!info.libraries().isEmpty()) {
            lines.addAll(ffmpegBuildLines());
        }
        lines.add("JavaFX " + javafxVersion());
        lines.add("Java " + info.java());
        return lines.toArray(String[]::new);
    }

    /** FFmpeg's licence (LGPL or GPL, and libavcodec's own words) and its configure line. */
    static List<String> ffmpegBuildLines() {
        String license = avcodec.avcodec_license().getString();
        String avutilLicense = avutil.avutil_license().getString();
        String configuration = avcodec.avcodec_configuration().getString().strip();
        return List.of("FFmpeg licence: " + licenceKind(license) + " (libavcodec: " + license + "; libavutil: "
                        + avutilLicense + ")",
                "FFmpeg configuration: " + configuration);
    }

    /** "GPL" when FFmpeg's licence string names the GPL (not the LGPL), else "LGPL". */
    static String licenceKind(String license) {
        String l = license.toUpperCase(java.util.Locale.ROOT);
        return l.contains(GPL) && !l.contains("LESSER") && !l.contains("LGPL") ? GPL : "LGPL";
    }

    /**
     * JavaFX's runtime version without starting the toolkit: {@code javafx.runtime.version} of the
     * {@code javafx.properties} that javafx.base carries at its root (readable from the module
     * path and the class path alike), else the module's descriptor version.
     */
    static String javafxVersion() {
        try {
            Class<?> probe = Class.forName(JAVAFX_PROBE_CLASS, false, VersionText.class.getClassLoader());
            try (InputStream in = probe.getResourceAsStream(JAVAFX_PROPERTIES)) {
                if (in != null) {
                    Properties p = new Properties();
                    p.load(in);
                    String v = p.getProperty("javafx.runtime.version", p.getProperty("javafx.version"));
                    if (v != null) {
                        return v;
                    }
                }
            }
            return Optional.ofNullable(probe.getModule().getDescriptor()).flatMap(ModuleDescriptor::rawVersion)
                    .orElse("unknown (no javafx.properties or module version in javafx.base)");
        } catch (ClassNotFoundException e) {
            return "not found (" + e.getMessage() + ")";
        } catch (IOException e) {
            return "unreadable (" + e.getMessage() + ")";
        }
    }
}
