package org.netstreamfx.app.cli;

import org.netstreamfx.player.net.RecordEvents;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.netstreamfx.app.DaemonThreads;
import org.netstreamfx.capture.device.CaptureClock;
import org.netstreamfx.capture.device.DeviceException;
import org.netstreamfx.capture.device.Devices;
import org.netstreamfx.capture.encode.AacSettings;
import org.netstreamfx.capture.encode.CodecChoice;
import org.netstreamfx.capture.encode.VideoEncoders;
import org.netstreamfx.capture.encode.H264Settings;
import org.netstreamfx.capture.encode.Renditions;
import org.netstreamfx.capture.feed.CameraFeed;
import org.netstreamfx.capture.feed.MultitrackCameraFeed;
import org.netstreamfx.capture.feed.MicrophoneFeed;
import org.netstreamfx.player.net.NetConnection;
import org.netstreamfx.player.net.NetStatusCode;
import org.netstreamfx.player.net.NetStream;
import org.netstreamfx.player.net.NetStreamInfo;
import org.netstreamfx.player.rtmp.client.RtmpOptions;
import org.netstreamfx.player.rtmp.client.RtmpUrl;
import org.netstreamfx.player.util.Redact;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code nsfx publish}: publishes a camera and a microphone to rtmp[s]://host/app/name the Flash
 * way (attachCamera, attachAudio, publish) and prints every NetStatus event and periodic stats as
 * JSON lines, like {@code nsfx play}. The stream name is the stream key: it is masked in
 * everything printed. Exit 0 after --duration or Ctrl-C once unpublished, 1 after an error-level
 * event or a lost connection, 2 on bad arguments. A camera or microphone that is missing or lost
 * ({@code NetStreamFX.Publish.FeedFailed}, naming the device) does not stop the other: publishing
 * goes on until --duration or Ctrl-C, and the exit status is 1. With {@code --check} nothing is
 * sent: the devices are encoded for 10 s and judged by {@code --profile} ({@link PublishCheck}).
 */
@Command(name = "publish", mixinStandardHelpOptions = true,
        description = "Publish a camera and a microphone to rtmp[s]://host/app/name; print events as JSON lines.")
public final class PublishCommand implements Callable<Integer> {
    /** How long the end waits for Unpublish.Success. */
    private static final long UNPUBLISH_WAIT_MS = 5000;
    /** The multitrack camera, when --tracks was given: its per-track figures go in the stats. */
    private volatile MultitrackCameraFeed multitrack;

    @Parameters(index = "0", paramLabel = "<url>", description = "rtmp[s]://host[:port]/app[/instance]/name")
    String address;

    @Option(names = "--camera", paramLabel = "ID|test|screen:…|FILE|none",
            description = "Camera (default test); screen:[DISPLAY][,region=WxH+X+Y][,cursor=on|off][,window=W] captures the screen.")
    String camera = "test";

    @Option(names = "--mic", paramLabel = "ID|tone|none", description = "Microphone (default tone).")
    String mic = "tone";

    @Option(names = "--size", paramLabel = "WxH", description = "Video size (default 640x360).")
    String size = "640x360";

    @Option(names = "--fps", paramLabel = "N", description = "Frame rate (default 25).")
    int fps = 25;

    @Option(names = "--video-bitrate", paramLabel = "KBPS", description = "Video bit rate (default 800).")
    int videoKbps = 800;

    @Option(names = "--audio-bitrate", paramLabel = "KBPS", description = "Audio bit rate (default 96).")
    int audioKbps = 96;

    @Option(names = "--video-codec", paramLabel = "h264|hevc|av1|vp9",
            description = "Video codec (default h264); hevc, av1 and vp9 go as Enhanced RTMP v2.")
    String videoCodec = "h264";

    @Option(names = "--audio-codec", paramLabel = "aac|opus",
            description = "Audio codec (default aac, 44.1 kHz); opus (48 kHz) goes as Enhanced RTMP v2.")
    String audioCodec = "aac";

    @Option(names = "--encoder", paramLabel = "auto|software|NAME",
            description = "Video encoder: auto (a hardware one that opens, else software; default), software, "
                    + "or an FFmpeg encoder name (nsfx devices lists them).")
    String encoder = VideoEncoders.AUTO;

    @Option(names = "--keyint", paramLabel = "S", description = "Keyframe interval in seconds (default 2).")
    double keyint = 2;

    @Option(names = "--tracks", paramLabel = "HEIGHTp[FPS]@KBPS,…",
            description = "Publish the camera as several renditions, Enhanced RTMP v2 multitrack (e.g. 720p30@2500,"
                    + "360p30@800; at most " + Renditions.MAX_TRACKS + ", none larger than --size): the first is "
                    + "track 0, which legacy players see; keyframes are aligned across tracks.")
    String tracks;

    @Option(names = "--mode", paramLabel = "live|record|append", description = "publish type (default live).")
    String mode = "live";

    @Option(names = "--record", paramLabel = "FILE",
            description = "Also record what is published to FILE: fragmented MP4 for .mp4/.m4v/.mov, FLV otherwise.")
    java.nio.file.Path record;

    @Option(names = "--buffer-time", paramLabel = "S",
            description = "How much may wait to be sent before video frames are dropped (default 1, at least 0.5).")
    double bufferTime = 1;

    @Option(names = "--reconnect", paramLabel = "N",
            description = "Reconnect and republish up to N times after an unexpected close (default 0).")
    int reconnect;

    @Option(names = "--silence-timeout", paramLabel = "S",
            description = "A server silent this long, pings unanswered, is a dead connection (default 15).")
    double silenceTimeout = RtmpOptions.DEFAULT_SILENCE_TIMEOUT_MS / 1000.0;

    @Option(names = "--trust-cert", paramLabel = "FILE",
            description = "rtmps: trust this one certificate (PEM or DER) instead of the system's; host names are still checked.")
    java.nio.file.Path trustCert;

    @Option(names = "--duration", paramLabel = "S",
            description = "Unpublish S seconds after NetStream.Publish.Start and exit 0.")
    Double duration;

    @Option(names = "--events", paramLabel = "jsonl|text", description = "Output format (default jsonl).")
    EventFormat format = EventFormat.jsonl;

    @Option(names = "--stats-interval", paramLabel = "S", description = "Print stats every S seconds (default 1; 0: only at the end).")
    double statsInterval = 1.0;

    @Option(names = "--check", description = "Check my stream: encode for 10 s, send nothing, print the health "
            + "report as nsfx inspect does; exit 0, or 1 with an error-level finding.")
    boolean check;

    @Option(names = "--profile", paramLabel = "generic|youtube|twitch|FILE",
            description = "The health profile --check judges by (default generic).")
    String profile = "generic";

    /** How long --check encodes, in media seconds (tests shorten it). */
    double checkSeconds = org.netstreamfx.app.ui.publisher.health.StreamChecker.CHECK_SECONDS;

    @Override
    public Integer call() {
        int[] wh = parseSize(size);
        if (wh == null || fps < 1 || (duration != null && duration <= 0) || statsInterval < 0 || reconnect < 0
                || !(bufferTime >= 0) || !java.util.List.of("live", "record", "append", "appendWithGap").contains(mode)
                || !(silenceTimeout * 1000 >= RtmpOptions.MIN_SILENCE_TIMEOUT_MS)) {
            System.err.println("nsfx publish: --size is WxH, --fps 1 or more, --duration more than 0 s, --mode live, "
                    + "record, append or appendWithGap; --stats-interval, --buffer-time and --reconnect 0 or more; "
                    + "--silence-timeout at least " + RtmpOptions.MIN_SILENCE_TIMEOUT_MS / 1000.0);
            return 2;
        }
        RtmpUrl.PlayAddress target;
        H264Settings video;
        AacSettings audio;
        CodecChoice codecs;
        Renditions renditions;
        try {
            target = RtmpUrl.splitPlay(address, null, null);
            video = H264Settings.of(wh[0], wh[1], fps, videoKbps).withKeyframeInterval(keyint);
            renditions = renditions(video);
            codecs = CodecChoice.parse(videoCodec, audioCodec, encoder);
            audio = new AacSettings(codecs.audioRateHz(), 2, audioKbps);
        } catch (IllegalArgumentException e) {
            System.err.println("nsfx publish: " + Redact.streamKey(e.getMessage(), streamKeyOf(address)));
            return 2;
        }
        String key = target.streamName();
        if (check) {
            return PublishCheck.run(new org.netstreamfx.app.ui.publisher.PublishFeeds(camera, mic, video, audio, codecs,
                    renditions), profile, checkSeconds, Redact.streamKey(address, key));
        }
        PrintStream out = new MaskingPrintStream(System.out, key);
        long start = System.nanoTime();
        ExecutorService callbacks = Executors.newSingleThreadExecutor(r -> DaemonThreads.named(r, "nsfx-cli-events"));
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(
                r -> DaemonThreads.named(r, "nsfx-cli-stats"));
        EventPrinter printer = new EventPrinter(out, format, start);
        CountDownLatch done = new CountDownLatch(1);
        CountDownLatch unpublished = new CountDownLatch(1);
        AtomicInteger exit = new AtomicInteger(0);
        AtomicBoolean stopping = new AtomicBoolean();
        AtomicBoolean started = new AtomicBoolean();
        NetConnection nc = new NetConnection(callbacks);
        NetStream ns = new NetStream(nc);
        CountDownLatch finished = new CountDownLatch(1);
        AtomicInteger result = new AtomicInteger(1);
        // Ctrl-C: unpublish as --duration would, then end the JVM with our exit status (not 130).
        Thread hook = new Thread(() -> {
            done.countDown();
            awaitQuietly(finished);
            Runtime.getRuntime().halt(result.get());
        }, "nsfx-cli-ctrl-c");
        try {
            Devices devices = new Devices();
            CaptureClock clock = CaptureClock.system();
            AtomicInteger feedsRunning = new AtomicInteger();
            if (!camera.equals("none") && renditions != null) {
                multitrack = new MultitrackCameraFeed(devices.camera(camera), video, renditions, codecs.video(),
                        codecs.encoder(), clock);
                multitrack.setEncoderListener(pick -> callbacks.execute(() -> printer.status(pick.toEvent())));
                ns.attachCamera(multitrack);
                feedsRunning.incrementAndGet();
            } else if (!camera.equals("none")) {
                CameraFeed feed = new CameraFeed(devices.camera(camera), video, codecs.video(), codecs.encoder(), clock);
                // Which encoder really runs (a hardware fallback included), in order with the other events.
                feed.setEncoderListener(pick -> callbacks.execute(() -> printer.status(pick.toEvent())));
                ns.attachCamera(feed);
                feedsRunning.incrementAndGet();
            }
            if (!mic.equals("none")) {
                // A missing microphone is the feed's error event once publishing starts; the camera goes on.
                ns.attachAudio(new MicrophoneFeed(devices.microphoneOrMissing(mic), audio, codecs.audio(), clock));
                feedsRunning.incrementAndGet();
            }
            int feeds = (camera.equals("none") ? 0 : 1) + (mic.equals("none") ? 0 : 1);
            AtomicInteger feedsFailed = new AtomicInteger();
            ns.setBufferTime(bufferTime);
            if (record != null) {
                ns.recordPublished(recorder(record, callbacks, RecordEvents.forwardingTo(e -> {
                    printer.status(e);
                    if (e.isError()) {
                        exit.set(1); // The stream goes on; the exit status says the recording failed.
                    }
                })));
            }
            ns.addNetStatusListener(e -> {
                printer.status(e);
                if (e.is(NetStatusCode.NETSTREAM_PUBLISH_START) && !started.getAndSet(true) && duration != null) {
                    // --duration is time on air, as ffmpeg's -t is media time: a slow connect or a
                    // cold start does not eat into it.
                    ticker.schedule(done::countDown, Math.round(duration * 1000), TimeUnit.MILLISECONDS);
                }
                if (e.is(NetStatusCode.NETSTREAM_UNPUBLISH_SUCCESS)) {
                    unpublished.countDown();
                }
                if (e.is(NetStatusCode.NSFX_PUBLISH_FEEDFAILED) && feedsFailed.incrementAndGet() < feeds) {
                    exit.set(1); // A device lost: the stream goes on with the other; the exit status says so.
                } else if (e.isError()) {
                    exit.set(1);
                    // A lost camera or microphone ends the run only when nothing is left to publish.
                    if (!e.is(NetStatusCode.NSFX_PUBLISH_FEEDFAILED) || feedsRunning.decrementAndGet() <= 0) {
                        done.countDown();
                    }
                }
            });
            nc.setRtmpOptions(NsfxCommand.rtmpOptions(trustCert, silenceTimeout, reconnect));
            nc.addNetStatusListener(e -> {
                printer.status(e);
                if (e.is(NetStatusCode.NETCONNECTION_CONNECT_SUCCESS)) {
                    ns.publish(key, mode);
                } else if (e.isError() || (e.is(NetStatusCode.NETCONNECTION_CONNECT_CLOSED) && !stopping.get())) {
                    exit.set(1);
                    unpublished.countDown();
                    done.countDown();
                }
            });
            if (statsInterval > 0) {
                long periodMs = Math.max(10, Math.round(statsInterval * 1000));
                ticker.scheduleAtFixedRate(() -> callbacks.execute(() -> printer.stats(stats(ns), System.nanoTime())),
                        periodMs, periodMs, TimeUnit.MILLISECONDS);
            }
            Runtime.getRuntime().addShutdownHook(hook);
            nc.connect(target.connection().tcUrl());
            done.await();
            stopping.set(true);
            ticker.shutdownNow();
            Map<String, Object> last = stats(ns);
            boolean wasPublishing = ns.publishing() && started.get();
            ns.close().toCompletableFuture().get(NsfxCommand.CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
            if (wasPublishing && !unpublished.await(UNPUBLISH_WAIT_MS, TimeUnit.MILLISECONDS)) {
                System.err.println("nsfx publish: no NetStream.Unpublish.Success within " + UNPUBLISH_WAIT_MS + " ms");
                exit.set(1);
            }
            long lastNanos = System.nanoTime();
            callbacks.submit(() -> printer.stats(last, lastNanos)).get(5, TimeUnit.SECONDS);
            result.set(exit.get());
            return exit.get();
        } catch (DeviceException e) {
            System.err.println("nsfx publish: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } catch (Exception e) {
            System.err.println("nsfx publish: " + Redact.streamKey(String.valueOf(e.getMessage()), key));
            return 1;
        } finally {
            stopping.set(true);
            ticker.shutdownNow();
            nc.close();
            DaemonThreads.shutdownAndWait(callbacks);
            unpublished.countDown();
            out.flush();
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // Already shutting down (Ctrl-C): the hook is running and returns now.
            }
        }
    }

    private static org.netstreamfx.player.record.Recorder recorder(java.nio.file.Path file,
            java.util.concurrent.Executor events, org.netstreamfx.player.record.RecordListener listener) {
        String n = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        boolean mp4 = n.endsWith(".mp4") || n.endsWith(".m4v") || n.endsWith(".mov");
        return mp4 ? new org.netstreamfx.player.record.FragmentedMp4Recorder(file, events, listener)
                : new org.netstreamfx.player.record.FlvRecorder(file, events, listener);
    }

    private Map<String, Object> stats(NetStream ns) {
        NetStreamInfo info = ns.info();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("fps", Math.round(info.currentFps() * 10) / 10.0);
        m.put("kbps", Math.round(info.currentBytesPerSecond() * 8 / 100) / 10.0);
        m.put("bytesSent", info.byteCount());
        m.put("queueLength", Math.round(info.videoBufferLength() * 1000) / 1000.0);
        m.put("droppedFrames", info.droppedFrames());
        m.put("bufferTime", ns.bufferTime());
        MultitrackCameraFeed feed = multitrack;
        if (feed != null) {
            m.put("tracks", TrackStats.of(feed));
        }
        return m;
    }

    /** --tracks read and checked against --size; null without it. */
    private Renditions renditions(H264Settings video) {
        if (tracks == null) {
            return null;
        }
        try {
            Renditions r = Renditions.parse(tracks);
            r.settings(video.width(), video.height(), video.frameRate(), video);
            return r;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--tracks: " + e.getMessage(), e);
        }
    }

    private static int[] parseSize(String s) {
        String[] p = s.toLowerCase(java.util.Locale.ROOT).split("x");
        try {
            return p.length == 2 ? new int[] {Integer.parseInt(p[0]), Integer.parseInt(p[1])} : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String streamKeyOf(String url) {
        int slash = url.lastIndexOf('/');
        return slash >= 0 ? url.substring(slash + 1) : url;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(UNPUBLISH_WAIT_MS + 10_000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Every printed line with the stream key masked (keys shorter than 3 characters are not secret). */
    static final class MaskingPrintStream extends PrintStream {
        private final String key;

        MaskingPrintStream(PrintStream out, String key) {
            super(out, true, StandardCharsets.UTF_8);
            this.key = key;
        }

        @Override
        public void println(String line) {
            super.println(key.length() < 3 ? line : Redact.streamKey(line, key));
        }
    }
}
