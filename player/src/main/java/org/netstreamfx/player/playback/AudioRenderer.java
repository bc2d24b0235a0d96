package org.netstreamfx.player.playback;

import org.netstreamfx.player.clock.MediaClock;
import org.netstreamfx.player.sink.AudioChunk;
import org.netstreamfx.player.sink.AudioSink;
import org.netstreamfx.player.sink.AudioSinkException;
import org.netstreamfx.player.sink.AudioTempo;
import org.netstreamfx.player.sink.NullAudioSink;

/**
 * The audio half of presentation: owns the {@link AudioSink} (opened in the stream's format,
 * primed with silence while buffering, swapped for a {@link NullAudioSink} when the device cannot
 * be opened or is lost), the chunk being written, time-stretching ({@link AudioTempo}) at rates
 * other than 1, and the clock's anchor on the device: with a device sink the {@link MediaClock}
 * follows what the device has played ({@link DeviceClockSync}); without one it runs on wall time.
 *
 * <p>Thread ownership: every method runs on the stream's playback thread (the {@link PlaybackCore}
 * that owns it).
 */
final class AudioRenderer {
    /** How far ahead of the clock audio is handed to a device sink (at least its buffer and this margin). */
    private static final long AUDIO_LEAD_US = 100_000;
    private static final long AUDIO_LEAD_MARGIN_US = 40_000;
    private static final double DRIFT_SMOOTHING = 0.1;
    /**
     * How often the audio may be cut to the clock for a device that starts late, per start, seek
     * or resume; after that the clock waits for the device instead.
     */
    static final int MAX_LATE_CUTS = 3;

    private final MediaClock clock;
    private final CoreEvents events;
    private final boolean fast;
    private AudioSink audioSink;
    private PlaybackFeed feed;

    private AudioTempo tempo;
    private long playedAtAnchor;
    private double anchorRate = 1.0;
    /**
     * After a rate change, the device still plays what it holds at the old rate: the clock switches
     * to this rate once the device has played up to {@link #playedAtAnchor}. NaN: nothing pending.
     */
    private double pendingClockRate = Double.NaN;
    private int sinkRate;
    private int sinkChannels;
    private AudioChunk pendingAudio;
    private int pendingOffset;
    /** Whether {@link #pendingAudio} was time-stretched at {@link #anchorRate} (or needs none). */
    private boolean pendingStretched = true;
    /** The pending chunk is a new tempo filter's first output: its content starts this far after its time. */
    private long pendingLeadUs;
    private long audioAnchorUs = Long.MIN_VALUE;
    private final DeviceClockSync deviceSync = new DeviceClockSync();
    private final DevicePrimer primer = new DevicePrimer();
    /** Times the audio was cut to the clock since the last start, seek or resume (a late device). */
    private int lateCuts;
    private long audioUnderruns;
    private boolean inUnderrun;
    private double audioLateUs;

    AudioRenderer(MediaClock clock, CoreEvents events, AudioSink audioSink, boolean fast) {
        this.clock = clock;
        this.events = events;
        this.audioSink = audioSink;
        this.fast = fast;
    }

    // Called on the playback thread.

    /** A new stream starts: the clock runs at {@code rate}, nothing of a rate change is pending. */
    void start(PlaybackFeed newFeed, double rate) {
        feed = newFeed;
        pendingClockRate = Double.NaN;
        clock.setRate(rate);
        anchorRate = rate;
    }

    /** The chunk partly written, or cut at a seek, or null. */
    AudioChunk pending() {
        return pendingAudio;
    }

    /** Whether the sink plays on a device whose position drives the clock. */
    boolean deviceDrivesClock() {
        return audioSink != null && audioSink.drivesClock();
    }

    void pause() {
        if (audioSink != null) {
            audioSink.pause();
        }
    }

    void resume() {
        lateCuts = 0;
        if (audioSink != null) {
            audioSink.resume();
        }
    }

    /**
     * Puts {@code rate} in effect. The sound the device already holds (and the chunk being
     * written) was stretched at the old rate and plays out at it: the device's frame count is
     * anchored where that sound ends, and the clock keeps the old rate until the device gets there
     * ({@link #pendingClockRate}), so sound and picture stay together through the change.
     */
    void applyRate(double rate) {
        if (rate == anchorRate && Double.isNaN(pendingClockRate) && rate == clock.rate()) {
            return;
        }
        boolean device = audioSink != null && audioSink.drivesClock() && !fast && sinkRate > 0
                && audioAnchorUs != Long.MIN_VALUE;
        closeTempo();
        if (!device) {
            pendingClockRate = Double.NaN;
            anchorRate = rate;
            clock.setRate(rate);
            return;
        }
        // The chunk being written was stretched at the old rate (or is partly written): it is
        // dropped; the next chunk anchors the device's frame count after what the device holds.
        if (pendingAudio != null && (pendingOffset > 0 || (pendingStretched && anchorRate != 1.0))) {
            pendingAudio = null;
        }
        pendingStretched = pendingAudio == null;
        pendingOffset = 0;
        audioAnchorUs = Long.MIN_VALUE;
        playedAtAnchor = audioSink.playedFrames() + audioSink.queuedFrames();
        deviceSync.reset();
        anchorRate = rate;
        pendingClockRate = rate;
        if (audioSink.queuedFrames() == 0) {
            applyPendingClockRate();
        }
    }

    /**
     * Live catch-up starts or stops: the clock runs at {@code rate} at once, and the device's
     * frame count is anchored anew from here.
     */
    void switchRateNow(double rate) {
        pendingClockRate = Double.NaN;
        if (audioAnchorUs != Long.MIN_VALUE && audioSink != null) {
            audioAnchorUs = clock.positionUs();
            playedAtAnchor = audioSink.playedFrames();
            deviceSync.reset();
        }
        anchorRate = rate;
        clock.setRate(rate);
    }

    private void applyPendingClockRate() {
        if (!Double.isNaN(pendingClockRate)) {
            clock.setRate(pendingClockRate);
            pendingClockRate = Double.NaN;
        }
    }

    private void closeTempo() {
        if (tempo != null) {
            tempo.close();
            tempo = null;
        }
    }

    /**
     * Drops the decoded audio that ends at or before {@code targetUs}; a chunk that straddles it
     * is cut there. True when a chunk at or after the target is there, or the track has ended.
     */
    boolean discardBefore(long targetUs) {
        TrackOutput<AudioChunk> audio = feed.audio();
        if (audio == null) {
            return true;
        }
        AudioChunk a;
        while ((a = audio.peek()) != null && a.endUs() <= targetUs) {
            audio.poll();
        }
        if (a != null && a.ptsUs() < targetUs) {
            audio.poll();
            pendingAudio = a.dropFrames(framesBetween(a, targetUs));
            pendingOffset = 0;
            pendingStretched = false;
        }
        return a != null || audio.finished();
    }

    /**
     * At a rate other than 1 (the playback rate, live catch-up) on a device, each chunk is
     * time-stretched (pitch kept) before it is written.
     */
    private AudioChunk stretched(AudioChunk a) {
        double rate = anchorRate;
        if (rate == 1.0) {
            pendingLeadUs = 0;
            closeTempo();
            return a;
        }
        if (tempo == null || tempo.sampleRateHz() != a.sampleRateHz() || tempo.channels() != a.channels()
                || tempo.tempo() != rate) {
            closeTempo();
            tempo = new AudioTempo(a.sampleRateHz(), a.channels(), rate);
            pendingLeadUs = tempo.leadUs();
        } else {
            pendingLeadUs = 0;
        }
        byte[] out = tempo.process(a.pcm(), a.lengthBytes());
        return new AudioChunk(a.ptsUs(), a.sampleRateHz(), a.channels(), out, out.length);
    }

    /**
     * Hands the sink the audio due by {@code t} (a device: what fits its buffer ahead of the
     * clock), then has the clock follow the device. {@code countUnderruns}: the stream plays and
     * more data may come, so a device that ran dry is a gap heard.
     */
    void deliver(long t, boolean countUnderruns) {
        boolean device = audioSink != null && audioSink.drivesClock() && !fast;
        // Whether the device had played everything it was given, looked at before giving it more.
        boolean dry = device && audioAnchorUs != Long.MIN_VALUE && deviceSync.started()
                && audioSink.queuedFrames() == 0;
        while (true) {
            AudioChunk a = pendingAudio != null ? pendingAudio : feed.audio().peek();
            if (a == null) {
                break;
            }
            if (!device && a.ptsUs() > t) {
                break;
            }
            // The device's buffer is wall time: at rate r it holds r times as much media time.
            if (device && a.ptsUs() > t + Math.max(AUDIO_LEAD_US,
                    Math.round((audioSink.bufferUs() + AUDIO_LEAD_MARGIN_US) * anchorRate))
                    && audioAnchorUs != Long.MIN_VALUE) {
                break;
            }
            if (pendingAudio == null) {
                feed.audio().poll();
                a = device ? stretched(a) : a;
                pendingAudio = a;
                pendingOffset = 0;
                pendingStretched = true;
            } else if (device && !pendingStretched && pendingOffset == 0) {
                a = stretched(a); // cut at a seek or a late device's start: not yet stretched
                pendingAudio = a;
                pendingStretched = true;
            }
            if (!ensureSink(a)) {
                pendingAudio = null;
                continue;
            }
            if (device && !audioSink.drivesClock()) {
                device = false; // the device failed to open and was replaced by a null sink
            }
            if (audioAnchorUs == Long.MIN_VALUE) {
                audioAnchorUs = a.ptsUs() + (device ? pendingLeadUs : 0) + Math.round((long) pendingOffset
                        / (2 * a.channels()) * 1_000_000.0 / a.sampleRateHz() * (device ? anchorRate : 1.0));
                // Sound written now plays after whatever the device still holds (silence that primed it).
                playedAtAnchor = audioSink.playedFrames() + audioSink.queuedFrames();
            }
            int n = audioSink.write(a.pcm(), pendingOffset, a.lengthBytes() - pendingOffset);
            pendingOffset += n;
            if (!device) {
                audioLateUs += DRIFT_SMOOTHING * ((t - a.ptsUs()) - audioLateUs);
            }
            if (pendingOffset >= a.lengthBytes()) {
                pendingAudio = null;
            } else {
                break; // the device is full for now
            }
        }
        if (device && audioAnchorUs != Long.MIN_VALUE && sinkRate > 0) {
            followDevice(dry, countUnderruns);
        }
    }

    /**
     * The clock follows what the device has played ({@link DeviceClockSync}); a device that
     * started late has the audio cut to the clock; a device that stopped working is replaced by
     * a null sink (the clock runs on wall time); a device that ran {@code dry} (had played all it
     * was given before this step gave it more) is counted, once per gap.
     */
    private void followDevice(boolean dry, boolean countUnderruns) {
        if (!deviceWorks()) {
            return;
        }
        if (dry && !inUnderrun && countUnderruns) {
            audioUnderruns++;
            events.transition(new CoreEvent.Underrun(audioUnderruns));
        }
        inUnderrun = dry;
        if (!Double.isNaN(pendingClockRate) && audioSink.playedFrames() >= playedAtAnchor) {
            applyPendingClockRate(); // the sound of the old rate has played out
        }
        long played = audioSink.playedFrames() - playedAtAnchor;
        long reportedUs = audioAnchorUs + Math.round(played * 1_000_000.0 / sinkRate * anchorRate);
        DeviceClockSync.Verdict verdict = deviceSync.update(reportedUs, audioAnchorUs, clock, anchorRate);
        if (verdict == DeviceClockSync.Verdict.DEVICE_LATE) {
            if (lateCuts < MAX_LATE_CUTS) {
                lateCuts++;
                cutAudioTo(clock.positionUs());
            } else {
                clock.nudge(deviceSync.lastErrorUs()); // the picture holds until the sound catches up
            }
        }
    }

    /**
     * The device is behind the clock (it started late). What it holds plays out, late, for at
     * most one buffer; the sound after that is cut so it starts where the clock will be by then,
     * and the device position counts from there (as after priming silence). No flush: a flushed
     * ALSA device waits for a full buffer again before it restarts.
     */
    private void cutAudioTo(long clockUs) {
        long heldUs = Math.round(audioSink.queuedFrames() * 1_000_000.0 / sinkRate * anchorRate);
        applyPendingClockRate();
        long resumeUs = clockUs + heldUs;
        // A chunk time-stretched at a rate other than 1 spans more or less media than its length
        // says: it cannot be cut by time, so it is dropped and the cut is made in the chunks after it.
        AudioChunk rest = pendingAudio == null || anchorRate != 1.0 ? null
                : pendingAudio.dropFrames(pendingOffset / (2 * pendingAudio.channels()));
        closeTempo(); // what the filter holds comes from before the cut
        pendingAudio = null;
        pendingOffset = 0;
        audioAnchorUs = Long.MIN_VALUE;
        deviceSync.reset();
        if (rest != null && rest.endUs() > resumeUs) {
            pendingAudio = rest.ptsUs() < resumeUs ? rest.dropFrames(framesBetween(rest, resumeUs)) : rest;
            return;
        }
        TrackOutput<AudioChunk> audio = feed.audio();
        AudioChunk a;
        while ((a = audio.peek()) != null && a.endUs() <= resumeUs) {
            audio.poll();
        }
        if (a != null && a.ptsUs() < resumeUs) {
            audio.poll();
            pendingAudio = a.dropFrames(framesBetween(a, resumeUs));
            pendingStretched = false;
        }
    }

    private static int framesBetween(AudioChunk a, long untilUs) {
        return (int) ((untilUs - a.ptsUs()) * a.sampleRateHz() / 1_000_000L);
    }

    /**
     * While buffering, a device sink is opened in the stream's format and fed silence so it is
     * running by Buffer.Full ({@link DevicePrimer}); sound written after silence counts its
     * device position from a new anchor.
     */
    void primeDevice() {
        if (fast || audioSink == null || !audioSink.drivesClock()) {
            return;
        }
        AudioChunk a = pendingAudio != null ? pendingAudio : feed.audio().peek();
        if (a == null || !ensureSink(a) || !audioSink.drivesClock() || !deviceWorks()) {
            return;
        }
        if (primer.prime(audioSink, sinkRate, sinkChannels, audioSink.playedFrames() > 0) > 0) {
            audioAnchorUs = Long.MIN_VALUE;
            deviceSync.reset();
        }
    }

    /**
     * False, after replacing it with a null sink and saying why, when the device sink could not be
     * opened (NoDevice) or has stopped working (DeviceLost).
     */
    private boolean deviceWorks() {
        AudioSinkException openFailed = audioSink.openFailure();
        if (openFailed != null) {
            useNullSink();
            events.transition(new CoreEvent.NoDevice(openFailed.getMessage()));
            return false;
        }
        String failure = audioSink.failure();
        if (failure != null) {
            useNullSink();
            events.transition(new CoreEvent.DeviceLost(failure));
            return false;
        }
        return true;
    }

    /** Plays on without a device: a null sink in the same format, the clock on wall time. */
    private void useNullSink() {
        audioSink.close();
        NullAudioSink nullSink = new NullAudioSink();
        nullSink.open(sinkRate, sinkChannels);
        audioSink = nullSink;
        applyPendingClockRate();
        pendingAudio = null;
        pendingOffset = 0;
        audioAnchorUs = Long.MIN_VALUE;
        deviceSync.reset();
    }

    /** The audio track is not received: what is due by {@code t} is dropped unheard. */
    void drainDisabled(long t) {
        TrackOutput<AudioChunk> audio = feed.audio();
        if (audio == null) {
            return;
        }
        AudioChunk a;
        while ((a = audio.peek()) != null && a.ptsUs() <= t) {
            audio.poll();
        }
    }

    private boolean ensureSink(AudioChunk a) {
        if (audioSink == null) {
            return false;
        }
        if (a.sampleRateHz() != sinkRate || a.channels() != sinkChannels) {
            // A (re)opened sink counts played frames from 0: anchor the clock on this chunk.
            audioAnchorUs = Long.MIN_VALUE;
            deviceSync.reset();
            try {
                audioSink.open(a.sampleRateHz(), a.channels());
                sinkRate = a.sampleRateHz();
                sinkChannels = a.channels();
            } catch (AudioSinkException e) {
                // No device: a null sink keeps the clock on wall time, with one clear warning.
                sinkRate = a.sampleRateHz();
                sinkChannels = a.channels();
                useNullSink();
                events.transition(new CoreEvent.NoDevice(e.getMessage()));
            }
        }
        return true;
    }

    /** A seek, a jump or a stop: nothing written or pending plays on; the device is flushed. */
    void reset() {
        applyPendingClockRate();
        closeTempo();
        pendingAudio = null;
        pendingOffset = 0;
        audioAnchorUs = Long.MIN_VALUE;
        deviceSync.reset();
        lateCuts = 0;
        inUnderrun = false;
        if (audioSink != null && sinkRate > 0) {
            audioSink.flush();
        }
    }

    /** The track has ended and everything written has been played (a device's buffer too). */
    boolean drained() {
        return feed.audio().finished() && pendingAudio == null
                && (audioSink == null || !audioSink.drivesClock() || audioSink.queuedFrames() == 0 || fast);
    }

    /** Times the audio device ran dry while playing. */
    long underruns() {
        return audioUnderruns;
    }

    /** Audio lateness against the clock (µs, smoothed); 0 on a device, which drives the clock. */
    double lateUs() {
        return deviceDrivesClock() ? 0 : audioLateUs;
    }
}
