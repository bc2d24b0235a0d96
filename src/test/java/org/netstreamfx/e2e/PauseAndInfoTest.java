package org.netstreamfx.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.netstreamfx.e2e.fixtures.Fixtures;
import org.netstreamfx.e2e.fixtures.Fixtures.AudioCodec;
import org.netstreamfx.e2e.fixtures.Fixtures.Container;
import org.netstreamfx.e2e.fixtures.Fixtures.VideoCodec;
import org.netstreamfx.e2e.support.EngineRun;
import org.netstreamfx.player.net.NetStreamInfo;

/** Pause holds the playhead while the buffer keeps filling; info() tells the truth about it. */
class PauseAndInfoTest {

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(20);
        }
    }

    @Test
    void pausedStreamHoldsItsTimeFillsItsBufferAndResumes() throws Exception {
        Path file = Fixtures.make(Container.MP4, VideoCodec.H264, AudioCodec.HE_AAC_V2, 6.0);
        try (EngineRun run = new EngineRun(false)) {
            AtomicLong pausedAtUs = new AtomicLong(-1);
            AtomicLong unpausedAtUs = new AtomicLong(-1);
            AtomicLong pausedAtNs = new AtomicLong();
            run.ns.addNetStatusListener(e -> {
                if (e.code().equals("NetStream.Buffer.Full")) {
                    run.ns.pause();
                } else if (e.code().equals("NetStream.Pause.Notify")) {
                    pausedAtUs.set(Math.round(run.ns.time() * 1e6));
                    pausedAtNs.set(System.nanoTime());
                } else if (e.code().equals("NetStream.Unpause.Notify")) {
                    unpausedAtUs.set(Math.round(run.ns.time() * 1e6));
                }
            });
            Thread player = new Thread(() -> {
                try {
                    run.play(file.toString(), Duration.ofSeconds(30));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            player.start();
            await("paused", () -> run.sequence.contains("NetStream.Pause.Notify"));
            await("the read-ahead has filled", () -> run.ns.bufferLength() > 2.5);

            // The playhead must not move while paused: from Pause.Notify, through the whole read-ahead
            // (which fills while paused), to now, and on to Unpause.Notify.
            double pausedAt = pausedAtUs.get() / 1e6;
            assertEquals(pausedAt, run.ns.time(), 1e-6, "the playhead held from Pause.Notify until the buffer filled");
            NetStreamInfo info = run.info();
            assertTrue(info.videoBufferLength() > 2.5 && info.audioBufferLength() > 2.5, "per-track seconds: " + info);
            assertTrue(info.videoBufferByteLength() > 10_000, "video bytes waiting to be decoded: " + info);
            assertTrue(info.audioBufferByteLength() > 1_000, "audio bytes waiting to be decoded: " + info);
            assertEquals(run.ns.bytesTotal(), info.byteCount(), "a local file is loaded whole");

            double pausedWallS = (System.nanoTime() - pausedAtNs.get()) / 1e9;
            run.ns.resume();
            player.join(30_000);
            assertTrue(unpausedAtUs.get() >= 0, "Unpause.Notify came");
            // Unpause.Notify is read on the callback thread, a few ms after the clock runs again; a clock that
            // ran on through the pause would be the pause's length (read-ahead, info) further on.
            assertEquals(pausedAt, unpausedAtUs.get() / 1e6, 0.05, "resumed where it paused after "
                    + pausedWallS + " s paused, not where a running clock would be");
            assertEquals(List.of("NetStream.Play.Start", "onMetaData", "NetStream.Buffer.Full", "NetStream.Pause.Notify",
                    "NetStream.Unpause.Notify", "NetStream.Buffer.Flush", "NetStream.Play.Stop",
                    "onPlayStatus:NetStream.Play.Complete"),
                    run.sequence.stream().filter(s -> !s.startsWith("NetStreamFX.")).toList());
            assertTrue(run.ns.time() > 5.9, "played to the end after resuming: " + run.ns.time());
        }
    }
}
