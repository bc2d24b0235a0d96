package org.netstreamfx.player.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import org.junit.jupiter.api.Test;
import org.netstreamfx.player.playback.CoreEvent;

/** Each transition of the playback core becomes the NetStatus event the README's table lists. */
class CoreEventStatusTest {

    @Test
    void theBufferAndEndTransitionsSayWhatTheyAlwaysSaid() {
        assertStatus(new CoreEvent.BufferFull(), "NetStream.Buffer.Full", "Buffer full: playing.", null);
        assertStatus(new CoreEvent.BufferEmpty(2_500_000), "NetStream.Buffer.Empty",
                "Buffer empty: data is not arriving fast enough; waiting for 2.5 s.", null);
        CoreEventStatus ended = CoreEventStatus.of(new CoreEvent.Ended());
        assertEquals("NetStream.Play.Stop", ended.code().code());
        assertEquals("NetStream.Play.Complete", ended.playStatus());
        assertNull(CoreEventStatus.of(new CoreEvent.BufferFull()).playStatus());
    }

    @Test
    void timesAreSecondsRoundedToTheMillisecond() {
        assertStatus(new CoreEvent.SeekNotify(3_000_400), "NetStream.Seek.Notify", "Seeking 3.0 s.", 3.0);
        assertStatus(new CoreEvent.PauseNotify(1_234_567), "NetStream.Pause.Notify", "Pausing at 1.235 s.", 1.235);
        assertStatus(new CoreEvent.LiveJoin(8_290_000), "NetStreamFX.Live.Join", "Joined the live stream at its "
                + "newest data: skipped 8.29 s that arrived before the first picture.", 8.29);
    }

    @Test
    void refusalsAndLiveTransitionsNameTheirNumbers() {
        assertStatus(new CoreEvent.StepInvalid(3, CoreEvent.StepRefusal.NOT_PAUSED), "NetStreamFX.Step.Invalid",
                "Cannot step 3 frame(s): steps are made while paused (pause first).", 3);
        assertStatus(new CoreEvent.CatchUp(true, 1.06, 2_600_000, 1_500_000, false, 500_000),
                "NetStreamFX.Live.CatchUp", "Live buffer 2.6 s is over the default catch-up threshold 1.5 s: "
                        + "playing 6 % faster until it is back at 0.5 s.", 1.06);
        assertStatus(new CoreEvent.Underrun(2), "NetStreamFX.Audio.Underrun",
                "The audio device ran dry (underrun 2): sound was not ready in time, so a gap was heard.", 2L);
    }

    /** A transition added to CoreEvent without a mapping fails here, not in front of a user. */
    @Test
    void everyKindOfTransitionHasAStatus() throws Exception {
        for (Class<?> kind : CoreEvent.class.getPermittedSubclasses()) {
            RecordComponent[] parts = kind.getRecordComponents();
            Class<?>[] types = new Class<?>[parts.length];
            Object[] values = new Object[parts.length];
            for (int i = 0; i < parts.length; i++) {
                types[i] = parts[i].getType();
                values[i] = sample(types[i]);
            }
            Constructor<?> make = kind.getDeclaredConstructor(types);
            CoreEventStatus status = CoreEventStatus.of((CoreEvent) make.newInstance(values));
            assertNotNull(status.code(), kind.getSimpleName());
            assertNotNull(status.description(), kind.getSimpleName());
        }
    }

    private static Object sample(Class<?> type) {
        if (type == long.class) {
            return 1_000_000L;
        }
        if (type == int.class) {
            return 1;
        }
        if (type == double.class) {
            return 1.5;
        }
        if (type == boolean.class) {
            return true;
        }
        if (type.isEnum()) {
            return type.getEnumConstants()[0];
        }
        return "why";
    }

    private static void assertStatus(CoreEvent event, String code, String description, Object details) {
        CoreEventStatus status = CoreEventStatus.of(event);
        assertEquals(code, status.code().code());
        assertEquals(description, status.description());
        assertEquals(details, status.details());
    }
}
