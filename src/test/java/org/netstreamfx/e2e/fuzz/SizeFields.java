package org.netstreamfx.e2e.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.netstreamfx.e2e.fixtures.Flv;

/**
 * The length and count fields of a file, found by walking its structure, so that mutations can
 * set exactly those to 0 or all ones.
 *
 * <ul>
 *   <li>FLV (FLV v10.1 annex E): the header's DataOffset, every tag's 24-bit DataSize and 32-bit
 *       PreviousTagSize, the onMetaData name's AMF0 string length and ECMA array count, and the
 *       SPS/PPS lengths of the avcC in the AVC sequence header.</li>
 *   <li>ISO BMFF / QuickTime (ISO/IEC 14496-12 §4.2): every box's 32-bit size, walking into the
 *       container boxes, {@code stsd} and the {@code avc1}/{@code mp4a} sample entries; the
 *       entry counts of the sample tables ({@code stts ctts stss stsc stco co64 stsz elst stsd
 *       dref}); the avcC SPS/PPS lengths. Also time fields, where 0 or all ones is as
 *       hostile as in a length: FLV tag timestamps; mvhd/mdhd timescale and duration, the first
 *       stts/ctts entry, the first elst entry, the first stsc samples-per-chunk.</li>
 * </ul>
 */
final class SizeFields {

    /** One field: where, how wide (8, 16, 24 or 32 bits), and what it is (for the report). */
    record Field(long offset, int bits, String what) {}

    /** Boxes that hold only boxes (after their header; {@code meta} after its version/flags too). */
    private static final Set<String> CONTAINERS = Set.of("moov", "trak", "mdia", "minf", "stbl", "edts", "dinf",
            "udta", "mvex", "moof", "traf", "mfra", "meta");
    /** Full boxes whose first field after version/flags is an entry count. */
    private static final Set<String> COUNTED = Set.of("stts", "ctts", "stss", "stsc", "stco", "co64", "elst",
            "stsd", "dref");
    private static final int MAX_DEPTH = 12;

    private SizeFields() {}

    static List<Field> of(byte[] b) {
        if (b.length >= 3 && b[0] == 'F' && b[1] == 'L' && b[2] == 'V') {
            return flv(b);
        }
        List<Field> out = new ArrayList<>();
        boxes(b, 0, b.length, "", 0, out);
        return out;
    }

    private static List<Field> flv(byte[] b) {
        List<Field> out = new ArrayList<>();
        out.add(new Field(5, 32, "FLV header DataOffset"));
        List<Flv.Tag> tags = Flv.tags(b);
        for (int i = 0; i < tags.size(); i++) {
            Flv.Tag t = tags.get(i);
            out.add(new Field(t.dataSizeOffset(), 24, "FLV tag " + i + " (type " + t.type() + ") DataSize"));
            out.add(new Field(t.offset() + 4, 24, "FLV tag " + i + " Timestamp"));
            out.add(new Field(t.offset() + 7, 8, "FLV tag " + i + " TimestampExtended"));
            if (t.dataEnd() + 4 <= b.length) {
                out.add(new Field(t.dataEnd(), 32, "FLV tag " + i + " PreviousTagSize"));
            }
            int data = (int) t.offset() + Flv.TAG_HEADER_SIZE;
            if (t.type() == Flv.TYPE_SCRIPT && data + 3 <= b.length && b[data] == 2) {
                out.add(new Field(data + 1, 16, "FLV tag " + i + " script name AMF0 string length"));
                int arr = data + 3 + u16(b, data + 1);
                if (arr + 5 <= b.length && b[arr] == 8) {
                    out.add(new Field(arr + 1, 32, "FLV tag " + i + " onMetaData ECMA array count"));
                }
            }
            // AVC sequence header: codec id 7 in the low nibble, AVCPacketType 0, CTS(3), then avcC.
            if (t.type() == Flv.TYPE_VIDEO && data + 5 < b.length && (b[data] & 0x0F) == 7 && b[data + 1] == 0) {
                avcC(b, data + 5, "FLV tag " + i + " ", out);
            }
        }
        return out;
    }

    private static void boxes(byte[] b, int from, int to, String path, int depth, List<Field> out) {
        int at = from;
        while (at + 8 <= to && depth < MAX_DEPTH) {
            long size = u32(b, at);
            String type = new String(b, at + 4, 4, StandardCharsets.ISO_8859_1);
            int header = 8;
            if (size == 1 && at + 16 <= to) {
                size = (u32(b, at + 8) << 32) | u32(b, at + 12);
                header = 16;
            } else if (size == 0) {
                size = to - at;
            }
            if (size < header || at + size > to) {
                return;
            }
            String name = path + type;
            out.add(new Field(at, 32, name + " box size"));
            int end = (int) (at + size);
            int body = at + header;
            if (CONTAINERS.contains(type)) {
                boxes(b, type.equals("meta") ? body + 4 : body, end, name + "/", depth + 1, out);
            } else if (type.equals("stsd")) {
                out.add(new Field(body + 4, 32, name + " entry count"));
                boxes(b, body + 8, end, name + "/", depth + 1, out);
            } else if (type.equals("avc1") || type.equals("hvc1") || type.equals("hev1")) {
                boxes(b, body + 78, end, name + "/", depth + 1, out); // VisualSampleEntry fields: 78 bytes
            } else if (type.equals("mp4a")) {
                boxes(b, body + 28, end, name + "/", depth + 1, out); // AudioSampleEntry fields: 28 bytes
            } else if (type.equals("avcC")) {
                avcC(b, body, name + " ", out);
            } else if (COUNTED.contains(type) && body + 8 <= end) {
                out.add(new Field(body + 4, 32, name + " entry count"));
            } else if (type.equals("stsz") && body + 12 <= end) {
                out.add(new Field(body + 8, 32, name + " sample count"));
            }
            if ((type.equals("mvhd") || type.equals("mdhd")) && body + 24 <= end && b[body] == 0) {
                out.add(new Field(body + 12, 32, name + " timescale"));
                out.add(new Field(body + 16, 32, name + " duration"));
            }
            if ((type.equals("stts") || type.equals("ctts")) && body + 16 <= end) {
                out.add(new Field(body + 8, 32, name + " first sample count"));
                out.add(new Field(body + 12, 32, name + " first sample delta/offset"));
            }
            if (type.equals("elst") && body + 16 <= end && b[body] == 0) {
                out.add(new Field(body + 8, 32, name + " first segment duration"));
                out.add(new Field(body + 12, 32, name + " first media time"));
            }
            if (type.equals("stsc") && body + 20 <= end) {
                out.add(new Field(body + 12, 32, name + " first chunk's samples per chunk"));
            }
            at = end;
        }
    }

    /**
     * avcC (ISO/IEC 14496-15 §5.3.3.1): version, profile, compat, level, lengthSizeMinusOne,
     * numOfSPS (low 5 bits), then each SPS as u16 length + bytes, numOfPPS, each PPS likewise.
     */
    private static void avcC(byte[] b, int at, String prefix, List<Field> out) {
        if (at + 6 > b.length) {
            return;
        }
        int p = at + 6;
        int sps = b[at + 5] & 0x1F;
        for (int i = 0; i < sps && p + 2 <= b.length; i++) {
            out.add(new Field(p, 16, prefix + "avcC SPS " + i + " length"));
            p += 2 + u16(b, p);
        }
        if (p >= b.length) {
            return;
        }
        int pps = b[p] & 0xFF;
        p++;
        for (int i = 0; i < pps && p + 2 <= b.length; i++) {
            out.add(new Field(p, 16, prefix + "avcC PPS " + i + " length"));
            p += 2 + u16(b, p);
        }
    }

    private static int u16(byte[] b, int o) {
        return ((b[o] & 0xFF) << 8) | (b[o + 1] & 0xFF);
    }

    private static long u32(byte[] b, int o) {
        return ((long) (b[o] & 0xFF) << 24) | ((b[o + 1] & 0xFF) << 16) | ((b[o + 2] & 0xFF) << 8) | (b[o + 3] & 0xFF);
    }
}
