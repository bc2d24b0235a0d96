package org.netstreamfx.capture.encode;

import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_encoder_by_name;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.netstreamfx.player.ffmpeg.FfmpegLog;
import org.netstreamfx.player.publish.FeedCodec;

/**
 * The video encoders the publisher knows, per codec, and how one is chosen: {@code auto} tries
 * the hardware encoders the natives have (each probed once, bounded in time), then the software
 * ones; {@code software} takes the first software encoder the natives have; a name takes that
 * encoder. The choice is returned with an {@link EncoderPick} naming what was really opened.
 *
 * <p>The default LGPL natives have libopenh264, libsvtav1, libaom-av1 and libvpx-vp9 but no
 * software HEVC encoder; libx265 (and libx264) come with the {@code -Pgpl} natives. Hardware
 * wrappers (NVENC, VAAPI, QSV, Vulkan) are in the natives but need their driver and device:
 * the probe opens each at a small size on a thread of its own, and one that fails, or does
 * not answer within {@link #PROBE_LIMIT}, counts as unavailable.
 */
public final class VideoEncoders {
    /** Hardware if one is available, else software. */
    public static final String AUTO = "auto";
    /** Software only. */
    public static final String SOFTWARE = "software";
    /** How long a hardware probe may take before the encoder counts as unavailable. */
    public static final Duration PROBE_LIMIT = Duration.ofSeconds(3);
    private static final int PROBE_WIDTH = 320;
    private static final int PROBE_HEIGHT = 180;
    private static final int PROBE_FPS = 30;
    private static final int PROBE_KBPS = 300;

    private static final Map<FeedCodec, List<String>> SOFTWARE_ENCODERS = Map.of(
            FeedCodec.H264, H264Encoder.KNOWN_ENCODERS,
            FeedCodec.HEVC, List.of("libx265"),
            FeedCodec.AV1, List.of("libsvtav1", "libaom-av1"),
            FeedCodec.VP9, List.of("libvpx-vp9"));
    private static final Map<FeedCodec, List<String>> HARDWARE_ENCODERS = Map.of(
            FeedCodec.H264, List.of("h264_nvenc", "h264_qsv", "h264_vaapi", "h264_vulkan"),
            FeedCodec.HEVC, List.of("hevc_nvenc", "hevc_qsv", "hevc_vaapi", "hevc_vulkan"),
            FeedCodec.AV1, List.of("av1_nvenc", "av1_qsv", "av1_vaapi"),
            FeedCodec.VP9, List.of("vp9_qsv", "vp9_vaapi"));
    private static final Map<String, Probe> PROBES = new ConcurrentHashMap<>();

    private VideoEncoders() {
    }

    /**
     * One known encoder.
     *
     * @param inNatives whether these FFmpeg natives were built with it
     */
    public record Known(FeedCodec codec, String name, boolean hardware, boolean inNatives) {
    }

    /** A hardware probe's answer: available, or why not. */
    public record Probe(boolean available, String reason) {
    }

    /** A chosen, opened encoder and what was chosen. */
    public record Opened(VideoEncoder encoder, EncoderPick pick) {
    }

    /** Every encoder this class knows, codec by codec, hardware first. */
    public static List<Known> known() {
        List<Known> all = new ArrayList<>();
        for (FeedCodec c : List.of(FeedCodec.H264, FeedCodec.HEVC, FeedCodec.AV1, FeedCodec.VP9)) {
            HARDWARE_ENCODERS.get(c).forEach(n -> all.add(new Known(c, n, true, inNatives(n))));
            SOFTWARE_ENCODERS.get(c).forEach(n -> all.add(new Known(c, n, false, inNatives(n))));
        }
        return all;
    }

    /** Whether these natives were built with the encoder {@code name}. */
    public static boolean inNatives(String name) {
        FfmpegLog.configure();
        AVCodec c = avcodec_find_encoder_by_name(name);
        return c != null && !c.isNull();
    }

    /**
     * Whether the hardware encoder {@code name} opens here: asked once per JVM, on a daemon thread
     * given {@code limit}; a failure, a missing driver or no answer in time is "not available".
     */
    public static Probe probe(FeedCodec codec, String name, Duration limit) {
        Probe known = PROBES.get(name);
        if (known != null) {
            return known;
        }
        if (!inNatives(name)) {
            return PROBES.computeIfAbsent(name, n -> new Probe(false, "not in these FFmpeg natives"));
        }
        FutureTask<Probe> task = new FutureTask<>(() -> tryOpen(codec, name));
        Thread t = new Thread(task, "nsfx-encoder-probe-" + name);
        t.setDaemon(true);
        t.start();
        Probe p;
        try {
            p = task.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            p = new Probe(false, "no answer within " + limit.toMillis() + " ms");
        } catch (ExecutionException e) {
            p = new Probe(false, String.valueOf(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Probe(false, "interrupted");
        }
        PROBES.putIfAbsent(name, p);
        return p;
    }

    private static Probe tryOpen(FeedCodec codec, String name) {
        try (FfmpegVideoEncoder e = new FfmpegVideoEncoder(codec, name, true,
                H264Settings.of(PROBE_WIDTH, PROBE_HEIGHT, PROBE_FPS, PROBE_KBPS))) {
            return new Probe(true, "opens at " + PROBE_WIDTH + "x" + PROBE_HEIGHT);
        } catch (EncoderException | RuntimeException e) {
            return new Probe(false, e.getMessage());
        }
    }

    /**
     * Opens an encoder for {@code codec} as {@code choice} says ({@link #AUTO}, {@link #SOFTWARE}
     * or an encoder name) at {@code settings}.
     *
     * @throws EncoderException when no encoder fits: the name is unknown or for another codec, the
     *     natives lack it, or it will not open
     */
    public static Opened open(FeedCodec codec, String choice, H264Settings settings) throws EncoderException {
        List<String> hardware = HARDWARE_ENCODERS.get(codec);
        if (hardware == null) {
            throw new EncoderException(codec + " is not a video codec");
        }
        if (!choice.equals(AUTO) && !choice.equals(SOFTWARE)) {
            return openNamed(codec, choice, settings);
        }
        List<String> unavailable = new ArrayList<>();
        if (choice.equals(AUTO)) {
            for (String name : hardware) {
                if (!inNatives(name)) {
                    continue;
                }
                if (probe(codec, name, PROBE_LIMIT).available()) {
                    try {
                        VideoEncoder e = new FfmpegVideoEncoder(codec, name, true, settings);
                        return new Opened(e, new EncoderPick(codec, name, true, unavailable));
                    } catch (EncoderException e) {
                        // Opens small but not at this size: fall through to the next.
                    }
                }
                unavailable.add(name);
            }
        }
        VideoEncoder e = openSoftware(codec, settings);
        return new Opened(e, new EncoderPick(codec, e.encoderName(), false, unavailable));
    }

    private static VideoEncoder openSoftware(FeedCodec codec, H264Settings settings) throws EncoderException {
        if (codec == FeedCodec.H264) {
            return new H264Encoder(settings);
        }
        List<String> names = SOFTWARE_ENCODERS.get(codec);
        for (String name : names) {
            if (inNatives(name)) {
                return new FfmpegVideoEncoder(codec, name, false, settings);
            }
        }
        throw new EncoderException("these FFmpeg natives have no software " + codec + " encoder (" + String.join(", ", names)
                + (codec == FeedCodec.HEVC ? "; libx265 comes with the GPL natives: build with -Pgpl" : "") + ")");
    }

    private static Opened openNamed(FeedCodec codec, String name, H264Settings settings) throws EncoderException {
        for (Known k : known()) {
            if (!k.name().equals(name)) {
                continue;
            }
            if (k.codec() != codec) {
                throw new EncoderException(name + " encodes " + k.codec() + ", not " + codec);
            }
            VideoEncoder e = codec == FeedCodec.H264 && !k.hardware() ? new H264Encoder(settings.withEncoder(name))
                    : new FfmpegVideoEncoder(codec, name, k.hardware(), settings);
            return new Opened(e, new EncoderPick(codec, name, k.hardware(), List.of()));
        }
        throw new EncoderException("unknown video encoder " + name + "; known for " + codec + ": "
                + String.join(", ", HARDWARE_ENCODERS.get(codec)) + ", " + String.join(", ", SOFTWARE_ENCODERS.get(codec)));
    }
}
