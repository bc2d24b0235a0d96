package org.netstreamfx.player.health;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The built-in health profiles and the reading of a user's: {@code generic} (the default: a stream
 * any player takes well), {@code youtube} (YouTube's "Choose live encoder settings, bitrates, and
 * resolutions") and {@code twitch} (Twitch's "Broadcasting Guidelines"); the README cites both
 * pages. A user profile is a map (a JSON object) naming a {@code base} profile and the fields of
 * {@link Profile} it changes; every mistake in it is refused with a sentence saying which.
 */
public final class Profiles {
    /** Generic: how long a condition must be gone before its finding clears (YouTube's health clears alike). */
    private static final double CLEAR_AFTER_S = 10;
    /** Generic: keyframes further apart than this make seeking and joining slow. */
    private static final double GENERIC_MAX_KEYFRAME_S = 5;
    /** The keyframe interval every service recommends. */
    private static final double RECOMMENDED_KEYFRAME_S = 2;
    /** YouTube: keyframes at most every 4 s. */
    private static final double YOUTUBE_MAX_KEYFRAME_S = 4;
    /** Twitch: keyframes every 2 s; a little over is frame rounding. */
    private static final double TWITCH_MAX_KEYFRAME_S = 2.1;
    /** Longest over shortest of the recent keyframe intervals above this: irregular. */
    private static final double IRREGULAR_RATIO = 2.5;
    /** A frame spacing off the usual by more than this fraction is variable frame rate. */
    private static final double VFR_TOLERANCE = 0.5;
    private static final Set<Integer> COMMON_RATES_HZ = Set.of(32_000, 44_100, 48_000);
    private static final Set<Integer> SERVICE_RATES_HZ = Set.of(44_100, 48_000);
    private static final int STEREO = 2;
    /** 1 s of video or audio above this many times the 10 s mean is a spike. */
    private static final double GENERIC_SPIKE_FACTOR = 4;
    /** Twitch asks for strict CBR: a 1 s peak this far over the mean is not constant. */
    private static final double CBR_SPIKE_FACTOR = 2;
    /** Measured over onMetaData's declared rate by this factor. */
    private static final double DECLARED_TOLERANCE = 1.5;
    private static final double MAX_TIMESTAMP_JUMP_S = 2;
    private static final double MAX_COMPOSITION_OFFSET_S = 1;
    private static final double MAX_INTERLEAVE_SKEW_S = 3;
    private static final double MAX_JITTER_MS = 250;
    private static final double INGEST_RATE_TOLERANCE = 0.2;
    private static final double MAX_AUDIO_GAP_MS = 100;
    /** Delivery: more stalls than this in one play (a live stream over a busy network may stall now and then). */
    private static final int MAX_BUFFER_EMPTIES = 2;
    /** Delivery: more seconds stalled in all than this. */
    private static final double MAX_STALL_S = 2;
    /** Delivery: the first picture later than this after the play began (a viewer leaves). */
    private static final double MAX_TIME_TO_FIRST_FRAME_S = 5;
    /** Delivery: a live stream played further than this behind its newest data. */
    private static final double MAX_LIVE_LATENCY_S = 5;
    /** Delivery: any reconnect of the connection during a play. */
    private static final int MAX_RECONNECTS = 0;
    /** Twitch: at most 6000 kbit/s of video. */
    private static final double TWITCH_MAX_VIDEO_KBPS = 6000;
    /** Twitch: at most 160 kbit/s of AAC audio. */
    private static final double TWITCH_MAX_AUDIO_KBPS = 160;
    /** YouTube's maximum bit rate setting per resolution and frame rate (kbit/s), highest first. */
    private static final List<BitrateLimit> YOUTUBE_LIMITS = List.of(
            new BitrateLimit(2160, 50, 40_000), new BitrateLimit(2160, 0, 35_000),
            new BitrateLimit(1440, 50, 30_000), new BitrateLimit(1440, 0, 25_000),
            new BitrateLimit(1080, 50, 10_000), new BitrateLimit(1080, 0, 8_000),
            new BitrateLimit(0, 0, 8_000));

    public static final Profile GENERIC = new Profile("generic", CLEAR_AFTER_S, GENERIC_MAX_KEYFRAME_S,
            RECOMMENDED_KEYFRAME_S, Severity.WARNING, IRREGULAR_RATIO, VFR_TOLERANCE, Severity.INFO, null, Set.of(),
            Set.of(), Set.of(), COMMON_RATES_HZ, STEREO, 0, List.of(), 0, GENERIC_SPIKE_FACTOR, DECLARED_TOLERANCE,
            MAX_TIMESTAMP_JUMP_S, MAX_COMPOSITION_OFFSET_S, MAX_INTERLEAVE_SKEW_S, MAX_JITTER_MS,
            INGEST_RATE_TOLERANCE, MAX_AUDIO_GAP_MS, MAX_BUFFER_EMPTIES, MAX_STALL_S,
            MAX_TIME_TO_FIRST_FRAME_S, MAX_LIVE_LATENCY_S, MAX_RECONNECTS);

    public static final Profile YOUTUBE = new Profile("youtube", CLEAR_AFTER_S, YOUTUBE_MAX_KEYFRAME_S,
            RECOMMENDED_KEYFRAME_S, Severity.ERROR, IRREGULAR_RATIO, VFR_TOLERANCE, Severity.INFO, null,
            Set.of("H.264", "H.265", "AV1"), Set.of("AAC", "MP3", "Opus"), Set.of(), SERVICE_RATES_HZ, STEREO, 0,
            YOUTUBE_LIMITS, 0, GENERIC_SPIKE_FACTOR, DECLARED_TOLERANCE, MAX_TIMESTAMP_JUMP_S,
            MAX_COMPOSITION_OFFSET_S, MAX_INTERLEAVE_SKEW_S, MAX_JITTER_MS, INGEST_RATE_TOLERANCE, MAX_AUDIO_GAP_MS, MAX_BUFFER_EMPTIES, MAX_STALL_S,
            MAX_TIME_TO_FIRST_FRAME_S, MAX_LIVE_LATENCY_S, MAX_RECONNECTS);

    public static final Profile TWITCH = new Profile("twitch", CLEAR_AFTER_S, TWITCH_MAX_KEYFRAME_S,
            RECOMMENDED_KEYFRAME_S, Severity.ERROR, IRREGULAR_RATIO, VFR_TOLERANCE, Severity.WARNING,
            Severity.WARNING, Set.of("H.264"), Set.of("AAC"), Set.of("LC"), SERVICE_RATES_HZ, 1,
            TWITCH_MAX_VIDEO_KBPS, List.of(), TWITCH_MAX_AUDIO_KBPS, CBR_SPIKE_FACTOR, DECLARED_TOLERANCE,
            MAX_TIMESTAMP_JUMP_S, MAX_COMPOSITION_OFFSET_S, MAX_INTERLEAVE_SKEW_S, MAX_JITTER_MS,
            INGEST_RATE_TOLERANCE, MAX_AUDIO_GAP_MS, MAX_BUFFER_EMPTIES, MAX_STALL_S,
            MAX_TIME_TO_FIRST_FRAME_S, MAX_LIVE_LATENCY_S, MAX_RECONNECTS);

    private static final List<Profile> BUILT_IN = List.of(GENERIC, YOUTUBE, TWITCH);
    /** The key of a user file that names the profile it starts from. */
    public static final String BASE_KEY = "base";

    private Profiles() {
    }

    /** A built-in profile by name ("generic", "youtube", "twitch"), case-insensitive. */
    public static Optional<Profile> builtIn(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return BUILT_IN.stream().filter(p -> p.name().equals(n)).findFirst();
    }

    /** The names of the built-in profiles. */
    public static List<String> builtInNames() {
        return BUILT_IN.stream().map(Profile::name).toList();
    }

    /**
     * A user's profile from its JSON object: {@code base} (a built-in name, default generic),
     * {@code name} and any field of {@link Profile}. Throws IllegalArgumentException naming the
     * first wrong key or value.
     */
    public static Profile fromMap(Map<String, Object> json) {
        Object baseName = json.getOrDefault(BASE_KEY, GENERIC.name());
        if (!(baseName instanceof String b) || builtIn(b).isEmpty()) {
            throw new IllegalArgumentException("\"" + BASE_KEY + "\" must be one of " + builtInNames() + ", not "
                    + baseName);
        }
        Profile base = builtIn(b).orElseThrow();
        RecordComponent[] fields = Profile.class.getRecordComponents();
        Map<String, Object> values = new LinkedHashMap<>();
        try {
            for (RecordComponent f : fields) {
                values.put(f.getName(), f.getAccessor().invoke(base));
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        values.put("name", "custom");
        for (Map.Entry<String, Object> e : json.entrySet()) {
            if (e.getKey().equals(BASE_KEY)) {
                continue;
            }
            if (!values.containsKey(e.getKey())) {
                throw new IllegalArgumentException("unknown key \"" + e.getKey() + "\"; the keys are " + BASE_KEY
                        + " and " + values.keySet());
            }
            values.put(e.getKey(), ProfileValues.convert(e.getKey(), values.get(e.getKey()), e.getValue()));
        }
        Class<?>[] types = new Class<?>[fields.length];
        Object[] args = new Object[fields.length];
        for (int i = 0; i < fields.length; i++) {
            types[i] = fields[i].getType();
            args[i] = values.get(fields[i].getName());
        }
        Profile p;
        try {
            p = Profile.class.getDeclaredConstructor(types).newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        if (p.clearAfterS() < p.maxKeyframeIntervalS()) {
            throw new IllegalArgumentException("\"clearAfterS\" (" + p.clearAfterS() + ") must be at least "
                    + "\"maxKeyframeIntervalS\" (" + p.maxKeyframeIntervalS() + "), or KeyframeInterval would "
                    + "clear between two late keyframes");
        }
        return p;
    }

    /** Strings of a JSON array, for ProfileValues. */
    static Set<Object> elements(String key, Object value) {
        if (!(value instanceof Collection<?> c)) {
            throw new IllegalArgumentException("\"" + key + "\" must be an array, not " + value);
        }
        return new LinkedHashSet<>(new ArrayList<>(c));
    }
}
