package org.netstreamfx.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.netstreamfx.app.ui.DesktopApp;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code nsfx gui [<file|url>]}: the desktop window, playing the address or the demo clip. */
@Command(name = "gui", mixinStandardHelpOptions = true,
        description = "Open the desktop window playing a file or an rtmp(s)/http(s) URL (default: the demo clip).")
public final class GuiCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "<file|url>",
            description = "A local file or an rtmp://, rtmps://, http:// or https:// URL.")
    String address;

    @Option(names = "--screenshot", hidden = true, paramLabel = "DIR",
            description = "Write a PNG of each view to DIR once frames are shown (the publisher's on air to a "
                    + "local nginx-rtmp when installed), then exit.")
    Path screenshotDir;

    @Option(names = "--screenshot-frames", hidden = true, paramLabel = "N",
            description = "Frames to show before the screenshots (default 75).")
    int screenshotFrames = 75;

    @Option(names = "--autoexit-report", hidden = true, paramLabel = "FILE",
            description = "At the end of the media, write the play's figures (dropped frames) to FILE as JSON "
                    + "and exit, like ffplay -autoexit (nsfx bench's GUI cost).")
    Path autoExitReport;
    @Option(names = "--quit-after-frames", hidden = true, paramLabel = "N",
            description = "Close the window once N frames are shown (the launcher's class-archive run, "
                    + "nsfx bench's startup runs).")
    int quitAfterFrames;

    @Override
    public Integer call() {
        String target = address;
        if (target == null) {
            Path demo = NsfxCommand.demoClip();
            if (!Files.exists(demo)) {
                System.err.println("nsfx gui: the demo clip is missing: " + demo);
                return 1;
            }
            target = demo.toString();
        }
        if (screenshotFrames < 1) {
            System.err.println("nsfx gui: --screenshot-frames takes 1 or more");
            return 2;
        }
        if (quitAfterFrames < 0) {
            System.err.println("nsfx gui: --quit-after-frames takes 0 (never) or more");
            return 2;
        }
        if (!DesktopApp.displayAvailable()) {
            System.err.println("nsfx gui: no display (DISPLAY and WAYLAND_DISPLAY are unset); "
                    + "use ./nsfx play <file|url> for the headless player");
            return 1;
        }
        return new DesktopApp(System.err).run(new DesktopApp.Options(target, screenshotDir, screenshotFrames,
                autoExitReport, quitAfterFrames));
    }
}
