package org.netstreamfx.app.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Item 4b: end-to-end RTMP receive throughput on loopback. Our RTMP client (RtmpConnection +
 * RtmpPlayStream: socket, handshake, chunk decoding, message dispatch; no demuxing or decoding)
 * plays {@code live/recvN} on nginx-rtmp; then the ffmpeg CLI publishes a high-bitrate 1080p
 * H.264 FLV to it with {@code -c copy} and no {@code -re} (as fast as it goes). Throughput is the
 * media payload received between the first and the last media message; CPU is this process's CPU
 * time (OperatingSystemMXBean) from the publisher's start to the last message, per Mbit received.
 */
final class ReceiveBench {
    private ReceiveBench() {
    }

    static void run(BenchConfig config, BenchMedia media, BenchReport report) throws Exception {
        Path flv = media.h264("recv", config.width(), config.height(), config.receiveSeconds(), "flv",
                BenchMedia.highBitrate());
        long fileBytes = Files.size(flv);
        List<Double> mbits = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        List<Double> received = new ArrayList<>();
        try (NginxLauncher nginx = NginxLauncher.start(config.workDir())) {
            once(nginx, media, flv, "recv0", config); // warm-up
            for (int i = 1; i <= config.runs(); i++) {
                double[] r = once(nginx, media, flv, "recv" + i, config);
                mbits.add(r[0]);
                cpu.add(r[1]);
                received.add(r[2] / fileBytes * 100);
            }
        }
        report.add("rtmp.receive.throughput", "Mbit/s", mbits);
        report.add("rtmp.receive.cpuPerMbit", "ms CPU", cpu);
        report.add("rtmp.receive.receivedOfFile", "%", received);
        report.note("rtmpReceive", String.format(java.util.Locale.ROOT,
                "%dx%d H.264 at %.0f Mbit/s average (%d bytes, %.0f s), ffmpeg -c copy without -re -> nginx-rtmp "
                        + "-> our RtmpConnection; receivedOfFile = media payload bytes / FLV file size",
                config.width(), config.height(), fileBytes * 8 / 1e6 / config.receiveSeconds(), fileBytes,
                config.receiveSeconds()));
    }

    /** Returns {Mbit/s, CPU ms per Mbit, payload bytes}. */
    private static double[] once(NginxLauncher nginx, BenchMedia media, Path flv, String stream, BenchConfig config)
            throws Exception {
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        AtomicLong bytes = new AtomicLong();
        AtomicLong first = new AtomicLong();
        AtomicLong last = new AtomicLong();
        AtomicLong lastCpu = new AtomicLong();
        String url = nginx.liveUrl(stream);
        try (RawRtmpPlay play = new RawRtmpPlay(url, message -> {
            long now = System.nanoTime();
            first.compareAndSet(0, now);
            bytes.addAndGet(message.payload().length);
            last.set(now);
            lastCpu.set(os.getProcessCpuTime());
        })) {
            play.awaitPlaying(10_000);
            long cpu0 = os.getProcessCpuTime();
            Procs.run(List.of(media.ffmpeg(), "-v", "error", "-nostdin", "-i", flv.toString(), "-c", "copy",
                    "-f", "flv", url), 300, config.workDir());
            // The publisher has sent everything; wait until nothing has arrived for 500 ms.
            long quietSince = System.nanoTime();
            long seen = bytes.get();
            while (System.nanoTime() - quietSince < 500_000_000L) {
                Thread.sleep(20);
                if (bytes.get() != seen) {
                    seen = bytes.get();
                    quietSince = System.nanoTime();
                }
            }
            if (bytes.get() == 0 || last.get() == first.get()) {
                throw new IllegalStateException("no media received over RTMP from " + url);
            }
            double mbit = bytes.get() * 8 / 1e6;
            double seconds = (last.get() - first.get()) / 1e9;
            double cpuMs = (lastCpu.get() - cpu0) / 1e6;
            return new double[] {mbit / seconds, cpuMs / mbit, bytes.get()};
        }
    }
}
