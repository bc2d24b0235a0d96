package org.netstreamfx.player.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.bytedeco.javacpp.Loader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A progressive FLV download whose server stops sending after the first part: playback runs dry
 * (Buffer.Empty) with the demux thread waiting for bytes that do not come. A seek back into what
 * has arrived must not wait for them: the read is woken and the seek is done at once.
 */
class HttpSeekWakeTest {
    /** The share of the file the server sends before it stalls. */
    private static final double SENT_SHARE = 0.2;

    @Test
    void aSeekIntoWhatHasArrivedIsDoneWhileTheDownloadStalls(@TempDir Path dir) throws Exception {
        Path flv = dir.resolve("demo.flv");
        Process p = new ProcessBuilder(List.of(Loader.load(org.bytedeco.ffmpeg.ffmpeg.class), "-v", "error", "-y", "-i",
                RateMedia.demo().toString(), "-t", "6", "-c", "copy", flv.toString())).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "ffmpeg made the FLV: " + log);
        byte[] bytes = Files.readAllBytes(flv);
        int sent = (int) (bytes.length * SENT_SHARE);
        CountDownLatch release = new CountDownLatch(1);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes, 0, sent);
                out.flush();
                release.await(); // the rest never comes while the test runs
            } catch (IOException | InterruptedException e) {
                // the client went away
            }
            exchange.close();
        });
        server.start();
        try (PlayedMedia run = new PlayedMedia()) {
            run.ns.play("http://127.0.0.1:" + server.getAddress().getPort() + "/demo.flv");
            run.awaitEvent("NetStream.Buffer.Empty", 1, 20_000);
            assertEquals(sent, run.ns.bytesLoaded(), "the server sent its part and stalled");
            int shownBefore = run.shown.size();
            run.ns.seek(0);
            NetStatusEvent seek = run.awaitEvent("NetStream.Seek.Notify", 1, 5_000);
            assertEquals(0.0, ((Number) seek.details()).doubleValue(), 0.05, "the seek went to the start: " + seek);
            run.awaitFrameFrom(shownBefore, pts -> pts < 200_000, 10_000); // pictures from the start again
            assertTrue(run.codes().stream().noneMatch(c -> c.startsWith("NetStream.Seek.Failed")
                    || c.equals("NetStream.Play.Failed")), "a woken read is no failure: " + run.codes());
        } finally {
            release.countDown();
            server.stop(0);
        }
    }
}
