package org.netstreamfx.player.net;

import java.util.Optional;

/**
 * Every NetStatusEvent code the engine raises, with its level (AS3 reference,
 * flash.events.NetStatusEvent; see NETSTREAM.md). Servers may send codes not listed here; those
 * travel as strings in {@link NetStatusEvent#code()}. Codes under {@code NetStreamFX.} are this
 * product's own additions, for what Flash had no code for.
 */
public enum NetStatusCode {
    NETSTREAM_BUFFER_EMPTY("NetStream.Buffer.Empty", StatusLevel.STATUS),
    NETSTREAM_BUFFER_FULL("NetStream.Buffer.Full", StatusLevel.STATUS),
    NETSTREAM_BUFFER_FLUSH("NetStream.Buffer.Flush", StatusLevel.STATUS),
    NETSTREAM_PUBLISH_START("NetStream.Publish.Start", StatusLevel.STATUS),
    NETSTREAM_PUBLISH_BADNAME("NetStream.Publish.BadName", StatusLevel.ERROR),
    NETSTREAM_PUBLISH_IDLE("NetStream.Publish.Idle", StatusLevel.STATUS),
    NETSTREAM_UNPUBLISH_SUCCESS("NetStream.Unpublish.Success", StatusLevel.STATUS),
    NETSTREAM_PLAY_START("NetStream.Play.Start", StatusLevel.STATUS),
    NETSTREAM_PLAY_STOP("NetStream.Play.Stop", StatusLevel.STATUS),
    NETSTREAM_PLAY_FAILED("NetStream.Play.Failed", StatusLevel.ERROR),
    NETSTREAM_PLAY_STREAMNOTFOUND("NetStream.Play.StreamNotFound", StatusLevel.ERROR),
    NETSTREAM_PLAY_RESET("NetStream.Play.Reset", StatusLevel.STATUS),
    NETSTREAM_PLAY_PUBLISHNOTIFY("NetStream.Play.PublishNotify", StatusLevel.STATUS),
    NETSTREAM_PLAY_UNPUBLISHNOTIFY("NetStream.Play.UnpublishNotify", StatusLevel.STATUS),
    NETSTREAM_PLAY_INSUFFICIENTBW("NetStream.Play.InsufficientBW", StatusLevel.WARNING),
    NETSTREAM_PAUSE_NOTIFY("NetStream.Pause.Notify", StatusLevel.STATUS),
    NETSTREAM_UNPAUSE_NOTIFY("NetStream.Unpause.Notify", StatusLevel.STATUS),
    NETSTREAM_RECORD_START("NetStream.Record.Start", StatusLevel.STATUS),
    NETSTREAM_RECORD_NOACCESS("NetStream.Record.NoAccess", StatusLevel.ERROR),
    NETSTREAM_RECORD_STOP("NetStream.Record.Stop", StatusLevel.STATUS),
    NETSTREAM_RECORD_FAILED("NetStream.Record.Failed", StatusLevel.ERROR),
    NETSTREAM_SEEK_FAILED("NetStream.Seek.Failed", StatusLevel.ERROR),
    NETSTREAM_SEEK_INVALIDTIME("NetStream.Seek.InvalidTime", StatusLevel.ERROR),
    NETSTREAM_SEEK_NOTIFY("NetStream.Seek.Notify", StatusLevel.STATUS),
    /** NetStream.step() is done: the frame stepped to is shown (details: its time in seconds). */
    NETSTREAM_STEP_NOTIFY("NetStream.Step.Notify", StatusLevel.STATUS),
    NETCONNECTION_CALL_BADVERSION("NetConnection.Call.BadVersion", StatusLevel.ERROR),
    NETCONNECTION_CALL_FAILED("NetConnection.Call.Failed", StatusLevel.ERROR),
    NETCONNECTION_CALL_PROHIBITED("NetConnection.Call.Prohibited", StatusLevel.ERROR),
    NETCONNECTION_CONNECT_CLOSED("NetConnection.Connect.Closed", StatusLevel.STATUS),
    NETCONNECTION_CONNECT_FAILED("NetConnection.Connect.Failed", StatusLevel.ERROR),
    NETCONNECTION_CONNECT_SUCCESS("NetConnection.Connect.Success", StatusLevel.STATUS),
    NETCONNECTION_CONNECT_REJECTED("NetConnection.Connect.Rejected", StatusLevel.ERROR),
    NETCONNECTION_CONNECT_APPSHUTDOWN("NetConnection.Connect.AppShutdown", StatusLevel.ERROR),
    NETCONNECTION_CONNECT_INVALIDAPP("NetConnection.Connect.InvalidApp", StatusLevel.ERROR),
    /** The server asks the client to reconnect, to the info object's tcUrl if it names one. */
    NETCONNECTION_CONNECT_RECONNECTREQUEST("NetConnection.Connect.ReconnectRequest", StatusLevel.STATUS),
    SHAREDOBJECT_FLUSH_SUCCESS("SharedObject.Flush.Success", StatusLevel.STATUS),
    SHAREDOBJECT_FLUSH_FAILED("SharedObject.Flush.Failed", StatusLevel.ERROR),
    SHAREDOBJECT_BADPERSISTENCE("SharedObject.BadPersistence", StatusLevel.ERROR),
    SHAREDOBJECT_URIMISMATCH("SharedObject.UriMismatch", StatusLevel.ERROR),
    /** Some packets of a track could not be decoded; playback goes on (count in info()). */
    NSFX_DECODE_ERROR("NetStreamFX.Decode.Error", StatusLevel.WARNING),
    /** A live stream plays faster (details: the rate) to bring bufferLength back from bufferTimeMax. */
    NSFX_LIVE_CATCHUP("NetStreamFX.Live.CatchUp", StatusLevel.STATUS),
    /**
     * A live stream started at its newest data rather than its oldest (details: seconds skipped),
     * e.g. audio that arrived before the first keyframe of a player that joined mid-GOP.
     */
    NSFX_LIVE_JOIN("NetStreamFX.Live.Join", StatusLevel.STATUS),
    /**
     * A live stream's timestamps broke (a new publisher, a server or encoder that restarted its
     * clock, a jump beyond the named limits of {@code RtmpSource}) and its timeline was joined so
     * that playing goes on (details: reason, fromMs, toMs, jumpMs as sent, continuesAt seconds).
     */
    NSFX_LIVE_DISCONTINUITY("NetStreamFX.Live.Discontinuity", StatusLevel.STATUS),
    /** An Enhanced RTMP multitrack stream's set of tracks changed (details: the tracks, as info() lists them). */
    NSFX_TRACKS_CHANGED("NetStreamFX.Tracks.Changed", StatusLevel.STATUS),
    NSFX_TRACKS_SWITCHED("NetStreamFX.Tracks.Switched", StatusLevel.STATUS),
    /** The playback rate changed, or a stream started at a rate other than 1 (details: the rate). */
    NSFX_PLAYBACK_RATE("NetStreamFX.Playback.Rate", StatusLevel.STATUS),
    /** A playback rate was set for a live stream, which plays at 1 (details: the rate asked for). */
    NSFX_PLAYBACK_RATEIGNORED("NetStreamFX.Playback.RateIgnored", StatusLevel.WARNING),
    /**
     * NetStream.step() could not be done (not paused, live, no video, first or last frame shown);
     * nothing changed. Flash has no code for this (it only raises Step.Notify on success).
     */
    NSFX_STEP_INVALID("NetStreamFX.Step.Invalid", StatusLevel.WARNING),
    /** No audio output device: audio is decoded and timed on the wall clock but not heard. */
    NSFX_AUDIO_NODEVICE("NetStreamFX.Audio.NoDevice", StatusLevel.WARNING),
    /** The audio device stopped working mid-play (unplugged, sound server gone): playing on without sound. */
    NSFX_AUDIO_DEVICELOST("NetStreamFX.Audio.DeviceLost", StatusLevel.WARNING),
    /** The audio device ran dry while playing: a gap was heard (details: the count so far). */
    NSFX_AUDIO_UNDERRUN("NetStreamFX.Audio.Underrun", StatusLevel.WARNING),
    /** The RTMP connection dropped; a reconnect is tried after the delay in the description. */
    NSFX_CONNECT_RECONNECTING("NetStreamFX.Connect.Reconnecting", StatusLevel.WARNING),
    /**
     * The server sent nothing for the silence timeout ({@code RtmpOptions.silenceTimeoutMs},
     * default 15 s) and answered no PingRequest: the connection is taken as dead (half-open TCP).
     * Details: {@code silentMs}, {@code silenceTimeoutMs}, {@code unansweredPings}. Connect.Closed
     * or Connect.Reconnecting follows.
     */
    NSFX_CONNECT_STALLED("NetStreamFX.Connect.Stalled", StatusLevel.WARNING),
    /** A reconnect succeeded; playing streams are played again. */
    NSFX_CONNECT_RECONNECTED("NetStreamFX.Connect.Reconnected", StatusLevel.STATUS),
    /** The server called a method, or a stream carried a data handler, that the client does not handle. */
    NSFX_CLIENT_NOHANDLER("NetStreamFX.Client.NoHandler", StatusLevel.WARNING),
    /** Publishing: the outgoing queue was over bufferTime, non-key video frames were dropped. */
    NSFX_PUBLISH_DROPPED("NetStreamFX.Publish.Dropped", StatusLevel.WARNING),
    /** Publishing: a write made no progress for 8 s; the connection is treated as dead. */
    NSFX_PUBLISH_STALLED("NetStreamFX.Publish.Stalled", StatusLevel.WARNING),
    /** Publishing after a reconnect: the server still holds the old session's name; trying again. */
    NSFX_PUBLISH_REPUBLISHING("NetStreamFX.Publish.Republishing", StatusLevel.WARNING),
    /**
     * Publishing followed a Reconnect Request make-before-break: the media moved to the new
     * connection at a keyframe, with no gap (details {fromMs, keyframeMs}: the last timestamp sent
     * on the old connection and the keyframe's).
     */
    NSFX_PUBLISH_MOVED("NetStreamFX.Publish.Moved", StatusLevel.STATUS),
    /** Publishing could not move to the connection a Reconnect Request named (the description says why): it goes on over the old one. */
    NSFX_PUBLISH_MOVEFAILED("NetStreamFX.Publish.MoveFailed", StatusLevel.WARNING),
    /** Publishing: a camera or microphone feed stopped (device lost, encoder failed). */
    NSFX_PUBLISH_FEEDFAILED("NetStreamFX.Publish.FeedFailed", StatusLevel.ERROR),
    /** Publishing: the encoder a feed really uses, details {codec, encoder, hardware, fallbackFrom}. */
    NSFX_PUBLISH_ENCODER("NetStreamFX.Publish.Encoder", StatusLevel.STATUS),
    /*
     * Stream health (NetStream.setHealthProfile): one code per rule of org.netstreamfx.player.health.Rule.
     * The level listed is the usual one; each event carries the level of its finding's severity
     * (info: status), and its clear comes with the same code, level status, details.cleared true.
     */
    NSFX_HEALTH_KEYFRAMEINTERVAL("NetStreamFX.Health.KeyframeInterval", StatusLevel.WARNING),
    NSFX_HEALTH_KEYFRAMEIRREGULAR("NetStreamFX.Health.KeyframeIrregular", StatusLevel.WARNING),
    NSFX_HEALTH_VARIABLEFRAMERATE("NetStreamFX.Health.VariableFrameRate", StatusLevel.WARNING),
    NSFX_HEALTH_BFRAMES("NetStreamFX.Health.BFrames", StatusLevel.WARNING),
    NSFX_HEALTH_SEQUENCEHEADERCHANGE("NetStreamFX.Health.SequenceHeaderChange", StatusLevel.WARNING),
    NSFX_HEALTH_RESOLUTIONCHANGE("NetStreamFX.Health.ResolutionChange", StatusLevel.WARNING),
    NSFX_HEALTH_VIDEOCODEC("NetStreamFX.Health.VideoCodec", StatusLevel.WARNING),
    NSFX_HEALTH_AUDIOCODEC("NetStreamFX.Health.AudioCodec", StatusLevel.WARNING),
    NSFX_HEALTH_AUDIOSAMPLERATE("NetStreamFX.Health.AudioSampleRate", StatusLevel.WARNING),
    NSFX_HEALTH_AUDIOCHANNELS("NetStreamFX.Health.AudioChannels", StatusLevel.WARNING),
    NSFX_HEALTH_AUDIOGAP("NetStreamFX.Health.AudioGap", StatusLevel.WARNING),
    NSFX_HEALTH_VIDEOBITRATE("NetStreamFX.Health.VideoBitrate", StatusLevel.WARNING),
    NSFX_HEALTH_AUDIOBITRATE("NetStreamFX.Health.AudioBitrate", StatusLevel.WARNING),
    NSFX_HEALTH_BITRATESPIKE("NetStreamFX.Health.BitrateSpike", StatusLevel.WARNING),
    NSFX_HEALTH_DECLAREDBITRATE("NetStreamFX.Health.DeclaredBitrate", StatusLevel.WARNING),
    NSFX_HEALTH_DTSBACKWARDS("NetStreamFX.Health.DtsBackwards", StatusLevel.WARNING),
    NSFX_HEALTH_TIMESTAMPJUMP("NetStreamFX.Health.TimestampJump", StatusLevel.WARNING),
    NSFX_HEALTH_COMPOSITIONOFFSET("NetStreamFX.Health.CompositionOffset", StatusLevel.WARNING),
    NSFX_HEALTH_INTERLEAVESKEW("NetStreamFX.Health.InterleaveSkew", StatusLevel.WARNING),
    NSFX_HEALTH_ARRIVALJITTER("NetStreamFX.Health.ArrivalJitter", StatusLevel.WARNING),
    NSFX_HEALTH_INGESTRATE("NetStreamFX.Health.IngestRate", StatusLevel.WARNING),
    NSFX_HEALTH_BUFFEREMPTY("NetStreamFX.Health.BufferEmpty", StatusLevel.WARNING),
    NSFX_HEALTH_STALLTIME("NetStreamFX.Health.StallTime", StatusLevel.WARNING),
    NSFX_HEALTH_TIMETOFIRSTFRAME("NetStreamFX.Health.TimeToFirstFrame", StatusLevel.WARNING),
    NSFX_HEALTH_LIVELATENCY("NetStreamFX.Health.LiveLatency", StatusLevel.WARNING),
    NSFX_HEALTH_RECONNECTS("NetStreamFX.Health.Reconnects", StatusLevel.WARNING);

    private final String code;
    private final StatusLevel level;

    NetStatusCode(String code, StatusLevel level) {
        this.code = code;
        this.level = level;
    }

    /** The code as Flash spells it: "NetStream.Buffer.Full". */
    public String code() {
        return code;
    }

    public StatusLevel level() {
        return level;
    }

    public static Optional<NetStatusCode> fromCode(String code) {
        for (NetStatusCode c : values()) {
            if (c.code.equals(code)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return code;
    }
}
