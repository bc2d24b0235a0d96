package org.netstreamfx.capture.device;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.Mixer;
import javax.sound.sampled.TargetDataLine;
import org.netstreamfx.capture.device.DeviceException.Reason;

/**
 * A sound input through Java Sound (javax.sound.sampled): a mixer that offers a
 * {@link TargetDataLine}. Its id is {@code sound:<mixer name>}. Formats are the ones the line
 * accepts among 48000 and 44100 Hz, mono and stereo, 16-bit signed little-endian; {@link #open}
 * takes the closest to the one asked (the {@code MicrophoneFeed} converts what differs).
 *
 * <p>Why Java Sound and not FFmpeg's libavdevice: it is the one capture API on every platform we
 * run on, with each platform's own devices (CoreAudio on macOS, DirectSound on Windows). On Linux
 * it shows ALSA's {@code default} device and the hardware cards' {@code plughw} devices; with a
 * sound server (PulseAudio, or PipeWire's pulse service) {@code default} goes through ALSA's
 * pulse plugin to the server's default source, so {@code sound:default [default]} records what
 * the desktop's sound settings (or {@code pactl set-default-source}) chose. Probed on Debian 12
 * with JavaCV 1.5.14: its FFmpeg build has the {@code pulse} input and
 * {@code avdevice_list_input_sources} lists the server's individual sources, but that is Linux
 * only and a second capture path; picking a source through the server's default keeps one path
 * that works everywhere.
 *
 * <p>Blocks are {@value #BLOCK_MS} ms. A block's capture time is the clock when the read returned,
 * less what the line still buffers and the block itself; after the first block, times advance by
 * the sample count, re-anchored to the clock when they stay more than {@value #RESYNC_US} µs off for
 * {@value #RESYNC_BLOCKS} blocks in a row (a drifting device clock, samples the device dropped);
 * one late measurement (the capture thread preempted on a loaded machine) moves nothing.
 *
 * <p>A lost device: ALSA's pulse plugin keeps the line open when the server goes away, and the
 * line's reads then return nothing at once; a line that delivers nothing for {@value #STALL_MS} ms
 * is reported as {@link Reason#DISCONNECTED} through the listener's {@code onCaptureFailed}, and so
 * is one that hands over more than {@value #MAX_RATE_PERCENT} % of real time's samples over a
 * second of the clock (a line that returns stale buffers at once instead of waiting for sound).
 * When the plugin answers "try again" instead of failing, Java Sound's {@code read} waits for data
 * that never comes and never returns; a watchdog thread stops the line after {@value #WATCHDOG_MS} ms
 * without data, which ends that read, and the capture reports the same failure.
 */
public final class SoundMicrophone implements Microphone {
    public static final String ID_PREFIX = "sound:";
    static final int BLOCK_MS = 10;
    static final long RESYNC_US = 20_000;
    /** How many blocks in a row must be off by more than {@link #RESYNC_US} before times are re-anchored. */
    static final int RESYNC_BLOCKS = 50;
    /** How long a line may deliver nothing before it counts as lost (a block is {@value #BLOCK_MS} ms). */
    static final long STALL_MS = 1000;
    /** The most samples a live line may deliver in a second of the clock, in % of its rate (its buffer can burst). */
    static final int MAX_RATE_PERCENT = 150;
    /** How long the capture thread waits before reading again a line that returned nothing. */
    static final long EMPTY_READ_WAIT_MS = 5;
    /** How long the capture may sit in one read with no data before the watchdog stops the line. */
    static final long WATCHDOG_MS = 2 * STALL_MS;
    private static final int[] RATES = {48000, 44100};

    private final Mixer.Info mixerInfo;
    private final List<PcmFormat> formats;

    private SoundMicrophone(Mixer.Info mixerInfo, List<PcmFormat> formats) {
        this.mixerInfo = mixerInfo;
        this.formats = formats;
    }

    /** Every mixer with a capture line in one of our formats; empty on a machine without sound devices. */
    public static List<SoundMicrophone> listAll() {
        List<SoundMicrophone> mics = new ArrayList<>();
        Mixer.Info[] infos;
        try {
            infos = AudioSystem.getMixerInfo();
        } catch (RuntimeException | LinkageError e) {
            return List.of(); // no sound system at all (headless JRE without the provider)
        }
        for (Mixer.Info info : infos) {
            try {
                Mixer mixer = AudioSystem.getMixer(info);
                List<PcmFormat> supported = new ArrayList<>();
                for (int rate : RATES) {
                    for (int channels = 1; channels <= 2; channels++) {
                        PcmFormat f = new PcmFormat(rate, channels);
                        if (mixer.isLineSupported(lineInfo(f))) {
                            supported.add(f);
                        }
                    }
                }
                if (!supported.isEmpty()) {
                    mics.add(new SoundMicrophone(info, List.copyOf(supported)));
                }
            } catch (RuntimeException e) {
                // A mixer that cannot be asked is one we cannot capture from: skip it.
            }
        }
        return mics;
    }

    @Override
    public String id() {
        return ID_PREFIX + mixerInfo.getName();
    }

    @Override
    public String name() {
        String description = mixerInfo.getDescription();
        return description == null || description.isBlank() ? mixerInfo.getName()
                : mixerInfo.getName() + " (" + description + ")";
    }

    @Override
    public List<PcmFormat> formats() {
        return formats;
    }

    @Override
    public AudioCapture open(PcmFormat wanted, CaptureClock clock, AudioBlockListener listener)
            throws DeviceException {
        PcmFormat format = PcmFormat.closest(formats, wanted);
        TargetDataLine line;
        try {
            line = (TargetDataLine) AudioSystem.getMixer(mixerInfo).getLine(lineInfo(format));
            int blockBytes = format.sampleRate() * BLOCK_MS / 1000 * format.frameBytes();
            line.open(javaFormat(format), blockBytes * 8);
        } catch (LineUnavailableException e) {
            throw new DeviceException(id(), Reason.BUSY, "The microphone \"" + id() + "\" is busy: another "
                    + "program is using it. Close that program, or choose another microphone.", e);
        } catch (IllegalArgumentException | SecurityException e) {
            throw new DeviceException(id(), Reason.NOT_FOUND, "The microphone \"" + id() + "\" is gone ("
                    + e.getMessage() + "): it may be unplugged. Run `nsfx devices` to list the microphones there are.",
                    e);
        }
        line.start();
        return Capture.start(this, format, clock, listener, line);
    }

    private static DataLine.Info lineInfo(PcmFormat format) {
        return new DataLine.Info(TargetDataLine.class, javaFormat(format));
    }

    private static AudioFormat javaFormat(PcmFormat format) {
        return new AudioFormat(format.sampleRate(), 16, format.channels(), true, false);
    }

    /**
     * One line capture; its thread owns the line and blocks in its reads, and a watchdog thread
     * stops the line when a read has waited {@link #WATCHDOG_MS} ms for data that does not come.
     */
    static final class Capture extends AudioCaptureWorker {
        private final TargetDataLine line;
        private final Object watchLock = new Object();
        private long lastDataSeenNanos = System.nanoTime(); // guarded by watchLock
        private boolean ended; // guarded by watchLock
        private volatile boolean stalled;

        private Capture(Microphone mic, PcmFormat format, CaptureClock clock, AudioBlockListener listener,
                        TargetDataLine line) {
            super(mic, format, clock, listener);
            this.line = line;
        }

        /** Starts the capture and its watchdog on an open, started line. */
        static Capture start(Microphone mic, PcmFormat format, CaptureClock clock, AudioBlockListener listener,
                             TargetDataLine line) {
            Capture capture = new Capture(mic, format, clock, listener, line);
            capture.start();
            Thread watchdog = new Thread(capture::watch, "nsfx-mic-watch-" + mic.id());
            watchdog.setDaemon(true);
            watchdog.start();
            return capture;
        }

        // Called on the watchdog thread.

        private void watch() {
            try {
                synchronized (watchLock) {
                    while (!ended) {
                        long leftNs = lastDataSeenNanos + TimeUnit.MILLISECONDS.toNanos(WATCHDOG_MS) - System.nanoTime();
                        if (leftNs <= 0) {
                            stalled = !closing(); // a close the read never saw is not a failure to report
                            break;
                        }
                        TimeUnit.NANOSECONDS.timedWait(watchLock, leftNs);
                    }
                    if (ended) {
                        return;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // nobody interrupts the watchdog; end it if it happens
                return;
            }
            line.stop(); // ends a read waiting for data; the capture thread then reports the stall or ends
        }

        // Called on the capture thread.
        @Override
        protected void loop() throws InterruptedException, DeviceException {
            PcmFormat format = format();
            int frames = format.sampleRate() * BLOCK_MS / 1000;
            byte[] bytes = new byte[frames * format.frameBytes()];
            short[] samples = new short[frames * format.channels()];
            long firstUs = Long.MIN_VALUE;
            int blocksOff = 0;
            long windowStartNanos = System.nanoTime();
            long windowFrames = 0;
            long sampleIndex = 0;
            while (!closing()) {
                readBlock(bytes);
                windowFrames += frames;
                long windowNanos = System.nanoTime() - windowStartNanos;
                if (windowNanos >= TimeUnit.SECONDS.toNanos(1)) {
                    long realTimeFrames = format.sampleRate() * windowNanos / 1_000_000_000L;
                    if (windowFrames * 100 > realTimeFrames * MAX_RATE_PERCENT) {
                        throw new DeviceException(microphone().id(), Reason.DISCONNECTED, "The microphone \""
                                + microphone().id() + "\" stopped working: it delivered " + windowFrames
                                + " samples in " + TimeUnit.NANOSECONDS.toMillis(windowNanos) + " ms at "
                                + format.sampleRate() + " Hz. Plug it back in or start the sound server, then open "
                                + "it again, or choose another microphone.");
                    }
                    windowStartNanos = System.nanoTime();
                    windowFrames = 0;
                }
                long measuredUs = clock().nowUs() - format.sampleTimeUs(frames + line.available() / format.frameBytes());
                long countedUs = firstUs + format.sampleTimeUs(sampleIndex);
                blocksOff = firstUs != Long.MIN_VALUE && Math.abs(measuredUs - countedUs) > RESYNC_US ? blocksOff + 1 : 0;
                if (firstUs == Long.MIN_VALUE || blocksOff >= RESYNC_BLOCKS) {
                    firstUs = measuredUs - format.sampleTimeUs(sampleIndex);
                    countedUs = measuredUs;
                    blocksOff = 0;
                }
                for (int i = 0; i < samples.length; i++) {
                    samples[i] = (short) ((bytes[2 * i] & 0xFF) | (bytes[2 * i + 1] << 8));
                }
                deliver(samples, frames, countedUs);
                sampleIndex += frames;
            }
        }

        /** Fills {@code bytes} from the line; a line that stays empty for {@link #STALL_MS} ms is lost. */
        private void readBlock(byte[] bytes) throws InterruptedException, DeviceException {
            int got = 0;
            long lastDataNanos = System.nanoTime();
            while (got < bytes.length) {
                int n = line.read(bytes, got, bytes.length - got);
                if (Thread.interrupted() || closing()) {
                    throw new InterruptedException("microphone capture closed");
                }
                if (n > 0 && !stalled) {
                    got += n;
                    lastDataNanos = System.nanoTime();
                    synchronized (watchLock) {
                        lastDataSeenNanos = lastDataNanos;
                    }
                    continue;
                }
                long silentMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lastDataNanos);
                if (stalled || !line.isOpen() || silentMs >= STALL_MS) {
                    throw new DeviceException(microphone().id(), Reason.DISCONNECTED, "The microphone \""
                            + microphone().id() + "\" stopped delivering (nothing for " + silentMs + " ms): it may "
                            + "have been unplugged, or the sound server stopped. Plug it back in or start the sound "
                            + "server, then open it again, or choose another microphone.");
                }
                TimeUnit.MILLISECONDS.sleep(EMPTY_READ_WAIT_MS);
            }
        }

        @Override
        protected void release() {
            synchronized (watchLock) {
                ended = true;
                watchLock.notifyAll();
            }
            line.stop();
            line.close();
        }
    }
}
