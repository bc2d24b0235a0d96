package org.netstreamfx.app.ui.player;

import org.netstreamfx.player.net.NetStatusCode;
import org.netstreamfx.player.net.NetStatusEvent;
import org.netstreamfx.player.net.StatusLevel;

/** What to tell the user to do about a warning or an error event. */
final class StatusAdvice {
    private StatusAdvice() {
    }

    /**
     * The notice for {@code e} while playing an address of {@code kind} (null before anything is
     * opened), or null when the event needs no notice (status level).
     */
    static Notice noticeFor(NetStatusEvent e, MediaAddress.Kind kind) {
        return noticeFor(e, kind, true);
    }

    /** As {@link #noticeFor(NetStatusEvent, MediaAddress.Kind)}; {@code picture}: the stream has video. */
    static Notice noticeFor(NetStatusEvent e, MediaAddress.Kind kind, boolean picture) {
        if (e.level() == StatusLevel.STATUS) {
            return null;
        }
        return new Notice(e.code(), e.level(), e.description(), adviceFor(e.code(), e.level(), kind, picture));
    }

    static String adviceFor(String code, StatusLevel level, MediaAddress.Kind kind) {
        return adviceFor(code, level, kind, true);
    }

    static String adviceFor(String code, StatusLevel level, MediaAddress.Kind kind, boolean picture) {
        boolean network = kind == MediaAddress.Kind.HTTP || kind == MediaAddress.Kind.RTMP;
        NetStatusCode known = null;
        for (NetStatusCode c : NetStatusCode.values()) {
            if (c.code().equals(code)) {
                known = c;
            }
        }
        if (known == null) {
            return level == StatusLevel.ERROR ? "Open the stream again; if it keeps failing, check the server's logs."
                    : "Playback goes on.";
        }
        return switch (known) {
            case NETSTREAM_PLAY_STREAMNOTFOUND -> network ? "Check the URL and that the server has this stream, then open it again."
                    : "Check the file path or the URL, then open it again.";
            case NETSTREAM_PLAY_FAILED -> network ? "Check that the server is reachable and serves H.264 with AAC in "
                    + "FLV or MP4, then open the URL again."
                    : "Open another file, or check that this one is H.264 with AAC in FLV or MP4.";
            case NETSTREAM_PLAY_INSUFFICIENTBW -> "Raise bufferTime, or play a lower bitrate stream.";
            case NETSTREAM_SEEK_INVALIDTIME -> "Seek within the part already loaded, or wait for more to download.";
            case NETSTREAM_SEEK_FAILED -> "Open a stream before seeking.";
            case NETCONNECTION_CONNECT_FAILED -> "Check the server address and that the server is running, then try again.";
            case NETCONNECTION_CONNECT_REJECTED -> "The server refused: check the application name and credentials.";
            case NETCONNECTION_CONNECT_INVALIDAPP -> "Check the application name in the URL (rtmp://host/app/stream).";
            case NETCONNECTION_CONNECT_APPSHUTDOWN -> "The server application stopped: open the stream again later.";
            case NSFX_CONNECT_STALLED -> "The server stopped answering: check the network, then open the stream again.";
            case NSFX_AUDIO_NODEVICE -> (picture ? "The picture plays without sound" : "Nothing can be heard")
                    + ": connect or enable an audio output and open the stream again.";
            case NSFX_DECODE_ERROR -> "Playback goes on; if the picture stays damaged, the file may be corrupt.";
            case NSFX_PLAYBACK_RATEIGNORED -> "A live stream plays at normal speed; the speed applies to files and "
                    + "recorded streams.";
            case NSFX_STEP_INVALID -> "Pause a file or recorded stream with video, then step frame by frame.";
            default -> level == StatusLevel.ERROR ? "Open the stream again; the event log has the details."
                    : "Playback goes on.";
        };
    }
}
