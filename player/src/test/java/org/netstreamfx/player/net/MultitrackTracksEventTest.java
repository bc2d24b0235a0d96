package org.netstreamfx.player.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netstreamfx.player.media.StreamTrack;
import org.netstreamfx.player.source.MultitrackTags;

/**
 * A file whose audio carries two more (Opus) tracks beside the AAC track played: NetStream
 * announces the set with NetStreamFX.Tracks.Changed and info() lists it; the played track plays on.
 */
class MultitrackTracksEventTest {
    private static final int SEQUENCE_START = 0;
    /** An AAC-LC stereo frame of silence. */
    private static final byte[] SILENT_AAC = HexFormat.of().parseHex("af01211004608c1c");
    private static final int AAC_FRAMES = 20;
    /** 1024 samples at 44.1 kHz. */
    private static final int AAC_FRAME_MS = 23;
    private static final long WAIT_MS = 15_000;

    @Test
    void extraTracksAreAnnouncedAndListed(@TempDir Path dir) throws Exception {
        List<byte[]> tags = new ArrayList<>();
        tags.add(HexFormat.of().parseHex("af001210"));
        tags.add(MultitrackTags.audio(MultitrackTags.MANY_TRACKS, SEQUENCE_START, "Opus")
                .track("", 1, MultitrackTags.OPUS_HEAD).track("", 2, MultitrackTags.OPUS_HEAD).bytes());
        for (int i = 0; i < AAC_FRAMES; i++) {
            tags.add(SILENT_AAC);
        }
        Path file = dir.resolve("three-audio-tracks.flv");
        Files.write(file, MultitrackTags.audioFile(AAC_FRAME_MS, tags));

        try (PlayedMedia run = new PlayedMedia()) {
            run.ns.play(file.toString());
            NetStatusEvent changed = run.awaitEvent("NetStreamFX.Tracks.Changed", 1, WAIT_MS);
            assertEquals("The stream carries 0 video and 3 audio track(s).", changed.description());
            List<?> details = (List<?>) changed.details();
            assertEquals(List.of(0, 1, 2), details.stream().map(d -> ((Map<?, ?>) d).get("id")).toList());
            assertEquals(List.of("mp4a", "Opus", "Opus"),
                    details.stream().map(d -> ((Map<?, ?>) d).get("codec")).toList());
            assertEquals(List.of(0, 1, 2), run.ns.info().tracks().stream().map(StreamTrack::id).toList());
            run.awaitComplete(WAIT_MS);
            assertFalse(run.codes().contains("NetStream.Play.Failed"), run.codes().toString());
        }
    }
}
