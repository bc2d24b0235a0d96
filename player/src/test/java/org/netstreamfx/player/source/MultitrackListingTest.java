package org.netstreamfx.player.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netstreamfx.player.media.StreamTrack;
import org.netstreamfx.player.media.TrackKind;

/** An FLV file whose audio has more tracks than the one played: FlvSource lists all of them. */
class MultitrackListingTest {
    private static final int SEQUENCE_START = 0;
    private static final int CODED_FRAMES = 1;

    @Test
    void everyAudioTrackIsListedOnceReadAndTheListStaysTheSameUntilItChanges(@TempDir Path dir) throws IOException {
        byte[] flv = MultitrackTags.audioFile(0, List.of(
                HexFormat.of().parseHex("af001210"), // the played track: AAC-LC 44.1 kHz stereo
                MultitrackTags.audio(MultitrackTags.MANY_TRACKS, SEQUENCE_START, "Opus")
                        .track("", 1, MultitrackTags.OPUS_HEAD).track("", 2, MultitrackTags.OPUS_HEAD).bytes(),
                HexFormat.of().parseHex("af01210010"),
                MultitrackTags.audio(MultitrackTags.MANY_TRACKS, CODED_FRAMES, "Opus")
                        .track("", 1, new byte[] {(byte) 0xfc}).track("", 2, new byte[] {(byte) 0xfc}).bytes()));
        Path file = dir.resolve("multitrack-audio.flv");
        Files.write(file, flv);

        try (FlvSource source = new FlvSource(FileInput.open(file))) {
            source.open(); // the probe stops at the played track's configuration
            assertEquals(List.of(StreamTrack.of(0, TrackKind.AUDIO, "mp4a").withAudio(44100, 2)),
                    source.streamTracks());
            List<List<StreamTrack>> listings = new ArrayList<>();
            while (source.read() != null) {
                if (listings.isEmpty() || listings.get(listings.size() - 1) != source.streamTracks()) {
                    listings.add(source.streamTracks());
                }
            }
            assertEquals(1, listings.size(), "one new listing, when the multitrack tag was read; the same after it");
            List<StreamTrack> listed = listings.get(0);
            assertEquals(List.of(0, 1, 2), listed.stream().map(StreamTrack::id).toList());
            assertEquals(List.of("mp4a", "Opus", "Opus"), listed.stream().map(StreamTrack::codec).toList());
            assertEquals(List.of(TrackKind.AUDIO), listed.stream().map(StreamTrack::kind).distinct().toList());
            assertEquals(List.of(44100, 48000, 48000), listed.stream().map(StreamTrack::sampleRateHz).toList());
        }
    }
}
