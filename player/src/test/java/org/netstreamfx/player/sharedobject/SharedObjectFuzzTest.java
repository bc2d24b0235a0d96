package org.netstreamfx.player.sharedobject;

import org.netstreamfx.player.sharedobject.SharedObject;
import org.netstreamfx.player.sharedobject.SharedObjectFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.netstreamfx.player.amf.AmfFuzzTest;
import org.netstreamfx.player.wire.FuzzBudget;
import org.netstreamfx.player.wire.WireFormatException;

/**
 * A coverage-guided fuzz target for the shared object file reader (issue 11): the bytes of a
 * {@code name.sol} file, as {@link SharedObject#load} reads them, decoded to plain Java values.
 * Seeds and findings: {@code src/test/resources/org/netstreamfx/player/net/SharedObjectFuzzTestInputs/}.
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SharedObjectFuzzTest {
    /** The name every seed file was written for. */
    static final String NAME = "fuzz";

    /** One file is one AMF conversion (AmfLimits.MAX_CONVERTED_NODES, MAX_CONVERTED_CHARS). */
    private static final FuzzBudget FILE = new FuzzBudget("shared object file", AmfFuzzTest.CONVERSION_BYTES,
            AmfFuzzTest.BYTES_PER_INPUT_BYTE);

    @FuzzTest
    void sharedObjectFile(byte[] data) throws IOException {
        FuzzBudget.input(() -> {
            try {
                FILE.run(data, () -> {
                    SharedObjectFile.Contents contents = SharedObjectFile.decode(NAME, data);
                    contents.data().size();
                });
            } catch (WireFormatException expected) {
                // Not a valid file: SharedObject.load keeps it as name.sol.bad and starts empty.
            }
        });
    }
}
