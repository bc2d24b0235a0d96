package org.netstreamfx.e2e.screen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;
import org.netstreamfx.capture.device.Camera;
import org.netstreamfx.capture.device.CameraDiscovery;
import org.netstreamfx.capture.device.CaptureClock;
import org.netstreamfx.capture.device.DeviceException;
import org.netstreamfx.capture.device.Devices;
import org.netstreamfx.capture.device.ScreenCamera;
import org.netstreamfx.capture.device.ToneMicrophone;
import org.netstreamfx.capture.device.VideoCapture;
import org.netstreamfx.capture.device.VideoFormat;
import org.netstreamfx.capture.device.VideoFrameListener;
import org.netstreamfx.capture.encode.AacSettings;
import org.netstreamfx.capture.encode.H264Settings;
import org.netstreamfx.capture.feed.CameraFeed;
import org.netstreamfx.capture.feed.MicrophoneFeed;
import org.netstreamfx.e2e.fixtures.Tools;
import org.netstreamfx.e2e.rtmp.support.NginxServer;
import org.netstreamfx.e2e.support.EngineRun;
import org.netstreamfx.player.net.NetConnection;
import org.netstreamfx.player.net.NetStatusEvent;
import org.netstreamfx.player.net.NetStream;
import org.netstreamfx.player.sink.VideoFrame;
import org.netstreamfx.player.sink.VideoSink;

/**
 * The screen as a camera, for real: an Xvfb display of our own with a child JVM painting a white
 * square that slides across it, a region of that screen published through our engine (x11grab,
 * scaled to the asked size, paced to the asked rate) with the tone, to an nginx-rtmp of our own,
 * and played back by our own NetStream, which must see the square where the region puts it, at
 * the scaled size, moving. Then the X server is killed mid-publish (the screen "unplugged"): the
 * publisher reports NetStreamFX.Publish.FeedFailed naming the screen and goes on with audio.
 */
@ResourceLock(Resources.SYSTEM_OUT)
class ScreenCameraPublishTest {
    private static final int SCREEN_W = 800;
    private static final int SCREEN_H = 600;
    /** The published region: 640x480 from (80, 60); scaled to 320x240, every length halves. */
    private static final int REGION_X = 80;
    private static final int REGION_Y = 60;
    private static final int OUT_W = 320;
    private static final int OUT_H = 240;
    private static final int FPS = 15;
    private static final Duration WAIT = Duration.ofSeconds(30);

    @RegisterExtension
    static final NginxServer NGINX = new NginxServer();
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor();

    @Test
    void aRegionOfTheScreenIsPublishedScaledAndMovingAndKillingTheDisplayLeavesTheAudioGoing(@TempDir Path work)
            throws Exception {
        try (XvfbDisplay x = XvfbDisplay.start(SCREEN_W, SCREEN_H)) {
            Process painter = startPainter(x.display(), work);
            try {
                publishAndWatch(x, painter);
            } finally {
                painter.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                poller.shutdownNow();
            }
        }
    }

    /**
     * {@code nsfx publish --camera screen:DISPLAY} (the whole 640x480 screen, no microphone) publishes
     * it at the asked 320x240 and 10 fps for the asked duration, then exits 0.
     */
    @Test
    void nsfxPublishWithTheScreenAsCameraPublishesItWholeAtTheAskedSizeAndRate(@TempDir Path work) throws Exception {
        try (XvfbDisplay x = XvfbDisplay.start(640, 480)) {
            Process painter = startPainter(x.display(), work);
            try (EngineRun player = new EngineRun(false, NGINX.appUrl("live"))) {
                CompletableFuture<int[]> exit = new CompletableFuture<>();
                java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
                Thread cli = new Thread(() -> {
                    java.io.PrintStream saved = System.out;
                    System.setOut(new java.io.PrintStream(out, true, StandardCharsets.UTF_8));
                    try {
                        exit.complete(new int[] {org.netstreamfx.app.Main.run("publish", NGINX.url("live", "screen2"),
                                "--camera", "screen:" + x.display(), "--mic", "none", "--size", "320x240", "--fps", "10",
                                "--keyint", "1", "--duration", "5", "--stats-interval", "0")});
                    } catch (RuntimeException e) {
                        exit.completeExceptionally(e);
                    } finally {
                        System.setOut(saved);
                    }
                }, "nsfx-publish-screen");
                cli.start();
                List<SquareSighting> seen = new CopyOnWriteArrayList<>();
                player.ns.setVideoSink(new VideoSink() {
                    @Override
                    public void render(VideoFrame f) {
                        SquareSighting s = SquareSighting.find(f.ptsUs(), f.width(), f.height(), f.strideBytes(),
                                f.pixels());
                        if (s != null) {
                            seen.add(s);
                        }
                    }
                });
                player.ns.setBufferTime(0.2);
                await("the publisher on air", () -> exit.isDone() || publishing(out), player.events);
                player.ns.play("screen2");
                await("10 pictures with the square", () -> seen.size() >= 10 || exit.isDone(), player.events);
                int code = exit.get(WAIT.toMillis(), TimeUnit.MILLISECONDS)[0];
                String printed = out.toString(StandardCharsets.UTF_8);
                assertEquals(0, code, printed);
                assertTrue(printed.contains("NetStream.Unpublish.Success"), printed);
                assertTrue(seen.size() >= 10, "pictures with the square: " + seen.size() + "; " + player.codes());
                // The whole 640x480 screen halved: the 80 px square is 40 px, at y (200 + 40) / 2.
                SquareSighting s = seen.get(seen.size() - 1);
                assertEquals(320, s.frameWidth());
                assertEquals(240, s.frameHeight());
                assertEquals((ScreenPainter.TOP_PX + ScreenPainter.SQUARE_PX / 2.0) / 2.0, s.centreY(), 3, s.toString());
                checkRate(seen, 10);
            } finally {
                painter.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                poller.shutdownNow();
            }
        }
    }

    /**
     * One X window by its id (found with xdotool): the painter's 600x400 window at (100, 50) is
     * captured alone, scaled to 300x200, so the square sits where it is in the window, not on the screen.
     */
    @Test
    void aWindowIsCapturedByItsXIdAndScaled(@TempDir Path work) throws Exception {
        try (XvfbDisplay x = XvfbDisplay.start(SCREEN_W, SCREEN_H)) {
            Process painter = startPainter(x.display(), work, "100", "50", "600", "400");
            try {
                String window = windowId(x.display(), ScreenPainter.TITLE);
                Camera camera = ScreenCamera.of("screen:" + x.display() + ",window=" + window + ",cursor=off");
                CompletableFuture<SquareSighting> sighting = new CompletableFuture<>();
                CaptureClock clock = CaptureClock.system();
                try (VideoCapture capture = camera.open(new VideoFormat(300, 200, 10), clock, new VideoFrameListener() {
                    @Override
                    public void onFrame(org.netstreamfx.capture.device.VideoFrame f) {
                        SquareSighting s = SquareSighting.find(f.captureTimeUs(), f.width(), f.height(), f.strideBytes(),
                                f.pixels());
                        if (s != null && s.left() > 2 && s.right() < f.width() - 3) {
                            sighting.complete(s);
                        }
                    }

                    @Override
                    public void onCaptureFailed(DeviceException failure) {
                        sighting.completeExceptionally(failure);
                    }
                })) {
                    assertEquals(new VideoFormat(300, 200, 10), capture.format());
                    SquareSighting s = sighting.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
                    assertEquals(300, s.frameWidth());
                    assertEquals(ScreenPainter.SQUARE_PX / 2.0, s.heightPx(), 4, s.toString());
                    assertEquals((ScreenPainter.TOP_PX + ScreenPainter.SQUARE_PX / 2.0) / 2.0, s.centreY(), 3,
                            "in the window's own coordinates: " + s);
                }
            } finally {
                painter.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                poller.shutdownNow();
            }
        }
    }

    /** The X id of the window titled {@code title} on {@code display}, as {@code xdotool search --name} prints it. */
    private static String windowId(String display, String title) throws Exception {
        String xdotool;
        try {
            xdotool = Tools.tool("xdotool").toString();
        } catch (IllegalStateException e) {
            throw new AssertionError("xdotool is needed to find a window's X id (package xdotool): " + e.getMessage(), e);
        }
        ProcessBuilder b = new ProcessBuilder(xdotool, "search", "--name", title).redirectErrorStream(true);
        b.environment().put("DISPLAY", display);
        Process p = b.start();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        String printed = out.get(WAIT.toMillis(), TimeUnit.MILLISECONDS).strip();
        assertTrue(p.waitFor(WAIT.toMillis(), TimeUnit.MILLISECONDS) && p.exitValue() == 0 && printed.matches("\\d+"),
                "xdotool search --name " + title + ": " + printed);
        return printed;
    }

    private static boolean publishing(java.io.ByteArrayOutputStream out) {
        return out.toString(StandardCharsets.UTF_8).contains("NetStream.Publish.Start");
    }

    private void publishAndWatch(XvfbDisplay x, Process painter) throws Exception {
        String id = "screen:" + x.display() + ",region=640x480+" + REGION_X + "+" + REGION_Y + ",cursor=off";
        Camera screen = new Devices(new CameraDiscovery("video4linux2"), List::of).camera(id);
        assertTrue(screen instanceof ScreenCamera, screen.getClass().toString());
        CaptureClock clock = CaptureClock.system();
        NetConnection nc = new NetConnection();
        List<NetStatusEvent> events = new CopyOnWriteArrayList<>();
        try {
            CompletableFuture<NetStatusEvent> connected = new CompletableFuture<>();
            nc.addNetStatusListener(connected::complete);
            nc.connect(NGINX.appUrl("live"));
            assertEquals("NetConnection.Connect.Success", connected.get(15, TimeUnit.SECONDS).code());
            NetStream ns = new NetStream(nc);
            ns.addNetStatusListener(events::add);
            ns.attachCamera(new CameraFeed(screen, H264Settings.of(OUT_W, OUT_H, FPS, 600).withKeyframeInterval(1),
                    clock));
            ns.attachAudio(new MicrophoneFeed(new ToneMicrophone(), new AacSettings(44_100, 2, 96), clock));
            ns.publish("screen1", "live");
            await("NetStream.Publish.Start", () -> codes(events).contains("NetStream.Publish.Start"), events);

            try (EngineRun player = new EngineRun(false, NGINX.appUrl("live"))) {
                List<SquareSighting> seen = new CopyOnWriteArrayList<>();
                List<String> sizes = new CopyOnWriteArrayList<>();
                player.ns.setVideoSink(new VideoSink() {
                    @Override
                    public void render(VideoFrame f) {
                        sizes.add(f.width() + "x" + f.height());
                        SquareSighting s = SquareSighting.find(f.ptsUs(), f.width(), f.height(), f.strideBytes(),
                                f.pixels());
                        if (s != null) {
                            seen.add(s);
                        }
                    }
                });
                player.ns.setBufferTime(0.2);
                player.ns.play("screen1");
                await("40 pictures with the square, seen in 6 places", () -> seen.size() >= 40
                        && seen.stream().map(s -> (int) s.centreX() / 4).distinct().count() >= 6, player.events);

                assertEquals(List.of(OUT_W + "x" + OUT_H), sizes.stream().distinct().toList(), "the asked size");
                checkSquare(seen);
                checkRate(seen, FPS);

                // Unplug: the X server goes away mid-publish.
                x.kill();
                assertFalse(x.alive());
                await("NetStreamFX.Publish.FeedFailed", () -> codes(events).contains("NetStreamFX.Publish.FeedFailed"),
                        events);
                NetStatusEvent failed = events.stream().filter(e -> e.code().equals("NetStreamFX.Publish.FeedFailed"))
                        .findFirst().orElseThrow();
                assertTrue(failed.isError());
                assertTrue(failed.description().contains("The screen \"" + id + "\""), failed.description());
                assertTrue(painter.waitFor(20, TimeUnit.SECONDS), "the painter ends with its display");

                // The stream goes on with audio: the player keeps receiving it, the publisher keeps publishing.
                double audioEndS = audioEnd(player);
                await("1.5 s more audio reaching the player after the screen failed",
                        () -> audioEnd(player) > audioEndS + 1.5, player.events);
                assertTrue(ns.publishing(), "still publishing after the screen failed");
                assertEquals(1, codes(events).stream().filter("NetStreamFX.Publish.FeedFailed"::equals).count(),
                        codes(events).toString());
                assertFalse(codes(events).contains("NetStream.Unpublish.Success"), codes(events).toString());
                assertTrue(player.escaped.isEmpty(), player.escaped.toString());
            }
            ns.publish(null);
            await("NetStream.Unpublish.Success", () -> codes(events).contains("NetStream.Unpublish.Success"), events);
            ns.close();
        } finally {
            nc.close();
        }
    }

    /** The square is 80 px at y 200..279 on the screen: in the region, halved, it is 40 px at y 70..109. */
    private static void checkSquare(List<SquareSighting> seen) {
        List<SquareSighting> whole = seen.stream().filter(s -> s.left() > 2 && s.right() < OUT_W - 3).toList();
        assertFalse(whole.isEmpty(), "the square wholly inside the picture at least once: " + seen);
        for (SquareSighting s : whole) {
            String where = "sighting " + s;
            assertEquals(ScreenPainter.SQUARE_PX / 2.0, s.widthPx(), 5, where);
            assertEquals(ScreenPainter.SQUARE_PX / 2.0, s.heightPx(), 5, where);
            assertEquals((ScreenPainter.TOP_PX - REGION_Y + ScreenPainter.SQUARE_PX / 2.0) / 2.0, s.centreY(), 3, where);
        }
    }

    /** Consecutive pictures are 1/fps apart (the median, so a late frame on a busy machine does not count). */
    private static void checkRate(List<SquareSighting> seen, int fps) {
        List<Long> gaps = new ArrayList<>();
        for (int i = 1; i < seen.size(); i++) {
            gaps.add(seen.get(i).ptsUs() - seen.get(i - 1).ptsUs());
        }
        gaps.sort(Long::compare);
        long medianUs = gaps.get(gaps.size() / 2);
        assertEquals(1_000_000.0 / fps, medianUs, 0.2 * 1_000_000.0 / fps, "median gap between pictures, µs: " + gaps);
    }

    /** How far the audio the player has received reaches: played time plus audio buffered ahead. */
    private static double audioEnd(EngineRun player) {
        return player.ns.time() + player.info().audioBufferLength();
    }

    private static Process startPainter(String display, Path work, String... geometry) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classes = Path.of(ScreenPainter.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .toString();
        Path log = work.resolve("painter.log");
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx64m", "-Djava.awt.headless=false", "-cp", classes,
                ScreenPainter.class.getName()));
        cmd.addAll(List.of(geometry));
        ProcessBuilder b = new ProcessBuilder(cmd).redirectError(log.toFile());
        b.environment().put("DISPLAY", display);
        Process p = b.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> ready = CompletableFuture.supplyAsync(() -> {
            try {
                return out.readLine();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        String line;
        try {
            line = ready.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            line = null;
        }
        if (!ScreenPainter.READY.equals(line)) {
            p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            throw new AssertionError("the painter did not paint on " + display + " (said " + line + "): "
                    + Files.readString(log));
        }
        return p;
    }

    private void await(String what, BooleanSupplier condition, List<NetStatusEvent> context) throws Exception {
        CompletableFuture<Void> met = new CompletableFuture<>();
        var task = poller.scheduleWithFixedDelay(() -> {
            if (condition.getAsBoolean()) {
                met.complete(null);
            }
        }, 0, 50, TimeUnit.MILLISECONDS);
        try {
            met.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out after " + WAIT + " waiting for " + what + "; events " + codes(context));
        } finally {
            task.cancel(false);
        }
    }

    private static List<String> codes(List<NetStatusEvent> events) {
        return events.stream().map(NetStatusEvent::code).toList();
    }
}
