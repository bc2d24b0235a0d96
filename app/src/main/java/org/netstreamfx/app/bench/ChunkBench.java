package org.netstreamfx.app.bench;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.LongAdder;
import org.netstreamfx.player.rtmp.chunk.ChunkDecoder;
import org.netstreamfx.player.rtmp.chunk.ChunkEncoder;
import org.netstreamfx.player.rtmp.message.MessageType;
import org.netstreamfx.player.rtmp.message.RtmpMessage;
import org.netstreamfx.player.rtmp.message.SetChunkSize;

/**
 * Item 4a: chunk decoding throughput. A chunk stream is encoded once with our ChunkEncoder (a Set
 * Chunk Size 4096, as nginx-rtmp sends, then video messages of 20..120 kB with random bytes, 30
 * per second of timestamps), then fed to a fresh ChunkDecoder in 64 KiB slices (a socket read's
 * size). A manual loop rather than JMH: ten untimed passes warm the JIT, then 5 x runs measured
 * passes each decode the whole buffer; MB/s counts the encoded bytes (10^6 bytes per MB).
 */
final class ChunkBench {
    static final int SLICE = 64 * 1024;
    static final int WARMUP = 10;

    private ChunkBench() {
    }

    static void run(BenchConfig config, BenchReport report) throws Exception {
        byte[] wire = encode(config.chunkBytes());
        for (int i = 0; i < WARMUP; i++) {
            decodeSeconds(wire);
        }
        List<Double> mbps = new ArrayList<>();
        for (int i = 0; i < config.runs() * 5; i++) {
            mbps.add(wire.length / 1e6 / decodeSeconds(wire));
        }
        report.add("rtmp.chunkDecode", "MB/s", mbps);
        report.note("chunkDecode", wire.length + " encoded bytes, chunk size 4096, fed in " + SLICE
                + "-byte slices; manual loop, " + WARMUP
                + " warm-up passes, 5 measured passes per run (not JMH)");
    }

    static byte[] encode(int targetBytes) {
        ChunkEncoder enc = new ChunkEncoder();
        ByteArrayOutputStream out = new ByteArrayOutputStream(targetBytes + (1 << 20));
        out.writeBytes(enc.encode(RtmpMessage.control(new SetChunkSize(4096), 0)));
        SplittableRandom rnd = new SplittableRandom(42);
        long ts = 0;
        while (out.size() < targetBytes) {
            byte[] payload = new byte[20_000 + rnd.nextInt(100_000)];
            for (int i = 0; i < payload.length; i += 8) {
                long v = rnd.nextLong();
                for (int b = 0; b < 8 && i + b < payload.length; b++) {
                    payload[i + b] = (byte) (v >>> (8 * b));
                }
            }
            payload[0] = 0x27; // inter frame, AVC
            out.writeBytes(enc.encode(RtmpMessage.of(6, MessageType.VIDEO, ts, 1, payload)));
            ts += 33;
        }
        return out.toByteArray();
    }

    private static double decodeSeconds(byte[] wire) throws Exception {
        ChunkDecoder dec = new ChunkDecoder();
        LongAdder payloadBytes = new LongAdder();
        long t0 = System.nanoTime();
        for (int off = 0; off < wire.length; off += SLICE) {
            dec.feed(ByteBuffer.wrap(wire, off, Math.min(SLICE, wire.length - off)),
                    m -> payloadBytes.add(m.payload().length));
        }
        double s = (System.nanoTime() - t0) / 1e9;
        if (payloadBytes.sum() == 0) {
            throw new IllegalStateException("chunk decoder gave no messages");
        }
        return s;
    }
}
