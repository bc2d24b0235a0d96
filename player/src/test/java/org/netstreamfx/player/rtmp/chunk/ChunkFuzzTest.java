package org.netstreamfx.player.rtmp.chunk;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.netstreamfx.player.amf.AmfLimits;
import org.netstreamfx.player.flv.ScriptDataParser;
import org.netstreamfx.player.rtmp.client.CommandCodec;
import org.netstreamfx.player.rtmp.handshake.DigestScheme;
import org.netstreamfx.player.rtmp.handshake.HandshakeDigest;
import org.netstreamfx.player.rtmp.handshake.HandshakeMode;
import org.netstreamfx.player.rtmp.handshake.HandshakeRejectedException;
import org.netstreamfx.player.rtmp.handshake.RtmpHandshake;
import org.netstreamfx.player.rtmp.message.AggregateMessage;
import org.netstreamfx.player.rtmp.message.ControlMessage;
import org.netstreamfx.player.rtmp.message.MessageType;
import org.netstreamfx.player.rtmp.message.RtmpMessage;
import org.netstreamfx.player.wire.FuzzBudget;
import org.netstreamfx.player.wire.WireFormatException;

/**
 * Coverage-guided fuzz targets for what an RTMP client reads from a server (issue 11), driven as
 * {@code RtmpConnection} drives it, from bytes instead of a socket:
 * <ul>
 *   <li>{@link #chunks}: the bytes after the handshake, fed to a {@link ChunkDecoder} in slices of
 *       varying sizes (as reads of a socket return them), and every message it completes parsed
 *       as the connection and the play stream parse it: control messages, commands ({@link
 *       CommandCodec}, then its head only when the whole fails, as for a connected client),
 *       data messages, aggregates;
 *   <li>{@link #handshakeThenChunks}: the same after S0, S1 and S2 of a Flash Player 9 digest
 *       handshake ({@link RtmpHandshake#client}); a server that sends nothing at all is a {@link
 *       HandshakeRejectedException}, which the connection answers by retrying the plain
 *       handshake, so that {@code IOException} is accepted too.
 * </ul>
 * A {@link WireFormatException} from the decoder ends the input, as it closes the connection.
 * Seeds and findings: {@code src/test/resources/org/netstreamfx/player/rtmp/chunk/ChunkFuzzTestInputs/}.
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ChunkFuzzTest {
    /**
     * Allocation not proportional to the input: the handshake's packets and digests, the read
     * buffer, the decoder's chunk stream table ({@link ChunkLimits#DEFAULTS}: 64 streams).
     */
    private static final long FIXED_BYTES = 4L << 20;
    /**
     * Per input byte: message buffers grow by doubling as bytes arrive (at most 4 bytes of copies
     * per byte received, never the declared length), and a one-byte type 3 header can complete a
     * zero-length message, which becomes a message and up to two decode errors (about 16 KiB with
     * their stack traces).
     */
    private static final long BYTES_PER_INPUT_BYTE = 16 << 10;
    /** Sizes of the slices fed to the decoder cycle through 1..MAX_SLICE_BYTES. */
    private static final int MAX_SLICE_BYTES = 97;

    private static final FuzzBudget CHUNKS = new FuzzBudget("RTMP chunk stream", FIXED_BYTES, BYTES_PER_INPUT_BYTE);
    private static final FuzzBudget HANDSHAKE = new FuzzBudget("RTMP handshake and chunk stream",
            FIXED_BYTES, BYTES_PER_INPUT_BYTE);

    @FuzzTest
    void chunks(byte[] data) throws IOException {
        FuzzBudget.input(() -> {
            try {
                CHUNKS.run(data, () -> readMessages(new ByteArrayInputStream(data)));
            } catch (WireFormatException expected) {
                // The connection closes with Connect.Failed naming the field, the limit and the value.
            }
        });
    }

    @FuzzTest
    void handshakeThenChunks(byte[] data) throws IOException {
        FuzzBudget.input(() -> {
            try {
                HANDSHAKE.run(data, () -> {
                    InputStream in = new ByteArrayInputStream(data);
                    try {
                        RtmpHandshake.client(in, OutputStream.nullOutputStream(), HandshakeMode.DIGEST_FP9,
                                DigestScheme.SCHEME_0, new Random(HandshakeDigest.PACKET_LENGTH), () -> 0L);
                    } catch (HandshakeRejectedException serverSentNothing) {
                        return;
                    }
                    readMessages(in);
                });
            } catch (WireFormatException expected) {
                // The connection closes with Connect.Failed naming the field, the limit and the value.
            }
        });
    }

    private static void readMessages(InputStream in) throws IOException {
        ChunkDecoder decoder = new ChunkDecoder(ChunkLimits.DEFAULTS);
        CommandCodec commands = new CommandCodec(AmfLimits.DEFAULT);
        ScriptDataParser scripts = new ScriptDataParser();
        byte[] buf = new byte[MAX_SLICE_BYTES];
        List<RtmpMessage> batch = new ArrayList<>();
        for (int slice = 1; ; slice = slice % MAX_SLICE_BYTES + 1) {
            int n = in.read(buf, 0, slice);
            if (n < 0) {
                return;
            }
            batch.clear();
            decoder.feed(ByteBuffer.wrap(buf, 0, n), batch::add);
            for (RtmpMessage m : batch) {
                parse(m, commands, scripts);
            }
        }
    }

    /** What the connection and the play stream make of one message; their errors do not end the input. */
    private static void parse(RtmpMessage m, CommandCodec commands, ScriptDataParser scripts) {
        try {
            switch (m.type()) {
                case COMMAND_AMF0, COMMAND_AMF3 -> {
                    try {
                        commands.decode(m);
                    } catch (WireFormatException e) {
                        commands.decodeHead(m);
                        throw e;
                    }
                }
                case DATA_AMF0, DATA_AMF3 -> scripts.parse(m.payload(), m.type() == MessageType.DATA_AMF3);
                case AGGREGATE -> {
                    for (RtmpMessage part : AggregateMessage.split(m)) {
                        if (part.type() == MessageType.DATA_AMF0 || part.type() == MessageType.DATA_AMF3) {
                            scripts.parse(part.payload(), part.type() == MessageType.DATA_AMF3);
                        }
                    }
                }
                default -> ControlMessage.parse(m);
            }
        } catch (WireFormatException e) {
            // A bad command fails its call (or is reported once); a bad data message is skipped.
        }
    }
}
