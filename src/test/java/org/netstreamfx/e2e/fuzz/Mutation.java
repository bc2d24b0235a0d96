package org.netstreamfx.e2e.fuzz;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One change to a media file, written as a short text that is both printed and parsed back, so a
 * failing mutant can be made again from its line in the test report alone:
 *
 * <pre>
 *   flip@1234^5a,9876^01     XOR the byte at 1234 with 0x5a, the byte at 9876 with 0x01
 *   trunc@5000               keep the first 5000 bytes
 *   dup@300+64               insert a copy of bytes [300, 364) right after them
 *   del@300+64               remove bytes [300, 364)
 *   set32@40=0xffffffff      write a big-endian 32-bit value at 40 (also set24, set16)
 *   none                     no change (the control: the fixture itself)
 * </pre>
 *
 * Several mutations apply one after another when joined by {@code " ; "} ({@link #applyAll}).
 * Anything after {@code #} is a comment (what the field is, e.g. {@code # moov/trak box size})
 * and is ignored when parsing. Offsets past the end of the file are clipped, so a mutation stays
 * applicable to a fixture that comes out a few bytes different.
 */
record Mutation(Kind kind, long[] offsets, int[] values, int length, String comment) {

    enum Kind { NONE, FLIP, TRUNC, DUP, DEL, SET8, SET16, SET24, SET32 }

    private static final Pattern FLIP = Pattern.compile("flip@((?:\\d+\\^[0-9a-f]{2},?)+)");
    private static final Pattern TRUNC = Pattern.compile("trunc@(\\d+)");
    private static final Pattern RANGE = Pattern.compile("(dup|del)@(\\d+)\\+(\\d+)");
    private static final Pattern SET = Pattern.compile("set(8|16|24|32)@(\\d+)=0x([0-9a-f]+)");

    static Mutation flip(long[] offsets, int[] xors) {
        return new Mutation(Kind.FLIP, offsets, xors, 0, "");
    }

    static Mutation truncate(long keep) {
        return new Mutation(Kind.TRUNC, new long[] {keep}, new int[0], 0, "");
    }

    static Mutation duplicate(long offset, int length) {
        return new Mutation(Kind.DUP, new long[] {offset}, new int[0], length, "");
    }

    static Mutation delete(long offset, int length) {
        return new Mutation(Kind.DEL, new long[] {offset}, new int[0], length, "");
    }

    /** Writes {@code value} big-endian in {@code bits} (16, 24 or 32) bits at {@code offset}. */
    static Mutation set(int bits, long offset, long value, String comment) {
        Kind k = switch (bits) {
            case 8 -> Kind.SET8;
            case 16 -> Kind.SET16;
            case 24 -> Kind.SET24;
            case 32 -> Kind.SET32;
            default -> throw new IllegalArgumentException("bits: " + bits);
        };
        return new Mutation(k, new long[] {offset}, new int[] {(int) value}, 0, comment);
    }

    /** Parses what {@link #toString()} printed (the comment is kept, but not needed). */
    static Mutation parse(String text) {
        int hash = text.indexOf('#');
        String op = (hash < 0 ? text : text.substring(0, hash)).trim().toLowerCase(Locale.ROOT);
        String comment = hash < 0 ? "" : text.substring(hash + 1).trim();
        Matcher m;
        if (op.equals("none")) {
            return new Mutation(Kind.NONE, new long[0], new int[0], 0, comment);
        }
        if ((m = FLIP.matcher(op)).matches()) {
            String[] parts = m.group(1).split(",");
            long[] offs = new long[parts.length];
            int[] xors = new int[parts.length];
            for (int i = 0; i < parts.length; i++) {
                String[] p = parts[i].split("\\^");
                offs[i] = Long.parseLong(p[0]);
                xors[i] = Integer.parseInt(p[1], 16);
            }
            return new Mutation(Kind.FLIP, offs, xors, 0, comment);
        }
        if ((m = TRUNC.matcher(op)).matches()) {
            return new Mutation(Kind.TRUNC, new long[] {Long.parseLong(m.group(1))}, new int[0], 0, comment);
        }
        if ((m = RANGE.matcher(op)).matches()) {
            return new Mutation(m.group(1).equals("dup") ? Kind.DUP : Kind.DEL, new long[] {Long.parseLong(m.group(2))},
                    new int[0], Integer.parseInt(m.group(3)), comment);
        }
        if ((m = SET.matcher(op)).matches()) {
            Mutation s = set(Integer.parseInt(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3), 16), "");
            return new Mutation(s.kind, s.offsets, s.values, 0, comment);
        }
        throw new IllegalArgumentException("not a mutation: \"" + text + "\"");
    }

    /** Applies each of {@code text}'s mutations, joined by {@code ";"}, in order. */
    static byte[] applyAll(String text, byte[] in) {
        byte[] b = in;
        for (String part : text.split(";")) {
            b = parse(part).apply(b);
        }
        return b;
    }

    /** The mutated copy of {@code in} ({@code in} is not changed). */
    byte[] apply(byte[] in) {
        int n = in.length;
        switch (kind) {
            case NONE -> {
                return in.clone();
            }
            case FLIP -> {
                byte[] out = in.clone();
                for (int i = 0; i < offsets.length; i++) {
                    if (offsets[i] < n) {
                        out[(int) offsets[i]] ^= (byte) values[i];
                    }
                }
                return out;
            }
            case TRUNC -> {
                return Arrays.copyOf(in, (int) Math.min(n, offsets[0]));
            }
            case DUP, DEL -> {
                int off = (int) Math.min(n, offsets[0]);
                int len = Math.min(length, n - off);
                byte[] out = new byte[kind == Kind.DUP ? n + len : n - len];
                System.arraycopy(in, 0, out, 0, off);
                if (kind == Kind.DUP) {
                    System.arraycopy(in, off, out, off, len);
                    System.arraycopy(in, off, out, off + len, n - off);
                } else {
                    System.arraycopy(in, off + len, out, off, n - off - len);
                }
                return out;
            }
            default -> {
                int bytes = kind == Kind.SET8 ? 1 : kind == Kind.SET16 ? 2 : kind == Kind.SET24 ? 3 : 4;
                byte[] out = in.clone();
                long v = values[0] & 0xFFFF_FFFFL;
                for (int i = 0; i < bytes; i++) {
                    long at = offsets[0] + i;
                    if (at < n) {
                        out[(int) at] = (byte) (v >>> (8 * (bytes - 1 - i)));
                    }
                }
                return out;
            }
        }
    }

    @Override
    public String toString() {
        String op = switch (kind) {
            case NONE -> "none";
            case FLIP -> {
                List<String> parts = new ArrayList<>();
                for (int i = 0; i < offsets.length; i++) {
                    parts.add(offsets[i] + "^" + String.format(Locale.ROOT, "%02x", values[i] & 0xFF));
                }
                yield "flip@" + String.join(",", parts);
            }
            case TRUNC -> "trunc@" + offsets[0];
            case DUP -> "dup@" + offsets[0] + "+" + length;
            case DEL -> "del@" + offsets[0] + "+" + length;
            case SET8 -> "set8@" + offsets[0] + "=0x" + Integer.toHexString(values[0] & 0xFF);
            case SET16 -> "set16@" + offsets[0] + "=0x" + Integer.toHexString(values[0] & 0xFFFF);
            case SET24 -> "set24@" + offsets[0] + "=0x" + Integer.toHexString(values[0] & 0xFF_FFFF);
            case SET32 -> "set32@" + offsets[0] + "=0x" + Integer.toHexString(values[0]);
        };
        return comment.isEmpty() ? op : op + " # " + comment;
    }
}
