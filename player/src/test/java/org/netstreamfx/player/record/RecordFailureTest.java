package org.netstreamfx.player.record;

import org.netstreamfx.player.net.RecordEvents;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.netstreamfx.player.media.Codec;
import org.netstreamfx.player.media.TrackFormat;
import org.netstreamfx.player.net.NetStatusEvent;
import org.netstreamfx.player.net.StatusLevel;

/**
 * A recording that cannot be made reports NetStream.Record.Failed once, with a description, and
 * never throws into the media path: write() and writeData() keep returning.
 */
class RecordFailureTest {
    @TempDir
    static Path dir;
    static StreamFeed feed;

    @BeforeAll
    static void makeStream() throws Exception {
        Path source = dir.resolve("source.flv");
        Cli.makeStream(source, 1, 25);
        feed = StreamFeed.read(source.toString());
    }

    private static List<NetStatusEvent> recordTo(String kind, Path target) {
        List<NetStatusEvent> events = new CopyOnWriteArrayList<>();
        Recorder r = RecorderTest.recorder(kind, target, events);
        r.start(feed.tracks);
        feed.into(r); // must not throw
        r.writeData("onCuePoint", List.of("after the failure"));
        r.stop();
        assertEquals(Recorder.State.FAILED, r.state());
        return events;
    }

    private static NetStatusEvent onlyFailure(List<NetStatusEvent> events) {
        assertEquals(List.of("NetStream.Record.Failed"),
                events.stream().filter(e -> !e.code().equals("NetStream.Record.Start")).map(NetStatusEvent::code).toList(),
                "one failure, no stop: " + events);
        NetStatusEvent failed = events.get(events.size() - 1);
        assertEquals(StatusLevel.ERROR, failed.level());
        return failed;
    }

    @ParameterizedTest
    @ValueSource(strings = {"flv", "mp4"})
    void aPathUnderProcCannotBeCreated(String kind) {
        Path target = Path.of("/proc/nsfx-record-test." + kind);
        List<NetStatusEvent> events = recordTo(kind, target);
        NetStatusEvent failed = onlyFailure(events);
        assertEquals(1, events.size(), "no Record.Start: " + events);
        assertTrue(failed.description().startsWith("Cannot record to " + target + ": "), failed.description());
        assertTrue(failed.description().endsWith(". The stream goes on without recording."), failed.description());
        assertEquals(target.toString(), failed.details());
    }

    @ParameterizedTest
    @ValueSource(strings = {"flv", "mp4"})
    void aPathUnderAFileIsNotAFolder(String kind) throws Exception {
        Path file = Files.writeString(dir.resolve("plain-file-" + kind), "x");
        Path target = file.resolve("recording." + kind);
        NetStatusEvent failed = onlyFailure(recordTo(kind, target));
        assertTrue(failed.description().startsWith("Cannot record to " + target + ": "), failed.description());
    }

    @ParameterizedTest
    @ValueSource(strings = {"flv", "mp4"})
    void aMissingFolderIsReported(String kind) {
        Path target = dir.resolve("no-such-folder").resolve("recording." + kind);
        NetStatusEvent failed = onlyFailure(recordTo(kind, target));
        assertTrue(failed.description().startsWith("Cannot record to " + target + ": "), failed.description());
    }

    /**
     * A folder with mode r-x: the file cannot be created, unless the tests run as root, whom the
     * kernel lets write anywhere; then the recording must simply work.
     */
    @ParameterizedTest
    @ValueSource(strings = {"flv", "mp4"})
    void aReadOnlyFolderRefusesTheFileUnlessTheOsGrantsIt(String kind) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("read-only-" + kind));
        assertTrue(folder.toFile().setWritable(false, false));
        try {
            Path target = folder.resolve("recording." + kind);
            if (Files.isWritable(folder)) {
                List<NetStatusEvent> events = new CopyOnWriteArrayList<>();
                Recorder r = RecorderTest.recorder(kind, target, events);
                r.start(feed.tracks);
                feed.into(r);
                r.stop();
                assertEquals(List.of("NetStream.Record.Start", "NetStream.Record.Stop"),
                        events.stream().map(NetStatusEvent::code).toList());
                return;
            }
            NetStatusEvent failed = onlyFailure(recordTo(kind, target));
            assertTrue(failed.description().contains("ermission denied"), failed.description());
        } finally {
            folder.toFile().setWritable(true, false);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"flv", "mp4"})
    void aFullDiskFailsTheRecordingAndTheStreamGoesOn(String kind) {
        Path full = Path.of("/dev/full");
        if (!Files.isWritable(full)) {
            throw new org.opentest4j.TestAbortedException("/dev/full is not writable on this machine");
        }
        NetStatusEvent failed = onlyFailure(recordTo(kind, full));
        assertTrue(failed.description().contains("No space left on device"), failed.description());
    }

    @Test
    void flvRefusesCodecsItCannotHold() {
        // Enhanced FLV keeps HEVC, AV1, VP9, Opus, FLAC, AC-3 and E-AC-3 (RecordEnhancedCodecsTest); H.266 has no FourCC.
        List<NetStatusEvent> events = new CopyOnWriteArrayList<>();
        Recorder r = new FlvRecorder(dir.resolve("vvc.flv"), Runnable::run, RecordEvents.forwardingTo(events::add));
        r.start(List.of(new TrackFormat(0, Codec.VVC, new byte[] {1}, 320, 240, 25, 0, 0, 0, "", "")));
        NetStatusEvent failed = onlyFailure(events);
        assertEquals("Cannot record to " + dir.resolve("vvc.flv") + ": FLV cannot keep H.266 (Enhanced RTMP v2 gives "
                + "it no FourCC); record to .mp4. The stream goes on without recording.", failed.description());
    }

    /** An Opus track without its OpusHead: neither format can describe it, and both say which track it is. */
    @ParameterizedTest
    @ValueSource(strings = {"flv", "mp4"})
    void aTrackWithoutItsConfigurationFailsAtStartNamingIt(String kind) {
        List<NetStatusEvent> events = new CopyOnWriteArrayList<>();
        Path target = dir.resolve("opus-without-head." + kind);
        Recorder r = RecorderTest.recorder(kind, target, events);
        r.start(List.of(new TrackFormat(0, Codec.OPUS, new byte[0], 0, 0, 0, 48_000, 2, 0, "", "")));
        NetStatusEvent failed = onlyFailure(events);
        String why = kind.equals("flv") ? "Opus came without its configuration (Opus), which an FLV must start with"
                : "the mp4 muxer refused the tracks (track 0 Opus  48000 Hz 2 ch): ";
        assertTrue(failed.description().startsWith("Cannot record to " + target + ": " + why), failed.description());
    }

    @Test
    void startingTwiceOrWithNothingIsAProgrammingError() {
        Recorder r = new FlvRecorder(dir.resolve("twice.flv"), Runnable::run, e -> { });
        assertThrows(IllegalArgumentException.class, () -> r.start(List.of()));
        r.start(feed.tracks);
        assertThrows(IllegalStateException.class, () -> r.start(feed.tracks));
        r.stop();
    }
}
