package org.netstreamfx.app.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.netstreamfx.app.health.ProfileFiles;
import org.netstreamfx.player.health.HealthAnalyzer;
import org.netstreamfx.player.health.HealthReport;
import org.netstreamfx.player.health.Profile;
import org.netstreamfx.player.rtmp.client.RtmpUrl;
import org.netstreamfx.player.util.Redact;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code nsfx inspect}: the stream health of a file, an http(s) URL or an RTMP stream against a
 * profile (generic, youtube, twitch or a JSON file): a human report (a table per track, then the
 * findings with what to change), one JSON document ({@code --json}) or the events as JSON lines as
 * they happen ({@code --events jsonl}, like {@code nsfx play}); {@code --no-decode} reads the packets
 * alone, of a file, an http(s) URL or an RTMP stream, without decoding or playing them. Exit 0 with no error-level finding,
 * 1 otherwise (or when the stream cannot be played), 2 on bad arguments. Addresses are printed
 * with their secrets masked.
 */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Check a stream's health (keyframes, bit rate, timestamps, audio) against a profile.")
public final class InspectCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "<file|url>", description = "A file, an http(s) URL or an rtmp[s]:// stream.")
    String address;

    @Option(names = "--json", description = "Print the report as one JSON document.")
    boolean json;

    @Option(names = "--duration", paramLabel = "S", description = "Inspect at most S s (default: to the end).")
    Double duration;

    @Option(names = "--no-decode", description = "Read the stream's packets directly: no decoding, no playback "
            + "(files, http(s) and RTMP; no delivery figures).")
    boolean noDecode;

    @Option(names = "--profile", paramLabel = "NAME|FILE", description = "generic, youtube, twitch or a JSON file.")
    String profile = "generic";

    @Option(names = "--events", paramLabel = "jsonl", description = "Print each event (health findings included) "
            + "as a JSON line as it happens, then the report as a last line of type \"health\".")
    EventFormat events;

    @Override
    public Integer call() {
        if (duration != null && !(duration > 0)) {
            System.err.println("nsfx inspect: --duration takes more than 0 seconds");
            return 2;
        }
        if (events != null && events != EventFormat.jsonl) {
            System.err.println("nsfx inspect: --events takes jsonl");
            return 2;
        }
        if (json && events != null) {
            System.err.println("nsfx inspect: --json and --events jsonl print different things; choose one");
            return 2;
        }
        Profile p = ProfileFiles.resolveOrExplain(profile, "inspect");
        if (p == null) {
            return 2;
        }
        RtmpUrl.PlayAddress rtmp;
        try {
            rtmp = RtmpUrl.isRtmp(address) ? RtmpUrl.splitPlay(address, null, null) : null;
        } catch (IllegalArgumentException e) {
            System.err.println("nsfx inspect: " + Redact.url(e.getMessage()));
            return 2;
        }
        String shown = Redact.url(address);
        String secret = address.contains("?") ? address.substring(address.indexOf('?') + 1) : null;
        EventPrinter printer = new EventPrinter(System.out, EventFormat.jsonl, System.nanoTime());
        double limitS = duration == null ? Double.POSITIVE_INFINITY : duration;
        boolean failed;
        HealthReport report;
        try {
            if (noDecode) {
                HealthAnalyzer analyzer = new HealthAnalyzer(p, f -> { });
                long limitUs = duration == null ? Long.MAX_VALUE : Math.round(duration * 1e6);
                report = rtmp == null ? InspectDirect.run(address, analyzer, limitUs)
                        : InspectRtmp.run(rtmp, analyzer, limitUs);
                failed = false;
            } else {
                InspectPlay play = new InspectPlay(p, e -> {
                    if (events != null) {
                        printer.status(RecordCommand.redacted(e, secret));
                    }
                });
                report = play.run(address, rtmp, limitS);
                failed = play.failed();
            }
        } catch (Exception e) {
            System.err.println("nsfx inspect: " + shown + ": " + Redact.url(String.valueOf(e.getMessage())));
            return 1;
        }
        if (report == null) {
            System.err.println("nsfx inspect: " + shown + " could not be played");
            return 1;
        }
        int exit = failed || report.hasError() ? 1 : 0;
        if (json || events != null) {
            Map<String, Object> doc = new LinkedHashMap<>();
            if (events != null) {
                doc.put("type", "health");
            }
            doc.put("address", shown);
            doc.putAll(report.toMap());
            doc.put("exit", exit);
            printer.object(doc);
        } else {
            InspectText.print(System.out, shown, report);
        }
        return exit;
    }
}
