package org.netstreamfx.player.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The built-in profiles by name, and a user's profile read from its JSON object, mistakes refused with the key named. */
class ProfilesTest {

    @Test
    void builtInProfilesAreFoundByName() {
        assertEquals(List.of("generic", "youtube", "twitch"), Profiles.builtInNames());
        assertEquals(Profiles.TWITCH, Profiles.builtIn("Twitch").orElseThrow());
        assertTrue(Profiles.builtIn("facebook").isEmpty());
    }

    @Test
    void aUserProfileChangesItsBaseWhereItSays() {
        Profile p = Profiles.fromMap(Map.of("base", "twitch", "name", "mine", "maxVideoKbps", 8000,
                "bFramesSeverity", "info", "sampleRatesHz", List.of(48000), "videoBitrateLimits",
                List.of(Map.of("minHeight", 1080, "minFps", 50, "maxKbps", 9000.0))));
        assertEquals("mine", p.name());
        assertEquals(8000.0, p.maxVideoKbps());
        assertEquals(Severity.INFO, p.bFramesSeverity());
        assertEquals(Set.of(48000), p.sampleRatesHz());
        assertEquals(9000.0, p.videoLimitKbps(1080, 60));
        assertEquals(Profiles.TWITCH.maxKeyframeIntervalS(), p.maxKeyframeIntervalS());
        java.util.HashMap<String, Object> off = new java.util.HashMap<>();
        off.put("vfrSeverity", null);
        assertNull(Profiles.fromMap(off).vfrSeverity());
        assertEquals("custom", Profiles.fromMap(Map.of()).name());
    }

    @Test
    void mistakesAreRefusedNamingTheKey() {
        assertMessage("unknown key \"maxKbps\"", Map.of("maxKbps", 1));
        assertMessage("\"base\" must be one of [generic, youtube, twitch]", Map.of("base", "facebook"));
        assertMessage("\"maxVideoKbps\" must be a number, 0 or more", Map.of("maxVideoKbps", -1));
        assertMessage("\"maxVideoKbps\" must be a number", Map.of("maxVideoKbps", "fast"));
        assertMessage("\"minChannels\" must be a whole number", Map.of("minChannels", 1.5));
        assertMessage("\"keyframeSeverity\" must be \"info\", \"warning\", \"error\" or null",
                Map.of("keyframeSeverity", "fatal"));
        assertMessage("\"videoCodecs\" must be an array", Map.of("videoCodecs", "H.264"));
        assertMessage("\"sampleRatesHz\" must list whole numbers", Map.of("sampleRatesHz", List.of(44.1)));
        assertMessage("\"videoBitrateLimits\" must list objects with minHeight, minFps and maxKbps",
                Map.of("videoBitrateLimits", List.of(Map.of("height", 1))));
        assertMessage("\"clearAfterS\" (1.0) must be at least \"maxKeyframeIntervalS\"", Map.of("clearAfterS", 1));
    }

    private static void assertMessage(String start, Map<String, Object> json) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Profiles.fromMap(json));
        assertTrue(e.getMessage().startsWith(start), e.getMessage());
    }
}
