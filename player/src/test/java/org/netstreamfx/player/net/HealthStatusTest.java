package org.netstreamfx.player.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.netstreamfx.player.health.Finding;
import org.netstreamfx.player.health.Rule;
import org.netstreamfx.player.health.Severity;

/** Health findings as NetStatus events: a code per rule, the level from the severity, the clear in the details. */
class HealthStatusTest {

    @Test
    void everyRuleHasItsNetStatusCode() {
        for (Rule r : Rule.values()) {
            assertTrue(NetStatusCode.fromCode(r.code()).isPresent(), r.code());
            assertTrue(r.code().startsWith("NetStreamFX.Health."), r.code());
        }
    }

    @Test
    void aFindingIsAnEventAtItsSeverityAndItsClearAStatus() {
        Finding f = new Finding(Rule.KEYFRAME_INTERVAL, Severity.WARNING, false, 8_000_000, "maxKeyframeIntervalS", 5,
                8, "keyframe interval 8.0 s", "set your encoder's keyframe interval to 2 s", Map.of("track", 0));
        NetStatusEvent e = HealthStatus.event(f, 42);
        assertEquals("NetStreamFX.Health.KeyframeInterval", e.code());
        assertEquals(StatusLevel.WARNING, e.level());
        assertEquals("keyframe interval 8.0 s: set your encoder's keyframe interval to 2 s.", e.description());
        Map<?, ?> d = (Map<?, ?>) e.details();
        assertEquals(false, d.get("cleared"));
        assertEquals(8.0, d.get("time"));
        assertEquals(0, d.get("track"));
        assertEquals("warning", e.info().get("level"));
        Finding info = new Finding(Rule.AUDIO_CHANNELS, Severity.INFO, false, 0, "minChannels", 2, 1, "mono", "", null);
        assertEquals(StatusLevel.STATUS, HealthStatus.event(info, 0).level());
        assertEquals(StatusLevel.ERROR, HealthStatus.levelOf(Severity.ERROR));
        Finding cleared = new Finding(Rule.KEYFRAME_INTERVAL, Severity.WARNING, true, 20_000_000,
                "maxKeyframeIntervalS", 5, 8, "keyframe interval 8.0 s", "", null);
        NetStatusEvent c = HealthStatus.event(cleared, 43);
        assertEquals(StatusLevel.STATUS, c.level());
        assertEquals(true, ((Map<?, ?>) c.details()).get("cleared"));
        assertEquals("Cleared: keyframe interval 8.0 s is gone.", c.description());
    }
}
