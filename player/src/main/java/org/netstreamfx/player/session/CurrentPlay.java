package org.netstreamfx.player.session;

import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import org.netstreamfx.player.media.TrackKind;
import org.netstreamfx.player.source.SourceDescription;

/**
 * What a NetStream is playing now: the {@link PlaybackSession} and, over RTMP, the
 * {@link RtmpPlay} that feeds it. The NetStream's playback controls (pause, seek, receiveAudio,
 * receiveVideo, bufferTime) reach both through here; {@link #close} ends both, the session first.
 *
 * <p>Nothing here waits on the caller's thread: switching what plays is immediate, and the work
 * that may wait (starting a session, joining the threads of the one before and closing its
 * source, decoders and sink, the RTMP stream commands, finishing a recording) is queued on the
 * stream's {@link StreamWorker}, in order. A session is started only after the one before it has
 * been released, so its events never come before the last of the old one's.
 *
 * <p>Every command for the RTMP server (pause, seek, receiveAudio, receiveVideo, buffer length)
 * goes from here to the {@link RtmpPlay} on the stream's thread; a seek's command follows once the
 * session's pipeline has flushed its source to the new position ({@link #flushedTo}).
 *
 * <p>Thread ownership: called from any thread through the NetStream's public methods, by the
 * RtmpPlay on the connection's reader thread, and by the session on its playback thread; what
 * plays is switched under this object's lock, and read from volatile fields.
 */
public final class CurrentPlay {
    private final SessionHost host;
    private final StreamWorker worker = new StreamWorker();
    private volatile PlaybackSession session;
    private volatile RtmpPlay rtmp;
    // Guarded by this: the recording of what plays, and whether it is attached to the session.
    private PlayRecording recording;
    private boolean recordingAttached;
    /** Makes the health tap of each session that plays (NetStream.setHealthProfile); null: no analysis. */
    private volatile java.util.function.Supplier<org.netstreamfx.player.playback.PipelineTap> health;

    /** @param host the stream what plays reports to */
    public CurrentPlay(SessionHost host) {
        this.host = host;
    }

    /** The stream what plays reports to. */
    SessionHost host() {
        return host;
    }

    /**
     * Makes {@code s} (and {@code p} over RTMP, else null) what plays now, and starts them on the
     * stream's thread once what played before is released; call {@link #close} first.
     */
    public void start(PlaybackSession s, RtmpPlay p) {
        synchronized (this) {
            rtmp = p;
            session = s;
            if (recording != null && !recordingAttached) {
                recordingAttached = true;
                s.setTap(recording.newTap());
            }
            var h = health;
            if (h != null) {
                s.setHealthTap(h.get());
            }
        }
        if (p != null) {
            host.rtmpStarted();
        }
        worker.run(() -> {
            s.start();
            if (p != null) {
                p.start();
            }
        });
    }

    /**
     * Analyses the health of what plays now and of every play after, each with a tap {@code taps}
     * makes; null stops it. Off by default.
     */
    public void setHealth(java.util.function.Supplier<org.netstreamfx.player.playback.PipelineTap> taps) {
        PlaybackSession s;
        synchronized (this) {
            health = taps;
            s = session;
        }
        if (s != null) {
            s.setHealthTap(taps == null ? null : taps.get());
        }
    }

    /** Runs {@code task} on the stream's thread, after the work queued before it. */
    public void later(Runnable task) {
        worker.run(task);
    }

    /** A session's figures become the stream's only while it is what plays. */
    synchronized void publish(PlaybackSession from, Snapshot snapshot) {
        if (session == from) {
            host.snapshot(snapshot);
        }
    }

    /**
     * Records what plays now, or what the next play() plays, with {@code r}, until that play ends
     * (end of stream, close(), another play(); not the replay after an RTMP reconnect) or
     * {@link #stopRecording()}. Replaces (stops) an earlier recording.
     */
    public void record(PlayRecording r) {
        stopRecording();
        PlaybackSession s;
        synchronized (this) {
            recording = r;
            s = session;
            recordingAttached = s != null;
        }
        if (s != null) {
            s.setTap(r.newTap());
        }
    }

    /**
     * Before the replay after an RTMP reconnect: the recording is kept for the next session (it
     * goes on in the same file, the gap marked) instead of ending with this one.
     */
    public void keepRecordingForReplay() {
        PlayRecording r;
        synchronized (this) {
            r = recording;
            recordingAttached = false;
        }
        if (r != null) {
            r.reconnected();
        }
    }

    /** Ends the recording, if any: Record.Stop once the file is complete, on the stream's thread. */
    public void stopRecording() {
        PlayRecording r;
        PlaybackSession s;
        synchronized (this) {
            r = recording;
            s = session;
            recording = null;
            recordingAttached = false;
        }
        if (r != null) {
            if (s != null) {
                s.setTap(null);
            }
            worker.run(r::stop);
        }
    }

    /**
     * Under this lock: a recording pending for the next play() is kept; one attached to this play
     * is detached and returned, to be stopped (null if none).
     */
    private PlayRecording detachAttachedRecording() {
        if (!recordingAttached) {
            return null;
        }
        PlayRecording r = recording;
        recording = null;
        recordingAttached = false;
        return r;
    }

    public PlaybackSession session() {
        return session;
    }

    public RtmpPlay rtmp() {
        return rtmp;
    }

    public boolean isRtmp() {
        return rtmp != null;
    }

    public boolean isCurrent(RtmpPlay p) {
        return rtmp == p;
    }

    public void withSession(Consumer<PlaybackSession> action) {
        PlaybackSession s = session;
        if (s != null) {
            action.accept(s);
        }
    }

    /**
     * Runs {@code command} for the RTMP play of what plays now, if any, on the stream's thread after
     * the work queued before it: the one path by which the stream's commands reach the server.
     */
    private void toServer(Consumer<RtmpPlay> command) {
        RtmpPlay p = rtmp;
        if (p != null) {
            worker.run(() -> command.accept(p));
        }
    }

    /** Pauses or resumes the session; over RTMP also the pause command at {@code positionMs}. */
    public void pause(Boolean pause, long positionMs) {
        if (pause == null) {
            withSession(PlaybackSession::togglePause);
        } else {
            withSession(pause ? PlaybackSession::pause : PlaybackSession::resume);
        }
        toServer(p -> p.pause(pause == null ? !p.paused() : pause, positionMs));
    }

    /**
     * The session {@code from} flushed its pipeline to {@code targetUs} for a seek or a frame step
     * (playback thread): over RTMP the seek command follows, on the stream's thread, in
     * milliseconds. A session that is no longer what plays asks nothing.
     */
    void flushedTo(PlaybackSession from, long targetUs) {
        if (session == from) {
            toServer(p -> p.seek(Math.round(targetUs / 1000.0)));
        }
    }

    /** Seek to {@code seconds}, or the reason it cannot be done as Seek.Failed or Seek.InvalidTime. */
    public void seek(double seconds, SourceDescription d) {
        PlaybackSession s = session;
        if (s == null) {
            host.status(new SessionEvent.SeekWithoutPlay(seconds));
            return;
        }
        if (Double.isNaN(seconds)) {
            host.status(new SessionEvent.SeekNotANumber());
            return;
        }
        if (rtmp == null && d != null && d.durationUs() >= 0 && seconds * 1e6 > d.durationUs()) {
            host.status(new SessionEvent.SeekPastEnd(seconds, d.durationUs()));
            return;
        }
        s.seek(Math.round(Math.max(0, seconds) * 1e6));
    }

    /** receiveAudio / receiveVideo (7.2.2.4, 7.2.2.5): locally, and over RTMP the command too. */
    public void receive(TrackKind kind, boolean on) {
        withSession(s -> s.receive(kind, on));
        toServer(p -> {
            if (kind == TrackKind.AUDIO) {
                p.receiveAudio(on);
            } else {
                p.receiveVideo(on);
            }
        });
    }

    /** The playback rate of what plays now (the session checks live streams). */
    public void setPlaybackRate(double rate) {
        withSession(s -> s.setPlaybackRate(rate));
    }

    /** NetStream.step: Step.Invalid when nothing plays. */
    public void step(int frames) {
        PlaybackSession s = session;
        if (s == null) {
            host.status(new SessionEvent.StepWithoutPlay(frames));
            return;
        }
        s.step(frames);
    }

    public void setBufferTime(double seconds) {
        withSession(s -> s.setBufferTimeUs(Math.round(seconds * 1e6)));
        toServer(p -> p.setBufferTimeMs(Math.round(seconds * 1000)));
    }

    public long bytesLoaded() {
        PlaybackSession s = session;
        return s == null ? 0 : s.bytesLoaded();
    }

    public long bytesTotal() {
        PlaybackSession s = session;
        return s == null ? -1 : s.bytesTotal();
    }

    /** The connection is gone for good: the RTMP source fails with {@code description}. */
    public void connectionLost(String description) {
        RtmpPlay p = rtmp;
        if (p != null) {
            p.connectionLost(description);
        }
    }

    /**
     * The server refused or failed the play: the local pipeline stops without an error of its own.
     * Called on the connection's reader thread; the session is released on the stream's thread.
     */
    void serverEnded(RtmpPlay p) {
        PlaybackSession s;
        PlayRecording r;
        synchronized (this) {
            if (rtmp != p) {
                return;
            }
            s = session;
            session = null;
            r = detachAttachedRecording();
        }
        stopNow(s, r);
        worker.run(() -> {
            release(s, r);
            p.source().end();
        });
    }

    /**
     * Ends what plays: nothing more is reported from it from now on, and its threads, source,
     * decoders and sink are released on the stream's thread, then {@code after} runs there. The
     * stage completes once all that is done. Returns at once.
     */
    public CompletionStage<Void> close(Runnable after) {
        PlaybackSession s;
        RtmpPlay p;
        PlayRecording r;
        synchronized (this) {
            s = session;
            p = rtmp;
            session = null;
            rtmp = null;
            r = detachAttachedRecording();
        }
        stopNow(s, r);
        if (p != null) {
            host.rtmpEnded();
        }
        return worker.call(() -> {
            // The session first: once it is closed nothing more is reported, so a close by the user
            // never turns into a Play.Failed from a source that ended early.
            release(s, r);
            if (p != null) {
                p.close();
            }
            after.run();
        });
    }

    /** On the caller's thread: the session stops reporting and running commands; its recording is untapped. */
    private static void stopNow(PlaybackSession s, PlayRecording r) {
        if (s != null) {
            if (r != null) {
                s.setTap(null);
            }
            s.stop();
        }
    }

    /** On the stream's thread: the recording is finished, then the session's threads joined and its resources freed. */
    private static void release(PlaybackSession s, PlayRecording r) {
        // The recording before the session: releasing the session interrupts its demux thread,
        // which would close the recorder's file channel under a write in progress.
        if (r != null) {
            r.stop();
        }
        if (s != null) {
            s.release();
        }
    }
}
