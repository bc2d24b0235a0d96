package org.netstreamfx.capture.device;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Collects the first {@code wanted} frames (copying what the tests read) and reports failures. */
final class FrameCollector implements VideoFrameListener {
    /** What a test keeps of a frame. */
    record Seen(int width, int height, long captureTimeUs, long frameNumber, long decodedNumber, long deliveredAtUs) {
    }

    private final int wanted;
    private final CaptureClock clock;
    private final List<Seen> seen = new ArrayList<>();
    private final CompletableFuture<List<Seen>> done = new CompletableFuture<>();
    private ByteBuffer last;

    FrameCollector(int wanted, CaptureClock clock) {
        this.wanted = wanted;
        this.clock = clock;
    }

    @Override
    public synchronized void onFrame(VideoFrame frame) {
        if (seen.size() >= wanted) {
            return;
        }
        long decoded = TestPattern.readFrameNumber(frame.pixels(), frame.width(), frame.height(), frame.strideBytes());
        seen.add(new Seen(frame.width(), frame.height(), frame.captureTimeUs(), frame.frameNumber(), decoded,
                clock.nowUs()));
        last = ByteBuffer.allocate(frame.pixels().remaining());
        last.put(frame.pixels().duplicate()).flip();
        if (seen.size() == wanted) {
            done.complete(List.copyOf(seen));
        }
    }

    @Override
    public void onCaptureFailed(DeviceException failure) {
        done.completeExceptionally(failure);
    }

    List<Seen> await() throws Exception {
        return done.get(30, TimeUnit.SECONDS);
    }

    synchronized ByteBuffer lastPixels() {
        return last;
    }
}
