package org.netstreamfx.player.source;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.netstreamfx.player.amf.AmfValue;
import org.netstreamfx.player.amf.AmfValues;
import org.netstreamfx.player.ffmpeg.VideoSizeProbe;
import org.netstreamfx.player.flv.AacPacketType;
import org.netstreamfx.player.flv.AudioPacketType;
import org.netstreamfx.player.flv.AudioCodec;
import org.netstreamfx.player.flv.AudioSpecificConfig;
import org.netstreamfx.player.flv.AudioTagHeader;
import org.netstreamfx.player.flv.AvcDecoderConfigurationRecord;
import org.netstreamfx.player.flv.HevcDecoderConfigurationRecord;
import org.netstreamfx.player.flv.FlvTagType;
import org.netstreamfx.player.flv.ScriptData;
import org.netstreamfx.player.flv.ScriptDataParser;
import org.netstreamfx.player.flv.SoundFormat;
import org.netstreamfx.player.flv.SoundType;
import org.netstreamfx.player.flv.TrackPayloads;
import org.netstreamfx.player.flv.VideoPacketType;
import org.netstreamfx.player.flv.VideoTagHeader;
import org.netstreamfx.player.media.Codec;
import org.netstreamfx.player.media.MediaPacket;
import org.netstreamfx.player.media.StreamTrack;
import org.netstreamfx.player.media.TrackFormat;
import org.netstreamfx.player.media.TrackKind;
import org.netstreamfx.player.wire.WireFormatException;

/**
 * FLV tag bodies (from an FLV file, or RTMP audio/video/data messages, which carry the same
 * bodies) to tracks, packets and data messages (FLV/F4V spec v10.1 annex E.4; Enhanced RTMP v2).
 * Sequence headers configure the tracks (one that differs mid-stream reconfigures its track: the
 * next packet carries the new format); coded frames become packets with pts = dts + composition
 * time; script data becomes timed data messages.
 *
 * <p>Thread ownership: one thread at a time (the demux thread).
 */
final class FlvTagConverter {
    static final int VIDEO_TRACK = 0;
    static final int AUDIO_TRACK = 1;
    /** ModEx TimestampOffsetNano refines a tag's millisecond timestamp; packets are timed in µs. */
    private static final int NANOS_PER_US = 1000;

    private final ScriptDataParser scripts = new ScriptDataParser();
    private final List<String> ignored = new ArrayList<>();
    private final TrackCatalog catalog = new TrackCatalog();
    /** Written by the demux thread only; read by any thread. */
    private volatile List<StreamTrack> listing = List.of();
    private final TrackChoice videoTracks = new TrackChoice(true);
    private final TrackChoice audioTracks = new TrackChoice(false);
    /** onMetaData's geometry, which describes the default track (0). */
    private int metaWidth;
    private int metaHeight;
    private double metaFps;
    private long metaVideoRate;
    private long videoFrameUs;
    private long startMs;
    private boolean started;
    /** Presentation times of the first coded video frames, in decode order (for the reordering depth). */
    private final long[] probedPtsMs = new long[32];
    private int probedFrames;
    /** Written by the demux thread only; read by any thread (a debug figure). */
    private volatile long skippedModEx;
    private long skippedTrackListings;
    /** Video tracks whose first keyframe was decoded for their size (once each). */
    private final java.util.Set<Integer> sizeProbed = new java.util.HashSet<>();

    /** What one tag turned out to be. */
    enum Kind { VIDEO_CONFIG, AUDIO_CONFIG, PACKET, DATA, OTHER }

    /** The timeline starts at the first media tag's timestamp. */
    void startAt(long timestampMs) {
        if (!started) {
            startMs = timestampMs;
            started = true;
        }
    }

    boolean started() {
        return started;
    }

    /**
     * The video track, with its reordering depth measured on the first coded frames: the most
     * frames decoded after one frame that are shown before it (what the decoder must hold back).
     */
    TrackFormat video() {
        TrackFormat video = videoTracks.format();
        if (video == null) {
            return null;
        }
        if (videoTracks.playing() == TrackPayloads.DEFAULT_TRACK && (metaWidth > 0 || metaFps > 0 || metaVideoRate > 0)) {
            int w = metaWidth > 0 ? metaWidth : video.width();
            int h = metaHeight > 0 ? metaHeight : video.height();
            video = new TrackFormat(video.index(), video.codec(), video.extradata(), w, h, metaFps, 0, 0,
                    metaVideoRate, video.profile(), video.level());
        }
        if (probedFrames < 2) {
            return video;
        }
        int depth = 0;
        for (int i = 0; i < probedFrames; i++) {
            int later = 0;
            for (int j = i + 1; j < probedFrames; j++) {
                if (probedPtsMs[j] < probedPtsMs[i]) {
                    later++;
                }
            }
            depth = Math.max(depth, later);
        }
        return video.withReorderDepth(depth);
    }

    TrackFormat audio() {
        return audioTracks.format();
    }

    /**
     * Plays Enhanced RTMP track {@code trackId} of {@code kind} from its next packet a decoder can
     * start from (the next keyframe for video). Any thread.
     */
    void selectTrack(TrackKind kind, int trackId) {
        (kind == TrackKind.VIDEO ? videoTracks : audioTracks).select(trackId);
    }

    /** The track of {@code kind} that plays, or -1 while none does. Any thread. */
    int playingTrack(TrackKind kind) {
        return (kind == TrackKind.VIDEO ? videoTracks : audioTracks).playing();
    }

    List<String> ignored() {
        return ignored;
    }

    /**
     * Every audio and video track seen so far, multitrack ones included (see {@link TrackCatalog}):
     * one list per change, so a reader sees the same list object until the next change. Any thread.
     */
    List<StreamTrack> tracks() {
        return listing;
    }

    /** Lists the tracks a tag names; a track layout this player cannot read only goes unlisted. */
    private void catalogue(FlvTagType type, byte[] body) {
        try {
            if (catalog.note(type, body)) {
                listing = catalog.tracks();
            }
        } catch (WireFormatException unreadable) {
            skippedTrackListings++;
        }
    }

    /** Tags whose track layout could not be read for the listing (they play, or fail, as before). */
    long skippedTrackListings() {
        return skippedTrackListings;
    }

    /** Applies onMetaData geometry (width, height, framerate, videodatarate) to the default video track. */
    void applyMetaData(Map<String, Object> meta) {
        double fps = meta.get("framerate") instanceof Number n ? n.doubleValue() : 0;
        videoFrameUs = fps > 0 ? Math.round(1e6 / fps) : videoFrameUs;
        metaFps = fps;
        metaWidth = meta.get("width") instanceof Number n ? n.intValue() : 0;
        metaHeight = meta.get("height") instanceof Number n ? n.intValue() : 0;
        metaVideoRate = meta.get("videodatarate") instanceof Number n ? Math.round(n.doubleValue() * 1000) : 0;
    }

    /** Classifies a tag, taking any codec configuration it carries. */
    Kind inspect(FlvTagType type, long timestampMs, byte[] body) throws WireFormatException {
        if (type == FlvTagType.SCRIPT_DATA) {
            return Kind.DATA;
        }
        catalogue(type, body);
        if (type == FlvTagType.VIDEO) {
            return inspectVideo(timestampMs, body);
        }
        if (type == FlvTagType.AUDIO) {
            AudioTagHeader h = AudioTagHeader.parse(body);
            if (h instanceof AudioTagHeader.Legacy l) {
                return inspectLegacyAudio(l, timestampMs, body);
            }
            return inspectExAudio((AudioTagHeader.Extended) h, timestampMs, body);
        }
        return Kind.OTHER;
    }

    private Kind inspectVideo(long timestampMs, byte[] body) throws WireFormatException {
        VideoTagHeader h = VideoTagHeader.parse(body);
        skippedModEx += h.unknownModExTypes();
        List<TrackPayloads.VideoPart> parts = TrackPayloads.video(h, body);
        if (h.packetType() == VideoPacketType.SEQUENCE_START) {
            for (TrackPayloads.VideoPart part : parts) {
                configureVideo(part, body);
            }
            return Kind.VIDEO_CONFIG;
        }
        boolean coded = h.packetType() == VideoPacketType.CODED_FRAMES
                || h.packetType() == VideoPacketType.CODED_FRAMES_X;
        if (!coded) {
            return Kind.OTHER;
        }
        if (h.isKeyFrame()) {
            sizeTracks(parts, body);
        }
        if (videoTracks.playing() == TrackChoice.NONE) {
            return h.multitrack().isPresent() ? Kind.OTHER : Kind.PACKET; // no track configured: packet() gives none
        }
        TrackPayloads.VideoPart chosen = null;
        for (TrackPayloads.VideoPart part : parts) {
            if (videoTracks.plays(part.trackId(), h.isKeyFrame(), timestampMs)) {
                chosen = part;
            }
        }
        if (chosen == null) {
            return Kind.OTHER; // only tracks that do not play
        }
        if (probedFrames < probedPtsMs.length) {
            probedPtsMs[probedFrames++] = timestampMs + chosen.compositionTimeMs();
        }
        return Kind.PACKET;
    }

    /** A legacy audio packet is track 0's: it plays unless another audio track does. */
    private Kind legacyAudio(long timestampMs) {
        if (audioTracks.playing() == TrackChoice.NONE) {
            return Kind.PACKET; // no track configured: packet() gives none
        }
        return audioTracks.plays(TrackPayloads.DEFAULT_TRACK, true, timestampMs) ? Kind.PACKET : Kind.OTHER;
    }

    /** Lists the picture size of each configured video track at its first keyframe ({@link VideoSizeProbe}). */
    private void sizeTracks(List<TrackPayloads.VideoPart> parts, byte[] body) {
        for (TrackPayloads.VideoPart part : parts) {
            TrackFormat f = videoTracks.format(part.trackId());
            if (f == null || !catalog.unsized(part.trackId()) || !sizeProbed.add(part.trackId())) {
                continue;
            }
            VideoSizeProbe.of(f, part.bytes(body)).ifPresent(size -> {
                if (catalog.sized(part.trackId(), size.width(), size.height())) {
                    listing = catalog.tracks();
                }
            });
        }
    }

    private Kind inspectLegacyAudio(AudioTagHeader.Legacy l, long timestampMs, byte[] body) throws WireFormatException {
        if (l.format() == SoundFormat.AAC) {
            if (l.aacPacketType().orElse(null) == AacPacketType.SEQUENCE_HEADER) {
                configureAac(TrackPayloads.DEFAULT_TRACK, Arrays.copyOfRange(body, l.payloadOffset(), body.length));
                return Kind.AUDIO_CONFIG;
            }
            return legacyAudio(timestampMs);
        }
        if (l.format() == SoundFormat.MP3 || l.format() == SoundFormat.MP3_8KHZ) {
            if (!audioTracks.configured(TrackPayloads.DEFAULT_TRACK)) {
                int rate = l.format() == SoundFormat.MP3_8KHZ ? 8000 : l.rate().hz();
                int channels = l.type() == SoundType.STEREO ? 2 : 1;
                audioTracks.configure(TrackPayloads.DEFAULT_TRACK, new ExAudioFormats.Configured(
                        new TrackFormat(AUDIO_TRACK, Codec.MP3, new byte[0], 0, 0, 0, rate, channels, 0, "", ""),
                        1152L * 1_000_000 / rate));
            }
            return legacyAudio(timestampMs);
        }
        noteIgnored("track 1: audio " + l.format() + " (unsupported codec)");
        return Kind.OTHER;
    }

    /**
     * An ExAudioTagHeader tag, single or multitrack: AAC, Opus and FLAC tracks are configured by
     * their SequenceStart; AC-3, E-AC-3 and MP3 by their first frame.
     */
    private Kind inspectExAudio(AudioTagHeader.Extended x, long timestampMs, byte[] body) throws WireFormatException {
        skippedModEx += x.unknownModExTypes();
        List<TrackPayloads.AudioPart> parts = TrackPayloads.audio(x, body);
        if (x.packetType() == AudioPacketType.SEQUENCE_START) {
            for (TrackPayloads.AudioPart part : parts) {
                if (part.codec() == AudioCodec.AAC) {
                    configureAac(part.trackId(), part.bytes(body));
                } else if (ExAudioFormats.configuredBySequenceStart(part.codec())
                        && !audioTracks.configured(part.trackId())) {
                    audioTracks.configure(part.trackId(),
                            ExAudioFormats.fromSequenceStart(AUDIO_TRACK, part.codec(), part.bytes(body)));
                }
            }
            return Kind.AUDIO_CONFIG;
        }
        if (x.packetType() != AudioPacketType.CODED_FRAMES) {
            return Kind.OTHER;
        }
        boolean plays = false;
        for (TrackPayloads.AudioPart part : parts) {
            boolean bySequenceStart = part.codec() == AudioCodec.AAC
                    || ExAudioFormats.configuredBySequenceStart(part.codec());
            if (!bySequenceStart && part.length() > 0 && !audioTracks.configured(part.trackId())) {
                audioTracks.configure(part.trackId(),
                        ExAudioFormats.fromFirstFrame(AUDIO_TRACK, part.codec(), part.bytes(body)));
            }
            plays |= audioTracks.plays(part.trackId(), true, timestampMs);
        }
        if (audioTracks.playing() == TrackChoice.NONE) {
            return x.multitrack().isPresent() ? Kind.OTHER : Kind.PACKET; // no track configured: packet() gives none
        }
        return plays ? Kind.PACKET : Kind.OTHER;
    }

    /**
     * How many Enhanced RTMP ModEx entries of a type this player does not know were skipped in
     * the tags inspected so far (only TimestampOffsetNano is defined by v2).
     */
    long skippedModEx() {
        return skippedModEx;
    }

    private void noteIgnored(String what) {
        if (!ignored.contains(what)) {
            ignored.add(what);
        }
    }

    private void configureVideo(TrackPayloads.VideoPart part, byte[] body) throws WireFormatException {
        Codec codec = switch (part.codec()) {
            case AVC -> Codec.H264;
            case HEVC -> Codec.HEVC;
            case AV1 -> Codec.AV1;
            case VP9 -> Codec.VP9;
            default -> null;
        };
        if (codec == null) {
            noteIgnored("track 0: video " + part.codec() + " (unsupported codec)");
            return;
        }
        byte[] config = part.bytes(body);
        TrackFormat known = videoTracks.format(part.trackId());
        if (known != null && known.codec() == codec && Arrays.equals(known.extradata(), config)) {
            return; // a repeated sequence header
        }
        String profile = "";
        String level = "";
        if (codec == Codec.H264) {
            AvcDecoderConfigurationRecord avcc = AvcDecoderConfigurationRecord.parse(config);
            profile = avcc.profileName();
            level = avcc.level();
        } else if (codec == Codec.HEVC && !HevcDecoderConfigurationRecord.isAnnexB(config)) {
            HevcDecoderConfigurationRecord hvcc = HevcDecoderConfigurationRecord.parse(config);
            profile = hvcc.profileName();
            level = hvcc.level();
        }
        videoTracks.reconfigure(part.trackId(), new ExAudioFormats.Configured(
                new TrackFormat(VIDEO_TRACK, codec, config, 0, 0, 0, 0, 0, 0, profile, level), 0));
    }

    private void configureAac(int trackId, byte[] asc) throws WireFormatException {
        TrackFormat known = audioTracks.format(trackId);
        if (known != null && (known.codec() != Codec.AAC || Arrays.equals(known.extradata(), asc))) {
            return; // a repeated sequence header (or AAC's where another codec was configured first)
        }
        AudioSpecificConfig c = AudioSpecificConfig.parse(asc);
        audioTracks.reconfigure(trackId, new ExAudioFormats.Configured(
                new TrackFormat(AUDIO_TRACK, Codec.AAC, asc, 0, 0, 0, c.outputSampleRate(),
                        Math.max(1, c.channels()), 0, c.profileName(), ""),
                (c.sbr() ? 2048 : 1024) * 1_000_000L / c.outputSampleRate()));
    }

    /** Parses a script tag (AMF0) or an RTMP AMF3 data message into handler and plain-Java args. */
    DataMessage data(long timestampMs, byte[] body, boolean amf3) throws WireFormatException {
        ScriptData sd = scripts.parse(body, amf3);
        String name = sd.name();
        List<Object> args = new ArrayList<>();
        for (AmfValue a : sd.args()) {
            args.add(AmfValues.toJava(a));
        }
        if (name.equals("@setDataFrame") && !args.isEmpty() && args.get(0) instanceof String handler) {
            name = handler; // a publisher's metadata, stored by the server and passed on as sent
            args.remove(0);
        }
        return new DataMessage(Math.max(0, toUs(timestampMs)), name, args);
    }

    /** The onMetaData object of a data message, or null. */
    static Map<String, Object> metaDataOf(DataMessage m) {
        if (m.handler().equals("onMetaData") && !m.args().isEmpty() && m.args().get(0) instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), v));
            return out;
        }
        return null;
    }

    /**
     * A coded frame as a packet of the track that plays, or null when the tag has nothing of it.
     * The first packet after a track switch carries the new track's format.
     */
    SourcePacket packet(FlvTagType type, long timestampMs, byte[] body) throws WireFormatException {
        long dtsUs = toUs(timestampMs);
        if (type == FlvTagType.VIDEO) {
            if (videoTracks.format() == null) {
                return null;
            }
            VideoTagHeader h = VideoTagHeader.parse(body);
            TrackPayloads.VideoPart part = TrackPayloads.of(TrackPayloads.video(h, body), videoTracks.playing());
            if (part == null) {
                return null;
            }
            long offsetUs = h.timestampOffsetNanos() / NANOS_PER_US;
            long ptsUs = dtsUs + part.compositionTimeMs() * 1000L + offsetUs;
            MediaPacket p = new MediaPacket(VIDEO_TRACK, ptsUs, dtsUs + offsetUs, videoFrameUs, h.isKeyFrame(),
                    part.bytes(body));
            return videoTracks.takeSwitch() ? SourcePacket.startingFormat(p, video()) : new SourcePacket(p);
        }
        if (audioTracks.format() == null) {
            return null;
        }
        AudioTagHeader h = AudioTagHeader.parse(body);
        byte[] data;
        long offsetUs = 0;
        if (h instanceof AudioTagHeader.Extended x) {
            TrackPayloads.AudioPart part = TrackPayloads.of(TrackPayloads.audio(x, body), audioTracks.playing());
            if (part == null) {
                return null;
            }
            data = part.bytes(body);
            offsetUs = x.timestampOffsetNanos() / NANOS_PER_US;
        } else {
            data = Arrays.copyOfRange(body, h.payloadOffset(), body.length);
        }
        MediaPacket p = new MediaPacket(AUDIO_TRACK, dtsUs + offsetUs, dtsUs + offsetUs, audioTracks.frameUs(), true,
                data);
        return audioTracks.takeSwitch() ? SourcePacket.startingFormat(p, audio()) : new SourcePacket(p);
    }

    long toUs(long timestampMs) {
        return (timestampMs - startMs) * 1000;
    }
}
