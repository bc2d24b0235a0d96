package org.netstreamfx.player.record;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import org.netstreamfx.player.flv.FlvFileWriter;
import org.netstreamfx.player.flv.FlvTagBodies;
import org.netstreamfx.player.flv.FlvTagType;
import org.netstreamfx.player.media.Codec;
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
 * <p>Codecs: H.264, AAC and MP3, the ones legacy FLV defines (Enhanced RTMP FourCC tags for HEVC,
 * AV1 and VP9 are not written; record those to MP4).
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
    private byte[] aacPrefix;
    private byte[] mp3Prefix;

    public FlvRecorder(Path path, Executor events, RecordListener listener) {
        super(path, events, listener);
    }

    @Override
    void open(List<TrackFormat> tracks) throws IOException {
        TrackFormat video = null;
        TrackFormat audio = null;
        for (TrackFormat t : tracks) {
            if (t.codec() != Codec.H264 && t.codec() != Codec.AAC && t.codec() != Codec.MP3) {
                throw new IOException("FLV holds H.264, AAC and MP3; " + t + " cannot go in (record to .mp4)");
            }
            if (t.kind() == TrackKind.VIDEO) {
                video = checkOne(video, t);
            } else {
                audio = checkOne(audio, t);
            }
        }
        byte[] videoHeader = video == null ? null : FlvTagBodies.avcSequenceHeader(video.extradata());
        byte[] audioHeader = audio != null && audio.codec() == Codec.AAC
                ? FlvTagBodies.aacSequenceHeader(audio.extradata()) : null;
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
        aacPrefix = FlvTagBodies.aacRawPrefix();
        mp3Prefix = audio == null ? NONE : new byte[] {FlvTagBodies.mp3Header(audio.sampleRateHz(), audio.channels())};
    }

    private static TrackFormat checkOne(TrackFormat existing, TrackFormat t) throws IOException {
        if (existing != null) {
            throw new IOException("FLV holds one video and one audio track; got " + existing + " and " + t);
        }
        return t;
    }

    /** onMetaData (annex E.5): duration first (patched at stop), then what the tracks say. */
    private static byte[] metaData(TrackFormat video, TrackFormat audio) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("duration", 0.0);
        if (video != null) {
            m.put("width", (double) video.width());
            m.put("height", (double) video.height());
            if (video.frameRate() > 0) {
                m.put("framerate", video.frameRate());
            }
            m.put("videocodecid", (double) video.codec().flvCodecId());
        }
        if (audio != null) {
            m.put("audiocodecid", (double) audio.codec().flvCodecId());
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
        if (track.kind() == TrackKind.VIDEO) {
            int compositionTimeMs = (int) (ptsUs / 1000 - timestampMs);
            writer.writeTag(FlvTagType.VIDEO, timestampMs, FlvTagBodies.avcNaluPrefix(packet.keyframe(),
                    compositionTimeMs), packet.data());
        } else {
            writer.writeTag(FlvTagType.AUDIO, timestampMs, track.codec() == Codec.AAC ? aacPrefix : mp3Prefix,
                    packet.data());
        }
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
