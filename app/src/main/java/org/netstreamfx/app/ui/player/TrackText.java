package org.netstreamfx.app.ui.player;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.netstreamfx.player.media.Codec;
import org.netstreamfx.player.media.TrackFormat;

/** A sound track as people name it: "AAC LC · 44.1 kHz · stereo · 64 kbit/s". */
final class TrackText {
    private TrackText() {
    }

    static String of(TrackFormat t) {
        String name = t.codec().displayName() + (t.profile().isEmpty() ? "" : " " + t.profile());
        return join(name, t.sampleRateHz(), t.channels(), t.bitRateBps() / 1000.0);
    }

    /** From an FLV onMetaData (audiocodecid, audiosamplerate, stereo, audiodatarate in kbit/s). */
    static String fromMetaData(Map<String, Object> info) {
        String name = "audio";
        if (info.get("audiocodecid") instanceof Number id) {
            for (Codec c : Codec.values()) {
                if (c.kind() == org.netstreamfx.player.media.TrackKind.AUDIO && c.flvCodecId() == id.intValue()) {
                    name = c.displayName();
                }
            }
        } else if (info.get("audiocodecid") instanceof String s) {
            name = s;
        }
        int rate = info.get("audiosamplerate") instanceof Number r ? r.intValue() : 0;
        int channels = info.get("stereo") instanceof Boolean st ? (st ? 2 : 1) : 0;
        double kbps = info.get("audiodatarate") instanceof Number k ? k.doubleValue() : 0;
        return join(name, rate, channels, kbps);
    }

    private static String join(String name, int rateHz, int channels, double kbps) {
        List<String> parts = new ArrayList<>();
        parts.add(name);
        if (rateHz > 0) {
            double khz = rateHz / 1000.0;
            parts.add((khz == Math.rint(khz) ? String.format(Locale.ROOT, "%.0f", khz)
                    : String.format(Locale.ROOT, "%.1f", khz)) + " kHz");
        }
        if (channels > 0) {
            parts.add(channels == 1 ? "mono" : channels == 2 ? "stereo" : channels + " channels");
        }
        if (kbps > 0) {
            parts.add(String.format(Locale.ROOT, "%.0f kbit/s", kbps));
        }
        return String.join(" · ", parts);
    }
}
