package org.netstreamfx.player.sink;

import static org.bytedeco.ffmpeg.global.avfilter.av_buffersink_get_frame;
import static org.bytedeco.ffmpeg.global.avfilter.av_buffersrc_add_frame;
import static org.bytedeco.ffmpeg.global.avfilter.avfilter_get_by_name;
import static org.bytedeco.ffmpeg.global.avfilter.avfilter_graph_alloc;
import static org.bytedeco.ffmpeg.global.avfilter.avfilter_graph_config;
import static org.bytedeco.ffmpeg.global.avfilter.avfilter_graph_create_filter;
import static org.bytedeco.ffmpeg.global.avfilter.avfilter_graph_free;
import static org.bytedeco.ffmpeg.global.avfilter.avfilter_link;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_S16;
import static org.bytedeco.ffmpeg.global.avutil.av_channel_layout_default;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_get_buffer;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_unref;

import java.io.ByteArrayOutputStream;
import java.util.Locale;
import org.bytedeco.ffmpeg.avfilter.AVFilterContext;
import org.bytedeco.ffmpeg.avfilter.AVFilterGraph;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Pointer;
import org.netstreamfx.player.ffmpeg.FfmpegErrors;

/**
 * Plays 16-bit interleaved audio faster or slower without changing its pitch, through FFmpeg's
 * {@code atempo} filter (a WSOLA time stretch). Used for live catch-up (bufferTimeMax) and for the
 * playback rate ({@link #MIN_TEMPO} to {@link #MAX_TEMPO}): one atempo instance keeps its quality
 * from 0.5 to 2.0, so a tempo outside that runs through two instances in a row, each at its square
 * root (0.25 = 0.5 x 0.5, 4 = 2 x 2).
 *
 * <p>Thread ownership: the stream's playback thread.
 */
public final class AudioTempo implements AutoCloseable {
    /** The slowest tempo: two atempo stages of 0.5. */
    public static final double MIN_TEMPO = 0.25;
    /** The fastest tempo: two atempo stages of 2.0. */
    public static final double MAX_TEMPO = 4.0;
    /** One atempo instance's range of good quality; outside it two stages are chained. */
    static final double STAGE_MIN = 0.5;
    static final double STAGE_MAX = 2.0;
    /** Measured leads ({@link #leadUs}), by sample rate, channels and tempo. */
    private static final java.util.Map<String, Long> LEADS = new java.util.concurrent.ConcurrentHashMap<>();
    private final int sampleRateHz;
    private final int channels;
    private final double tempo;
    private AVFilterGraph graph;
    private AVFilterContext source;
    private AVFilterContext sink;
    private final AVFrame in = av_frame_alloc();
    private final AVFrame out = av_frame_alloc();

    /**
     * @param tempo {@link #MIN_TEMPO} to {@link #MAX_TEMPO}: 1.06 plays 6 % faster, 0.5 half as fast
     */
    public AudioTempo(int sampleRateHz, int channels, double tempo) {
        if (!(tempo >= MIN_TEMPO && tempo <= MAX_TEMPO)) {
            throw new IllegalArgumentException("tempo must be " + MIN_TEMPO + " to " + MAX_TEMPO + ", not " + tempo);
        }
        if (channels < 1 || channels > 2) {
            throw new IllegalArgumentException("AudioTempo takes 1 or 2 channels, not " + channels);
        }
        this.sampleRateHz = sampleRateHz;
        this.channels = channels;
        this.tempo = tempo;
        build();
    }

    public int sampleRateHz() {
        return sampleRateHz;
    }

    public int channels() {
        return channels;
    }

    public double tempo() {
        return tempo;
    }

    /**
     * How far into the input the output's content starts, in µs of input: atempo's output begins
     * at the middle of its first window (and a slowed sound's first window fades in ahead of where
     * it belongs), so the output frame n of a new filter holds the input at about
     * {@code leadUs + n x tempo}, not {@code n x tempo}. A player that times sound by the frames
     * the device played adds it to the first chunk's time. Measured once per format and tempo, on
     * a tone burst after silence (20 to 30 ms at 44.1 kHz).
     */
    public long leadUs() {
        return LEADS.computeIfAbsent(sampleRateHz + "/" + channels + "/" + tempo,
                k -> measureLead(sampleRateHz, channels, tempo));
    }

    private static long measureLead(int sampleRateHz, int channels, double tempo) {
        int silence = sampleRateHz / 5;
        int burst = sampleRateHz / 50;
        int frames = silence + burst + sampleRateHz / 2;
        byte[] pcm = new byte[frames * 2 * channels];
        for (int i = silence; i < silence + burst; i++) {
            short v = (short) Math.round(16_000 * Math.sin(2 * Math.PI * 1000.0 * (i - silence) / sampleRateHz));
            for (int c = 0; c < channels; c++) {
                pcm[(i * channels + c) * 2] = (byte) v;
                pcm[(i * channels + c) * 2 + 1] = (byte) (v >> 8);
            }
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (AudioTempo probe = new AudioTempo(sampleRateHz, channels, tempo)) {
            int step = 2048 * 2 * channels;
            for (int off = 0; off < pcm.length; off += step) {
                int n = Math.min(step, pcm.length - off);
                out.writeBytes(probe.process(java.util.Arrays.copyOfRange(pcm, off, off + n), n));
            }
            out.writeBytes(probe.finish());
        }
        int in = firstLoud(pcm, channels);
        int outFrame = firstLoud(out.toByteArray(), channels);
        if (in < 0 || outFrame < 0) {
            return 0;
        }
        return Math.round((in - outFrame * tempo) * 1_000_000.0 / sampleRateHz);
    }

    /** The first frame whose channel 0 reaches half the burst's level, or -1. */
    private static int firstLoud(byte[] pcm, int channels) {
        for (int i = 0; i < pcm.length / (2 * channels); i++) {
            int o = i * channels * 2;
            if (Math.abs((short) ((pcm[o] & 0xFF) | (pcm[o + 1] << 8))) > 8_000) {
                return i;
            }
        }
        return -1;
    }

    private void build() {
        graph = avfilter_graph_alloc();
        source = new AVFilterContext(null);
        sink = new AVFilterContext(null);
        String layout = channels == 1 ? "mono" : "stereo";
        String args = String.format(Locale.ROOT, "sample_rate=%d:sample_fmt=s16:channel_layout=%s:time_base=1/%d",
                sampleRateHz, layout, sampleRateHz);
        check(avfilter_graph_create_filter(source, avfilter_get_by_name("abuffer"), "in", args, null, graph), "abuffer");
        boolean twoStages = tempo < STAGE_MIN || tempo > STAGE_MAX;
        double stageTempo = twoStages ? Math.sqrt(tempo) : tempo;
        AVFilterContext previous = source;
        for (int stage = 0; stage < (twoStages ? 2 : 1); stage++) {
            AVFilterContext stretch = new AVFilterContext(null);
            check(avfilter_graph_create_filter(stretch, avfilter_get_by_name("atempo"), "tempo" + stage,
                    String.format(Locale.ROOT, "tempo=%.6f", stageTempo), null, graph), "atempo");
            check(avfilter_link(previous, 0, stretch, 0), "link to atempo " + stage);
            previous = stretch;
        }
        check(avfilter_graph_create_filter(sink, avfilter_get_by_name("abuffersink"), "out", (String) null, null,
                graph), "abuffersink");
        check(avfilter_link(previous, 0, sink, 0), "link atempo → abuffersink");
        check(avfilter_graph_config(graph, (Pointer) null), "configure the tempo graph");
    }

    private static void check(int rc, String what) {
        if (rc < 0) {
            throw new IllegalStateException("Audio tempo filter: " + what + " failed: " + FfmpegErrors.describe(rc));
        }
    }

    /** Stretches one chunk; returns the audio that is ready (may be empty while the filter fills). */
    public byte[] process(byte[] pcm, int length) {
        int frames = length / (2 * channels);
        if (frames == 0) {
            return new byte[0];
        }
        av_frame_unref(in);
        in.format(AV_SAMPLE_FMT_S16);
        in.sample_rate(sampleRateHz);
        in.nb_samples(frames);
        av_channel_layout_default(in.ch_layout(), channels);
        check(av_frame_get_buffer(in, 0), "allocate an input frame");
        new BytePointer(in.data(0)).capacity(length).put(pcm, 0, frames * 2 * channels);
        check(av_buffersrc_add_frame(source, in), "feed the tempo filter");
        return drain();
    }

    /** Ends the stream: returns what the filter still holds. The instance cannot be used after. */
    public byte[] finish() {
        check(av_buffersrc_add_frame(source, null), "flush the tempo filter");
        return drain();
    }

    private byte[] drain() {
        ByteArrayOutputStream result = new ByteArrayOutputStream();
        while (av_buffersink_get_frame(sink, out) >= 0) {
            int bytes = out.nb_samples() * 2 * channels;
            byte[] chunk = new byte[bytes];
            new BytePointer(out.data(0)).capacity(bytes).get(chunk, 0, bytes);
            result.writeBytes(chunk);
            av_frame_unref(out);
        }
        return result.toByteArray();
    }

    @Override
    public void close() {
        av_frame_free(in);
        av_frame_free(out);
        if (graph != null) {
            avfilter_graph_free(graph);
            graph = null;
        }
    }
}
