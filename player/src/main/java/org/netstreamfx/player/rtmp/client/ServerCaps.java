package org.netstreamfx.player.rtmp.client;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a server said of its Enhanced RTMP support in its connect {@code _result}: the
 * {@code capsEx} bits and the FourCC maps, read from the properties or the information object.
 * Keys are matched without regard to case ({@code CapsEx}, as Red5 writes it, counts); values
 * that are not what the spec defines (a FourCC that is not 4 characters, a mask that is not a
 * whole number from 0 to 7) are left out and counted in {@link #ignored}. A server that sends
 * none of it (nginx-rtmp, a legacy server) is {@link #NONE}.
 *
 * @param capsEx             the server's capsEx bits (0 when it sent none)
 * @param videoFourCcInfoMap FourCC to FourCcInfoMask, in the order sent
 * @param audioFourCcInfoMap FourCC to FourCcInfoMask, in the order sent
 * @param fourCcList         the legacy (E-RTMP v1) list, if the server echoed one
 * @param ignored            entries left out as malformed
 */
public record ServerCaps(int capsEx, Map<String, Integer> videoFourCcInfoMap, Map<String, Integer> audioFourCcInfoMap,
                         List<String> fourCcList, int ignored) {
    /** The most FourCC entries read from one map or list: the spec defines a dozen. */
    public static final int MAX_ENTRIES = 64;
    /** A server that said nothing of Enhanced RTMP. */
    public static final ServerCaps NONE = new ServerCaps(0, Map.of(), Map.of(), List.of(), 0);

    public ServerCaps {
        videoFourCcInfoMap = Collections.unmodifiableMap(new LinkedHashMap<>(videoFourCcInfoMap));
        audioFourCcInfoMap = Collections.unmodifiableMap(new LinkedHashMap<>(audioFourCcInfoMap));
        fourCcList = List.copyOf(fourCcList);
    }

    /** Whether the server said anything of Enhanced RTMP. */
    public boolean enhanced() {
        return capsEx != 0 || !videoFourCcInfoMap.isEmpty() || !audioFourCcInfoMap.isEmpty() || !fourCcList.isEmpty();
    }

    /** The capabilities in {@code result}, the connect {@code _result}. */
    public static ServerCaps of(Command result) {
        Reader r = new Reader();
        r.read(result.commandObject() == null ? null : Command.toJava(result.commandObject()));
        r.read(result.payloadMap());
        return r.caps();
    }

    /** One line for people: "capsEx Reconnect, ModEx; video avc1 (decode), hvc1 (decode, encode); audio …". */
    public String describe() {
        if (!enhanced()) {
            return "no Enhanced RTMP capabilities";
        }
        List<String> parts = new ArrayList<>();
        parts.add("capsEx " + (capsEx == 0 ? "none" : String.join(", ", EnhancedCaps.capsExNames(capsEx))));
        if (!videoFourCcInfoMap.isEmpty()) {
            parts.add("video " + describe(videoFourCcInfoMap));
        }
        if (!audioFourCcInfoMap.isEmpty()) {
            parts.add("audio " + describe(audioFourCcInfoMap));
        }
        if (!fourCcList.isEmpty()) {
            parts.add("fourCcList " + String.join(", ", fourCcList));
        }
        return String.join("; ", parts);
    }

    private static String describe(Map<String, Integer> map) {
        List<String> out = new ArrayList<>();
        map.forEach((k, v) -> out.add(k + " (" + String.join(", ", EnhancedCaps.infoNames(v)) + ")"));
        return String.join(", ", out);
    }

    /** Gathers what the two objects of the answer hold; the first value of a key wins. */
    private static final class Reader {
        private Integer capsEx;
        private final Map<String, Integer> video = new LinkedHashMap<>();
        private final Map<String, Integer> audio = new LinkedHashMap<>();
        private final List<String> list = new ArrayList<>();
        private boolean videoRead;
        private boolean audioRead;
        private boolean listRead;
        private int ignored;

        void read(Object o) {
            if (!(o instanceof Map<?, ?> m)) {
                return;
            }
            for (Map.Entry<?, ?> e : m.entrySet()) {
                String key = String.valueOf(e.getKey()).toLowerCase(Locale.ROOT);
                switch (key) {
                    case "capsex" -> {
                        if (capsEx == null) {
                            capsEx = mask(e.getValue(), 0xFF);
                        }
                    }
                    case "videofourccinfomap" -> videoRead = fourCcMap(e.getValue(), video, videoRead);
                    case "audiofourccinfomap" -> audioRead = fourCcMap(e.getValue(), audio, audioRead);
                    case "fourcclist" -> listRead = fourCcList(e.getValue(), listRead);
                    default -> { }
                }
            }
        }

        private Integer mask(Object v, int max) {
            if (v instanceof Double d && d >= 0 && d <= max && d == Math.floor(d)) {
                return d.intValue();
            }
            ignored++;
            return 0;
        }

        private boolean fourCcMap(Object v, Map<String, Integer> into, boolean done) {
            if (done) {
                return true;
            }
            if (!(v instanceof Map<?, ?> m)) {
                ignored++;
                return true;
            }
            for (Map.Entry<?, ?> e : m.entrySet()) {
                String fourCc = String.valueOf(e.getKey());
                if (into.size() >= MAX_ENTRIES || !(fourCc.length() == 4 || fourCc.equals("*"))) {
                    ignored++;
                    continue;
                }
                int before = ignored;
                int flags = mask(e.getValue(), EnhancedCaps.CAN_DECODE | EnhancedCaps.CAN_ENCODE | EnhancedCaps.CAN_FORWARD);
                if (ignored == before) {
                    into.put(fourCc, flags);
                }
            }
            return true;
        }

        private boolean fourCcList(Object v, boolean done) {
            if (done) {
                return true;
            }
            if (!(v instanceof List<?> l)) {
                ignored++;
                return true;
            }
            for (Object o : l) {
                if (list.size() < MAX_ENTRIES && o instanceof String s && (s.length() == 4 || s.equals("*"))) {
                    list.add(s);
                } else {
                    ignored++;
                }
            }
            return true;
        }

        ServerCaps caps() {
            return new ServerCaps(capsEx == null ? 0 : capsEx, video, audio, list, ignored);
        }
    }
}
