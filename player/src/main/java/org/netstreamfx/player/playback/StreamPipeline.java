package org.netstreamfx.player.playback;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import org.netstreamfx.player.decode.DecoderException;
import org.netstreamfx.player.decode.FfmpegAudioDecoder;
import org.netstreamfx.player.decode.FfmpegVideoDecoder;
import org.netstreamfx.player.decode.VideoFramePool;
import org.netstreamfx.player.media.StreamTrack;
import org.netstreamfx.player.media.TrackFormat;
import org.netstreamfx.player.media.TrackKind;
import org.netstreamfx.player.sink.AudioChunk;
import org.netstreamfx.player.sink.VideoFrame;
import org.netstreamfx.player.source.DataMessage;
import org.netstreamfx.player.source.MediaSource;
import org.netstreamfx.player.source.ReadWokenException;
import org.netstreamfx.player.source.SourceDescription;
import org.netstreamfx.player.source.SourceItem;
import org.netstreamfx.player.source.SourcePacket;

/**
 * Source → packet buffer → per-track decoders, driven by the stream's demux thread
 * ("nsfx-demux-N"). It reads ahead of the playhead by {@code readAheadUs} (or until
 * {@link #MAX_QUEUED_BYTES} of compressed data wait), carries out seeks, and exposes the decoded
 * tracks to the playback core as a {@link PlaybackFeed}.
 */
public final class StreamPipeline implements PlaybackFeed, AutoCloseable {
    /** Compressed bytes that may wait in the packet buffer, across tracks. */
    public static final long MAX_QUEUED_BYTES = 64L * 1024 * 1024;
    /** Decoded pictures that may wait for their time (each a BGRA buffer from the pool). */
    private static final int VIDEO_FRAMES_QUEUED = 6;
    /** Decoded audio chunks that may wait (about 1 s of AAC). */
    private static final int AUDIO_CHUNKS_QUEUED = 48;
    private static final AtomicInteger IDS = new AtomicInteger();

    /** How a source is made; called on the demux thread, so slow opens block nobody. */
    @FunctionalInterface
    public interface SourceOpener {
        MediaSource open() throws IOException;
    }

    private final int id = IDS.incrementAndGet();
    private final SourceOpener opener;
    private final PipelineListener listener;
    /** The source's track listing last handed to the listener (demux thread). */
    private List<StreamTrack> listedTracks = List.of();
    private final Thread thread;
    private final Object lock = new Object();
    /** Signalled by both decoder threads: fast mode waits on it instead of polling. */
    private final FrameSignal arrivals = new FrameSignal();
    private final ArrayDeque<DataMessage> data = new ArrayDeque<>();
    private volatile MediaSource source;
    private volatile SourceDescription opened;
    private volatile PipelineTap tap;
    private volatile TrackPipeline<VideoFrame> video;
    private volatile TrackPipeline<AudioChunk> audio;
    private final TrackDecoders decoders = new TrackDecoders();
    private final TrackSelection trackSelection;
    private VideoFramePool framePool;
    // Written once on the demux thread before the tracks start.
    private int videoIndex = -1;
    private int audioIndex = -1;

    // Guarded by lock.
    private long readAheadUs;
    private long playheadUs;
    private long epoch;
    private long endedEpoch = -1;
    private long seekTargetUs = -1;
    private long dataFloorUs = Long.MIN_VALUE;
    private boolean closed;
    private boolean waiting;

    public StreamPipeline(SourceOpener opener, PipelineListener listener, long readAheadUs) {
        this.opener = opener;
        this.listener = listener;
        this.trackSelection = new TrackSelection(listener);
        this.readAheadUs = readAheadUs;
        this.thread = new Thread(this::run, "nsfx-demux-" + id);
        this.thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    // Called on the playback thread.

    public void requestSeek(long targetUs) {
        synchronized (lock) {
            seekTargetUs = Math.max(0, targetUs);
            lock.notifyAll();
        }
        MediaSource s = source;
        if (s != null && opened != null) { // once open: the loop looks at the seek before its first read
            s.wakeReader(); // a read waiting on a paused server would otherwise hold the seek back
        }
    }

    public void setReadAheadUs(long us) {
        synchronized (lock) {
            readAheadUs = us;
            lock.notifyAll();
        }
    }

    /** Hands every item read from now on to {@code t} as well (null: none). Any thread. */
    public void setTap(PipelineTap t) {
        tap = t;
    }

    public void setTrackEnabled(TrackKind kind, boolean on) {
        TrackPipeline<?> t = kind == TrackKind.VIDEO ? video : audio;
        if (t != null) {
            t.setEnabled(on);
        }
    }

    @Override
    public void playheadMoved(long positionUs) {
        synchronized (lock) {
            if (positionUs == playheadUs) {
                return; // paused, or a step between two clock ticks: the read-ahead rule sees no change
            }
            playheadUs = positionUs;
            if (waiting) {
                lock.notifyAll();
            }
        }
    }

    /**
     * A track gave up a packet or a frame, or was enabled again (decoder or playback thread):
     * the read-ahead rule may now let the demux thread read on, so it looks again.
     */
    private void trackTaken() {
        synchronized (lock) {
            if (waiting) {
                lock.notifyAll();
            }
        }
    }

    @Override
    public TrackOutput<VideoFrame> video() {
        return video;
    }

    @Override
    public TrackOutput<AudioChunk> audio() {
        return audio;
    }

    @Override
    public DataMessage pollData(long upToUs) {
        synchronized (lock) {
            while (!data.isEmpty() && data.peekFirst().ptsUs() < dataFloorUs) {
                data.pollFirst();
            }
            DataMessage m = data.peekFirst();
            if (m != null && m.ptsUs() <= upToUs) {
                return data.pollFirst();
            }
            return null;
        }
    }

    @Override
    public FrameSignal arrivals() {
        return arrivals;
    }

    @Override
    public boolean sourceEnded() {
        synchronized (lock) {
            return endedEpoch == epoch && seekTargetUs < 0;
        }
    }

    public long bytesLoaded() {
        MediaSource s = source;
        return s == null ? 0 : s.bytesLoaded();
    }

    public long bytesTotal() {
        MediaSource s = source;
        return s == null ? -1 : s.bytesTotal();
    }

    public long decodedVideoFrames() {
        return decoders.decodedVideoFrames();
    }

    public long decodedAudioSamples() {
        return decoders.decodedAudioSamples();
    }

    /** The Enhanced RTMP track of {@code kind} that plays (0 for a single-track stream), or -1 when none does. Any thread. */
    public int playingTrack(TrackKind kind) {
        return trackSelection.playing(kind);
    }

    /** Plays Enhanced RTMP track {@code trackId} of {@code kind} (see {@link TrackSelection}). Any thread. */
    public void selectTrack(TrackKind kind, int trackId) {
        trackSelection.select(kind, trackId);
    }

    /** Compressed bytes of one track waiting to be decoded (0 when the stream has no such track). */
    public long queuedBytes(TrackKind kind) {
        TrackPipeline<?> t = kind == TrackKind.VIDEO ? video : audio;
        return t == null ? 0 : t.queuedBytes();
    }

    public long decodeErrors() {
        long n = 0;
        if (video != null) {
            n += video.decodeErrors();
        }
        if (audio != null) {
            n += audio.decodeErrors();
        }
        return n;
    }

    /** The profile the audio decoder found in the bitstream (implicit SBR/PS), or "". */
    public String detectedAudioProfile() {
        return decoders.detectedAudioProfile();
    }

    // Called on the demux thread.

    private void run() {
        SourceDescription description;
        try {
            MediaSource s = opener.open();
            trackSelection.made(s);
            source = s;
            description = s.open();
            startTracks(description);
        } catch (IOException e) {
            listener.openFailed(e);
            return;
        } catch (RuntimeException e) {
            listener.openFailed(new IOException("Could not open the stream: " + e, e));
            return;
        }
        opened = description;
        trackSelection.opened();
        listedTracks = source.streamTracks();
        if (!listedTracks.isEmpty()) {
            listener.tracksChanged(listedTracks); // before opened: the onMetaData made at opened lists them
        }
        listener.opened(description);
        try {
            demuxLoop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void startTracks(SourceDescription d) throws DecoderException {
        for (TrackFormat f : d.tracks()) {
            TrackPipeline.Problems problems = new TrackPipeline.Problems() {
                @Override
                public void decodeError(String description) {
                    listener.decodeError(description);
                }

                @Override
                public void fatal(String description) {
                    listener.failed(description);
                }
            };
            if (f.kind() == TrackKind.VIDEO) {
                TrackPipeline<VideoFrame> t = new TrackPipeline<>("nsfx-vdec-" + id, VIDEO_FRAMES_QUEUED, problems,
                        arrivals, this::trackTaken);
                framePool = new VideoFramePool(VIDEO_FRAMES_QUEUED + 3);
                boolean live = live(d);
                FfmpegVideoDecoder dec = decoders.openVideo(f, framePool, t::deliver, live);
                videoIndex = f.index();
                t.start(dec, next -> decoders.openVideo(next, framePool, t::deliver, live));
                video = t;
            } else {
                TrackPipeline<AudioChunk> t = new TrackPipeline<>("nsfx-adec-" + id, AUDIO_CHUNKS_QUEUED, problems,
                        arrivals, this::trackTaken);
                FfmpegAudioDecoder dec = decoders.openAudio(f, t::deliver);
                audioIndex = f.index();
                t.start(dec, next -> decoders.openAudio(next, t::deliver));
                audio = t;
            }
        }
    }

    /** A live stream (RTMP live, HTTP-FLV): nothing to seek, no known end; pictures are shown as they come. */
    static boolean live(SourceDescription d) {
        return !d.seekable() && d.durationUs() < 0;
    }

    /**
     * Reads, routes and seeks until closed. Between reads it waits, with no time limit, while the
     * source has ended or the read-ahead is full; everything that can end that wait notifies
     * {@code lock}: {@link #requestSeek}, {@link #close}, {@link #setReadAheadUs},
     * {@link #playheadMoved} (a new position), and the tracks ({@link #trackTaken}: a packet
     * decoded, a frame taken, a track enabled). A source with nothing to give yet (a live stream)
     * blocks in its own {@link MediaSource#read}, which {@link #close} unblocks.
     */
    private void demuxLoop() throws InterruptedException {
        while (true) {
            long target;
            long readEpoch;
            synchronized (lock) {
                while (!closed && seekTargetUs < 0 && (endedEpoch == epoch || aheadEnough())) {
                    waiting = true;
                    lock.wait();
                    waiting = false;
                }
                if (closed) {
                    return;
                }
                target = seekTargetUs;
                readEpoch = epoch;
            }
            if (target >= 0) {
                doSeek(target);
                continue;
            }
            SourceItem item;
            try {
                item = source.read();
            } catch (ReadWokenException woken) {
                continue; // a seek is waiting
            } catch (IOException | RuntimeException e) {
                listener.failed(e.getMessage() == null ? e.toString() : e.getMessage());
                synchronized (lock) {
                    endedEpoch = epoch;
                }
                return;
            }
            route(item, readEpoch);
            if (source.streamTracks() != listedTracks) {
                listedTracks = source.streamTracks();
                listener.tracksChanged(listedTracks);
            }
            listener.received();
        }
    }

    private boolean aheadEnough() {
        long bytes = 0;
        List<Track> tracks = new ArrayList<>(2);
        for (TrackPipeline<?> t : new TrackPipeline<?>[] {video, audio}) {
            if (t != null) {
                tracks.add(new Track(t.bufferedEndUs(), t.starved()));
                bytes += t.queuedBytes();
            }
        }
        return aheadEnough(tracks, bytes, playheadUs, readAheadUs);
    }

    /** What the read-ahead rule needs of a track: its buffered end, and whether its decoder waits for data. */
    record Track(long bufferedEndUs, boolean starved) {}

    /**
     * Whether the demuxer may stop reading: every track is {@code readAheadUs} ahead of the
     * playhead, or {@link #MAX_QUEUED_BYTES} wait. A track whose decoder has nothing queued and
     * nothing decoded ({@link TrackPipeline#starved}) is never ahead, whatever its timestamps say:
     * a decoder may hold packets back (AAC's priming, B-frame reordering), and a file whose packets
     * last absurdly long (an mdhd timescale of 0, which FFmpeg replaces with 1) puts a track's
     * buffered end far ahead after a packet or two. Stopping then left the decoder without the
     * packet it needed to give out its first frame, and the playhead waiting for that frame:
     * a hang (the mutant "mov: … set32@1314=0x0 # moov/trak/mdia/mdhd timescale" in
     * FileMutantFuzzTest.REGRESSIONS).
     */
    static boolean aheadEnough(List<Track> tracks, long queuedBytes, long playheadUs, long readAheadUs) {
        if (queuedBytes >= MAX_QUEUED_BYTES) {
            return true;
        }
        long ahead = Long.MAX_VALUE;
        for (Track t : tracks) {
            if (t.starved()) {
                return false;
            }
            ahead = Math.min(ahead, t.bufferedEndUs() == TrackOutput.NOTHING ? 0 : t.bufferedEndUs() - playheadUs);
        }
        return ahead >= readAheadUs;
    }

    private void route(SourceItem item, long readEpoch) {
        PipelineTap t = tap;
        if (t != null && opened != null) {
            t.item(opened, item);
        }
        if (item == null) {
            synchronized (lock) {
                if (readEpoch != epoch) {
                    return;
                }
                endedEpoch = epoch;
            }
            if (video != null) {
                video.endOfStream(readEpoch);
            }
            if (audio != null) {
                audio.endOfStream(readEpoch);
            }
            return;
        }
        if (item instanceof DataMessage m) {
            synchronized (lock) {
                if (readEpoch == epoch) {
                    data.addLast(m);
                }
            }
            return;
        }
        SourcePacket p = (SourcePacket) item;
        int index = p.packet().trackIndex();
        if (video != null && index == videoIndex) {
            trackSelection.routed(TrackKind.VIDEO, p);
            video.offer(p, readEpoch);
        } else if (audio != null && index == audioIndex) {
            trackSelection.routed(TrackKind.AUDIO, p);
            audio.offer(p, readEpoch);
        }
    }

    private void doSeek(long targetUs) {
        MediaSource s = source;
        OptionalLong until = s.seekableUntilUs();
        if (until.isPresent() && targetUs > until.getAsLong()) {
            synchronized (lock) {
                seekTargetUs = -1;
            }
            listener.seekInvalid(targetUs, until.getAsLong());
            return;
        }
        try {
            s.seek(targetUs);
        } catch (IOException | RuntimeException e) {
            synchronized (lock) {
                seekTargetUs = -1;
            }
            listener.seekFailed(targetUs, e.getMessage());
            return;
        }
        long newEpoch;
        synchronized (lock) {
            newEpoch = ++epoch;
            if (seekTargetUs == targetUs) {
                seekTargetUs = -1;
            }
            data.clear();
            dataFloorUs = targetUs;
            playheadUs = targetUs;
        }
        if (video != null) {
            video.reset(newEpoch);
        }
        if (audio != null) {
            audio.reset(newEpoch);
        }
        PipelineTap t = tap;
        if (t != null) {
            t.seeked(targetUs);
        }
        listener.seekDone(targetUs);
    }

    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            lock.notifyAll();
        }
        MediaSource s = source;
        thread.interrupt();
        try {
            thread.join(3_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (video != null) {
            video.close();
        }
        if (audio != null) {
            audio.close();
        }
        if (framePool != null) {
            framePool.close();
        }
        if (s != null && !thread.isAlive()) {
            s.close();
        }
    }
}
