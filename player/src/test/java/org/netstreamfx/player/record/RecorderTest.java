package org.netstreamfx.player.record;

import org.netstreamfx.player.net.RecordEvents;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.netstreamfx.player.media.TrackFormat;
import org.netstreamfx.player.media.TrackKind;
import org.netstreamfx.player.net.NetStatusEvent;
import org.netstreamfx.player.source.MediaSource;
import org.netstreamfx.player.source.SourceDescription;
import org.netstreamfx.player.source.SourceItem;
import org.netstreamfx.player.source.SourcePacket;
import org.netstreamfx.player.source.Sources;

/**
 * A 4 s H.264 (with B-frames) + AAC stream, read by the player's demuxers and recorded to FLV and
 * to fragmented MP4, then read back by ffprobe, ffmpeg and the player: same codecs, same frame
 * counts, no decode errors.
 */
class RecorderTest {
    @TempDir
    static Path dir;
    static StreamFeed feed;
    static Map<String, String> sourceVideo;
    static Map<String, String> sourceAudio;

    @BeforeAll
    static void makeStream() throws Exception {
        Path source = dir.resolve("source.flv");
        Cli.makeStream(source, 4, 25);
        feed = StreamFeed.read(source.toString());
        sourceVideo = Cli.stream(source, "v:0", "codec_name,width,height,nb_read_frames");
        sourceAudio = Cli.stream(source, "a:0", "codec_name,sample_rate,channels,nb_read_frames");
    }

    static Recorder recorder(String kind, Path path, List<NetStatusEvent> events) {
        BiFunction<Path, RecordListener, Recorder> make = kind.equals("flv")
                ? (p, l) -> new FlvRecorder(p, Runnable::run, l)
                : (p, l) -> new FragmentedMp4Recorder(p, Runnable::run, l);
        return make.apply(path, RecordEvents.forwardingTo(events::add));
    }

    private Path record(String kind, List<NetStatusEvent> events) {
        Path out = dir.resolve("recording." + (kind.equals("flv") ? "flv" : "mp4"));
        Recorder r = recorder(kind, out, events);
        r.start(feed.tracks);
        feed.into(r);
        r.stop();
        assertEquals(Recorder.State.STOPPED, r.state());
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"flv", "mp4"})
    void ffprobeSeesTheSameCodecsAndFrameCounts(String kind) throws Exception {
        List<NetStatusEvent> events = new CopyOnWriteArrayList<>();
        Path out = record(kind, events);
        assertEquals(List.of("NetStream.Record.Start", "NetStream.Record.Stop"),
                events.stream().map(NetStatusEvent::code).toList());
        assertEquals(out.toString(), events.get(0).details());
        assertEquals(sourceVideo, Cli.stream(out, "v:0", "codec_name,width,height,nb_read_frames"));
        assertEquals(sourceAudio, Cli.stream(out, "a:0", "codec_name,sample_rate,channels,nb_read_frames"));
        assertEquals("", Cli.decodeErrors(out));
        Cli.Result format = Cli.format(out);
        assertEquals("", format.stderr());
        double duration = Double.parseDouble(Cli.keyValues(format.stdout()).get("duration"));
        assertEquals(4.0, duration, 0.1, "duration");
    }

    @ParameterizedTest
    @ValueSource(strings = {"flv", "mp4"})
    void thePlayerReadsTheRecordingBackPacketForPacket(String kind) throws Exception {
        Path out = record(kind, new CopyOnWriteArrayList<>());
        try (MediaSource source = Sources.open(out.toString())) {
            SourceDescription d = source.open();
            TrackFormat v = d.track(TrackKind.VIDEO).orElseThrow();
            TrackFormat a = d.track(TrackKind.AUDIO).orElseThrow();
            TrackFormat sv = feed.tracks.stream().filter(t -> t.kind() == TrackKind.VIDEO).findFirst().orElseThrow();
            TrackFormat sa = feed.tracks.stream().filter(t -> t.kind() == TrackKind.AUDIO).findFirst().orElseThrow();
            assertEquals(sv.codec(), v.codec());
            assertEquals(320, v.width());
            assertEquals(240, v.height());
            assertEquals(sa.sampleRateHz(), a.sampleRateHz());
            assertEquals(sa.channels(), a.channels());
            int video = 0;
            int audio = 0;
            int videoKeys = 0;
            SourceItem item;
            while ((item = source.read()) != null) {
                if (item instanceof SourcePacket p) {
                    if (p.packet().trackIndex() == v.index()) {
                        video++;
                        videoKeys += p.packet().keyframe() ? 1 : 0;
                    } else if (p.packet().trackIndex() == a.index()) {
                        audio++;
                    }
                }
            }
            assertEquals(feed.packets(sv.index()).size(), video);
            assertEquals(feed.packets(sa.index()).size(), audio);
            assertEquals(feed.packets(sv.index()).stream().filter(p -> p.keyframe()).count(), videoKeys);
        }
    }

    @org.junit.jupiter.api.Test
    void flvKeepsDataMessagesAndTheOnMetaDataDuration() throws Exception {
        Path out = dir.resolve("cues.flv");
        Recorder r = recorder("flv", out, new CopyOnWriteArrayList<>());
        r.start(feed.tracks);
        int half = feed.items.size() / 2;
        feed.items.subList(0, half).forEach(i -> {
            if (i instanceof SourcePacket p) {
                r.write(p.packet());
            }
        });
        r.writeData("onCuePoint", List.of(Map.of("name", "middle", "time", 2.0)));
        feed.items.subList(half, feed.items.size()).forEach(i -> {
            if (i instanceof SourcePacket p) {
                r.write(p.packet());
            }
        });
        r.stop();
        try (MediaSource source = Sources.open(out.toString())) {
            SourceDescription d = source.open();
            assertEquals(4.0, ((Number) d.containerMetadata().get("duration")).doubleValue(), 0.1);
            assertEquals("NetStreamFX recorder", d.containerMetadata().get("encoder"));
            org.netstreamfx.player.source.DataMessage cue = null;
            SourceItem item;
            while ((item = source.read()) != null) {
                if (item instanceof org.netstreamfx.player.source.DataMessage m) {
                    cue = m;
                }
            }
            assertNotNull(cue);
            assertEquals("onCuePoint", cue.handler());
            assertEquals(Map.of("name", "middle", "time", 2.0), cue.args().get(0));
            assertTrue(cue.ptsUs() > 1_500_000 && cue.ptsUs() < 2_500_000, "cue at " + cue.ptsUs());
        }
    }
}
