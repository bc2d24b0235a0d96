package org.netstreamfx.app.cli;

import org.netstreamfx.player.net.NetStatusListener;
import org.netstreamfx.player.net.RecordEvents;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.netstreamfx.player.media.MediaPacket;
import org.netstreamfx.player.media.TrackFormat;
import org.netstreamfx.player.net.NetConnection;
import org.netstreamfx.player.net.NetStatusCode;
import org.netstreamfx.player.net.NetStatusEvent;
import org.netstreamfx.player.net.NetStream;
import org.netstreamfx.player.record.FlvRecorder;
import org.netstreamfx.player.record.FragmentedMp4Recorder;
import org.netstreamfx.player.record.ForwardingRecorder;
import org.netstreamfx.player.record.Recorder;
import org.netstreamfx.player.rtmp.client.ReconnectPolicy;
import org.netstreamfx.player.rtmp.client.RtmpUrl;
import org.netstreamfx.player.sink.NullAudioSink;
import org.netstreamfx.player.util.Redact;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code nsfx record}: records what a file, an http(s) URL or an rtmp[s]:// stream plays, as it
 * arrives (no re-encoding), to FLV or fragmented MP4 with {@link NetStream#recordPlayed}, and
 * prints the same events as {@code nsfx play}. Files and downloads are read as fast as the data
 * comes (the engine's fast pacing; the packets are still decoded, into null sinks, since the
 * engine plays what it records); a live stream is recorded until --duration or Ctrl-C, which
 * finishes the file before exiting. Exit 0 after Record.Stop, 1 after an error-level event.
 */
@Command(name = "record", mixinStandardHelpOptions = true,
        description = "Record a file, http(s) URL or rtmp[s]://host/app/stream to FLV or fragmented MP4; "
                + "print events as JSON lines.")
public final class RecordCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "<file|url>",
            description = "A local file, an http(s) URL, or rtmp[s]://host[:port]/app[/instance]/stream.")
    String address;

    @Option(names = "--to", required = true, paramLabel = "FILE", description = "The file to record to.")
    Path to;

    @Option(names = "--format", paramLabel = "flv|mp4",
            description = "flv or mp4 (fragmented); default: from the extension of --to (.flv, else mp4).")
    String format;

    @Option(names = "--duration", paramLabel = "S", description = "Record S seconds of media, then stop.")
    Double duration;

    @Option(names = "--reconnect", paramLabel = "N", description = "RTMP: reconnect up to N times after an "
            + "unexpected close and record on in the same file, the gap marked (default 0).")
    int reconnect;

    @Option(names = "--events", paramLabel = "jsonl|text", description = "Output format (default jsonl).")
    EventFormat events = EventFormat.jsonl;

    @Override
    public Integer call() {
        String shown = Redact.url(address);
        if (duration != null && !(duration > 0)) {
            System.err.println("nsfx record: --duration takes more than 0 seconds");
            return 2;
        }
        if (reconnect < 0) {
            System.err.println("nsfx record: --reconnect takes 0 or more tries");
            return 2;
        }
        String kind = format != null ? format.toLowerCase(Locale.ROOT)
                : to.toString().toLowerCase(Locale.ROOT).endsWith(".flv") ? "flv" : "mp4";
        if (!kind.equals("flv") && !kind.equals("mp4")) {
            System.err.println("nsfx record: --format is flv or mp4, not " + format);
            return 2;
        }
        RtmpUrl.PlayAddress rtmp = null;
        if (RtmpUrl.isRtmp(address)) {
            try {
                rtmp = RtmpUrl.splitPlay(address, null, null);
            } catch (IllegalArgumentException e) {
                System.err.println("nsfx record: " + Redact.url(e.getMessage()));
                return 2;
            }
        }
        // A file plays on to Play.Stop (the demux reaches the end, and stops the recording, first).
        boolean stopsAtRecordStop = rtmp != null || duration != null;
        String secret = address.contains("?") ? address.substring(address.indexOf('?') + 1) : null;
        ExecutorService callbacks = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "nsfx-cli-events");
            t.setDaemon(true);
            return t;
        });
        EventPrinter printer = new EventPrinter(System.out, events, System.nanoTime());
        CountDownLatch done = new CountDownLatch(1);
        AtomicInteger exit = new AtomicInteger(0);
        NetConnection nc = new NetConnection(callbacks);
        NetStream ns = new NetStream(nc);
        NetStatusListener onEvent = e -> {
            printer.status(redacted(e, secret));
            if (e.isError()) {
                exit.set(1);
                done.countDown();
            } else if (e.is(NetStatusCode.NETSTREAM_RECORD_STOP) && stopsAtRecordStop) {
                done.countDown();
            }
        };
        Recorder file = kind.equals("flv") ? new FlvRecorder(to, callbacks, RecordEvents.forwardingTo(onEvent))
                : new FragmentedMp4Recorder(to, callbacks, RecordEvents.forwardingTo(onEvent));
        Recorder recorder = duration == null ? file : new Limited(file, Math.round(duration * 1e6));
        CountDownLatch finished = new CountDownLatch(1);
        AtomicInteger result = new AtomicInteger(1);
        // Ctrl-C: finish the file, print what is left, then end the JVM with our exit status (not 130).
        Thread hook = new Thread(() -> {
            ns.stopRecording();
            done.countDown();
            awaitQuietly(finished, 10);
            Runtime.getRuntime().halt(result.get());
        }, "nsfx-record-stop");
        try {
            ns.setAudioSink(new NullAudioSink());
            ns.addNetStatusListener(e -> {
                if (e.code().startsWith("NetStream.Record.")) {
                    onEvent.onNetStatus(e);
                    return;
                }
                printer.status(redacted(e, secret));
                if (e.isError()) {
                    exit.set(1);
                    done.countDown();
                } else if (e.is(NetStatusCode.NETSTREAM_PLAY_STOP)
                        || e.is(NetStatusCode.NETSTREAM_PLAY_UNPUBLISHNOTIFY)) {
                    ns.stopRecording(); // at the end of a file the recording has stopped already
                    done.countDown(); // a Record.Stop still queued is printed before the exit
                }
            });
            ns.recordPlayed(recorder);
            Runtime.getRuntime().addShutdownHook(hook);
            if (rtmp == null) {
                ns.setPacing(NetStream.Pacing.AS_FAST_AS_POSSIBLE);
                nc.connect(null);
                ns.play(address);
            } else {
                RtmpUrl.PlayAddress target = rtmp;
                nc.addNetStatusListener(e -> {
                    printer.status(redacted(e, secret));
                    if (e.is(NetStatusCode.NETCONNECTION_CONNECT_SUCCESS)) {
                        ns.play(target.streamName());
                    } else if (e.isError() || e.is(NetStatusCode.NETCONNECTION_CONNECT_CLOSED)) {
                        exit.set(1);
                        done.countDown();
                    }
                });
                if (reconnect > 0) {
                    nc.setRtmpOptions(nc.rtmpOptions().withReconnect(ReconnectPolicy.tries(reconnect)));
                }
                nc.connect(target.connection().tcUrl());
            }
            done.await();
            // close() returns at once; the file is finished (Record.Stop) and the threads released after.
            ns.close().toCompletableFuture().get(NsfxCommand.CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
            callbacks.submit(() -> { }).get(5, TimeUnit.SECONDS);
            result.set(exit.get());
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } catch (Exception e) {
            System.err.println("nsfx record: " + Redact.url(String.valueOf(e.getMessage())) + " (" + shown + ")");
            return 1;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl-C: the hook is running and finishes the file.
            }
            nc.close();
            callbacks.shutdown();
            finished.countDown();
        }
    }

    private static void awaitQuietly(CountDownLatch latch, int seconds) {
        try {
            latch.await(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The event with {@code secret} (an address's query: keys, tokens) masked wherever it shows. */
    static NetStatusEvent redacted(NetStatusEvent e, String secret) {
        if (secret == null || secret.isEmpty()) {
            return e;
        }
        Map<String, Object> info = new LinkedHashMap<>();
        e.info().forEach((k, v) -> info.put(k, v instanceof String s ? Redact.secret(s, secret) : v));
        Object details = e.details() instanceof String s ? Redact.secret(s, secret) : e.details();
        return new NetStatusEvent(e.code(), e.level(), Redact.secret(e.description(), secret), details, info,
                e.monotonicNanos());
    }

    /**
     * --duration: passes packets on until {@code limitUs} of media from the first one, then stops
     * the recording (Record.Stop), so the file holds that much whatever the read-ahead.
     */
    static final class Limited extends ForwardingRecorder {
        private final long limitUs;
        private long firstDtsUs = Long.MIN_VALUE;

        Limited(Recorder file, long limitUs) {
            super(file);
            this.limitUs = limitUs;
        }

        @Override
        public synchronized void write(MediaPacket packet) {
            if (file.state() != State.RECORDING) {
                return;
            }
            long before = file.packetsWritten();
            if (firstDtsUs != Long.MIN_VALUE && packet.dtsUs() - firstDtsUs >= limitUs) {
                file.stop();
                return;
            }
            file.write(packet);
            if (firstDtsUs == Long.MIN_VALUE && file.packetsWritten() > before) {
                firstDtsUs = packet.dtsUs(); // the keyframe the file starts with
            }
        }
    }
}
