package org.netstreamfx.player.rtmp.client;

import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_encoder_by_name;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.netstreamfx.player.amf.AmfValues;

/** What the client says of itself in connect, and what it reads of the server's answer. */
class EnhancedCapsTest {

    @Test
    void theClientOffersWhatThisFfmpegBuildHas() {
        Map<String, Integer> video = EnhancedCaps.videoFourCcInfoMap();
        Map<String, Integer> audio = EnhancedCaps.audioFourCcInfoMap();
        assertEquals(List.of("avc1", "hvc1", "av01", "vp09"), List.copyOf(video.keySet()), "every video codec decodes");
        assertEquals(List.of("mp4a", "Opus", "fLaC", "ac-3", "ec-3", ".mp3"), List.copyOf(audio.keySet()));
        for (Map.Entry<String, Integer> e : video.entrySet()) {
            assertTrue((e.getValue() & EnhancedCaps.CAN_DECODE) != 0, e.getKey() + " decodes");
            assertEquals(0, e.getValue() & EnhancedCaps.CAN_FORWARD, "nothing is forwarded: " + e.getKey());
        }
        // The encoders come from the natives: openh264, SVT-AV1, libvpx and libopus in every build;
        // libx265 only in the GPL one.
        assertEquals(3, video.get("avc1"));
        assertEquals(3, video.get("av01"));
        assertEquals(3, video.get("vp09"));
        assertEquals(avcodec_find_encoder_by_name("libx265") != null ? 3 : 1, video.get("hvc1"));
        assertEquals(3, audio.get("mp4a"));
        assertEquals(3, audio.get("Opus"));
        assertEquals(15, EnhancedCaps.CLIENT_CAPS_EX, "Reconnect | Multitrack | ModEx | TimestampNanoOffset");
        assertEquals(List.of("Reconnect", "Multitrack", "ModEx", "TimestampNanoOffset"),
                EnhancedCaps.capsExNames(EnhancedCaps.CLIENT_CAPS_EX));
    }

    private static Command answer(Map<String, Object> properties, Map<String, Object> information) {
        return new Command("_result", 1, AmfValues.of(properties), List.of(AmfValues.of(information)));
    }

    @Test
    void theServersAnswerIsReadFromEitherObjectWhateverTheCaseOfItsKeys() {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("fmsVer", "FMS/3,5,7,7009");
        props.put("CapsEx", 3.0); // Red5 writes it with a capital C
        Map<String, Object> video = new LinkedHashMap<>();
        video.put("hvc1", 1.0);
        video.put("av01", 7.0);
        video.put("*", 4.0);
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("code", "NetConnection.Connect.Success");
        info.put("videoFourCcInfoMap", video);
        info.put("audioFourCcInfoMap", Map.of("Opus", 1.0));
        ServerCaps caps = ServerCaps.of(answer(props, info));
        assertEquals(3, caps.capsEx());
        assertEquals(Map.of("hvc1", 1, "av01", 7, "*", 4), caps.videoFourCcInfoMap());
        assertEquals(Map.of("Opus", 1), caps.audioFourCcInfoMap());
        assertEquals(0, caps.ignored());
        assertTrue(caps.enhanced());
        assertEquals("capsEx Reconnect, Multitrack; video hvc1 (decode), av01 (decode, encode, forward), * (forward);"
                + " audio Opus (decode)", caps.describe());
    }

    @Test
    void aLegacyServerSaysNothingAndMalformedEntriesAreLeftOutAndCounted() {
        ServerCaps none = ServerCaps.of(answer(Map.of("fmsVer", "FMS/3,0,1,123"), Map.of("code", "x")));
        assertFalse(none.enhanced());
        assertEquals(ServerCaps.NONE, none);
        assertEquals("no Enhanced RTMP capabilities", none.describe());

        Map<String, Object> video = new LinkedHashMap<>();
        video.put("hvc1", 1.5);        // not a whole number
        video.put("toolong", 1.0);     // not a FourCC
        video.put("av01", 8.0);        // not a mask
        video.put("vp09", "1");        // not a number
        video.put("avc1", 1.0);
        for (int i = 0; i < ServerCaps.MAX_ENTRIES + 4; i++) { // with avc1: five past the limit
            video.put(String.format("x%03d", i), 1.0);
        }
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("capsEx", -1.0);
        info.put("videoFourCcInfoMap", video);
        info.put("audioFourCcInfoMap", List.of("Opus"));
        ServerCaps caps = ServerCaps.of(answer(Map.of(), info));
        assertEquals(0, caps.capsEx());
        assertEquals(ServerCaps.MAX_ENTRIES, caps.videoFourCcInfoMap().size());
        assertEquals(1, caps.videoFourCcInfoMap().get("avc1"));
        assertEquals(1 + 4 + 5 + 1, caps.ignored(), "capsEx, four bad entries, five past the limit, the audio list");
    }
}
