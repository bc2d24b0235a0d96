package org.netstreamfx.app.cli;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.netstreamfx.app.health.ProfileFiles;
import org.netstreamfx.app.ui.publisher.PublishFeeds;
import org.netstreamfx.capture.device.CaptureClock;
import org.netstreamfx.capture.device.DeviceException;
import org.netstreamfx.capture.device.Devices;
import org.netstreamfx.player.health.HealthReport;
import org.netstreamfx.player.health.Profile;
import org.netstreamfx.player.publish.StreamCheck;

/**
 * {@code nsfx publish … --check}: the publisher's "Check my stream" on the command line. The
 * camera and microphone are encoded with the settings given for a while and judged by the
 * profile ({@link StreamCheck}); nothing is sent. The report is printed as {@code nsfx inspect}
 * prints one ({@link InspectText}); exit 0 without an error-level finding, 1 with one (or when the
 * devices fail), 2 for a profile that cannot be read.
 */
final class PublishCheck {
    /** What a check may take in wall time beyond its media time (opening devices, starting encoders). */
    private static final long GRACE_S = 30;

    private PublishCheck() {
    }

    static int run(PublishFeeds feeds, String profileName, double seconds, String shownAddress) {
        Profile profile = ProfileFiles.resolveOrExplain(profileName, "publish");
        if (profile == null) {
            return 2;
        }
        StreamCheck check;
        try {
            PublishFeeds.Opened o = feeds.open(new Devices(), CaptureClock.system(), pick -> { });
            if (o.camera() == null && o.microphone() == null) {
                System.err.println("nsfx publish: --check needs a camera or a microphone");
                return 2;
            }
            check = new StreamCheck(o.camera(), o.microphone(), profile, Math.round(seconds * 1e6));
        } catch (DeviceException e) {
            System.err.println("nsfx publish --check: " + e.getMessage());
            return 1;
        }
        CompletableFuture<HealthReport> result = check.start();
        try {
            HealthReport r = result.get(Math.round(seconds) + GRACE_S, TimeUnit.SECONDS);
            InspectText.print(System.out, shownAddress, r);
            return r.hasError() ? 1 : 0;
        } catch (ExecutionException e) {
            System.err.println("nsfx publish --check: " + e.getCause().getMessage());
            return 1;
        } catch (TimeoutException e) {
            check.cancel();
            System.err.println("nsfx publish --check: the devices delivered too little in " + (Math.round(seconds)
                    + GRACE_S) + " s");
            return 1;
        } catch (InterruptedException e) {
            check.cancel();
            Thread.currentThread().interrupt();
            return 1;
        }
    }
}
