package org.netstreamfx.player.net;

import java.util.LinkedHashMap;
import java.util.Map;
import org.netstreamfx.player.session.SessionEvent;
import org.netstreamfx.player.source.StreamNotFoundException;
import org.netstreamfx.player.wire.WireFormatException;

/**
 * The NetStatus event each {@link SessionEvent} of a play session becomes: its code, the sentence
 * the user reads and its details (seconds as Flash's API speaks them). The sessions live below the
 * API layer and say what happened in numbers; the words are the API's, as {@link CoreEventStatus}
 * has them for the playback core.
 */
public record SessionEventStatus(NetStatusCode code, String description, Object details) {

    /** What {@code event} says to the user. */
    public static SessionEventStatus of(SessionEvent event) {
        if (event instanceof SessionEvent.PlayStarted e) {
            return new SessionEventStatus(NetStatusCode.NETSTREAM_PLAY_START, "Started playing " + e.name() + ".",
                    e.name());
        }
        if (event instanceof SessionEvent.OpenFailed e) {
            if (e.error() instanceof StreamNotFoundException) {
                return new SessionEventStatus(NetStatusCode.NETSTREAM_PLAY_STREAMNOTFOUND, e.error().getMessage(),
                        e.name());
            }
            String what = e.error() instanceof WireFormatException ? "Malformed data: " : "";
            return new SessionEventStatus(NetStatusCode.NETSTREAM_PLAY_FAILED, what + e.error().getMessage(),
                    e.name());
        }
        if (event instanceof SessionEvent.PlayFailed e) {
            return new SessionEventStatus(NetStatusCode.NETSTREAM_PLAY_FAILED, e.description(), e.name());
        }
        if (event instanceof SessionEvent.SendFailed e) {
            return new SessionEventStatus(NetStatusCode.NETSTREAM_PLAY_FAILED, "Could not send to the server: "
                    + e.why(), e.name());
        }
        if (event instanceof SessionEvent.SeekBeyondDownload e) {
            return new SessionEventStatus(NetStatusCode.NETSTREAM_SEEK_INVALIDTIME, "Cannot seek to "
                    + e.requestedUs() / 1e6 + " s: only up to " + e.lastValidUs() / 1e6 + " s has been downloaded.",
                    e.lastValidUs() / 1e6);
        }
        if (event instanceof SessionEvent.SeekFailed e) {
            return new SessionEventStatus(NetStatusCode.NETSTREAM_SEEK_FAILED, "Seek to " + e.requestedUs() / 1e6
                    + " s failed: " + e.why(), e.requestedUs() / 1e6);
        }
        if (event instanceof SessionEvent.SeekWithoutPlay e) {
            return new SessionEventStatus(NetStatusCode.NETSTREAM_SEEK_FAILED,
                    "Nothing is playing: call play() before seek().", e.seconds());
        }
        if (event instanceof SessionEvent.SeekNotANumber) {
            return new SessionEventStatus(NetStatusCode.NETSTREAM_SEEK_INVALIDTIME, "Seek time is not a number.", 0.0);
        }
        if (event instanceof SessionEvent.SeekPastEnd e) {
            return new SessionEventStatus(NetStatusCode.NETSTREAM_SEEK_INVALIDTIME, "Cannot seek to " + e.seconds()
                    + " s: the stream is " + e.durationUs() / 1e6 + " s long.", e.durationUs() / 1e6);
        }
        if (event instanceof SessionEvent.StepWithoutPlay e) {
            return new SessionEventStatus(NetStatusCode.NSFX_STEP_INVALID, "Cannot step " + e.frames()
                    + " frame(s): nothing is playing.", e.frames());
        }
        if (event instanceof SessionEvent.DecodeError e) {
            return new SessionEventStatus(NetStatusCode.NSFX_DECODE_ERROR, e.description(), null);
        }
        if (event instanceof SessionEvent.LiveDiscontinuity e) {
            var d = e.jump();
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("reason", d.reason());
            details.put("fromMs", d.fromMs());
            details.put("toMs", d.toMs());
            details.put("jumpMs", d.jumpMs());
            details.put("continuesAt", d.continuesAtMs() / 1000.0);
            return new SessionEventStatus(NetStatusCode.NSFX_LIVE_DISCONTINUITY, "Live timestamps jumped from "
                    + d.fromMs() + " ms to " + d.toMs() + " ms (" + d.reason() + ", " + (d.jumpMs() >= 0 ? "+" : "")
                    + d.jumpMs() + " ms): the timeline goes on without waiting for them.", details);
        }
        if (event instanceof SessionEvent.TracksChanged e) {
            return TrackListing.changed(e.tracks());
        }
        if (event instanceof SessionEvent.TrackSwitched e) {
            return TrackListing.switched(e);
        }
        throw new IllegalArgumentException("unknown session event " + event);
    }
}
