package org.netstreamfx.app.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.netstreamfx.player.rtmp.message.MessageType;

/**
 * Item 2: time from {@code NetStream.play()} to the first frame in the video sink (default
 * bufferTime 0.1 s, real-time pacing), for a local MP4, a local FLV, the MP4 over http from the
 * JDK's HttpServer on 127.0.0.1, and an RTMP live stream that the ffmpeg CLI publishes to
 * nginx-rtmp (play() is called on NetConnection.Connect.Success; the connect is not counted).
 * The very first play of the JVM (the MP4) is reported on its own as the cold run; then each
 * source gets one discarded warm-up play and {@code runs} measured ones.
 */
final class FirstFrameBench {
    /** Spreads live start phases evenly over the 1 s GOP (golden-ratio sequence). */
    private static final double GOLDEN = 0.6180339887498949;

    private FirstFrameBench() {
    }

    static void run(BenchConfig config, BenchMedia media, BenchReport report) throws Exception {
        double seconds = 2;
        Path mp4 = media.h264("ttff", config.width(), config.height(), seconds, "mp4", BenchMedia.veryfast());
        Path flv = media.h264("ttff", config.width(), config.height(), seconds, "flv", BenchMedia.veryfast());
        // What our own publisher (or x264 tuned for zerolatency) sends: no B-frames.
        Path flvNoB = media.h264("ttff-nob", config.width(), config.height(), seconds, "flv",
                List.of("-preset", "veryfast", "-bf", "0"));
        report.add("ttff.cold.mp4", "ms", List.of(firstFrameMs(mp4.toString(), 0.1, null)));

        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        byte[] body = Files.readAllBytes(mp4);
        http.createContext("/ttff.mp4", ex -> {
            ex.getResponseHeaders().set("Content-Type", "video/mp4");
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        });
        http.start();
        Process publisher = null;
        Process publisherNoB = null;
        try (NginxLauncher nginx = NginxLauncher.start(config.workDir())) {
            String rtmp = nginx.liveUrl("ttff");
            publisher = Procs.start(List.of(media.ffmpeg(), "-v", "error", "-nostdin", "-re", "-stream_loop", "-1",
                    "-i", flv.toString(), "-c", "copy", "-f", "flv", rtmp));
            String rtmpNoB = nginx.liveUrl("ttffnob");
            publisherNoB = Procs.start(List.of(media.ffmpeg(), "-v", "error", "-nostdin", "-re", "-stream_loop", "-1",
                    "-i", flvNoB.toString(), "-c", "copy", "-f", "flv", rtmpNoB));
            Map<String, String> sources = new LinkedHashMap<>();
            sources.put("mp4", mp4.toString());
            sources.put("flv", flv.toString());
            sources.put("http", "http://127.0.0.1:" + http.getAddress().getPort() + "/ttff.mp4");
            sources.put("rtmpLive", rtmp);
            Thread.sleep(1000); // the publisher connects and starts sending
            for (Map.Entry<String, String> s : sources.entrySet()) {
                boolean live = s.getKey().equals("rtmpLive");
                firstFrameMs(s.getValue(), 0.1, null);
                List<Double> runs = new ArrayList<>();
                for (int i = 0; i < config.runs(); i++) {
                    spreadOverGop(live, i);
                    runs.add(firstFrameMs(s.getValue(), 0.1, null));
                }
                report.add("ttff." + s.getKey(), "ms", runs);
            }
            liveBreakdown(config, rtmp, "ttff.rtmpLive", report);
            liveBreakdown(config, rtmpNoB, "ttff.rtmpLiveNoB", report);
        } finally {
            Procs.stop(publisher, 3000);
            Procs.stop(publisherNoB, 3000);
            http.stop(0);
        }
        report.note("ttff", config.width() + "x" + config.height() + " H.264, keyframe every second; "
                + "bufferTime 0.1 s; rtmp live = ffmpeg -re -stream_loop -1 -c copy -> nginx-rtmp (live on), "
                + "play() after Connect.Success, start phases spread over the GOP: includes the wait for a keyframe; "
                + "rtmpLive.bufferTime0: the same with bufferTime 0, started together with our RTMP client alone "
                + "(keyframeWait: its play command to the first keyframe; afterKeyframe: that keyframe's arrival to "
                + "the player's first frame); rtmpLive.connect: connect() to Connect.Success; rtmpLiveNoB: the same "
                + "breakdown for a live stream without B-frames (-bf 0), as our publisher sends");
    }

    /**
     * Where the live first frame's time goes. Each run starts, at the same moment, our player with
     * bufferTime 0 and our RTMP client alone (no demuxing, no decoding) on the same live stream:
     * both wait for the same next keyframe, which nginx-rtmp forwards first to a new subscriber.
     * Reported: the player's first frame from play() (bufferTime0), its connect time, the raw
     * client's wait from its play command to that keyframe (keyframeWait), and the player's first
     * frame after the keyframe reached the raw client (afterKeyframe: our demuxing, decoder start,
     * decoding, buffering and presentation).
     */
    private static void liveBreakdown(BenchConfig config, String rtmp, String figure, BenchReport report)
            throws Exception {
        List<Double> buffer0 = new ArrayList<>();
        List<Double> connect = new ArrayList<>();
        List<Double> keyWait = new ArrayList<>();
        List<Double> afterKey = new ArrayList<>();
        for (int i = 0; i < config.runs(); i++) {
            spreadOverGop(true, i);
            AtomicLong key = new AtomicLong();
            CountDownLatch gotKey = new CountDownLatch(1);
            try (RawRtmpPlay raw = new RawRtmpPlay(rtmp, m -> {
                if (m.type() == MessageType.VIDEO && m.payload().length > 0 && (m.payload()[0] & 0xF0) == 0x10
                        && key.compareAndSet(0, System.nanoTime())) {
                    gotKey.countDown();
                }
            }); EnginePlayback p = new EnginePlayback(false, 0)) {
                p.start(rtmp);
                buffer0.add(p.awaitFirstFrameMs(15_000));
                if (!gotKey.await(15, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("no keyframe from " + rtmp + " within 15 s");
                }
                connect.add(p.connectMs());
                keyWait.add((key.get() - raw.playSentNanos()) / 1e6);
                afterKey.add((p.firstFrameNanos() - key.get()) / 1e6);
            }
        }
        report.add(figure + ".bufferTime0", "ms", buffer0);
        report.add(figure + ".connect", "ms", connect);
        report.add(figure + ".keyframeWait", "ms", keyWait);
        report.add(figure + ".afterKeyframe", "ms", afterKey);
    }

    /**
     * Back-to-back live plays would each start just after the previous one's keyframe and so
     * always wait almost a whole GOP: spread the start phases over the GOP.
     */
    private static void spreadOverGop(boolean live, int run) throws InterruptedException {
        if (live) {
            Thread.sleep(Math.round((((run + 1) * GOLDEN) % 1.0) * 1000));
        }
    }

    /** play() to the first frame in ms; adds the connect time to {@code connectMs} when given. */
    private static double firstFrameMs(String address, double bufferTime, List<Double> connectMs)
            throws InterruptedException {
        try (EnginePlayback p = new EnginePlayback(false, bufferTime)) {
            p.start(address);
            double ms = p.awaitFirstFrameMs(15_000);
            if (connectMs != null) {
                connectMs.add(p.connectMs());
            }
            return ms;
        }
    }
}
