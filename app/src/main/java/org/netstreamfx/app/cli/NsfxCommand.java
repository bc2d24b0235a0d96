package org.netstreamfx.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.netstreamfx.player.rtmp.client.ReconnectPolicy;
import org.netstreamfx.player.rtmp.client.RtmpOptions;
import picocli.CommandLine.Command;

/** {@code nsfx}: with no command, opens the window on the bundled demo clip (headless without a display). */
@Command(name = "nsfx", mixinStandardHelpOptions = true, versionProvider = VersionText.class,
        description = "Play, probe and test FLV/MP4 files, http(s) and RTMP streams the Flash NetStream way.")
public final class NsfxCommand implements Callable<Integer> {
    /**
     * The subcommands, by name, in the order the help lists them. {@code Main} gives picocli only the
     * one a command line names (all of them for the help, the version, a bad or no command): picocli
     * reads each command's options by reflection, and reading all nine took 60-80 ms of every start.
     */
    public static final Map<String, Supplier<Object>> SUBCOMMANDS = subcommands();
    /**
     * How long a command waits for NetStream.close() to finish (a recording's file completed, the
     * playback threads released); a close that takes longer fails the command (exit 1).
     */
    static final int CLOSE_WAIT_SECONDS = 10;

    /**
     * The RTMP options play and publish connect with: {@code --trust-cert} (null: the system's
     * certificates), {@code --silence-timeout} in seconds and {@code --reconnect} tries (0: none).
     */
    static RtmpOptions rtmpOptions(Path trustCert, double silenceTimeoutS, int reconnect) {
        RtmpOptions options = RtmpOptions.DEFAULTS.withTrustedCertificate(trustCert)
                .withSilenceTimeoutMs(Math.round(silenceTimeoutS * 1000));
        return reconnect > 0 ? options.withReconnect(ReconnectPolicy.tries(reconnect)) : options;
    }

    /** Where the launcher says the repository is (the demo clip lives in resources/demo). */
    static Path demoClip() {
        String home = System.getProperty("nsfx.home", ".");
        return Path.of(home, "resources", "demo", "demo.mp4");
    }

    private static Map<String, Supplier<Object>> subcommands() {
        Map<String, Supplier<Object>> m = new LinkedHashMap<>();
        m.put("play", PlayCommand::new);
        m.put("probe", ProbeCommand::new);
        m.put("call", CallCommand::new);
        m.put("devices", DevicesCommand::new);
        m.put("gui", GuiCommand::new);
        m.put("publish", PublishCommand::new);
        m.put("bench", BenchCommand::new);
        m.put("record", RecordCommand::new);
        m.put("inspect", InspectCommand::new);
        return Collections.unmodifiableMap(m);
    }

    @Override
    public Integer call() {
        Path demo = demoClip();
        if (!Files.exists(demo)) {
            System.err.println("nsfx: the demo clip is missing: " + demo);
            return 1;
        }
        if (org.netstreamfx.app.ui.DesktopApp.displayAvailable()) {
            return new org.netstreamfx.app.ui.DesktopApp(System.err)
                    .run(new org.netstreamfx.app.ui.DesktopApp.Options(demo.toString(), null, 1));
        }
        System.err.println("nsfx: no display (DISPLAY and WAYLAND_DISPLAY are unset): playing the demo clip "
                + "headless, events as text; ./nsfx gui opens the window where there is a display");
        PlayCommand play = new PlayCommand();
        play.address = demo.toString();
        play.format = EventFormat.text;
        return play.call();
    }
}
