package org.netstreamfx.player.health;

/**
 * Every health rule, by the name its NetStatus event carries ({@code NetStreamFX.Health.<name>})
 * and the group a report or a traffic light gathers it under.
 */
public enum Rule {
    KEYFRAME_INTERVAL(Group.VIDEO),
    KEYFRAME_IRREGULAR(Group.VIDEO),
    VARIABLE_FRAME_RATE(Group.VIDEO),
    B_FRAMES(Group.VIDEO),
    SEQUENCE_HEADER_CHANGE(Group.VIDEO),
    RESOLUTION_CHANGE(Group.VIDEO),
    VIDEO_CODEC(Group.VIDEO),
    AUDIO_CODEC(Group.AUDIO),
    AUDIO_SAMPLE_RATE(Group.AUDIO),
    AUDIO_CHANNELS(Group.AUDIO),
    AUDIO_GAP(Group.AUDIO),
    VIDEO_BITRATE(Group.BITRATE),
    AUDIO_BITRATE(Group.BITRATE),
    BITRATE_SPIKE(Group.BITRATE),
    DECLARED_BITRATE(Group.BITRATE),
    DTS_BACKWARDS(Group.TIMING),
    TIMESTAMP_JUMP(Group.TIMING),
    COMPOSITION_OFFSET(Group.TIMING),
    INTERLEAVE_SKEW(Group.TIMING),
    ARRIVAL_JITTER(Group.TIMING),
    INGEST_RATE(Group.TIMING),
    BUFFER_EMPTY(Group.DELIVERY),
    STALL_TIME(Group.DELIVERY),
    TIME_TO_FIRST_FRAME(Group.DELIVERY),
    LIVE_LATENCY(Group.DELIVERY),
    RECONNECTS(Group.DELIVERY);

    /** What a rule is about, for reports and traffic lights. */
    public enum Group { VIDEO, AUDIO, BITRATE, TIMING, DELIVERY }

    /** The prefix of every health event's code. */
    public static final String CODE_PREFIX = "NetStreamFX.Health.";

    private final Group group;

    Rule(Group group) {
        this.group = group;
    }

    /** The rule as events and reports name it, its constant in camel case: "KeyframeInterval". */
    public String ruleName() {
        StringBuilder b = new StringBuilder();
        for (String word : name().split("_")) {
            b.append(word.charAt(0)).append(word.substring(1).toLowerCase(java.util.Locale.ROOT));
        }
        return b.toString();
    }

    public Group group() {
        return group;
    }

    /** The NetStatus code of this rule's findings: "NetStreamFX.Health.KeyframeInterval". */
    public String code() {
        return CODE_PREFIX + ruleName();
    }
}
