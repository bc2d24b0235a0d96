package org.netstreamfx.app.bench;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.netstreamfx.capture.device.CaptureClock;
import org.netstreamfx.capture.device.DeviceException;
import org.netstreamfx.capture.device.LoopbackDelayMeter;
import org.netstreamfx.capture.device.TestCamera;
import org.netstreamfx.capture.device.VideoCapture;
import org.netstreamfx.capture.device.VideoFormat;
import org.netstreamfx.capture.device.VideoFrame;
import org.netstreamfx.capture.device.VideoFrameListener;
import org.netstreamfx.capture.encode.H264Settings;
import org.netstreamfx.capture.feed.CameraFeed;
import org.netstreamfx.player.net.NetConnection;
import org.netstreamfx.player.net.NetStatusCode;
import org.netstreamfx.player.net.NetStream;
import org.netstreamfx.player.rtmp.client.RtmpUrl;

/**
 * Item 3: glass-to-glass loopback latency through nginx-rtmp, read from the test camera's
 * burned-in frame counter ({@link LoopbackDelayMeter}: the capture clock's now minus the time
 * the frame number on the picture was captured).
 *
 * <p>Engine: the test camera (code row only, no drawtext) → {@link CameraFeed} (BGRA → YUV 4:2:0,
 * libopenh264 through our FFmpeg natives) → our RTMP publisher → nginx-rtmp → a second
 * NetConnection/NetStream, bufferTime 0, real-time pacing → the video sink, where the counter
 * is read. ffmpeg pair: the same camera on its own clock, each picture written as rawvideo BGRA
 * to the ffmpeg program of the same FFmpeg natives (libopenh264, the same encoder settings) that
 * publishes to nginx-rtmp; an ffmpeg reader with {@code -fflags nobuffer -flags low_delay}
 * decodes to rawvideo BGRA on its stdout, read here, the counter read as each picture arrives.
 *
 * <p>Each path plays for a warm-up, then {@code runs} consecutive windows; each window gives a
 * median and a 95th percentile.
 */
final class LoopbackBench {
    static final int FPS = 30;
    static final int KBPS = 800;

    private LoopbackBench() {
    }

    static void run(BenchConfig config, BenchReport report) throws Exception {
        int w = config.loopbackWidth();
        int h = w * 9 / 16 / 2 * 2;
        VideoFormat format = new VideoFormat(w, h, FPS);
        H264Settings video = H264Settings.of(w, h, FPS, KBPS).withKeyframeInterval(1)
                .withEncoder(org.netstreamfx.capture.encode.H264Encoder.LIBOPENH264);
        List<Double> engineMedian = new ArrayList<>();
        List<Double> engineP95 = new ArrayList<>();
        List<Double> ffMedian = new ArrayList<>();
        List<Double> ffP95 = new ArrayList<>();
        long[] stalls = new long[1];
        try (NginxLauncher nginx = NginxLauncher.start(config.workDir())) {
            engine(config, nginx.liveUrl("loopEngine"), format, video, engineMedian, engineP95, stalls);
            ffmpegPair(config, nginx.liveUrl("loopFfmpeg"), format, ffMedian, ffP95);
        }
        report.add("loopback.engine.median", "ms", engineMedian);
        report.add("loopback.engine.p95", "ms", engineP95);
        report.add("loopback.ffmpeg.median", "ms", ffMedian);
        report.add("loopback.ffmpeg.p95", "ms", ffP95);
        List<Double> ratio = new ArrayList<>();
        for (int i = 0; i < engineMedian.size(); i++) {
            ratio.add(engineMedian.get(i) / ffMedian.get(i));
        }
        report.add("loopback.ratio", "x", ratio);
        report.note("loopbackEngineBufferEmpty", stalls[0] + " NetStream.Buffer.Empty in our player from its first "
                + "frame to the end of the last window (with bufferTime 0 each one adds the stall to the delay "
                + "that follows: bufferTimeMax, which would catch up, is not set)");
        report.note("loopback", w + "x" + h + "@" + FPS + " test camera (code row, no drawtext), libopenh264 "
                + KBPS + " kbit/s, keyframe every 1 s, through nginx-rtmp on 127.0.0.1; engine: our publisher -> "
                + "our player (bufferTime 0, counter read in the video sink); ffmpeg: rawvideo pipe -> ffmpeg "
                + "(same natives, same encoder settings) -> ffmpeg -fflags nobuffer -flags low_delay -> rawvideo "
                + "pipe (counter read on arrival); " + config.loopbackWarmupSeconds() + " s warm-up, then "
                + config.runs() + " window(s) of " + config.loopbackWindowSeconds()
                + " s; ratio = engine median / ffmpeg median");
    }

    /** Plays our loopback; {@code stalls[0]} gets the Buffer.Empty events after the warm-up's first frame. */
    private static void engine(BenchConfig config, String url, VideoFormat format, H264Settings video,
            List<Double> medians, List<Double> p95s, long[] stalls) throws Exception {
        CaptureClock clock = CaptureClock.system();
        LoopbackDelayMeter meter = new LoopbackDelayMeter(clock, format);
        ExecutorService callbacks = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "nsfx-bench-publish-events");
            t.setDaemon(true);
            return t;
        });
        NetConnection nc = new NetConnection(callbacks);
        NetStream ns = new NetStream(nc);
        try {
            RtmpUrl.PlayAddress target = RtmpUrl.splitPlay(url, null, null);
            CountDownLatch publishing = new CountDownLatch(1);
            AtomicReference<String> error = new AtomicReference<>();
            ns.attachCamera(new CameraFeed(new TestCamera(false), video, clock));
            ns.addNetStatusListener(e -> {
                if (e.is(NetStatusCode.NETSTREAM_PUBLISH_START)) {
                    publishing.countDown();
                } else if (e.isError()) {
                    error.compareAndSet(null, e.code() + " " + e.description());
                    publishing.countDown();
                }
            });
            nc.addNetStatusListener(e -> {
                if (e.is(NetStatusCode.NETCONNECTION_CONNECT_SUCCESS)) {
                    ns.publish(target.streamName(), "live");
                } else if (e.isError()) {
                    error.compareAndSet(null, e.code() + " " + e.description());
                    publishing.countDown();
                }
            });
            nc.connect(target.connection().tcUrl());
            if (!publishing.await(15, TimeUnit.SECONDS) || error.get() != null) {
                throw new IllegalStateException("our publisher did not start: " + error.get());
            }
            try (EnginePlayback player = new EnginePlayback(false, 0)) {
                player.observe(f -> meter.measure(f.pixels().slice(), f.width(), f.height(), f.strideBytes()));
                player.start(url);
                player.awaitFirstFrameMs(15_000);
                long emptiesBefore = player.bufferEmpties();
                windows(config, meter, medians, p95s, "engine");
                stalls[0] = player.bufferEmpties() - emptiesBefore;
            }
        } finally {
            ns.close();
            nc.close();
            callbacks.shutdown();
            callbacks.awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    private static void ffmpegPair(BenchConfig config, String url, VideoFormat format, List<Double> medians,
            List<Double> p95s) throws Exception {
        String ffmpeg = Procs.bundledFfmpeg();
        int w = format.width();
        int h = format.height();
        CaptureClock clock = CaptureClock.system();
        LoopbackDelayMeter meter = new LoopbackDelayMeter(clock, format);
        Path pubLog = Files.createTempFile(config.workDir(), "ffpub-", ".log");
        Path readLog = Files.createTempFile(config.workDir(), "ffread-", ".log");
        Process publisher = new ProcessBuilder(ffmpeg, "-v", "error", "-f", "rawvideo", "-pix_fmt", "bgra",
                "-s", w + "x" + h, "-r", String.valueOf(FPS), "-i", "-",
                "-c:v", "libopenh264", "-threads", "1", "-profile:v", "constrained_baseline",
                "-b:v", KBPS + "k", "-maxrate", KBPS + "k", "-g", String.valueOf(FPS), "-bf", "0",
                "-rc_mode", "bitrate", "-allow_skip_frames", "0", "-f", "flv", url)
                .redirectErrorStream(true).redirectOutput(pubLog.toFile()).start();
        Process reader = null;
        VideoCapture camera = null;
        Thread readerThread = null;
        try {
            OutputStream toPublisher = publisher.getOutputStream();
            byte[] packed = new byte[w * h * 4];
            AtomicReference<String> failure = new AtomicReference<>();
            camera = new TestCamera(false).open(format, clock, new VideoFrameListener() {
                @Override
                public void onFrame(VideoFrame frame) {
                    ByteBuffer px = frame.pixels();
                    for (int y = 0; y < h; y++) {
                        px.get(y * frame.strideBytes(), packed, y * w * 4, w * 4);
                    }
                    try {
                        toPublisher.write(packed);
                        toPublisher.flush();
                    } catch (IOException e) {
                        failure.compareAndSet(null, "writing to the ffmpeg publisher: " + e.getMessage());
                    }
                }

                @Override
                public void onCaptureFailed(DeviceException e) {
                    failure.compareAndSet(null, e.getMessage());
                }
            });
            Thread.sleep(1000); // the publisher connects and nginx has the stream before the reader asks for it
            // A short probe: do not wait 5 s for an audio track that never comes (start-up only).
            reader = new ProcessBuilder(ffmpeg, "-v", "error", "-fflags", "nobuffer", "-flags", "low_delay",
                    "-probesize", "32", "-analyzeduration", "100000", "-i", url, "-an",
                    "-f", "rawvideo", "-pix_fmt", "bgra", "-fps_mode", "passthrough", "-")
                    .redirectError(readLog.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
            InputStream fromReader = reader.getInputStream();
            CountDownLatch first = new CountDownLatch(1);
            readerThread = new Thread(() -> {
                byte[] picture = new byte[w * h * 4];
                ByteBuffer wrapped = ByteBuffer.wrap(picture);
                try (DataInputStream in = new DataInputStream(fromReader)) {
                    while (true) {
                        in.readFully(picture);
                        meter.measure(wrapped, w, h, w * 4);
                        first.countDown();
                    }
                } catch (IOException endOfStream) {
                    // the reader was stopped
                }
            }, "nsfx-bench-ffmpeg-reader");
            readerThread.setDaemon(true);
            readerThread.start();
            if (!first.await(15, TimeUnit.SECONDS)) {
                throw new IllegalStateException("no picture from the ffmpeg reader within 15 s; publisher: "
                        + Procs.tail(pubLog) + " reader: " + Procs.tail(readLog) + " " + failure.get());
            }
            windows(config, meter, medians, p95s, "ffmpeg");
            if (failure.get() != null) {
                throw new IllegalStateException(failure.get());
            }
        } finally {
            if (camera != null) {
                camera.close();
            }
            if (reader != null) {
                reader.destroyForcibly(); // a reader: nothing to finish
            }
            try {
                publisher.getOutputStream().close(); // end of its input: it ends the FLV and exits
            } catch (IOException alreadyGone) {
                // it has exited
            }
            Procs.stop(publisher, 3000);
            if (readerThread != null) {
                readerThread.join(3000);
            }
        }
    }

    /** Warm-up, then one window per run: the median and 95th percentile of the delays read in it, in ms. */
    private static void windows(BenchConfig config, LoopbackDelayMeter meter, List<Double> medians,
            List<Double> p95s, String path) throws InterruptedException {
        Thread.sleep(Math.round(config.loopbackWarmupSeconds() * 1000));
        for (int i = 0; i < config.runs(); i++) {
            meter.reset();
            Thread.sleep(Math.round(config.loopbackWindowSeconds() * 1000));
            if (meter.readCount() == 0) {
                throw new IllegalStateException(path + " loopback: no frame counter read in a window ("
                        + meter.unreadCount() + " pictures without one)");
            }
            medians.add(meter.medianUs() / 1000.0);
            p95s.add(meter.p95Us() / 1000.0);
        }
    }
}
