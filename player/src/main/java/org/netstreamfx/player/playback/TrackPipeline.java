package org.netstreamfx.player.playback;

import java.util.ArrayDeque;
import org.netstreamfx.player.decode.DecoderException;
import org.netstreamfx.player.decode.FfmpegDecoder;
import org.netstreamfx.player.media.TrackFormat;
import org.netstreamfx.player.sink.TimedFrame;
import org.netstreamfx.player.source.SourcePacket;

/**
 * One track between the demuxer and the playback core: a queue of compressed packets, the
 * track's decoder thread, and a small queue of decoded frames.
 *
 * <p>Seeks are handled with epochs: {@link #reset} (demux thread) starts a new epoch, clears the
 * packet queue and tells the decoder to flush; frames of an older epoch are released wherever
 * they are found, so nothing from before a seek is shown after it.
 *
 * <p>Thread ownership: {@link #offer}, {@link #endOfStream} and {@link #reset} run on the demux
 * thread; {@link #peek} and {@link #poll} on the playback thread; the decode loop on this track's
 * own thread. All shared state is guarded by {@code lock}.
 */
public final class TrackPipeline<F extends TimedFrame> implements TrackOutput<F> {
    /** After this many failed packets with no frame at all, the track is declared undecodable. */
    static final int FATAL_ERRORS_WITHOUT_OUTPUT = 16;

    /** A queued packet or marker; {@code format}: the track's format from this packet on, or null if unchanged. */
    private record Input(SourcePacket packet, Marker marker, long epoch, TrackFormat format) {
        Input(SourcePacket packet, Marker marker, long epoch) {
            this(packet, marker, epoch, null);
        }
    }

    /** Opens the decoder for a track's new format (an Enhanced RTMP track switch). */
    public interface Reopener {
        FfmpegDecoder open(TrackFormat format) throws DecoderException;
    }

    private enum Marker { PACKET, FLUSH, END }

    private record Output<F>(F frame, long epoch) { }

    /** What the pipeline reports from the decoder thread. */
    public interface Problems {
        /** First decode error of a track: playback goes on. */
        void decodeError(String description);

        /** The track cannot be decoded at all, or its decoder thread failed. */
        void fatal(String description);
    }

    private final Object lock = new Object();
    private final ArrayDeque<Input> input = new ArrayDeque<>();
    private final ArrayDeque<Output<F>> output = new ArrayDeque<>();
    private final int outputCapacity;
    private final Thread thread;
    private final Problems problems;
    private final FrameSignal arrivals;
    private final Runnable taken;
    private volatile FfmpegDecoder decoder;
    private Reopener reopener;

    // Guarded by lock.
    private long epoch;
    private long bufferedEndUs = NOTHING;
    private long inputBytes;
    private long endedEpoch = -1;
    private boolean closed;
    private long decodeErrors;
    private long framesOut;
    private boolean enabled = true;
    private boolean waitForKeyframe;
    /** The format the source last announced, and the one the last queued packet asks the decoder for (null: unknown). */
    private TrackFormat announced;
    private TrackFormat queuedFormat;

    public TrackPipeline(String threadName, int outputCapacity, Problems problems) {
        this(threadName, outputCapacity, problems, new FrameSignal(), () -> { });
    }

    /**
     * @param arrivals signalled whenever a frame is queued or the track ends (may be shared by tracks)
     * @param taken run, outside this track's lock, whenever the track gives something up or is
     *        enabled again: its decoder took a queued packet, the playback thread took a frame.
     *        That is what can let the demuxer read on ({@link #queuedBytes} fell, or the track
     *        became {@link #starved}), so the demuxer waits for it instead of looking again and again.
     *        Outside the lock because the demuxer asks {@link #starved} holding its own lock, which
     *        {@code taken} takes: under this one, the two threads could each hold what the other waits for.
     */
    public TrackPipeline(String threadName, int outputCapacity, Problems problems, FrameSignal arrivals,
            Runnable taken) {
        this.outputCapacity = outputCapacity;
        this.problems = problems;
        this.arrivals = arrivals;
        this.taken = taken;
        this.thread = new Thread(this::decodeLoop, threadName);
        this.thread.setDaemon(true);
    }

    /** Starts the decoder thread with its decoder (whose output goes to {@link #deliver}). */
    public void start(FfmpegDecoder trackDecoder) {
        start(trackDecoder, f -> {
            throw new DecoderException(trackDecoder.describe() + ": the track cannot change its format to " + f);
        });
    }

    /**
     * Starts the decoder thread with its decoder; when a packet brings a new format
     * ({@link SourcePacket#newFormat()}), the decoder gives out what it holds and
     * {@code reopener} opens the next one, before that packet.
     */
    public void start(FfmpegDecoder trackDecoder, Reopener trackReopener) {
        this.decoder = trackDecoder;
        this.reopener = trackReopener;
        synchronized (lock) {
            announced = trackDecoder.format();
            queuedFormat = announced;
        }
        thread.start();
    }

    // Called on the demux thread.

    public void offer(SourcePacket p, long packetEpoch) {
        synchronized (lock) {
            if (p.newFormat() != null) {
                announced = p.newFormat(); // kept even when this packet is dropped
            }
            if (packetEpoch != epoch || closed) {
                return;
            }
            if (!enabled) {
                return;
            }
            if (waitForKeyframe) {
                if (!p.packet().keyframe()) {
                    return;
                }
                waitForKeyframe = false;
            }
            TrackFormat format = announced != queuedFormat ? announced : null;
            queuedFormat = announced;
            input.addLast(new Input(p, Marker.PACKET, packetEpoch, format));
            inputBytes += p.packet().data().length;
            bufferedEndUs = Math.max(bufferedEndUs, p.packet().endUs());
            lock.notifyAll();
        }
    }

    public void endOfStream(long atEpoch) {
        synchronized (lock) {
            if (atEpoch == epoch) {
                input.addLast(new Input(null, Marker.END, atEpoch));
                lock.notifyAll();
            }
        }
    }

    /** Starts epoch {@code newEpoch}: forget queued packets, flush the decoder, drop old frames. */
    public void reset(long newEpoch) {
        synchronized (lock) {
            epoch = newEpoch;
            input.clear();
            queuedFormat = null;
            inputBytes = 0;
            bufferedEndUs = NOTHING;
            input.addLast(new Input(null, Marker.FLUSH, newEpoch));
            lock.notifyAll();
        }
    }

    /** receiveAudio/receiveVideo: a disabled track takes no packets; re-enabled, it restarts at a keyframe. */
    public void setEnabled(boolean on) {
        synchronized (lock) {
            if (on == enabled) {
                return;
            }
            enabled = on;
            if (!on) {
                input.clear();
                queuedFormat = null;
                inputBytes = 0;
                input.addLast(new Input(null, Marker.FLUSH, epoch));
            } else {
                waitForKeyframe = true;
            }
            lock.notifyAll();
        }
        taken.run();
    }

    /**
     * The decoder waits for data: the track is enabled and not ended, and has no packet queued
     * and no frame decoded (of the current epoch). Whatever its buffered end says, only reading
     * on can move it. Called on the demux thread.
     */
    public boolean starved() {
        synchronized (lock) {
            return enabled && endedEpoch != epoch && input.isEmpty()
                    && output.stream().noneMatch(o -> o.epoch() == epoch);
        }
    }

    /** The demuxer is ahead of playback by at least this much on this track. */
    public long queuedBytes() {
        synchronized (lock) {
            return inputBytes;
        }
    }

    // Called on the playback thread.

    @Override
    public F peek() {
        synchronized (lock) {
            dropStale();
            Output<F> o = output.peekFirst();
            return o == null ? null : o.frame();
        }
    }

    @Override
    public F poll() {
        Output<F> o;
        synchronized (lock) {
            dropStale();
            o = output.pollFirst();
            lock.notifyAll();
        }
        taken.run();
        return o == null ? null : o.frame();
    }

    private void dropStale() {
        while (!output.isEmpty() && output.peekFirst().epoch() != epoch) {
            output.pollFirst().frame().release();
            lock.notifyAll();
        }
    }

    @Override
    public long bufferedEndUs() {
        synchronized (lock) {
            return bufferedEndUs;
        }
    }

    @Override
    public long bufferedBytes() {
        return queuedBytes();
    }

    @Override
    public boolean finished() {
        synchronized (lock) {
            dropStale();
            return endedEpoch == epoch && output.isEmpty() && input.isEmpty();
        }
    }

    public long decodeErrors() {
        synchronized (lock) {
            return decodeErrors;
        }
    }

    // Called on the decoder thread (from the decoder's onFrame).

    /** Queues a decoded frame, waiting while the queue is full; frames of an old epoch are released. */
    public void deliver(F frame, long frameEpoch) throws InterruptedException {
        synchronized (lock) {
            while (!closed && frameEpoch == epoch && output.size() >= outputCapacity) {
                lock.wait();
            }
            if (closed || frameEpoch != epoch) {
                frame.release();
                return;
            }
            output.addLast(new Output<>(frame, frameEpoch));
            framesOut++;
        }
        arrivals.signal();
    }

    private void decodeLoop() {
        try {
            while (true) {
                Input in;
                synchronized (lock) {
                    while (!closed && input.isEmpty()) {
                        lock.wait();
                    }
                    if (closed) {
                        return;
                    }
                    in = input.pollFirst();
                    if (in.marker() == Marker.PACKET) {
                        inputBytes -= in.packet().packet().data().length;
                    }
                }
                taken.run();
                switch (in.marker()) {
                    case FLUSH -> decoder.flush();
                    case END -> {
                        decoder.drain(in.epoch());
                        decoder.flush();
                        synchronized (lock) {
                            if (in.epoch() == epoch) {
                                endedEpoch = in.epoch();
                            }
                            lock.notifyAll();
                        }
                        arrivals.signal();
                    }
                    case PACKET -> decodePacket(in);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            problems.fatal(decoder.describe() + ": the decoder failed: " + e);
        }
    }

    private void decodePacket(Input in) throws InterruptedException {
        SourcePacket sp = in.packet();
        if (in.format() != null && !in.format().equals(decoder.format()) && !reopen(in.format(), in.epoch())) {
            return;
        }
        int rc = decoder.decode(sp.packet(), sp.skipStartSamples(), sp.skipEndSamples(), in.epoch());
        if (rc >= 0) {
            return;
        }
        long errors;
        long out;
        synchronized (lock) {
            errors = ++decodeErrors;
            out = framesOut;
        }
        String why = org.netstreamfx.player.ffmpeg.FfmpegErrors.describe(rc);
        if (errors == 1) {
            problems.decodeError(decoder.describe() + ": a packet at " + (sp.ptsUs() / 1e6)
                    + " s could not be decoded (" + why + "); skipping it");
        }
        if (out == 0 && errors >= FATAL_ERRORS_WITHOUT_OUTPUT) {
            problems.fatal(decoder.describe() + ": " + errors + " packets in a row could not be decoded ("
                    + why + "); the data is corrupt or not " + decoder.describe());
            synchronized (lock) {
                closed = true;
            }
        }
    }

    /**
     * Gives out the frames the old decoder holds, then opens one for {@code format}; false (and
     * the track fails) when it cannot be opened.
     */
    private boolean reopen(TrackFormat format, long atEpoch) throws InterruptedException {
        FfmpegDecoder old = decoder;
        old.drain(atEpoch);
        try {
            decoder = reopener.open(format);
        } catch (DecoderException e) {
            problems.fatal(e.getMessage());
            synchronized (lock) {
                closed = true;
            }
            return false;
        }
        old.close();
        return true;
    }

    /** Stops the decoder thread and frees the decoder and every queued frame. */
    public void close() {
        synchronized (lock) {
            closed = true;
            input.clear();
            while (!output.isEmpty()) {
                output.pollFirst().frame().release();
            }
            lock.notifyAll();
        }
        thread.interrupt();
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (decoder != null && !thread.isAlive()) {
            decoder.close();
        }
    }
}
