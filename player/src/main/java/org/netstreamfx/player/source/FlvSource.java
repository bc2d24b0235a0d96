package org.netstreamfx.player.source;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.netstreamfx.player.amf.AmfValues;
import org.netstreamfx.player.flv.AacPacketType;
import org.netstreamfx.player.flv.AudioPacketType;
import org.netstreamfx.player.flv.AudioSpecificConfig;
import org.netstreamfx.player.flv.AudioTagHeader;
import org.netstreamfx.player.flv.AvcDecoderConfigurationRecord;
import org.netstreamfx.player.flv.FlvTag;
import org.netstreamfx.player.flv.FlvTagReader;
import org.netstreamfx.player.flv.FlvTagType;
import org.netstreamfx.player.flv.ScriptData;
import org.netstreamfx.player.flv.ScriptDataParser;
import org.netstreamfx.player.flv.SoundFormat;
import org.netstreamfx.player.flv.VideoCodec;
import org.netstreamfx.player.flv.VideoPacketType;
import org.netstreamfx.player.flv.VideoTagHeader;
import org.netstreamfx.player.media.Codec;
import org.netstreamfx.player.media.MediaPacket;
import org.netstreamfx.player.media.TrackFormat;
import org.netstreamfx.player.wire.WireFormatException;

/**
 * Demuxes FLV files and progressive FLV downloads with our own strict reader (FLV/F4V spec v10.1
 * annex E; Enhanced RTMP v2 for FourCC video): every tag size is checked against the file, script
 * tags become timed data messages (onCuePoint, onTextData, custom handlers), and the codec
 * configuration records are validated before a decoder sees them.
 *
 * <p>Thread ownership: the demux thread.
 */
public final class FlvSource implements MediaSource {
    /** Tags read while looking for the codec configurations before giving up on a missing track. */
    private static final int PROBE_TAGS = 400;
    /** Media time read while probing: a track with no tag by then is absent. */
    private static final long PROBE_MS = 3_000;
    static final int VIDEO_TRACK = 0;
    static final int AUDIO_TRACK = 1;

    private final RandomAccessInput input;
    private final InputChannel channel;
    private final ScriptDataParser scripts = new ScriptDataParser();
    private final ArrayDeque<FlvTag> replay = new ArrayDeque<>();
    /** Video keyframe (or, without video, audio) times to file positions, as far as read. */
    private final TreeMap<Long, Long> syncPoints = new TreeMap<>();
    private FlvTagReader reader;
    private long startMs;
    private boolean hasVideo;
    private boolean hasAudio;
    private long audioFrameUs;
    private long videoFrameUs;
    private long furthestIndexedPos;
    private byte[] videoConfig;
    private byte[] audioConfig;

    public FlvSource(RandomAccessInput input) {
        this.input = input;
        this.channel = new InputChannel(input);
    }

    @Override
    public SourceDescription open() throws IOException {
        reader = FlvTagReader.open(channel);
        Map<String, Object> meta = new LinkedHashMap<>();
        TrackFormat video = null;
        TrackFormat audio = null;
        List<String> ignored = new ArrayList<>();
        boolean sawVideo = false;
        boolean sawAudio = false;
        Long firstMs = null;
        for (int i = 0; i < PROBE_TAGS; i++) {
            Optional<FlvTag> next = reader.next();
            if (next.isEmpty()) {
                break;
            }
            FlvTag tag = next.get();
            if (tag.type() == FlvTagType.SCRIPT_DATA) {
                ScriptData sd = scripts.parse(tag.body());
                if (sd.name().equals("onMetaData") && meta.isEmpty() && !sd.args().isEmpty()
                        && AmfValues.toJava(sd.args().get(0)) instanceof Map<?, ?> m) {
                    m.forEach((k, v) -> meta.put(String.valueOf(k), v));
                    continue;
                }
                replay.add(tag);
                continue;
            }
            if (firstMs == null) {
                firstMs = (long) tag.timestampMs();
            }
            if (tag.type() == FlvTagType.VIDEO && video == null) {
                sawVideo = true;
                video = videoFormat(tag, ignored);
                if (video != null) {
                    continue; // the sequence header itself is not a frame
                }
            } else if (tag.type() == FlvTagType.AUDIO && audio == null) {
                sawAudio = true;
                audio = audioFormat(tag, ignored);
                if (audio != null && isAacSequenceHeader(tag)) {
                    continue;
                }
            }
            replay.add(tag);
            boolean videoSettled = video != null || !reader.header().hasVideo();
            boolean audioSettled = audio != null || !reader.header().hasAudio();
            if ((videoSettled && audioSettled) || tag.timestampMs() - firstMs > PROBE_MS) {
                break;
            }
        }
        startMs = firstMs == null ? 0 : firstMs;
        List<TrackFormat> tracks = new ArrayList<>();
        if (video != null) {
            tracks.add(withMetaGeometry(video, meta));
            hasVideo = true;
        } else if (sawVideo && ignored.stream().noneMatch(s -> s.startsWith("track 0"))) {
            ignored.add("track 0: video without a sequence header in the first " + PROBE_MS / 1000 + " s");
        }
        if (audio != null) {
            tracks.add(audio);
            hasAudio = true;
        } else if (sawAudio && ignored.stream().noneMatch(s -> s.startsWith("track 1"))) {
            ignored.add("track 1: audio without a sequence header in the first " + PROBE_MS / 1000 + " s");
        }
        if (tracks.isEmpty()) {
            throw new UnsupportedMediaException("No track NetStreamFX can play in this FLV (it plays H.264, H.265, "
                    + "AV1 and VP9 video and AAC or MP3 audio); found: "
                    + (ignored.isEmpty() ? "no audio or video tags" : String.join(", ", ignored)));
        }
        indexMetadataKeyframes(meta);
        return new SourceDescription("flv", durationUs(meta), tracks, ignored, meta, input.size() > 0);
    }

    private static boolean isAacSequenceHeader(FlvTag tag) throws WireFormatException {
        AudioTagHeader h = AudioTagHeader.parse(tag.body());
        return h instanceof AudioTagHeader.Legacy l && l.aacPacketType().orElse(null) == AacPacketType.SEQUENCE_HEADER
                || h instanceof AudioTagHeader.Extended x && x.packetType() == AudioPacketType.SEQUENCE_START;
    }

    private TrackFormat videoFormat(FlvTag tag, List<String> ignored) throws WireFormatException {
        VideoTagHeader h = VideoTagHeader.parse(tag.body());
        Codec codec = switch (h.codec()) {
            case AVC -> Codec.H264;
            case HEVC -> Codec.HEVC;
            case AV1 -> Codec.AV1;
            case VP9 -> Codec.VP9;
            default -> null;
        };
        if (codec == null) {
            ignored.add("track 0: video " + h.codec() + " (unsupported codec)");
            return null;
        }
        if (h.packetType() != VideoPacketType.SEQUENCE_START) {
            return null; // frames before the configuration: keep looking
        }
        byte[] config = java.util.Arrays.copyOfRange(tag.body(), h.payloadOffset(), tag.body().length);
        String profile = "";
        String level = "";
        if (codec == Codec.H264) {
            AvcDecoderConfigurationRecord avcc = AvcDecoderConfigurationRecord.parse(config);
            profile = avcc.profileName();
            level = avcc.level();
        }
        videoConfig = config;
        return new TrackFormat(VIDEO_TRACK, codec, config, 0, 0, 0, 0, 0, 0, profile, level);
    }

    private TrackFormat audioFormat(FlvTag tag, List<String> ignored) throws WireFormatException {
        AudioTagHeader h = AudioTagHeader.parse(tag.body());
        if (h instanceof AudioTagHeader.Legacy l) {
            if (l.format() == SoundFormat.AAC) {
                if (l.aacPacketType().orElse(null) != AacPacketType.SEQUENCE_HEADER) {
                    return null;
                }
                return aacFormat(java.util.Arrays.copyOfRange(tag.body(), l.payloadOffset(), tag.body().length));
            }
            if (l.format() == SoundFormat.MP3 || l.format() == SoundFormat.MP3_8KHZ) {
                int rate = l.format() == SoundFormat.MP3_8KHZ ? 8000 : l.rate().hz();
                int channels = l.type() == org.netstreamfx.player.flv.SoundType.STEREO ? 2 : 1;
                audioFrameUs = 1152L * 1_000_000 / rate;
                return new TrackFormat(AUDIO_TRACK, Codec.MP3, new byte[0], 0, 0, 0, rate, channels, 0, "", "");
            }
            ignored.add("track 1: audio " + l.format() + " (unsupported codec)");
            return null;
        }
        AudioTagHeader.Extended x = (AudioTagHeader.Extended) h;
        if (x.codec() == org.netstreamfx.player.flv.AudioCodec.AAC && x.packetType() == AudioPacketType.SEQUENCE_START) {
            return aacFormat(java.util.Arrays.copyOfRange(tag.body(), x.payloadOffset(), tag.body().length));
        }
        if (x.codec() != org.netstreamfx.player.flv.AudioCodec.AAC) {
            ignored.add("track 1: audio " + x.codec().fourCc() + " (unsupported codec)");
        }
        return null;
    }

    private TrackFormat aacFormat(byte[] asc) throws WireFormatException {
        AudioSpecificConfig c = AudioSpecificConfig.parse(asc);
        audioConfig = asc;
        int samples = c.sbr() ? 2048 : 1024;
        audioFrameUs = samples * 1_000_000L / c.outputSampleRate();
        return new TrackFormat(AUDIO_TRACK, Codec.AAC, asc, 0, 0, 0, c.outputSampleRate(),
                Math.max(1, c.channels()), 0, c.profileName(), "");
    }

    private TrackFormat withMetaGeometry(TrackFormat v, Map<String, Object> meta) {
        int w = meta.get("width") instanceof Number n ? n.intValue() : 0;
        int h = meta.get("height") instanceof Number n ? n.intValue() : 0;
        double fps = meta.get("framerate") instanceof Number n ? n.doubleValue() : 0;
        long rate = meta.get("videodatarate") instanceof Number n ? Math.round(n.doubleValue() * 1000) : 0;
        videoFrameUs = fps > 0 ? Math.round(1e6 / fps) : 0;
        return new TrackFormat(v.index(), v.codec(), videoConfig, w, h, fps, 0, 0, rate, v.profile(), v.level());
    }

    private long durationUs(Map<String, Object> meta) {
        if (meta.get("duration") instanceof Number n && n.doubleValue() > 0) {
            return Math.round(n.doubleValue() * 1e6);
        }
        return -1;
    }

    /** onMetaData.keyframes {filepositions: [...], times: [...]} as written by many muxers. */
    private void indexMetadataKeyframes(Map<String, Object> meta) {
        if (meta.get("keyframes") instanceof Map<?, ?> k && k.get("filepositions") instanceof List<?> pos
                && k.get("times") instanceof List<?> times) {
            int n = Math.min(pos.size(), times.size());
            for (int i = 0; i < n; i++) {
                if (pos.get(i) instanceof Number p && times.get(i) instanceof Number t) {
                    long us = Math.round(t.doubleValue() * 1e6) - startMs * 1000;
                    if (p.longValue() > 0 && (input.size() < 0 || p.longValue() < input.size())) {
                        syncPoints.put(us, p.longValue());
                    }
                }
            }
        }
    }

    @Override
    public SourceItem read() throws IOException {
        while (true) {
            FlvTag tag;
            if (!replay.isEmpty()) {
                tag = replay.pollFirst();
            } else {
                Optional<FlvTag> next = reader.next();
                if (next.isEmpty()) {
                    return null;
                }
                tag = next.get();
            }
            SourceItem item = convert(tag);
            if (item != null) {
                return item;
            }
        }
    }

    private SourceItem convert(FlvTag tag) throws IOException {
        long dtsUs = (tag.timestampMs() - startMs) * 1000;
        switch (tag.type()) {
            case SCRIPT_DATA -> {
                ScriptData sd = scripts.parse(tag.body());
                List<Object> args = new ArrayList<>();
                sd.args().forEach(a -> args.add(AmfValues.toJava(a)));
                return new DataMessage(Math.max(0, dtsUs), sd.name(), args);
            }
            case VIDEO -> {
                if (!hasVideo) {
                    return null;
                }
                VideoTagHeader h = VideoTagHeader.parse(tag.body());
                if (h.packetType() != VideoPacketType.CODED_FRAMES && h.packetType() != VideoPacketType.CODED_FRAMES_X) {
                    return null;
                }
                byte[] data = java.util.Arrays.copyOfRange(tag.body(), h.payloadOffset(), tag.body().length);
                long ptsUs = dtsUs + h.compositionTimeMs() * 1000L;
                if (h.isKeyFrame()) {
                    // By presentation time: with B-frames a keyframe's pts is later than its
                    // dts, and frames shown before it belong to the previous group.
                    index(ptsUs, tag.filePosition());
                }
                return new SourcePacket(new MediaPacket(VIDEO_TRACK, ptsUs, dtsUs, videoFrameUs, h.isKeyFrame(), data));
            }
            case AUDIO -> {
                if (!hasAudio) {
                    return null;
                }
                AudioTagHeader h = AudioTagHeader.parse(tag.body());
                int offset;
                if (h instanceof AudioTagHeader.Legacy l) {
                    if (l.aacPacketType().orElse(AacPacketType.RAW) != AacPacketType.RAW) {
                        return null;
                    }
                    offset = l.payloadOffset();
                } else {
                    AudioTagHeader.Extended x = (AudioTagHeader.Extended) h;
                    if (x.packetType() != AudioPacketType.CODED_FRAMES) {
                        return null;
                    }
                    offset = x.payloadOffset();
                }
                if (!hasVideo) {
                    index(dtsUs, tag.filePosition());
                }
                byte[] data = java.util.Arrays.copyOfRange(tag.body(), offset, tag.body().length);
                return new SourcePacket(new MediaPacket(AUDIO_TRACK, dtsUs, dtsUs, audioFrameUs, true, data));
            }
            default -> {
                return null;
            }
        }
    }

    private void index(long timeUs, long filePosition) {
        if (filePosition <= furthestIndexedPos) {
            return;
        }
        furthestIndexedPos = filePosition;
        Map.Entry<Long, Long> last = syncPoints.lastEntry();
        if (last == null || timeUs - last.getKey() >= 500_000 || hasVideo) {
            syncPoints.put(timeUs, filePosition);
        }
    }

    /**
     * Seeks to the sync point at or before {@code timeUs}: from the onMetaData keyframe index or
     * the keyframes seen so far, reading forward tag by tag when the target lies further on.
     */
    @Override
    public void seek(long timeUs) throws IOException {
        replay.clear();
        Map.Entry<Long, Long> last = syncPoints.lastEntry();
        if (last == null || last.getKey() < timeUs) {
            reader.position(last == null ? reader.header().dataOffset() + 4L : last.getValue());
            while (true) {
                Optional<FlvTag> next = reader.next();
                if (next.isEmpty()) {
                    break;
                }
                FlvTag tag = next.get();
                if (tag.type() == FlvTagType.SCRIPT_DATA) {
                    continue;
                }
                convert(tag);
                if ((tag.timestampMs() - startMs) * 1000 > timeUs) {
                    break;
                }
            }
        }
        Map.Entry<Long, Long> sync = syncPoints.floorEntry(timeUs);
        reader.position(sync == null ? reader.header().dataOffset() + 4L : sync.getValue());
    }

    @Override
    public OptionalLong seekableUntilUs() {
        long loaded = input.bytesLoaded();
        long size = input.size();
        if (size > 0 && loaded >= size) {
            return OptionalLong.empty();
        }
        long best = 0;
        for (Map.Entry<Long, Long> e : syncPoints.entrySet()) {
            if (e.getValue() < loaded) {
                best = Math.max(best, e.getKey());
            }
        }
        return OptionalLong.of(best);
    }

    @Override
    public long bytesLoaded() {
        return input.bytesLoaded();
    }

    @Override
    public long bytesTotal() {
        return input.size();
    }

    @Override
    public void close() {
        try {
            input.close();
        } catch (IOException e) {
            // Read-only input: nothing can be lost by a failed close.
        }
    }
}
