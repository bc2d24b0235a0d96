package org.netstreamfx.player.health;

/**
 * Every health rule, by the name its NetStatus event carries ({@code NetStreamFX.Health.<name>})
 * and the group a report or a traffic light gathers it under.
 */
public enum Rule {
    KEYFRAME_INTERVAL("KeyframeInterval", Group.VIDEO),
    KEYFRAME_IRREGULAR("KeyframeIrregular", Group.VIDEO),
    VARIABLE_FRAME_RATE("VariableFrameRate", Group.VIDEO),
    B_FRAMES("BFrames", Group.VIDEO),
    SEQUENCE_HEADER_CHANGE("SequenceHeaderChange", Group.VIDEO),
    RESOLUTION_CHANGE("ResolutionChange", Group.VIDEO),
    VIDEO_CODEC("VideoCodec", Group.VIDEO),
    AUDIO_CODEC("AudioCodec", Group.AUDIO),
    AUDIO_SAMPLE_RATE("AudioSampleRate", Group.AUDIO),
    AUDIO_CHANNELS("AudioChannels", Group.AUDIO),
    AUDIO_GAP("AudioGap", Group.AUDIO),
    VIDEO_BITRATE("VideoBitrate", Group.BITRATE),
    AUDIO_BITRATE("AudioBitrate", Group.BITRATE),
    BITRATE_SPIKE("BitrateSpike", Group.BITRATE),
    DECLARED_BITRATE("DeclaredBitrate", Group.BITRATE),
    DTS_BACKWARDS("DtsBackwards", Group.TIMING),
    TIMESTAMP_JUMP("TimestampJump", Group.TIMING),
    COMPOSITION_OFFSET("CompositionOffset", Group.TIMING),
    INTERLEAVE_SKEW("InterleaveSkew", Group.TIMING),
    ARRIVAL_JITTER("ArrivalJitter", Group.TIMING),
    INGEST_RATE("IngestRate", Group.TIMING);

    /** What a rule is about, for reports and traffic lights. */
    public enum Group { VIDEO, AUDIO, BITRATE, TIMING }

    /** The prefix of every health event's code. */
    public static final String CODE_PREFIX = "NetStreamFX.Health.";

    private final String ruleName;
    private final Group group;

    Rule(String ruleName, Group group) {
        this.ruleName = ruleName;
        this.group = group;
    }

    /** The rule as events and reports name it: "KeyframeInterval". */
    public String ruleName() {
        return ruleName;
    }

    public Group group() {
        return group;
    }

    /** The NetStatus code of this rule's findings: "NetStreamFX.Health.KeyframeInterval". */
    public String code() {
        return CODE_PREFIX + ruleName;
    }
}
