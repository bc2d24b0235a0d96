package org.netstreamfx.testkit.sound;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What a sink plays, recorded from its monitor source with {@code parec} as signed 16-bit
 * little-endian stereo, every block stamped with {@link System#nanoTime()} when it arrived.
 *
 * <p>Timing: samples arrive in real time, each block some scheduling delay (never negative)
 * after the sink rendered it. The line {@code arrival = t0 + index / rate} drawn under
 * every block's arrival (the lower envelope: the least delayed block) gives {@code t0}, the
 * time of sample 0 on the JVM's clock, free of the reader's jitter. {@code parec} asks for
 * {@value #LATENCY_MS} ms blocks, and the null sink then renders (and its monitor delivers) in
 * blocks of about that size, each as its first sample is due; since the envelope is drawn
 * through the ends of the blocks, it puts a sample up to one block early. How early was
 * measured with {@link RecorderCalibration} (clicks written into a low-latency {@code pacat}
 * at known times): 0 to 4 ms (docs/PERFORMANCE.md, "A/V sync at the output"). A test that
 * needs better than a few milliseconds subtracts its own calibration.
 *
 * <p>Thread ownership: one reader thread fills the buffers; {@link #stop()} joins it.
 */
public final class MonitorRecording implements AutoCloseable {
    /** parec's fragment size: the most a sample waits in the recorder before it is read. */
    static final int LATENCY_MS = 5;
    /** Longest recording kept (so a forgotten recorder cannot fill the heap). */
    static final int MAX_SECONDS = 600;

    private final Process parec;
    private final int sampleRateHz;
    private final Thread reader;
    private final ByteArrayOutputStream pcm = new ByteArrayOutputStream();
    private final List<long[]> blocks = new ArrayList<>(); // {frames received so far, arrival ns}
    private volatile IOException failure;
    /** Set by {@link #stop()}: killing parec closes its pipe, and the reader's error then means nothing. */
    private volatile boolean stopping;

    private MonitorRecording(Process parec, int sampleRateHz) {
        this.parec = parec;
        this.sampleRateHz = sampleRateHz;
        this.reader = new Thread(this::read, "nsfx-monitor-recorder");
        reader.setDaemon(true);
    }

    static MonitorRecording start(SoundServer server, String source, int sampleRateHz) throws IOException {
        return start(server.environment(), source, sampleRateHz);
    }

    /**
     * Records {@code source} of the server that {@code environment}'s {@code PULSE_SERVER} names
     * (for a process that did not start the server itself: a child JVM given
     * {@link SoundServer#environment()}).
     */
    public static MonitorRecording start(Map<String, String> environment, String source, int sampleRateHz)
            throws IOException {
        ProcessBuilder pb = new ProcessBuilder("parec", "-d", source, "--format=s16le", "--rate=" + sampleRateHz,
                "--channels=2", "--latency-msec=" + LATENCY_MS, "--raw")
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        for (String name : List.of("PULSE_SERVER", "ALSA_CONFIG_PATH", "XDG_RUNTIME_DIR")) {
            if (environment.containsKey(name)) {
                pb.environment().put(name, environment.get(name));
            }
        }
        MonitorRecording r = new MonitorRecording(pb.start(), sampleRateHz);
        r.reader.start();
        return r;
    }

    // Called on the reader thread.
    private void read() {
        byte[] buf = new byte[4096];
        long maxBytes = (long) MAX_SECONDS * sampleRateHz * 4;
        try (InputStream in = parec.getInputStream()) {
            for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                long now = System.nanoTime();
                synchronized (pcm) {
                    if (pcm.size() + n > maxBytes) {
                        throw new IOException("recording longer than " + MAX_SECONDS + " s");
                    }
                    pcm.write(buf, 0, n);
                    blocks.add(new long[] {pcm.size() / 4, now});
                    pcm.notifyAll();
                }
            }
        } catch (IOException e) {
            if (!stopping) {
                failure = e; // parec's pipe closing because stop() ended it is no failure
            }
        } finally {
            synchronized (pcm) {
                pcm.notifyAll(); // wakes awaitFrames: nothing more will come
            }
        }
    }

    /** Frames recorded so far. */
    public int frames() {
        synchronized (pcm) {
            return pcm.size() / 4;
        }
    }

    /**
     * Waits until {@code frames} frames have been recorded (the recording runs in real time, so
     * this is also a way to let a known stretch of sound pass), at most {@code timeoutMs}.
     *
     * @throws IOException when the recorder failed or the frames did not come in time
     */
    public void awaitFrames(long frames, long timeoutMs) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        synchronized (pcm) {
            while (pcm.size() / 4 < frames) {
                if (failure != null) {
                    throw failure;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || !reader.isAlive()) {
                    throw new IOException("recorded " + pcm.size() / 4 + " frames, not " + frames + ", within "
                            + timeoutMs + " ms");
                }
                TimeUnit.NANOSECONDS.timedWait(pcm, left);
            }
        }
    }

    /** Stops recording and returns what was recorded. */
    public Recorded stop() throws IOException, InterruptedException {
        stopping = true;
        parec.destroy();
        parec.waitFor(5, TimeUnit.SECONDS);
        reader.join(5000);
        if (failure != null) {
            throw failure;
        }
        synchronized (pcm) {
            byte[] bytes = pcm.toByteArray();
            int frames = bytes.length / 4;
            short[] left = new short[frames];
            short[] right = new short[frames];
            for (int i = 0; i < frames; i++) {
                left[i] = (short) ((bytes[4 * i] & 0xFF) | (bytes[4 * i + 1] << 8));
                right[i] = (short) ((bytes[4 * i + 2] & 0xFF) | (bytes[4 * i + 3] << 8));
            }
            return new Recorded(sampleRateHz, left, right, firstSampleNanos());
        }
    }

    /** The lower envelope of block arrivals: the JVM time of frame 0 (see the class comment). */
    private long firstSampleNanos() {
        long best = Long.MAX_VALUE;
        for (long[] b : blocks) {
            long t0 = b[1] - b[0] * 1_000_000_000L / sampleRateHz;
            best = Math.min(best, t0);
        }
        return best;
    }

    @Override
    public void close() {
        parec.destroyForcibly();
    }

    /**
     * A finished recording.
     *
     * @param firstSampleNanos the {@link System#nanoTime()} at which frame 0 left the sink
     *                         (Long.MAX_VALUE when nothing was recorded)
     */
    public record Recorded(int sampleRateHz, short[] left, short[] right, long firstSampleNanos) {

        public int frames() {
            return left.length;
        }

        /** When frame {@code index} left the sink, on the JVM's {@link System#nanoTime()} clock. */
        public long nanosOf(long index) {
            return firstSampleNanos + index * 1_000_000_000L / sampleRateHz;
        }

        /** The frame that left the sink at {@code nanos}. */
        public long indexAt(long nanos) {
            return (nanos - firstSampleNanos) * sampleRateHz / 1_000_000_000L;
        }

        /** Root-mean-square level of frames [from, to) over both channels, in dBFS (-inf for silence). */
        public double rmsDbfs(int from, int to) {
            double sum = 0;
            int n = 0;
            for (int i = Math.max(0, from); i < Math.min(to, frames()); i++) {
                sum += (double) left[i] * left[i] + (double) right[i] * right[i];
                n += 2;
            }
            if (n == 0 || sum == 0) {
                return Double.NEGATIVE_INFINITY;
            }
            return 20 * Math.log10(Math.sqrt(sum / n) / 32768.0);
        }

        /**
         * The frames where a sound starts after at least {@code quietMs} of quiet: the first frame
         * whose absolute level (either channel) reaches {@code threshold}.
         */
        public List<Integer> onsets(int threshold, int quietMs) {
            List<Integer> found = new ArrayList<>();
            int quietFrames = sampleRateHz * quietMs / 1000;
            int lastLoud = -quietFrames - 1;
            for (int i = 0; i < frames(); i++) {
                boolean loud = Math.abs(left[i]) >= threshold || Math.abs(right[i]) >= threshold;
                if (loud) {
                    if (i - lastLoud > quietFrames) {
                        found.add(i);
                    }
                    lastLoud = i;
                }
            }
            return found;
        }
    }
}
