package org.netstreamfx.e2e.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Makes the mutations of one mutant from a seed: the same seed and file give the same mutant.
 *
 * <p>One mutation in four of five mutants, two or three (joined by {@code " ; "}, applied in
 * order) in the rest. Each is: 40% a length, count or time field ({@link SizeFields}) set to 0
 * or all ones, or now and then 1 (a box size: "a 64-bit size follows"), 0x7fffffff, 0x80000000,
 * or its own value doubled; 25% 1 to 8 flipped bytes (half of them in the first 4 KiB, where the
 * headers, the moov box of a faststart file and the FLV sequence headers are); 15% a truncation;
 * 10% a duplicated range; 10% a deleted range (ranges 1 byte to 4 KiB).
 */
final class Mutator {
    private static final int HEAD_BYTES = 4096;
    private static final int MAX_RANGE = 4096;
    private static final int MAX_FLIPS = 8;

    private Mutator() {}

    /** The mutations, as {@link Mutation#applyAll} reads them. */
    static String mutate(byte[] file, List<SizeFields.Field> fields, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int ops = r.nextInt(5) == 0 ? 2 + r.nextInt(2) : 1;
        List<String> out = new ArrayList<>();
        for (int i = 0; i < ops; i++) {
            out.add(one(file, fields, r).toString());
        }
        return String.join(" ; ", out);
    }

    private static Mutation one(byte[] file, List<SizeFields.Field> fields, SplittableRandom r) {
        int n = file.length;
        int pick = r.nextInt(100);
        if (pick < 40 && !fields.isEmpty()) {
            SizeFields.Field f = fields.get(r.nextInt(fields.size()));
            long ones = f.bits() == 32 ? 0xFFFF_FFFFL : (1L << f.bits()) - 1;
            long value = switch (r.nextInt(10)) {
                case 0, 1, 2, 3 -> 0;
                case 4, 5, 6, 7 -> ones;
                case 8 -> f.what().endsWith("box size") ? 1 : f.bits() == 32 ? 0x7FFF_FFFFL : ones >>> 1;
                default -> f.bits() == 32 && r.nextBoolean() ? 0x8000_0000L : Math.min(ones, 2 * read(file, f));
            };
            return Mutation.set(f.bits(), f.offset(), value, f.what());
        }
        if (pick < 65) {
            int count = 1 + r.nextInt(MAX_FLIPS);
            long[] offs = new long[count];
            int[] xors = new int[count];
            for (int i = 0; i < count; i++) {
                offs[i] = r.nextBoolean() ? r.nextInt(Math.min(n, HEAD_BYTES)) : r.nextInt(n);
                xors[i] = 1 + r.nextInt(255);
            }
            return Mutation.flip(offs, xors);
        }
        if (pick < 80) {
            return Mutation.truncate(r.nextInt(n));
        }
        long off = r.nextBoolean() ? r.nextInt(Math.min(n, HEAD_BYTES)) : r.nextInt(n);
        int len = 1 + r.nextInt((int) Math.min(MAX_RANGE, n - off));
        return pick < 90 ? Mutation.duplicate(off, len) : Mutation.delete(off, len);
    }

    private static long read(byte[] b, SizeFields.Field f) {
        long v = 0;
        for (int i = 0; i < f.bits() / 8 && f.offset() + i < b.length; i++) {
            v = (v << 8) | (b[(int) f.offset() + i] & 0xFF);
        }
        return v;
    }
}
