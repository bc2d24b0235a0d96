package org.netstreamfx.player.source;

import org.netstreamfx.player.ffmpeg.FfmpegErrors;
import org.netstreamfx.player.ffmpeg.FfmpegLog;
import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_DATA_SKIP_SAMPLES;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_get_side_data;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_get_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_profile_name;
import static org.bytedeco.ffmpeg.global.avformat.AVSEEK_FLAG_BACKWARD;
import static org.bytedeco.ffmpeg.global.avformat.AVSEEK_SIZE;
import static org.bytedeco.ffmpeg.global.avformat.av_find_best_stream;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avformat.av_seek_frame;
import static org.bytedeco.ffmpeg.global.avformat.avformat_alloc_context;
import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_find_stream_info;
import static org.bytedeco.ffmpeg.global.avformat.avformat_free_context;
import static org.bytedeco.ffmpeg.global.avformat.avformat_index_get_entries_count;
import static org.bytedeco.ffmpeg.global.avformat.avformat_index_get_entry;
import static org.bytedeco.ffmpeg.global.avformat.avformat_open_input;
import static org.bytedeco.ffmpeg.global.avformat.avio_alloc_context;
import static org.bytedeco.ffmpeg.global.avformat.avio_context_free;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_AUDIO;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.AV_DICT_IGNORE_SUFFIX;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.AV_TIME_BASE;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_get;
import static org.bytedeco.ffmpeg.global.avutil.av_free;
import static org.bytedeco.ffmpeg.global.avutil.av_malloc;
import static org.bytedeco.ffmpeg.global.avutil.av_q2d;
import static org.bytedeco.ffmpeg.global.avutil.av_rescale_q;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.ffmpeg.avformat.AVIndexEntry;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avformat.Read_packet_Pointer_BytePointer_int;
import org.bytedeco.ffmpeg.avformat.Seek_Pointer_long_int;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVDictionaryEntry;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.javacpp.SizeTPointer;
import org.netstreamfx.player.media.Codec;
import org.netstreamfx.player.media.MediaPacket;
import org.netstreamfx.player.media.TrackFormat;
import org.netstreamfx.player.media.TrackKind;
import org.netstreamfx.player.wire.WireFormatException;

/**
 * Demuxes the MPEG-4 family (MP4, F4V, M4A, MOV, MP4V, 3GP, 3G2) and anything else FFmpeg's
 * libavformat reads, through a custom AVIOContext over a {@link RandomAccessInput}: local files and
 * progressive downloads go through the same path, and bytesLoaded is known for both.
 *
 * <p>Thread ownership: created, opened, read, sought and closed on the demux thread; FFmpeg calls
 * the read and seek callbacks on that same thread.
 */
public final class FfmpegSource extends InputSource {
    private static final int IO_BUFFER_BYTES = 64 * 1024;
    private static final AVRational MICROS = new AVRational().num(1).den(1_000_000);
    /** FFmpeg's error code for an I/O error: AVERROR(EIO). */
    private static final int AVERROR_EIO = -5;
    /** FFmpeg's error code for a refused allocation: AVERROR(ENOMEM), 12 on Linux, macOS and Windows. */
    private static final int AVERROR_ENOMEM = -12;
    /** avformat.h AVFMT_FLAG_CUSTOM_IO (not exported by the JavaCPP presets). */
    private static final int AVFMT_FLAG_CUSTOM_IO = 0x0080;
    /** avformat.h AVINDEX_KEYFRAME. */
    private static final int AVINDEX_KEYFRAME = 0x0001;

    private final byte[] ioScratch = new byte[IO_BUFFER_BYTES];
    private AVFormatContext format;
    private AVIOContext avio;
    private ReadCallback readCallback;
    private SeekCallback seekCallback;
    private AVPacket packet;
    /**
     * Where the next read callback reads. Named so that it cannot be confused, inside the callback
     * classes, with the {@code position} field every JavaCPP Pointer inherits.
     */
    private long ioPositionBytes;
    private IOException ioFailure;
    private int videoStream = -1;
    private int audioStream = -1;
    private long startTimeUs;
    private final List<TrackFormat> tracks = new ArrayList<>();

    public FfmpegSource(RandomAccessInput input) {
        super(input);
    }

    /** A source for a local file. */
    public static FfmpegSource forFile(Path path) throws IOException {
        return new FfmpegSource(FileInput.open(path));
    }

    @Override
    public SourceDescription open() throws IOException {
        FfmpegLog.configure();
        format = avformat_alloc_context();
        BytePointer ioBuffer = new BytePointer(av_malloc(IO_BUFFER_BYTES));
        readCallback = new ReadCallback();
        seekCallback = new SeekCallback();
        avio = avio_alloc_context(ioBuffer, IO_BUFFER_BYTES, 0, null, readCallback, null, seekCallback);
        format.pb(avio);
        format.flags(format.flags() | AVFMT_FLAG_CUSTOM_IO);
        int rc = avformat_open_input(format, input.displayName(), null, null);
        if (rc < 0) {
            format = null; // avformat_open_input frees the context on failure
            throwIoFailure();
            if (rc == AVERROR_ENOMEM) {
                // Seen in whole-file fuzzing: a size or count field gone wild in the headers asks for
                // more than FFmpeg allows in one allocation (INT_MAX bytes). "Not a media file" would
                // send the user looking in the wrong place.
                throw new UnsupportedMediaException("Damaged file: its headers ask FFmpeg for more memory than it "
                        + "could allocate (" + FfmpegErrors.describe(rc) + "): " + input.displayName());
            }
            throw new UnsupportedMediaException("Not a media file FFmpeg recognises (" + FfmpegErrors.describe(rc)
                    + "): " + input.displayName());
        }
        rc = avformat_find_stream_info(format, (PointerPointer<?>) null);
        if (rc < 0) {
            throwIoFailure();
            throw new UnsupportedMediaException("Could not read the stream information ("
                    + FfmpegErrors.describe(rc) + "): " + input.displayName());
        }
        videoStream = av_find_best_stream(format, AVMEDIA_TYPE_VIDEO, -1, -1, (PointerPointer<?>) null, 0);
        audioStream = av_find_best_stream(format, AVMEDIA_TYPE_AUDIO, -1, -1, (PointerPointer<?>) null, 0);
        List<String> ignored = new ArrayList<>();
        for (int i = 0; i < format.nb_streams(); i++) {
            AVStream st = format.streams(i);
            AVCodecParameters par = st.codecpar();
            boolean chosen = i == videoStream || i == audioStream;
            var codec = Codec.fromFfmpegId(par.codec_id());
            if (chosen && codec.isPresent() && codec.get().kind() == kindOf(par.codec_type())) {
                tracks.add(trackFormat(i, st, codec.get()));
            } else {
                if (i == videoStream) {
                    videoStream = -1;
                }
                if (i == audioStream) {
                    audioStream = -1;
                }
                st.discard(org.bytedeco.ffmpeg.global.avcodec.AVDISCARD_ALL);
                ignored.add("track " + i + ": " + mediaTypeName(par.codec_type()) + " "
                        + avcodec_get_name(par.codec_id()).getString()
                        + (chosen ? " (unsupported codec)" : " (not played)"));
            }
        }
        if (tracks.isEmpty()) {
            throw new UnsupportedMediaException("No track NetStreamFX can play (it plays H.264, H.265, AV1 and VP9 "
                    + "video and AAC or MP3 audio); found: " + (ignored.isEmpty() ? "no tracks" : String.join(", ", ignored)));
        }
        checkNotTruncated();
        startTimeUs = format.start_time() == AV_NOPTS_VALUE ? 0 : format.start_time();
        long durationUs = format.duration() == AV_NOPTS_VALUE ? -1 : format.duration();
        packet = av_packet_alloc();
        Map<String, Object> tags = metadata(format.metadata());
        String container = containerName(format.iformat().name().getString(), tags.get("major_brand"));
        return new SourceDescription(container, durationUs, tracks, ignored, tags, input.size() > 0);
    }

    /**
     * A file whose sample index (MP4 'stbl', a fragment's 'trun') points past its end was cut
     * short: say so now rather than play into the hole.
     */
    private void checkNotTruncated() throws WireFormatException {
        long size = input.size();
        if (size <= 0) {
            return;
        }
        long maxEnd = 0;
        for (int si : new int[] {videoStream, audioStream}) {
            if (si < 0) {
                continue;
            }
            AVStream st = format.streams(si);
            int n = avformat_index_get_entries_count(st);
            for (int i = 0; i < n; i++) {
                AVIndexEntry e = avformat_index_get_entry(st, i);
                if (e != null && !e.isNull() && e.pos() >= 0) {
                    maxEnd = Math.max(maxEnd, e.pos() + e.size());
                }
            }
        }
        if (maxEnd > size) {
            throw new WireFormatException("sample table", "The file is truncated: its sample table lists media data up to byte "
                    + maxEnd + " but the file has only " + size + " bytes");
        }
    }

    /**
     * FFmpeg names one demuxer for the whole ISO family ("mov,mp4,m4a,3gp,3g2,mj2"); the file's
     * 'ftyp' major brand says which member it is.
     */
    static String containerName(String demuxer, Object majorBrand) {
        if (!demuxer.startsWith("mov,")) {
            return demuxer;
        }
        String brand = majorBrand == null ? "" : majorBrand.toString().trim().toLowerCase(java.util.Locale.ROOT);
        if (brand.startsWith("3gp") || brand.startsWith("3ge") || brand.startsWith("3gg")) {
            return "3gp";
        }
        if (brand.startsWith("3g2")) {
            return "3g2";
        }
        return switch (brand) {
            case "qt" -> "mov";
            case "f4v", "f4p", "f4a", "f4b" -> "f4v";
            case "m4a", "m4b", "m4p" -> "m4a";
            case "m4v", "m4vh", "m4vp" -> "m4v";
            default -> "mp4";
        };
    }

    private static TrackKind kindOf(int mediaType) {
        return mediaType == AVMEDIA_TYPE_VIDEO ? TrackKind.VIDEO : mediaType == AVMEDIA_TYPE_AUDIO ? TrackKind.AUDIO : null;
    }

    private static String mediaTypeName(int mediaType) {
        String name = org.bytedeco.ffmpeg.global.avutil.av_get_media_type_string(mediaType) == null ? null
                : org.bytedeco.ffmpeg.global.avutil.av_get_media_type_string(mediaType).getString();
        return name == null ? "unknown" : name;
    }

    private TrackFormat trackFormat(int index, AVStream st, Codec codec) {
        AVCodecParameters par = st.codecpar();
        byte[] extradata = new byte[Math.max(0, par.extradata_size())];
        if (extradata.length > 0) {
            par.extradata().get(extradata);
        }
        BytePointer profileName = avcodec_profile_name(par.codec_id(), par.profile());
        String profile = profileName == null ? "" : profileName.getString();
        String level = "";
        if (codec == Codec.H264 && par.level() > 0) {
            level = (par.level() / 10) + "." + (par.level() % 10);
        }
        if (codec.kind() == TrackKind.VIDEO) {
            AVRational fr = st.avg_frame_rate().num() > 0 ? st.avg_frame_rate() : st.r_frame_rate();
            double frameRate = fr.den() > 0 ? av_q2d(fr) : 0;
            // video_delay: the reordering depth libavformat derived from the container (e.g. MP4 ctts).
            return new TrackFormat(index, codec, extradata, par.width(), par.height(), frameRate, 0, 0,
                    par.bit_rate(), profile, level, Math.max(0, Math.min(16, par.video_delay())));
        }
        return new TrackFormat(index, codec, extradata, 0, 0, 0, par.sample_rate(),
                par.ch_layout().nb_channels(), par.bit_rate(), profile, level);
    }

    private static Map<String, Object> metadata(AVDictionary dict) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (dict == null || dict.isNull()) {
            return out;
        }
        AVDictionaryEntry e = null;
        while ((e = av_dict_get(dict, "", e, AV_DICT_IGNORE_SUFFIX)) != null && !e.isNull()) {
            out.put(e.key().getString(), e.value().getString());
        }
        return out;
    }

    @Override
    public SourceItem read() throws IOException {
        while (true) {
            int rc = av_read_frame(format, packet);
            if (rc == AVERROR_EOF) {
                throwIoFailure();
                return null;
            }
            if (rc < 0) {
                throwIoFailure();
                throw new IOException("Reading " + input.displayName() + " failed at byte " + ioPositionBytes + ": "
                        + FfmpegErrors.describe(rc));
            }
            try {
                int si = packet.stream_index();
                if (si != videoStream && si != audioStream) {
                    continue;
                }
                return toItem(si);
            } finally {
                av_packet_unref(packet);
            }
        }
    }

    private SourceItem toItem(int streamIndex) {
        AVStream st = format.streams(streamIndex);
        AVRational tb = st.time_base();
        long dts = packet.dts() == AV_NOPTS_VALUE ? packet.pts() : packet.dts();
        long pts = packet.pts() == AV_NOPTS_VALUE ? dts : packet.pts();
        long ptsUs = pts == AV_NOPTS_VALUE ? 0 : av_rescale_q(pts, tb, MICROS) - startTimeUs;
        long dtsUs = dts == AV_NOPTS_VALUE ? ptsUs : av_rescale_q(dts, tb, MICROS) - startTimeUs;
        long durUs = packet.duration() > 0 ? av_rescale_q(packet.duration(), tb, MICROS) : 0;
        byte[] data = new byte[packet.size()];
        packet.data().get(data);
        boolean key = (packet.flags() & org.bytedeco.ffmpeg.global.avcodec.AV_PKT_FLAG_KEY) != 0;
        int skipStart = 0;
        int skipEnd = 0;
        SizeTPointer sideSize = new SizeTPointer(1);
        try {
            BytePointer side = av_packet_get_side_data(packet, AV_PKT_DATA_SKIP_SAMPLES, sideSize);
            if (side != null && !side.isNull() && sideSize.get() >= 8) {
                side.capacity(sideSize.get());
                skipStart = side.getInt(0);
                skipEnd = side.getInt(4);
            }
        } finally {
            sideSize.close();
        }
        return new SourcePacket(new MediaPacket(streamIndex, ptsUs, dtsUs, durUs, key, data), skipStart, skipEnd);
    }

    @Override
    public void seek(long timeUs) throws IOException {
        int rc = av_seek_frame(format, -1, timeUs + startTimeUs, AVSEEK_FLAG_BACKWARD);
        if (rc < 0) {
            throwIoFailure();
            throw new IOException("Seek to " + (timeUs / 1e6) + " s failed: " + FfmpegErrors.describe(rc));
        }
    }

    /**
     * For a download still in progress: the time of the last keyframe whose data has arrived, from
     * the container's sample index.
     */
    @Override
    public OptionalLong seekableUntilUs() {
        long loaded = input.bytesLoaded();
        if (whole(loaded)) {
            return OptionalLong.empty();
        }
        int si = videoStream >= 0 ? videoStream : audioStream;
        AVStream st = format.streams(si);
        int n = avformat_index_get_entries_count(st);
        long best = -1;
        for (int i = 0; i < n; i++) {
            AVIndexEntry e = avformat_index_get_entry(st, i);
            if (e == null || e.isNull()) {
                continue;
            }
            boolean key = (e.flags() & AVINDEX_KEYFRAME) != 0;
            if (key && e.pos() + e.size() <= loaded) {
                best = Math.max(best, av_rescale_q(e.timestamp(), st.time_base(), MICROS) - startTimeUs);
            }
        }
        return OptionalLong.of(Math.max(0, best));
    }

    private void throwIoFailure() throws IOException {
        if (ioFailure != null) {
            IOException e = ioFailure;
            ioFailure = null;
            throw e;
        }
    }

    @Override
    public void close() {
        if (packet != null) {
            av_packet_free(packet);
            packet = null;
        }
        if (format != null) {
            avformat_close_input(format);
            format = null;
        }
        if (avio != null) {
            if (avio.buffer() != null) {
                av_free(avio.buffer());
                avio.buffer(null);
            }
            avio_context_free(avio);
            avio = null;
        }
        if (readCallback != null) {
            readCallback.close();
            seekCallback.close();
        }
        try {
            input.close();
        } catch (IOException e) {
            // Closing a read-only input cannot lose data; the stream is going away.
        }
    }

    // Called by FFmpeg on the demux thread.
    private final class ReadCallback extends Read_packet_Pointer_BytePointer_int {
        @Override
        public int call(Pointer opaque, BytePointer buf, int size) {
            try {
                int n = input.read(ioPositionBytes, ioScratch, 0, Math.min(size, ioScratch.length));
                if (n < 0) {
                    return AVERROR_EOF;
                }
                buf.position(0).capacity(size).put(ioScratch, 0, n);
                ioPositionBytes += n;
                return n;
            } catch (IOException e) {
                ioFailure = e;
                return AVERROR_EIO;
            }
        }
    }

    // Called by FFmpeg on the demux thread.
    private final class SeekCallback extends Seek_Pointer_long_int {
        @Override
        public long call(Pointer opaque, long offset, int whence) {
            long size = input.size();
            if ((whence & AVSEEK_SIZE) != 0) {
                return size >= 0 ? size : -1;
            }
            long target;
            switch (whence & 0xFFFF) {
                case 0 -> target = offset;
                case 1 -> target = ioPositionBytes + offset;
                case 2 -> {
                    if (size < 0) {
                        return -1;
                    }
                    target = size + offset;
                }
                default -> {
                    return -1;
                }
            }
            if (target < 0) {
                return -1;
            }
            ioPositionBytes = target;
            return target;
        }
    }
}
