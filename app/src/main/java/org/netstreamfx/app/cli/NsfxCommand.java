package org.netstreamfx.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code nsfx}: with no command, plays the bundled demo clip. */
@Command(name = "nsfx", mixinStandardHelpOptions = true, version = "NetStreamFX 0.1.0",
        description = "Play, probe and test FLV/MP4 files, http(s) and RTMP streams the Flash NetStream way.",
        subcommands = {PlayCommand.class, ProbeCommand.class, CallCommand.class})
public final class NsfxCommand implements Callable<Integer> {

    /** Where the launcher says the repository is (the demo clip lives in resources/demo). */
    static Path demoClip() {
        String home = System.getProperty("nsfx.home", ".");
        return Path.of(home, "resources", "demo", "demo.mp4");
    }

    @Override
    public Integer call() {
        Path demo = demoClip();
        if (!Files.exists(demo)) {
            System.err.println("nsfx: the demo clip is missing: " + demo);
            return 1;
        }
        System.err.println("nsfx: playing the demo clip " + demo + " (the desktop window arrives with the UI; "
                + "events follow as text)");
        PlayCommand play = new PlayCommand();
        play.address = demo.toString();
        play.format = EventFormat.text;
        return play.call();
    }
}
