package org.netstreamfx.e2e.publish;

import java.util.ArrayList;
import java.util.List;
import org.netstreamfx.capture.device.CaptureClock;
import org.netstreamfx.capture.device.LoopbackDelayMeter;
import org.netstreamfx.capture.device.VideoFormat;
import org.netstreamfx.player.sink.AudioSink;
import org.netstreamfx.player.sink.VideoFrame;
import org.netstreamfx.player.sink.VideoSink;

/**
 * The far end of a loopback: a video sink that reads the test camera's frame counter in every
 * picture our player renders, with a {@link LoopbackDelayMeter} on the camera's clock, and an
 * audio sink (plays nothing, like {@code NullAudioSink}) that keeps the left channel of every PCM
 * write and when on the camera's clock it was written. Both are called on the playback thread;
 * tests read them through the synchronized copies.
 */
final class LoopbackProbe {
    /** One rendered picture: its stream timestamp, the frame number read (-1: unread), the delay (µs) and when. */
    record Shown(long ptsUs, long frame, long delayUs, long renderedAtUs) {
        boolean read() {
            return frame >= 0;
        }
    }

    /** One PCM write: when (camera clock), the index of its first sample in the whole audio, its sample count. */
    record Written(long atUs, long firstSample, int samples) {
    }

    final LoopbackDelayMeter meter;
    private final CaptureClock clock;
    private final List<Shown> shown = new ArrayList<>();
    private final List<Written> written = new ArrayList<>();
    private short[] left = new short[1 << 16];
    private int samples;
    private int sampleRateHz;
    private int channels = 2;
    /** Sample frames written to the audio sink, for waiting on. */
    final Tally samplesWritten = new Tally();

    LoopbackProbe(CaptureClock clock, VideoFormat cameraFormat) {
        this.clock = clock;
        this.meter = new LoopbackDelayMeter(clock, cameraFormat);
    }

    final VideoSink video = new VideoSink() {
        @Override
        public void render(VideoFrame frame) {
            long delayUs = meter.measure(frame.pixels(), frame.width(), frame.height(), frame.strideBytes());
            boolean read = delayUs != LoopbackDelayMeter.UNREAD;
            synchronized (LoopbackProbe.this) {
                shown.add(new Shown(frame.ptsUs(), read ? meter.lastFrame() : -1, delayUs, clock.nowUs()));
            }
        }
    };

    final AudioSink audio = new AudioSink() {
        private long playedFrames;

        @Override
        public void open(int rateHz, int channelCount) {
            synchronized (LoopbackProbe.this) {
                sampleRateHz = rateHz;
                channels = channelCount;
            }
        }

        @Override
        public int write(byte[] pcm, int offset, int length) {
            long atUs = clock.nowUs();
            synchronized (LoopbackProbe.this) {
                int frames = length / (2 * channels);
                if (samples + frames > left.length) {
                    left = java.util.Arrays.copyOf(left, Math.max(left.length * 2, samples + frames));
                }
                for (int i = 0; i < frames; i++) {
                    int p = offset + i * 2 * channels;
                    left[samples + i] = (short) ((pcm[p] & 0xFF) | (pcm[p + 1] << 8));
                }
                written.add(new Written(atUs, samples, frames));
                samples += frames;
                playedFrames += frames;
                samplesWritten.add(frames);
                return frames * 2 * channels;
            }
        }

        @Override
        public boolean drivesClock() {
            return false;
        }

        @Override
        public long playedFrames() {
            return playedFrames;
        }

        @Override
        public long queuedFrames() {
            return 0;
        }

        @Override
        public void pause() {
            // Nothing plays.
        }

        @Override
        public void resume() {
            // Nothing plays.
        }

        @Override
        public void flush() {
            // Written samples are kept for the test.
        }

        @Override
        public void setVolume(double volume) {
            // Silent at any volume.
        }

        @Override
        public void close() {
            // Holds no resources.
        }
    };

    synchronized List<Shown> shown() {
        return List.copyOf(shown);
    }

    synchronized List<Shown> readFrames() {
        return shown.stream().filter(Shown::read).toList();
    }

    synchronized int sampleRateHz() {
        return sampleRateHz;
    }

    /** The left channel of everything written so far. */
    synchronized short[] leftChannel() {
        return java.util.Arrays.copyOf(left, samples);
    }

    /**
     * The camera-clock times at which beeps began to play: the first sample of each run of loud
     * samples (above {@code threshold} of full scale) after at least {@code quietMs} of quiet.
     */
    synchronized List<Long> beepOnsetsUs(double threshold, int quietMs) {
        List<Long> onsets = new ArrayList<>();
        if (sampleRateHz == 0) {
            return onsets;
        }
        int loud = (int) Math.round(threshold * 32767);
        long quietNeeded = (long) sampleRateHz * quietMs / 1000;
        long lastLoud = Long.MIN_VALUE / 2;
        int w = 0;
        for (int i = 0; i < samples; i++) {
            if (Math.abs(left[i]) < loud) {
                continue;
            }
            if (i - lastLoud > quietNeeded && i > quietNeeded) {
                while (w + 1 < written.size() && written.get(w + 1).firstSample() <= i) {
                    w++;
                }
                Written wr = written.get(w);
                onsets.add(wr.atUs() + (i - wr.firstSample()) * 1_000_000L / sampleRateHz);
            }
            lastLoud = i;
        }
        return onsets;
    }
}
