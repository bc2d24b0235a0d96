package org.netstreamfx.player.sink;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.Mixer;
import javax.sound.sampled.SourceDataLine;

/**
 * Plays through a Java Sound output line: the system's default output, or the mixer chosen by
 * id ({@link AudioOutputs}). On Linux that is ALSA, which desktops send to PulseAudio or
 * PipeWire through ALSA's pulse plugin; on macOS and Windows Java Sound's own devices.
 *
 * <p><b>Position.</b> Played = frames written − frames still in the device's buffer, the buffer
 * being the size the device gave ({@link SourceDataLine#getBufferSize()}) less the room it
 * reports, never less than 0 nor more than the buffer: a device may report more room than its
 * buffer (ALSA's pulse plugin does, by what the sound server asked for before it started
 * playing). Before the device has started it has played nothing: it has started once its pointer
 * (frames written plus room) has moved since the first write. Measured against the test sound
 * server's monitor, this position is 5 to 16 ms behind what is heard (it moves in the device's
 * periods, 20 ms through PulseAudio); the playback core smooths it into its clock.
 *
 * <p><b>Start.</b> ALSA devices (the pulse plugin among them) start playing only once their
 * buffer is full, so the buffer asked for is small ({@value #LINE_BUFFER_MS} ms; PulseAudio's
 * plugin gives twice that) and the playback core hands the sink more than a buffer ahead
 * ({@link #bufferUs()}): a device that waited for a fuller buffer than it was given would never
 * start.
 *
 * <p><b>Volume</b> is applied to the samples (many lines have no gain control), ramped over
 * {@value #RAMP_MS} ms so a change does not click, and reaches the ear once the queued audio has played: at
 * most one buffer, under 100 ms.
 *
 * <p><b>Device trouble.</b> A device that has played and then, not paused, takes nothing of what
 * it holds for {@value #LOST_AFTER_MS} ms, or refuses writes for as long, is gone (unplugged, or
 * its sound server stopped); one that never starts within {@value #START_TIMEOUT_MS} ms does not
 * work. {@link #failure()} then says so and the player carries on without it.
 *
 * <p><b>Opening</b> takes a while (Java Sound's first use and the sound server's stream setup:
 * 20 to 150 ms), so {@link #open} returns at once and a thread of its own, {@code nsfx-audio-open},
 * opens the line; until it is there the sink takes nothing and has played nothing, and the player
 * runs its clock on wall time. An open that fails is {@link #openFailure()}.
 *
 * <p>Thread ownership: the playback thread, except {@link #setVolume}, which any thread may call,
 * and the opening thread, which hands its line over through one volatile field.
 */
public final class JavaSoundAudioSink implements AudioSink {
    /** The buffer asked of the device: small, so volume, pause and seek act quickly. */
    static final int LINE_BUFFER_MS = 40;
    /** How long writes may be refused with room in the buffer before the device counts as lost. */
    static final int LOST_AFTER_MS = 500;
    /** A volume change is ramped over this long, so it does not click. */
    static final int RAMP_MS = 5;
    /** How long a device may hold written audio without starting to play it. */
    static final int START_TIMEOUT_MS = 5000;

    private final String deviceId;
    /** Bumped by every open and close: an opening thread whose open was superseded closes its line. */
    private final java.util.concurrent.atomic.AtomicInteger generation = new java.util.concurrent.atomic.AtomicInteger();
    private volatile SourceDataLine opened;
    private volatile AudioSinkException openFailure;
    private SourceDataLine line;
    private int sampleRateHz;
    private int bytesPerFrame = 4;
    private int lineBufferBytes;
    /** The device's pointer (frames written plus room) after the first write; -1 before it. */
    private long pointerAtStart = -1;
    private long written;
    private long maxPlayed;
    private volatile double volume = 1.0;
    private double appliedVolume = 1.0;
    private byte[] scratch = new byte[0];
    private long refusedSinceNanos = -1;
    private String failure;
    private boolean paused;
    private boolean started;
    /** When the device last took audio, or was last given audio while it had none. */
    private long progressNanos;

    /** The system's default output. */
    public JavaSoundAudioSink() {
        this(AudioOutputs.SYSTEM_DEFAULT);
    }

    /** @param deviceId an {@link AudioOutput#id()}; "default" or null for the system's default */
    public JavaSoundAudioSink(String deviceId) {
        this.deviceId = deviceId == null ? AudioOutputs.SYSTEM_DEFAULT : deviceId;
    }

    public String deviceId() {
        return deviceId;
    }

    @Override
    public void open(int sampleRateHz, int channels) {
        close();
        this.sampleRateHz = sampleRateHz;
        bytesPerFrame = 2 * channels;
        pointerAtStart = -1;
        written = 0;
        maxPlayed = 0;
        refusedSinceNanos = -1;
        failure = null;
        paused = false;
        started = false;
        int mine = generation.get();
        Thread t = new Thread(() -> {
            try {
                SourceDataLine l = openLine(sampleRateHz, channels);
                synchronized (generation) {
                    if (generation.get() == mine) {
                        opened = l;
                        return;
                    }
                }
                l.close(); // closed or reopened meanwhile
            } catch (AudioSinkException e) {
                synchronized (generation) {
                    if (generation.get() == mine) {
                        openFailure = e;
                    }
                }
            }
        }, "nsfx-audio-open");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public AudioSinkException openFailure() {
        return openFailure;
    }

    /** The line, once the opening thread has handed it over; null until then. */
    private SourceDataLine line() {
        if (line == null && opened != null) {
            line = opened;
            opened = null;
            lineBufferBytes = line.getBufferSize();
            if (paused) {
                line.stop();
            }
        }
        return line;
    }

    // Called on the opening thread.
    private SourceDataLine openLine(int sampleRateHz, int channels) throws AudioSinkException {
        AudioFormat format = new AudioFormat(sampleRateHz, 16, channels, true, false);
        try {
            SourceDataLine l;
            if (deviceId.equals(AudioOutputs.SYSTEM_DEFAULT)) {
                l = AudioSystem.getSourceDataLine(format);
            } else {
                Mixer.Info info = AudioOutputs.find(deviceId);
                if (info == null) {
                    throw new AudioSinkException("No audio output \"" + deviceId + "\": it may be unplugged "
                            + "(`nsfx devices` lists the outputs there are)", null);
                }
                l = AudioSystem.getSourceDataLine(format, info);
            }
            int bufferBytes = sampleRateHz * 2 * channels * LINE_BUFFER_MS / 1000;
            l.open(format, bufferBytes);
            l.start();
            return l;
        } catch (LineUnavailableException | IllegalArgumentException | SecurityException e) {
            throw new AudioSinkException("No audio output \"" + deviceId + "\" for " + sampleRateHz + " Hz "
                    + channels + " ch 16-bit: " + e.getMessage(), e);
        }
    }

    @Override
    public int write(byte[] pcm, int offset, int length) {
        if (line() == null || failure != null) {
            return 0;
        }
        int room = line.available();
        int n = Math.min(room, length) / bytesPerFrame * bytesPerFrame;
        if (n <= 0) {
            return 0;
        }
        byte[] out = pcm;
        int off = offset;
        double target = volume;
        if (target < 0.999 || appliedVolume < 0.999) {
            out = scaled(pcm, offset, n, target);
            off = 0;
        }
        int w = line.write(out, off, n);
        if (w <= 0) {
            refused();
            return 0;
        }
        refusedSinceNanos = -1;
        if (written == maxPlayed) {
            progressNanos = System.nanoTime(); // the device had nothing to play until now
        }
        written += w / bytesPerFrame;
        if (pointerAtStart < 0) {
            pointerAtStart = written + line.available() / bytesPerFrame;
        }
        return w;
    }

    /** The samples times the volume, ramped from the last volume to {@code target} over {@value #RAMP_MS} ms. */
    private byte[] scaled(byte[] pcm, int offset, int n, double target) {
        if (scratch.length < n) {
            scratch = new byte[n];
        }
        int samples = n / 2;
        int channels = bytesPerFrame / 2;
        int rampSamples = Math.max(1, Math.min(samples, sampleRateHz * RAMP_MS / 1000 * channels));
        double from = appliedVolume;
        for (int i = 0; i < samples; i++) {
            double gain = i < rampSamples ? from + (target - from) * i / rampSamples : target;
            int s = (short) ((pcm[offset + 2 * i] & 0xFF) | (pcm[offset + 2 * i + 1] << 8));
            int v = (int) Math.round(s * gain);
            scratch[2 * i] = (byte) v;
            scratch[2 * i + 1] = (byte) (v >> 8);
        }
        appliedVolume = target;
        return scratch;
    }

    private void refused() {
        long now = System.nanoTime();
        if (refusedSinceNanos < 0) {
            refusedSinceNanos = now;
        } else if (now - refusedSinceNanos > LOST_AFTER_MS * 1_000_000L) {
            failure = "The audio output \"" + deviceId + "\" stopped taking sound for " + LOST_AFTER_MS
                    + " ms (unplugged, or its sound server stopped)";
        }
    }

    @Override
    public String failure() {
        if (failure == null && line != null && !paused && queuedFrames() > 0) {
            long stuckMs = (System.nanoTime() - progressNanos) / 1_000_000;
            if (started && stuckMs > LOST_AFTER_MS) {
                failure = "The audio output \"" + deviceId + "\" stopped playing for " + stuckMs
                        + " ms (unplugged, or its sound server stopped)";
            } else if (!started && stuckMs > START_TIMEOUT_MS) {
                failure = "The audio output \"" + deviceId + "\" did not start playing within " + stuckMs + " ms";
            }
        }
        return failure;
    }

    /** How much audio the device's buffer holds (measured at the first write). */
    @Override
    public long bufferUs() {
        return line() == null ? 0 : (long) lineBufferBytes / bytesPerFrame * 1_000_000L / sampleRateHz;
    }

    @Override
    public boolean drivesClock() {
        return true;
    }

    @Override
    public long playedFrames() {
        if (line() == null) {
            return 0;
        }
        long room = line.available() / bytesPerFrame;
        if (!started) {
            // The device's pointer (what was written plus the room it has) moves only once it takes
            // sound; before that it has played nothing, whatever its room says.
            if (pointerAtStart < 0 || written + room <= pointerAtStart) {
                return 0;
            }
        }
        long bufferFrames = lineBufferBytes / bytesPerFrame;
        long queued = Math.min(bufferFrames, Math.max(0, bufferFrames - room));
        long played = Math.max(0, written - queued);
        // A device that reports a fuller buffer than before never un-plays frames.
        if (played > maxPlayed) {
            maxPlayed = played;
            started = true;
            progressNanos = System.nanoTime();
        }
        return maxPlayed;
    }

    @Override
    public long queuedFrames() {
        return Math.max(0, written - playedFrames());
    }

    @Override
    public void pause() {
        paused = true;
        if (line() != null) {
            line.stop();
        }
    }

    @Override
    public void resume() {
        paused = false;
        progressNanos = System.nanoTime();
        if (line() != null) {
            line.start();
        }
    }

    /**
     * Discards what the device holds by closing the line and opening a new one (in the background,
     * as {@link #open}): ALSA's pulse plugin keeps what the sound server already has through a
     * flush, and plays it after (70 ms of the old sound after a seek, measured).
     */
    @Override
    public void flush() {
        if (sampleRateHz > 0 && (line != null || opened != null)) {
            boolean wasPaused = paused;
            open(sampleRateHz, bytesPerFrame / 2);
            paused = wasPaused;
        }
    }

    @Override
    public void setVolume(double volume) {
        this.volume = Math.max(0, Math.min(1, volume));
    }

    @Override
    public void close() {
        SourceDataLine pending;
        synchronized (generation) {
            generation.incrementAndGet();
            pending = opened;
            opened = null;
            openFailure = null;
        }
        if (pending != null) {
            pending.close();
        }
        if (line != null) {
            line.stop();
            line.flush();
            line.close();
            line = null;
        }
    }
}
