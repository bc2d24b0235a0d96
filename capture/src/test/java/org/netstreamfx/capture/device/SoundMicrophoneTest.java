package org.netstreamfx.capture.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.netstreamfx.capture.device.DeviceException.Reason;
import org.netstreamfx.testkit.sound.Beeps;
import org.netstreamfx.testkit.sound.SoundServer;
import org.netstreamfx.testkit.sound.SoundServerExtension;

/**
 * Java Sound's default capture device on the test sound server (ALSA's pulse plugin): a beep
 * played into a microphone source that is the server's default comes back in every format we
 * negotiate, at its times; a server that dies is a DISCONNECTED failure naming the microphone.
 */
@ExtendWith(SoundServerExtension.class)
class SoundMicrophoneTest {
    /** pacat's buffer: large enough that a loaded machine does not run it dry (an underrun inserts silence). */
    static final int FEED_LATENCY_MS = 1000;
    /** Onsets in samples, one second apart: pacat and the server pace them, so only scheduling jitter. */
    private static final double SAMPLE_SPACING_TOLERANCE_S = 0.05;
    /** Onsets by capture time: the line's buffering as measured at each read, on a loaded 2-core box. */
    private static final double CLOCK_SPACING_TOLERANCE_S = 0.1;

    /** Every block copied out of the listener, until {@code wanted} beeps were heard. */
    static final class Heard implements AudioBlockListener {
        final List<short[]> blocks = new ArrayList<>();
        final List<Long> captureTimesUs = new ArrayList<>();
        final List<AudioLevel> levels = new ArrayList<>();
        final CompletableFuture<Void> firstBlock = new CompletableFuture<>();
        final CompletableFuture<DeviceException> failure = new CompletableFuture<>();
        int frames;
        PcmFormat format;

        @Override
        public synchronized void onAudio(AudioBlock block) {
            format = block.format();
            blocks.add(java.util.Arrays.copyOf(block.samples(), block.frames() * block.format().channels()));
            captureTimesUs.add(block.captureTimeUs());
            levels.add(block.level());
            frames += block.frames();
            firstBlock.complete(null);
        }

        @Override
        public void onCaptureFailed(DeviceException e) {
            failure.complete(e);
        }

        synchronized short[] samples() {
            short[] all = new short[frames * format.channels()];
            int at = 0;
            for (short[] b : blocks) {
                System.arraycopy(b, 0, all, at, b.length);
                at += b.length;
            }
            return all;
        }

        /** The capture time of frame {@code index}. */
        synchronized long timeUsOf(int index) {
            int start = 0;
            for (int i = 0; i < blocks.size(); i++) {
                int n = blocks.get(i).length / format.channels();
                if (index < start + n) {
                    return captureTimesUs.get(i) + format.sampleTimeUs(index - start);
                }
                start += n;
            }
            throw new IndexOutOfBoundsException(index);
        }
    }

    static SoundMicrophone defaultDevice() {
        List<SoundMicrophone> all = SoundMicrophone.listAll();
        return all.stream().filter(m -> m.id().startsWith(SoundMicrophone.ID_PREFIX + "default"))
                .findFirst().orElseThrow(() -> new AssertionError("no Java Sound default device among "
                        + all.stream().map(SoundMicrophone::id).toList()));
    }

    @Test
    void theServersDefaultDeviceIsListedWithEveryFormatWeAskFor(SoundServer server) {
        SoundMicrophone mic = defaultDevice();
        assertEquals("sound:default [default]", mic.id());
        assertEquals(PcmFormat.AAC_FORMATS, mic.formats());
    }

    /**
     * Four captures of the one default device at once, one in each format we negotiate (each line
     * is a stream of its own on the server, which converts the source's 48 kHz mono for it).
     */
    @Test
    void beepsPlayedIntoTheDefaultSourceComeBackOneSecondApartInEveryNegotiatedFormat(SoundServer server,
            @TempDir Path dir) throws Exception {
        String source = server.addMicrophone("nsfx_mic_formats", 48000, 1);
        server.setDefaultSource(source);
        Path beeps = Beeps.write(dir.resolve("beeps.raw"), 48000, 1, 3);
        List<PcmFormat> formats = PcmFormat.AAC_FORMATS;
        List<Heard> heard = formats.stream().map(f -> new Heard()).toList();
        List<AudioCapture> captures = new ArrayList<>();
        try {
            for (int i = 0; i < formats.size(); i++) {
                AudioCapture c = defaultDevice().open(formats.get(i), CaptureClock.system(), heard.get(i));
                captures.add(c);
                assertEquals(formats.get(i), c.format());
            }
            for (Heard h : heard) {
                h.firstBlock.get(10, TimeUnit.SECONDS);
            }
            Process pacat = server.play(beeps, "nsfx_mic_formats", 48000, 1, FEED_LATENCY_MS);
            assertTrue(pacat.waitFor(20, TimeUnit.SECONDS), "pacat played 2.2 s");
            assertEquals(0, pacat.exitValue(), server.describe());
        } finally {
            captures.forEach(AudioCapture::close);
        }
        for (int i = 0; i < formats.size(); i++) {
            assertBeeps(formats.get(i), heard.get(i));
        }
    }

    private static void assertBeeps(PcmFormat format, Heard heard) {
        String in = " in " + format;
        assertFalse(heard.failure.isDone(), "no failure" + in + ": " + heard.failure);
        int rate = format.sampleRate();
        List<Integer> onsets = Beeps.onsets(heard.samples(), format.channels(), heard.frames, rate);
        assertEquals(3, onsets.size(), "three beeps at 0, 1 and 2 s of the file" + in + ": " + onsets);
        for (double gap : Beeps.spacingsS(onsets, rate)) {
            assertEquals(1.0, gap, SAMPLE_SPACING_TOLERANCE_S, "beeps one second apart in samples" + in + ": " + onsets);
        }
        List<Long> timesUs = onsets.stream().map(heard::timeUsOf).toList();
        for (int i = 1; i < timesUs.size(); i++) {
            assertEquals(1.0, (timesUs.get(i) - timesUs.get(i - 1)) / 1e6, CLOCK_SPACING_TOLERANCE_S,
                    "beeps one second apart in capture time" + in + ": " + timesUs);
        }
        double loudest = heard.levels.stream().mapToDouble(AudioLevel::peakDbfs).max().orElseThrow();
        // The sound server converts the beeps to the negotiated rate and channels, which can move a
        // sharp onset's peak a little (-5.49 dBFS seen once at 44100 Hz mono); a wrong sample
        // format is off by 6 dB or more.
        assertEquals(-6.0, loudest, 1.0, "the beep's peak is half of full scale" + in);
        assertEquals(AudioLevel.SILENCE_DBFS, heard.levels.get(0).rmsDbfs(), "silence before the first beep" + in);
    }

    @Test
    void aSoundServerThatDiesIsADisconnectedFailureNamingTheMicrophone(SoundServer server) throws Exception {
        Heard heard = new Heard();
        SoundMicrophone mic = defaultDevice();
        try (AudioCapture capture = mic.open(new PcmFormat(44100, 2), CaptureClock.system(), heard)) {
            heard.firstBlock.get(10, TimeUnit.SECONDS);
            long before = System.nanoTime();
            server.kill();
            DeviceException e = heard.failure.get(10, TimeUnit.SECONDS);
            long afterMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - before);
            assertEquals(Reason.DISCONNECTED, e.reason());
            assertEquals(mic.id(), e.deviceId());
            assertTrue(e.getMessage().contains("\"sound:default [default]\" stopped delivering"), e.getMessage());
            assertTrue(afterMs < SoundMicrophone.STALL_MS + 3000, "reported " + afterMs + " ms after the kill");
        } finally {
            server.restart();
        }
        assertTrue(SoundMicrophone.listAll().stream().anyMatch(m -> m.id().equals(mic.id())), "back after restart");
    }
}
