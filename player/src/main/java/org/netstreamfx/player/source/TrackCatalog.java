package org.netstreamfx.player.source;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.netstreamfx.player.flv.AudioCodec;
import org.netstreamfx.player.flv.AudioPacketType;
import org.netstreamfx.player.flv.AudioSpecificConfig;
import org.netstreamfx.player.flv.AudioTagHeader;
import org.netstreamfx.player.flv.FlvTagType;
import org.netstreamfx.player.flv.MultitrackTracks;
import org.netstreamfx.player.flv.VideoFrameType;
import org.netstreamfx.player.flv.VideoPacketType;
import org.netstreamfx.player.flv.VideoTagHeader;
import org.netstreamfx.player.media.StreamTrack;
import org.netstreamfx.player.media.TrackFormat;
import org.netstreamfx.player.media.TrackKind;
import org.netstreamfx.player.wire.WireFormatException;

/**
 * Every audio and video track an FLV stream carries, by kind and Enhanced RTMP trackId, learnt
 * from the tags as they pass: a plain (single-track) tag is track 0 of its kind; a Multitrack tag
 * names each of its tracks (Enhanced RTMP v2). Audio sequence starts give a track's sample rate
 * and channels. The engine plays one track of each kind; this is the listing of all of them.
 *
 * <p>Thread ownership: one thread at a time (the demux thread); {@link #tracks()} is a copy.
 */
final class TrackCatalog {
    private final Map<Integer, StreamTrack> video = new TreeMap<>();
    private final Map<Integer, StreamTrack> audio = new TreeMap<>();

    /**
     * Notes the tracks a tag names.
     *
     * @return true when the set of tracks or what is known of one changed
     */
    boolean note(FlvTagType type, byte[] body) throws WireFormatException {
        if (type == FlvTagType.VIDEO) {
            return noteVideo(body);
        }
        if (type == FlvTagType.AUDIO) {
            return noteAudio(body);
        }
        return false;
    }

    /** The tracks seen so far: video by id, then audio by id. */
    List<StreamTrack> tracks() {
        List<StreamTrack> out = new ArrayList<>(video.values());
        out.addAll(audio.values());
        return List.copyOf(out);
    }

    private boolean noteVideo(byte[] body) throws WireFormatException {
        VideoTagHeader h = VideoTagHeader.parse(body);
        if (h.packetType() == VideoPacketType.METADATA || h.frameType() == VideoFrameType.COMMAND) {
            return false;
        }
        List<MultitrackTracks.Track> tracks = MultitrackTracks.of(h, body);
        if (tracks.isEmpty()) {
            String codec = h.codec().fourCc() != null ? h.codec().fourCc() : h.codec().name();
            return put(video, StreamTrack.of(0, TrackKind.VIDEO, codec));
        }
        boolean changed = false;
        for (MultitrackTracks.Track t : tracks) {
            changed |= put(video, StreamTrack.of(t.trackId(), TrackKind.VIDEO, t.fourCc()));
        }
        return changed;
    }

    private boolean noteAudio(byte[] body) throws WireFormatException {
        AudioTagHeader h = AudioTagHeader.parse(body);
        if (h instanceof AudioTagHeader.Legacy l) {
            StreamTrack t = StreamTrack.of(0, TrackKind.AUDIO, l.format().name());
            StreamTrack known = audio.get(0);
            return put(audio, known != null && known.codec().equals(t.codec()) ? known : t);
        }
        AudioTagHeader.Extended x = (AudioTagHeader.Extended) h;
        List<MultitrackTracks.Track> tracks = MultitrackTracks.of(x, body);
        if (tracks.isEmpty()) {
            tracks = List.of(new MultitrackTracks.Track(0, x.codec().fourCc(), x.payloadOffset(),
                    body.length - x.payloadOffset()));
        }
        boolean changed = false;
        for (MultitrackTracks.Track t : tracks) {
            StreamTrack track = audio.getOrDefault(t.trackId(), StreamTrack.of(t.trackId(), TrackKind.AUDIO, t.fourCc()));
            if (!track.codec().equals(t.fourCc())) {
                track = StreamTrack.of(t.trackId(), TrackKind.AUDIO, t.fourCc());
            }
            if (x.packetType() == AudioPacketType.SEQUENCE_START && t.length() > 0) {
                track = configured(track, t, body);
            }
            changed |= put(audio, track);
        }
        return changed;
    }

    /** The track with the rate and channels of its sequence start, when this player can read it. */
    private static StreamTrack configured(StreamTrack track, MultitrackTracks.Track t, byte[] body)
            throws WireFormatException {
        byte[] payload = Arrays.copyOfRange(body, t.offset(), t.offset() + t.length());
        AudioCodec codec = AudioCodec.AAC.fourCc().equals(t.fourCc()) ? AudioCodec.AAC : null;
        if (codec == AudioCodec.AAC) {
            AudioSpecificConfig c = AudioSpecificConfig.parse(payload);
            return track.withAudio(c.outputSampleRate(), Math.max(1, c.channels()));
        }
        for (AudioCodec other : AudioCodec.values()) {
            if (other.fourCc().equals(t.fourCc()) && ExAudioFormats.configuredBySequenceStart(other)) {
                TrackFormat f = ExAudioFormats.fromSequenceStart(t.trackId(), other, payload).format();
                return track.withAudio(f.sampleRateHz(), f.channels());
            }
        }
        return track;
    }

    private static boolean put(Map<Integer, StreamTrack> tracks, StreamTrack t) {
        return !t.equals(tracks.put(t.id(), t));
    }
}
