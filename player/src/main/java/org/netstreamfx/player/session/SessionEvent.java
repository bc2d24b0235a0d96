package org.netstreamfx.player.session;

import java.io.IOException;
import java.util.List;
import org.netstreamfx.player.media.StreamTrack;
import org.netstreamfx.player.media.TrackKind;
import org.netstreamfx.player.source.LiveTimeline;

/**
 * What a play session reports beyond the playback core's {@link org.netstreamfx.player.playback.CoreEvent}s:
 * the start, the failures, the seeks and steps it refused, as typed values. The sessions say what
 * happened; {@code net/} (the Flash API, which owns NetStatus) turns each into its NetStatus code,
 * description sentence and details, so the sessions stay free of the API layer. Times are µs.
 */
public sealed interface SessionEvent {
    /** The source opened: playing {@code name} (the stream's shown name). */
    record PlayStarted(String name) implements SessionEvent { }

    /** The source could not be opened ({@code error}: not found, malformed, or another failure). */
    record OpenFailed(IOException error, String name) implements SessionEvent { }

    /** The pipeline failed while playing, for the reason {@code description}. */
    record PlayFailed(String description, String name) implements SessionEvent { }

    /** A command for the RTMP stream could not be sent ({@code why}). */
    record SendFailed(String why, String name) implements SessionEvent { }

    /** A seek to {@code requestedUs} beyond what a download has reached ({@code lastValidUs}). */
    record SeekBeyondDownload(long requestedUs, long lastValidUs) implements SessionEvent { }

    /** The source could not seek to {@code requestedUs} ({@code why}). */
    record SeekFailed(long requestedUs, String why) implements SessionEvent { }

    /** seek({@code seconds}) while nothing plays. */
    record SeekWithoutPlay(double seconds) implements SessionEvent { }

    /** seek(NaN). */
    record SeekNotANumber() implements SessionEvent { }

    /** seek({@code seconds}) past the end of a stream {@code durationUs} long. */
    record SeekPastEnd(double seconds, long durationUs) implements SessionEvent { }

    /** step({@code frames}) while nothing plays. */
    record StepWithoutPlay(int frames) implements SessionEvent { }

    /** A packet could not be decoded ({@code description}); playing goes on. */
    record DecodeError(String description) implements SessionEvent { }

    /** A live RTMP stream's timestamps jumped; the timeline goes on. */
    record LiveDiscontinuity(LiveTimeline.LiveDiscontinuity jump) implements SessionEvent { }

    /** From {@code atUs} on, Enhanced RTMP track {@code to} of {@code kind} plays instead of {@code from}. */
    record TrackSwitched(TrackKind kind, int from, int to, long atUs) implements SessionEvent { }

    /** The stream's listing of its audio and video tracks changed to {@code tracks}. */
    record TracksChanged(List<StreamTrack> tracks) implements SessionEvent {
        public TracksChanged {
            tracks = List.copyOf(tracks);
        }

        /** True for an Enhanced RTMP multitrack stream (see {@link StreamTrack#multitrack}). */
        public boolean multitrack() {
            return StreamTrack.multitrack(tracks);
        }
    }
}
