package org.netstreamfx.app.cli;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.netstreamfx.app.probe.MediaInfo;
import org.netstreamfx.player.source.MediaSource;
import org.netstreamfx.player.source.SourceDescription;
import org.netstreamfx.player.source.Sources;
import org.netstreamfx.player.source.StreamNotFoundException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code nsfx probe}: one JSON object describing the container and its streams. */
@Command(name = "probe", mixinStandardHelpOptions = true,
        description = "Describe a file or http(s) URL: container, duration, and each stream as JSON.")
public final class ProbeCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "<file|url>")
    String address;

    @Override
    public Integer call() {
        EventPrinter printer = new EventPrinter(System.out, EventFormat.jsonl, System.nanoTime());
        try (MediaSource source = Sources.open(address)) {
            SourceDescription d = source.open();
            printer.object(describe(d, source.bytesTotal()));
            return 0;
        } catch (StreamNotFoundException e) {
            printer.object(error("NetStream.Play.StreamNotFound", e.getMessage()));
            return 1;
        } catch (IOException | RuntimeException e) {
            printer.object(error("NetStream.Play.Failed", e.getMessage() == null ? e.toString() : e.getMessage()));
            return 1;
        }
    }

    private static Map<String, Object> error(String code, String description) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "error");
        m.put("code", code);
        m.put("level", "error");
        m.put("description", description);
        return m;
    }

    static Map<String, Object> describe(SourceDescription d, long bytes) {
        return new MediaInfo(d, bytes, Map.of()).toJson();
    }
}
