package org.netstreamfx.player.record;

import static org.bytedeco.ffmpeg.global.avcodec.AV_INPUT_BUFFER_PADDING_SIZE;
import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_FLAG_KEY;
import static org.bytedeco.ffmpeg.global.avcodec.av_new_packet;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avformat.AVIO_FLAG_WRITE;
import static org.bytedeco.ffmpeg.global.avformat.av_write_frame;
import static org.bytedeco.ffmpeg.global.avformat.av_write_trailer;
import static org.bytedeco.ffmpeg.global.avformat.avformat_alloc_output_context2;
import static org.bytedeco.ffmpeg.global.avformat.avformat_free_context;
import static org.bytedeco.ffmpeg.global.avformat.avformat_new_stream;
import static org.bytedeco.ffmpeg.global.avformat.avformat_write_header;
import static org.bytedeco.ffmpeg.global.avformat.avio_closep;
import static org.bytedeco.ffmpeg.global.avformat.avio_flush;
import static org.bytedeco.ffmpeg.global.avformat.avio_open;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_AUDIO;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.av_channel_layout_default;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_free;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_set;
import static org.bytedeco.ffmpeg.global.avutil.av_mallocz;
import static org.bytedeco.ffmpeg.global.avutil.av_rescale_q;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.javacpp.BytePointer;
import org.netstreamfx.player.flv.EnhancedTagBodies;
import org.netstreamfx.player.flv.FlacStreamInfo;
import org.netstreamfx.player.media.Codec;
import org.netstreamfx.player.media.MediaPacket;
import org.netstreamfx.player.media.TrackFormat;
import org.netstreamfx.player.media.TrackKind;
import org.netstreamfx.player.ffmpeg.FfmpegErrors;
import org.netstreamfx.player.ffmpeg.FfmpegLog;

/**
 * Records to fragmented MP4 (ISO/IEC 14496-12, 8.8: movie fragments) with FFmpeg's mp4 muxer and
 * {@code movflags=frag_keyframe+empty_moov+default_base_moof}:
 *
 * <pre>
 * ftyp | moov (sample tables empty, mvex/trex) | moof mdat | moof mdat | ... | [mfra at stop]
 * </pre>
 *
 * The 'moov' carries only the track setup (avcC per ISO/IEC 14496-15 5.3.3.1, esds with the
 * AudioSpecificConfig; hvc1/hvcC, av01/av1C, vp09/vpcC, Opus/dOps from the OpusHead, fLaC/dfLa from
 * the STREAMINFO, ac-3/dac3, ec-3/dec3, mp4a for MP3), so the file is playable as soon as the
 * first fragment is complete; each 'moof' (with default-base-is-moof, 8.8.7.1) describes the
 * samples of the 'mdat' after it. A fragment ends at each video keyframe, or every
 * {@link #AUDIO_FRAGMENT_US} when there is no video, and the I/O buffer is flushed to the operating
 * system right after, so a process killed with SIGKILL loses at most the fragment in progress: the
 * file plays up to the last complete one.
 *
 * <p>AC-3 and E-AC-3 tracks need their first frames before the 'moov' can describe them, so with
 * either the muxer also gets {@code delay_moov}: the 'moov' goes out with the first fragment.
 *
 * <p>The 'moov' also holds the {@code gaps} metadata ({@link RecordedGaps}, written as an
 * {@code mdta} key with {@code use_metadata_tags}), reserved at the start and overwritten in place
 * at each gap.
 *
 * <p>Owns the AVFormatContext, its AVIOContext and one AVPacket.
 */
public final class FragmentedMp4Recorder extends AbstractRecorder {
    /** Audio-only recordings cut a fragment this often. */
    public static final long AUDIO_FRAGMENT_US = 1_000_000;
    static final String MOVFLAGS = "frag_keyframe+empty_moov+default_base_moof+use_metadata_tags";
    /**
     * Added for AC-3 and E-AC-3: their sample entries ('dac3', 'dec3') are read from the first
     * frames, so the muxer writes the 'moov' with the first fragment instead of at the start.
     */
    static final String DELAY_MOOV = "+delay_moov";
    /** How far into the file the reserved gaps field is looked for after the header is written. */
    private static final int HEADER_SEARCH_BYTES = 256 * 1024;
    private static final AVRational MICROS = new AVRational().num(1).den(1_000_000);
    private static final int VIDEO_TIMESCALE = 90_000;

    private final Map<Integer, AVStream> streams = new HashMap<>();
    private AVFormatContext format;
    private AVPacket packet;
    private boolean audioOnly;
    private long fragmentStartUs;
    private long gapsPosition = -1;
    /** A gaps field marked before a delayed 'moov' reached the file; written once it has. */
    private byte[] pendingGaps;

    public FragmentedMp4Recorder(Path path, Executor events, RecordListener listener) {
        super(path, events, listener);
    }

    @Override
    void open(List<TrackFormat> tracks) throws IOException {
        FfmpegLog.configure();
        String file = path().toString();
        Path parent = path().toAbsolutePath().getParent();
        if (parent != null && Files.exists(parent) && !Files.isDirectory(parent)) {
            throw new IOException(parent + " is not a folder");
        }
        if (parent != null && !Files.exists(parent)) {
            throw new IOException("the folder " + parent + " does not exist");
        }
        format = new AVFormatContext(null);
        check(avformat_alloc_output_context2(format, null, "mp4", file), "no mp4 muxer");
        audioOnly = true;
        boolean delayMoov = false;
        for (TrackFormat t : tracks) {
            addStream(t);
            audioOnly &= t.kind() == TrackKind.AUDIO;
            delayMoov |= t.codec() == Codec.AC3 || t.codec() == Codec.EAC3;
        }
        AVIOContext pb = new AVIOContext(null);
        check(avio_open(pb, file, AVIO_FLAG_WRITE), "cannot open the file");
        format.pb(pb);
        AVDictionary meta = new AVDictionary(null);
        av_dict_set(meta, RecordedGaps.KEY, RecordedGaps.EMPTY, 0);
        format.metadata(meta);
        AVDictionary options = new AVDictionary(null);
        av_dict_set(options, "movflags", delayMoov ? MOVFLAGS + DELAY_MOOV : MOVFLAGS, 0);
        int rc = avformat_write_header(format, options);
        av_dict_free(options);
        if (rc < 0 && pb.error() < 0) {
            check(pb.error(), "cannot write the file header");
        }
        // Named, so a refusal says which track (an Opus without its OpusHead, a FLAC without STREAMINFO).
        check(rc, "the mp4 muxer refused the tracks"
                + tracks.stream().map(TrackFormat::toString).collect(Collectors.joining(", ", " (", ")")));
        flushToDisk();
        packet = av_packet_alloc();
        gapsPosition = findGapsField();
        if (gapsPosition < 0 && !delayMoov) {
            throw new IOException("the mp4 muxer wrote no gaps metadata");
        }
    }

    /** Where the muxer put the reserved gaps value (an mdta key in moov/udta/meta), or -1 while there is no moov. */
    private long findGapsField() throws IOException {
        try (FileChannel ch = FileChannel.open(path(), StandardOpenOption.READ)) {
            ByteBuffer b = ByteBuffer.allocate((int) Math.min(HEADER_SEARCH_BYTES, ch.size()));
            while (b.hasRemaining() && ch.read(b) > 0) {
                // read the header
            }
            return RecordedGaps.find(b.array());
        }
    }

    @Override
    void writeGaps(byte[] field) throws IOException {
        if (gapsPosition < 0) {
            pendingGaps = field; // the delayed moov is not in the file yet
            return;
        }
        // The header is on disk; the muxer only appends after it, through its own descriptor.
        try (FileChannel ch = FileChannel.open(path(), StandardOpenOption.WRITE)) {
            ByteBuffer b = ByteBuffer.wrap(field);
            long at = gapsPosition;
            while (b.hasRemaining()) {
                at += ch.write(b, at);
            }
        }
    }

    private void addStream(TrackFormat t) throws IOException {
        AVStream st = avformat_new_stream(format, null);
        if (st == null || st.isNull()) {
            throw new IOException("cannot add " + t + " to the mp4 muxer");
        }
        AVCodecParameters par = st.codecpar();
        par.codec_id(t.codec().ffmpegId());
        if (t.codec() == Codec.HEVC) {
            // 'hvc1' (parameter sets in the hvcC), as Apple's players want, not the muxer's default 'hev1'.
            par.codec_tag(littleEndianTag(t.codec().fourCc()));
        }
        // dfLa is written from the bare STREAMINFO only; FFmpeg's Matroska demuxer gives "fLaC" + header + it.
        byte[] extradata = t.codec() == Codec.FLAC ? FlacStreamInfo.block(t.extradata())
                : t.codec() == Codec.VP9 ? new byte[0] : t.extradata();
        if (t.codec() == Codec.VP9) {
            Vp9CodecParameters.apply(t, par);
        }
        if (extradata.length > 0) {
            BytePointer ed = new BytePointer(av_mallocz(extradata.length + AV_INPUT_BUFFER_PADDING_SIZE));
            ed.capacity(extradata.length).put(extradata, 0, extradata.length);
            par.extradata(ed);
            par.extradata_size(extradata.length);
        }
        if (t.kind() == TrackKind.VIDEO) {
            par.codec_type(AVMEDIA_TYPE_VIDEO);
            par.width(t.width());
            par.height(t.height());
            st.time_base(new AVRational().num(1).den(VIDEO_TIMESCALE));
            if (t.frameRate() > 0) {
                st.avg_frame_rate(new AVRational().num((int) Math.round(t.frameRate() * 1000)).den(1000));
            }
        } else {
            par.codec_type(AVMEDIA_TYPE_AUDIO);
            par.sample_rate(t.sampleRateHz());
            av_channel_layout_default(par.ch_layout(), Math.max(1, t.channels()));
            st.time_base(new AVRational().num(1).den(t.sampleRateHz()));
        }
        par.bit_rate(t.bitRateBps());
        streams.put(t.index(), st);
    }

    @Override
    void writePacket(TrackFormat track, MediaPacket p, long ptsUs, long dtsUs) throws IOException {
        if (audioOnly && dtsUs - fragmentStartUs >= AUDIO_FRAGMENT_US) {
            // A null packet makes the mov muxer close the fragment in progress.
            check(av_write_frame(format, null), "cannot write a fragment");
            flushToDisk();
            fragmentStartUs = dtsUs;
        }
        AVStream st = streams.get(track.index());
        byte[] data = p.data();
        av_packet_unref(packet);
        check(av_new_packet(packet, data.length), "out of memory for a " + data.length + "-byte packet");
        packet.data().capacity(data.length).put(data, 0, data.length);
        AVRational tb = st.time_base();
        packet.stream_index(st.index());
        packet.pts(av_rescale_q(ptsUs, MICROS, tb));
        packet.dts(av_rescale_q(dtsUs, MICROS, tb));
        packet.duration(p.durationUs() > 0 ? av_rescale_q(p.durationUs(), MICROS, tb) : 0);
        packet.flags(p.keyframe() ? AV_PKT_FLAG_KEY : 0);
        int rc = av_write_frame(format, packet);
        av_packet_unref(packet);
        check(rc, "cannot write a packet");
        if (track.kind() == TrackKind.VIDEO && p.keyframe()) {
            // frag_keyframe: writing this keyframe completed the previous fragment.
            flushToDisk();
        }
    }

    @Override
    boolean writeScript(String name, List<?> args, long timeUs) {
        return false; // MP4 has no place for FLV script data
    }

    @Override
    void finish(long durationUs) throws IOException {
        check(av_write_trailer(format), "cannot finish the file");
        flushToDisk();
    }

    /**
     * Hands everything buffered in the AVIOContext to the operating system, and checks it went;
     * then, while a delayed 'moov' was awaited, looks for its gaps field and writes any pending.
     */
    private void flushToDisk() throws IOException {
        AVIOContext pb = format.pb();
        avio_flush(pb);
        if (pb.error() < 0) {
            throw new IOException(FfmpegErrors.describe(pb.error()));
        }
        if (gapsPosition < 0 && packet != null) {
            gapsPosition = findGapsField();
            if (gapsPosition >= 0 && pendingGaps != null) {
                writeGaps(pendingGaps);
                pendingGaps = null;
            }
        }
    }

    /** FFmpeg's MKTAG: a FourCC's first character in the lowest byte. */
    private static int littleEndianTag(String fourCc) {
        return Integer.reverseBytes(EnhancedTagBodies.fourCcValue(fourCc));
    }

    private static void check(int rc, String what) throws IOException {
        if (rc < 0) {
            throw new IOException(what + ": " + FfmpegErrors.describe(rc));
        }
    }

    @Override
    void release() {
        if (packet != null) {
            av_packet_free(packet);
            packet = null;
        }
        if (format != null && !format.isNull()) {
            AVIOContext pb = format.pb();
            if (pb != null && !pb.isNull()) {
                avio_closep(pb);
                format.pb(null);
            }
            avformat_free_context(format);
        }
        format = null;
        streams.clear();
    }
}
