package org.netstreamfx.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import org.junit.jupiter.api.Test;

/**
 * {@code nsfx publish … --check}: the test camera and the tone encoded (a short check through the
 * command's seam), judged and reported as {@code nsfx inspect} reports, nothing sent to the
 * server the URL names; exit 0 clean, 1 with an error-level finding, 2 for an unknown profile.
 */
class PublishCheckTest {
    /** Media seconds per check: the codec rules judge from the first packet. */
    private static final double CHECK_S = 0.5;
    private static final String KEY = "sk-check-secret";

    private static PlayRun check(int port, String... more) {
        PublishCommand command = new PublishCommand();
        command.checkSeconds = CHECK_S;
        String[] args = new String[4 + more.length];
        args[0] = "rtmp://127.0.0.1:" + port + "/live/" + KEY;
        args[1] = "--check";
        args[2] = "--size";
        args[3] = "320x180";
        System.arraycopy(more, 0, args, 4, more.length);
        return PlayRun.run(command, args);
    }

    @Test
    void exitZeroWhenCleanOneWithAnErrorTwoForAnUnknownProfileAndNothingIsSent() throws Exception {
        try (ServerSocketChannel server = ServerSocketChannel.open().bind(new InetSocketAddress("127.0.0.1", 0))) {
            server.configureBlocking(false);
            int port = ((InetSocketAddress) server.getLocalAddress()).getPort();

            PlayRun clean = check(port, "--camera", "test", "--mic", "tone");
            assertEquals(0, clean.exit(), clean.err() + clean.out());
            assertTrue(clean.out().contains("profile generic"), clean.out());
            assertTrue(clean.out().contains("track 0 video") && clean.out().contains("track 1 audio"), clean.out());
            assertTrue(clean.out().contains("encoderLagS"), clean.out());
            assertTrue(clean.out().contains("verdict: no error-level finding"), clean.out());
            assertFalse(clean.out().contains(KEY), "the key is masked: " + clean.out());

            PlayRun opus = check(port, "--camera", "test", "--mic", "tone", "--audio-codec", "opus", "--profile",
                    "twitch");
            assertEquals(1, opus.exit(), opus.err() + opus.out());
            assertTrue(opus.out().contains("error    AudioCodec: audio codec Opus (twitch takes [AAC]): encode audio "
                    + "as AAC"), opus.out());

            PlayRun unknown = check(port, "--profile", "no-such-profile");
            assertEquals(2, unknown.exit(), unknown.out());
            assertTrue(unknown.err().contains("--profile takes"), unknown.err());
            assertNull(server.accept(), "a check sends nothing");
        }
    }
}
