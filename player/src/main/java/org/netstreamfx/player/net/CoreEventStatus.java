package org.netstreamfx.player.net;

import org.netstreamfx.player.playback.CoreEvent;
import org.netstreamfx.player.playback.LoadControl;
import org.netstreamfx.player.playback.PlaybackCore;

/**
 * The NetStatus event each {@link CoreEvent} of the playback core becomes: its code, the sentence
 * the user reads, its details (seconds as Flash's API speaks them) and, for the end of the
 * stream, the onPlayStatus code that follows.
 *
 * @param playStatus onPlayStatus code sent after the status event, or null
 */
public record CoreEventStatus(NetStatusCode code, String description, Object details, String playStatus) {

    private static CoreEventStatus of(NetStatusCode code, String description, Object details) {
        return new CoreEventStatus(code, description, details, null);
    }

    /** What {@code event} says to the user. */
    public static CoreEventStatus of(CoreEvent event) {
        if (event instanceof CoreEvent.BufferFull e) {
            return of(NetStatusCode.NETSTREAM_BUFFER_FULL, "Buffer full: playing.", null);
        }
        if (event instanceof CoreEvent.BufferFlush e) {
            return of(NetStatusCode.NETSTREAM_BUFFER_FLUSH,
                "The stream has ended; playing out the buffer.", null);
        }
        if (event instanceof CoreEvent.BufferEmpty e) {
            return of(NetStatusCode.NETSTREAM_BUFFER_EMPTY,
                "Buffer empty: data is not arriving fast enough; waiting for " + seconds(e.bufferTimeUs()) + " s.",
                null);
        }
        if (event instanceof CoreEvent.Ended e) {
            return new CoreEventStatus(NetStatusCode.NETSTREAM_PLAY_STOP, "Stopped playing.", null,
                "NetStream.Play.Complete");
        }
        if (event instanceof CoreEvent.SeekNotify e) {
            return of(NetStatusCode.NETSTREAM_SEEK_NOTIFY,
                "Seeking " + seconds(e.atUs()) + " s.", seconds(e.atUs()));
        }
        if (event instanceof CoreEvent.PauseNotify e) {
            return of(NetStatusCode.NETSTREAM_PAUSE_NOTIFY,
                "Pausing at " + seconds(e.atUs()) + " s.", seconds(e.atUs()));
        }
        if (event instanceof CoreEvent.UnpauseNotify e) {
            return of(NetStatusCode.NETSTREAM_UNPAUSE_NOTIFY,
                "Resuming at " + seconds(e.atUs()) + " s.", seconds(e.atUs()));
        }
        if (event instanceof CoreEvent.StepNotify e) {
            return of(NetStatusCode.NETSTREAM_STEP_NOTIFY,
                "Stepped to the frame at " + seconds(e.atUs()) + " s.", seconds(e.atUs()));
        }
        if (event instanceof CoreEvent.StepInvalid e) {
            return of(NetStatusCode.NSFX_STEP_INVALID,
                "Cannot step " + e.frames() + " frame(s): " + why(e.refusal()) + ".", e.frames());
        }
        if (event instanceof CoreEvent.StepFailed e) {
            return of(NetStatusCode.NSFX_STEP_INVALID, "Cannot step: " + e.why() + ".", null);
        }
        if (event instanceof CoreEvent.RateChanged e) {
            return of(NetStatusCode.NSFX_PLAYBACK_RATE,
                "Playing at " + e.rate() + " x speed.", e.rate());
        }
        if (event instanceof CoreEvent.RateIgnored e) {
            return of(NetStatusCode.NSFX_PLAYBACK_RATEIGNORED,
                "A live stream plays at normal speed: the rate " + e.rate() + " applies to recorded media only.",
                e.rate());
        }
        if (event instanceof CoreEvent.LiveJoin e) {
            return of(NetStatusCode.NSFX_LIVE_JOIN, "Joined the live stream at its newest data: "
                + "skipped " + seconds(e.skippedUs()) + " s that arrived before the first picture.",
                seconds(e.skippedUs()));
        }
        if (event instanceof CoreEvent.LiveSkip e) {
            return of(NetStatusCode.NSFX_LIVE_JOIN, "The live stream was "
                + seconds(e.behindUs()) + " s behind its newest data, over " + LoadControl.LIVE_SKIP_FACTOR
                + " x its catch-up threshold " + seconds(e.thresholdUs()) + " s: skipped " + seconds(e.skippedUs())
                + " s to play " + seconds(e.bufferTimeUs()) + " s behind it.", seconds(e.skippedUs()));
        }
        if (event instanceof CoreEvent.LiveEdgeRequested e) {
            return of(NetStatusCode.NSFX_LIVE_JOIN, "Went to the live edge on request: "
                + "the stream was " + seconds(e.behindUs()) + " s behind its newest data; skipped "
                + seconds(e.skippedUs()) + " s to play " + seconds(e.bufferTimeUs()) + " s behind it.",
                seconds(e.skippedUs()));
        }
        if (event instanceof CoreEvent.CatchUp e) {
            return of(NetStatusCode.NSFX_LIVE_CATCHUP, e.on()
                ? "Live buffer " + seconds(e.bufferLengthUs()) + " s is over "
                        + (e.bufferTimeMax() ? "bufferTimeMax " : "the default catch-up threshold ")
                        + seconds(e.thresholdUs()) + " s: playing "
                        + Math.round((LoadControl.CATCH_UP_RATE - 1) * 100) + " % faster until it is back at "
                        + seconds(e.bufferTimeUs()) + " s."
                : "Live buffer back at " + seconds(e.bufferLengthUs()) + " s: playing at normal speed.", e.rate());
        }
        if (event instanceof CoreEvent.Underrun e) {
            return of(NetStatusCode.NSFX_AUDIO_UNDERRUN, "The audio device ran dry (underrun "
                + e.count() + "): sound was not ready in time, so a gap was heard.", e.count());
        }
        if (event instanceof CoreEvent.NoDevice e) {
            return of(NetStatusCode.NSFX_AUDIO_NODEVICE,
                e.why() + "; audio is decoded and timed on the wall clock but not heard.", null);
        }
        if (event instanceof CoreEvent.DeviceLost e) {
            return of(NetStatusCode.NSFX_AUDIO_DEVICELOST, e.why()
                + "; playing on without sound, on the wall clock. The next play uses the device again.", null);
        }
        throw new IllegalArgumentException("unknown core event " + event);
    }

    private static String why(CoreEvent.StepRefusal refusal) {
        return switch (refusal) {
            case NOTHING_PLAYING -> "nothing is playing";
            case LIVE -> "a live stream cannot step";
            case NOT_PAUSED -> "steps are made while paused (pause first)";
            case NO_VIDEO -> "the stream has no video";
            case NOTHING_SHOWN -> "no frame is shown yet";
            case ZERO_FRAMES -> "a step of 0 frames does nothing";
            case TOO_MANY_FRAMES -> "a step may move at most " + PlaybackCore.MAX_STEP_FRAMES + " frames";
            case LAST_FRAME_SHOWN -> "the last frame is shown";
            case FIRST_FRAME_SHOWN -> "the first frame is shown";
        };
    }

    /** µs as seconds rounded to the millisecond, as the events have always said them. */
    private static double seconds(long us) {
        return Math.round(us / 1000.0) / 1000.0;
    }
}
