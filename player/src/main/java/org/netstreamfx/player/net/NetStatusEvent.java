package org.netstreamfx.player.net;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A NetStatusEvent: {@code info.code}, {@code info.level}, and where they apply
 * {@code info.description} and {@code info.details}; {@code info} holds the whole info object
 * as the engine or the server gave it (plain Java values).
 *
 * @param code           the code ("NetStream.Play.Start", or any code a server sends)
 * @param level          status, warning or error
 * @param description    a sentence for people, or ""
 * @param details        the details value (a stream name, the last valid seek time), or null
 * @param info           the complete info object
 * @param monotonicNanos when the engine raised it ({@link System#nanoTime()} scale)
 */
public record NetStatusEvent(String code, StatusLevel level, String description, Object details,
                             Map<String, Object> info, long monotonicNanos) {

    public NetStatusEvent {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(level, "level");
        description = description == null ? "" : description;
        info = Collections.unmodifiableMap(new LinkedHashMap<>(info == null ? Map.of() : info));
    }

    /** An event for one of the engine's own codes. */
    public static NetStatusEvent of(NetStatusCode code, String description, Object details, long monotonicNanos) {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("code", code.code());
        info.put("level", code.level().wireName());
        if (description != null && !description.isEmpty()) {
            info.put("description", description);
        }
        if (details != null) {
            info.put("details", details);
        }
        return new NetStatusEvent(code.code(), code.level(), description, details, info, monotonicNanos);
    }

    public boolean is(NetStatusCode c) {
        return code.equals(c.code());
    }

    public boolean isError() {
        return level == StatusLevel.ERROR;
    }

    @Override
    public String toString() {
        return code + " (" + level.wireName() + ")" + (description.isEmpty() ? "" : ": " + description);
    }
}
