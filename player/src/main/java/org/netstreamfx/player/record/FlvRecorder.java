package org.netstreamfx.player.record;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import org.netstreamfx.player.flv.FlvFileWriter;
import org.netstreamfx.player.flv.FlvTagBodies;
import org.netstreamfx.player.flv.FlvTagType;
import org.netstreamfx.player.media.MediaPacket;
import org.netstreamfx.player.media.TrackFormat;
import org.netstreamfx.player.media.TrackKind;

/**
 * Records to FLV with our own writer (FLV/F4V spec v10.1, annex E): the header, an onMetaData
 * script tag (annex E.5), the AVC and AAC sequence headers (E.4.3.1, E.4.2.1), then one tag per
 * packet with its PreviousTagSize. Every tag is handed to the operating system as it is written,
 * so a process killed mid-recording leaves a file that plays up to the last tag it finished. On
 * {@link #stop()} the onMetaData duration, written as 0 at the start, is set to the real one; its
 * {@code gaps} string, reserved at the start, is overwritten in place at each gap ({@link RecordedGaps}).
 *
 * <p>Codecs: H.264, AAC and MP3 with the legacy headers; HEVC, AV1, VP9, Opus, FLAC, AC-3 and
 * E-AC-3 as an enhanced FLV, with the Enhanced RTMP v2 headers ({@link FlvTrackForm}), which
 * FFmpeg 8 and this player read. H.266 has no Enhanced RTMP FourCC: the recording fails at start,
 * naming MP4.
 */
public final class FlvRecorder extends AbstractRecorder {
    /**
     * Where the duration's 8-byte value sits in the onMetaData body: string marker, length and
     * "onMetaData" (13), ECMA array marker and count (5), name length and "duration" (10), number
     * marker (1). Duration is written first for this reason.
     */
    static final int DURATION_VALUE_OFFSET = 13 + 5 + 10 + 1;
    private static final byte[] NONE = new byte[0];

    private FileChannel channel;
    private FlvFileWriter writer;
    private long durationValuePosition;
    private long gapsValuePosition = -1;
    /** Each track's tag form, by track index. */
    private final Map<Integer, FlvTrackForm> forms = new HashMap<>();
    /** The enhanced video's SequenceEnd, written at stop; null for H.264 or no video. */
    private byte[] videoEnd;
    private long lastTimestampMs;

    public FlvRecorder(Path path, Executor events, RecordListener listener) {
        super(path, events, listener);
    }

    @Override
    void open(List<TrackFormat> tracks) throws IOException {
        TrackFormat video = null;
        TrackFormat audio = null;
        for (TrackFormat t : tracks) {
            if (t.kind() == TrackKind.VIDEO) {
                video = checkOne(video, t);
            } else {
                audio = checkOne(audio, t);
            }
            forms.put(t.index(), FlvTrackForm.of(t));
        }
        byte[] videoHeader = video == null ? null : forms.get(video.index()).sequenceStart();
        byte[] audioHeader = audio == null ? null : forms.get(audio.index()).sequenceStart();
        channel = FileChannel.open(path(), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
        writer = new FlvFileWriter(channel);
        writer.writeHeader(audio != null, video != null);
        byte[] metaData = metaData(video, audio);
        long tagStart = writer.writeTag(FlvTagType.SCRIPT_DATA, 0, NONE, metaData);
        durationValuePosition = tagStart + FlvFileWriter.TAG_HEADER_BYTES + DURATION_VALUE_OFFSET;
        int gapsAt = RecordedGaps.find(metaData);
        if (gapsAt < 0) {
            throw new IOException("the onMetaData written has no room for the gaps");
        }
        gapsValuePosition = tagStart + FlvFileWriter.TAG_HEADER_BYTES + gapsAt;
        if (videoHeader != null) {
            writer.writeTag(FlvTagType.VIDEO, 0, NONE, videoHeader);
        }
        if (audioHeader != null) {
            writer.writeTag(FlvTagType.AUDIO, 0, NONE, audioHeader);
        }
        videoEnd = video == null ? null : forms.get(video.index()).sequenceEnd();
    }

    private static TrackFormat checkOne(TrackFormat existing, TrackFormat t) throws IOException {
        if (existing != null) {
            throw new IOException("FLV holds one video and one audio track; got " + existing + " and " + t);
        }
        return t;
    }

    /** onMetaData (annex E.5): duration first (patched at stop), then what the tracks say. */
    private byte[] metaData(TrackFormat video, TrackFormat audio) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("duration", 0.0);
        if (video != null) {
            m.put("width", (double) video.width());
            m.put("height", (double) video.height());
            if (video.frameRate() > 0) {
                m.put("framerate", video.frameRate());
            }
            m.put("videocodecid", forms.get(video.index()).metaDataCodecId());
        }
        if (audio != null) {
            m.put("audiocodecid", forms.get(audio.index()).metaDataCodecId());
            m.put("audiosamplerate", (double) audio.sampleRateHz());
            m.put("audiosamplesize", 16.0);
            m.put("stereo", audio.channels() >= 2);
        }
        m.put("encoder", "NetStreamFX recorder");
        m.put(RecordedGaps.KEY, RecordedGaps.EMPTY);
        return FlvTagBodies.scriptData("onMetaData", List.of(FlvTagBodies.ecmaArray(m)));
    }

    @Override
    void writePacket(TrackFormat track, MediaPacket packet, long ptsUs, long dtsUs) throws IOException {
        long timestampMs = dtsUs / 1000;
        int compositionTimeMs = (int) (ptsUs / 1000 - timestampMs);
        FlvTagType type = track.kind() == TrackKind.VIDEO ? FlvTagType.VIDEO : FlvTagType.AUDIO;
        lastTimestampMs = Math.max(lastTimestampMs, timestampMs);
        writer.writeTag(type, timestampMs, forms.get(track.index()).prefix(packet.keyframe(), compositionTimeMs),
                packet.data());
    }

    @Override
    boolean writeScript(String name, List<?> args, long timeUs) throws IOException {
        writer.writeTag(FlvTagType.SCRIPT_DATA, timeUs / 1000, NONE, FlvTagBodies.scriptData(name, args));
        return true;
    }

    @Override
    void writeGaps(byte[] field) throws IOException {
        writer.patchBytes(gapsValuePosition, field);
    }

    @Override
    void finish(long durationUs) throws IOException {
        if (videoEnd != null) {
            writer.writeTag(FlvTagType.VIDEO, lastTimestampMs, NONE, videoEnd);
        }
        writer.patchDouble(durationValuePosition, durationUs / 1e6);
        channel.close();
        channel = null;
    }

    @Override
    void release() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // Already failing or finished: the tags written so far are in the file.
            }
            channel = null;
        }
    }
}
