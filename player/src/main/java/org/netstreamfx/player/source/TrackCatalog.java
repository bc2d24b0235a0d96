package org.netstreamfx.player.source;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.netstreamfx.player.flv.AacPacketType;
import org.netstreamfx.player.flv.AudioCodec;
import org.netstreamfx.player.flv.AudioPacketType;
import org.netstreamfx.player.flv.AudioSpecificConfig;
import org.netstreamfx.player.flv.AudioTagHeader;
import org.netstreamfx.player.flv.FlvTagType;
import org.netstreamfx.player.flv.MultitrackTracks;
import org.netstreamfx.player.flv.SoundFormat;
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
            return putVideo(0, codec);
        }
        boolean changed = false;
        for (MultitrackTracks.Track t : tracks) {
            changed |= putVideo(t.trackId(), t.fourCc());
        }
        return changed;
    }

    /** A video track as a tag names it: its size, once known, is kept while its codec stays. */
    private boolean putVideo(int trackId, String codec) {
        StreamTrack known = video.get(trackId);
        return put(video, known != null && known.codec().equals(codec) ? known : StreamTrack.of(trackId, TrackKind.VIDEO, codec));
    }

    /** True for a listed video track whose picture size is not known yet. */
    boolean unsized(int trackId) {
        StreamTrack t = video.get(trackId);
        return t != null && t.width() == 0;
    }

    /**
     * Notes a video track's picture size (from its first keyframe).
     *
     * @return true when the listing changed
     */
    boolean sized(int trackId, int width, int height) {
        StreamTrack t = video.get(trackId);
        return t != null && put(video, t.withSize(width, height));
    }

    private boolean noteAudio(byte[] body) throws WireFormatException {
        AudioTagHeader h = AudioTagHeader.parse(body);
        if (h instanceof AudioTagHeader.Legacy l) {
            StreamTrack t = StreamTrack.of(0, TrackKind.AUDIO, legacyCodec(l.format()));
            StreamTrack known = audio.get(0);
            if (l.aacPacketType().orElse(null) == AacPacketType.SEQUENCE_HEADER && body.length > l.payloadOffset()) {
                AudioSpecificConfig c = AudioSpecificConfig.parse(Arrays.copyOfRange(body, l.payloadOffset(),
                        body.length));
                t = t.withAudio(c.outputSampleRate(), Math.max(1, c.channels()));
            } else if (known != null && known.codec().equals(t.codec())) {
                t = known;
            }
            return put(audio, t);
        }
        AudioTagHeader.Extended x = (AudioTagHeader.Extended) h;
        List<MultitrackTracks.Track> tracks = MultitrackTracks.of(x, body);
        if (tracks.isEmpty()) {
            tracks = List.of(new MultitrackTracks.Track(0, x.codec().fourCc(), x.payloadOffset(),
                    body.length - x.payloadOffset()));
        }
        boolean changed = false;
        for (MultitrackTracks.Track t : tracks) {
            StreamTrack track = audio.get(t.trackId());
            if (track == null || !track.codec().equals(t.fourCc())) {
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
        if (AudioCodec.AAC.fourCc().equals(t.fourCc())) {
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

    /** A legacy SoundFormat as the FourCC Enhanced RTMP gives the same codec, else its name. */
    private static String legacyCodec(SoundFormat format) {
        return switch (format) {
            case AAC -> AudioCodec.AAC.fourCc();
            case MP3, MP3_8KHZ -> AudioCodec.MP3.fourCc();
            default -> format.name();
        };
    }

    private static boolean put(Map<Integer, StreamTrack> tracks, StreamTrack t) {
        return !t.equals(tracks.put(t.id(), t));
    }
}
