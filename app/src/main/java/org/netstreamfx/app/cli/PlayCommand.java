package org.netstreamfx.app.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.netstreamfx.app.DaemonThreads;
import org.netstreamfx.app.StartupReport;
import org.netstreamfx.app.session.RecordingClient;
import org.netstreamfx.player.media.StreamTrack;
import org.netstreamfx.player.media.TrackKind;
import org.netstreamfx.player.net.NetConnection;
import org.netstreamfx.player.net.NetStatusCode;
import org.netstreamfx.player.net.NetStream;
import org.netstreamfx.player.net.NetStreamClient;
import org.netstreamfx.player.net.NetStreamInfo;
import org.netstreamfx.player.rtmp.client.RtmpOptions;
import org.netstreamfx.player.rtmp.client.RtmpUrl;
import org.netstreamfx.player.sink.NullAudioSink;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code nsfx play}: plays a file, an http(s) URL or an rtmp[s]:// stream headless and prints
 * every NetStatus event (of the NetConnection too, for RTMP), client callback and periodic stats.
 * Exit 0 at the end (or --duration), 1 after an error-level event.
 */
@Command(name = "play", mixinStandardHelpOptions = true,
        description = "Play a file, http(s) URL or rtmp[s]://host/app/stream headless; print events as JSON lines.")
public final class PlayCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "<file|url>",
            description = "A local file, an http(s) URL, or rtmp[s]://host[:port]/app[/instance]/stream.")
    String address;

    @Option(names = "--app", paramLabel = "APP[/INSTANCE]",
            description = "RTMP: the application part of the address (default: all but the last path segment).")
    String app;

    @Option(names = "--stream", paramLabel = "NAME",
            description = "RTMP: the stream name (default: the last path segment, with the query string).")
    String stream;

    @Option(names = "--trust-cert", paramLabel = "FILE",
            description = "rtmps: trust this one certificate (PEM or DER) instead of the system's; host names are still checked.")
    java.nio.file.Path trustCert;

    @Option(names = "--reconnect", paramLabel = "N",
            description = "RTMP: reconnect up to N times after an unexpected close (default 0).")
    int reconnect;

    @Option(names = "--silence-timeout", paramLabel = "S",
            description = "RTMP: a server silent this long, pings unanswered, is a dead connection (default 15).")
    double silenceTimeout = RtmpOptions.DEFAULT_SILENCE_TIMEOUT_MS / 1000.0;

    @Option(names = "--buffer-time", paramLabel = "S", description = "NetStream.bufferTime in seconds (default 0.1).")
    double bufferTime = NetStream.DEFAULT_BUFFER_TIME;

    @Option(names = "--buffer-time-max", paramLabel = "S", description = "NetStream.bufferTimeMax: a live stream "
            + "whose buffer goes over S seconds plays 6 % faster until it is back at bufferTime (default 0: the "
            + "default policy, from bufferTime + max(1 s, bufferTime)).")
    double bufferTimeMax;

    @Option(names = "--no-catch-up", description = "Live: without --buffer-time-max, never catch up or skip ahead "
            + "(Flash Player's behaviour).")
    boolean noCatchUp;

    @Option(names = "--duration", paramLabel = "S", description = "Stop after S seconds of media played "
            + "(from the --seek point if given, as ffmpeg's -t after -ss).")
    Double duration;

    @Option(names = "--seek", paramLabel = "S", description = "Seek to S seconds once playing starts.")
    Double seek;

    @Option(names = "--fast", description = "Play as fast as decoding allows (no pacing, no frame dropping).")
    boolean fast;

    @Option(names = "--no-audio", description = "Do not open an audio device (audio is still decoded and timed).")
    boolean noAudio;

    @Option(names = "--volume", paramLabel = "0..1", description = "Sound volume, 0 (silent) to 1 (as recorded; "
            + "the default), as ffplay's -volume and Flash's soundTransform.volume.")
    double volume = 1.0;

    @Option(names = "--speed", paramLabel = "R", description = "Play recorded media R times as fast, "
            + NetStream.MIN_PLAYBACK_RATE + " to " + NetStream.MAX_PLAYBACK_RATE + ", pitch kept (as mpv's --speed; "
            + "default 1). A live stream plays at 1 and says so (NetStreamFX.Playback.RateIgnored).")
    double speed = 1.0;

    @Option(names = "--video-track", paramLabel = "ID", description = "Enhanced RTMP multitrack: play video track ID "
            + "(the ids NetStreamFX.Tracks.Changed and `nsfx probe` list; default: the stream's first, normally 0), "
            + "as ffplay's -vst.")
    Integer videoTrack;

    @Option(names = "--audio-track", paramLabel = "ID", description = "Enhanced RTMP multitrack: play audio track ID "
            + "(default: the stream's first), as ffplay's -ast.")
    Integer audioTrack;

    @Option(names = "--audio-device", paramLabel = "ID", description = "Play through this sound output "
            + "(an id from `nsfx devices`; default: the system's default output, which follows the system's choice).")
    String audioDevice;

    @Option(names = "--events", paramLabel = "jsonl|text", description = "Output format (default jsonl).")
    EventFormat format = EventFormat.jsonl;

    @Option(names = "--rtmp-control", description = "Also print the raw RTMP control messages, both ways "
            + "(StreamBegin, SetBufferLength, Acknowledgement, SetChunkSize, ping…), as \"control\" lines.")
    boolean rtmpControl;

    @Option(names = "--stats-interval", paramLabel = "S", description = "Print stats every S seconds (default 1; 0: only at the end).")
    double statsInterval = 1.0;

    @Override
    public Integer call() {
        if (bufferTime < 0 || bufferTimeMax < 0 || (duration != null && duration <= 0) || (seek != null && seek < 0)
                || statsInterval < 0 || reconnect < 0 || !(volume >= 0 && volume <= 1)
                || !(silenceTimeout * 1000 >= RtmpOptions.MIN_SILENCE_TIMEOUT_MS)) {
            System.err.println("nsfx play: --buffer-time, --buffer-time-max, --seek and --stats-interval take 0 or "
                    + "more seconds; --duration takes more than 0; --reconnect 0 or more tries; --volume 0 to 1; "
                    + "--silence-timeout at least " + RtmpOptions.MIN_SILENCE_TIMEOUT_MS / 1000.0);
            return 2;
        }
        if (!(speed >= NetStream.MIN_PLAYBACK_RATE && speed <= NetStream.MAX_PLAYBACK_RATE)) {
            System.err.println("nsfx play: --speed takes " + NetStream.MIN_PLAYBACK_RATE + " to "
                    + NetStream.MAX_PLAYBACK_RATE + " (1 = normal speed), not " + speed);
            return 2;
        }
        for (Integer track : new Integer[] {videoTrack, audioTrack}) {
            if (track != null && (track < 0 || track > NetStream.MAX_TRACK_ID)) {
                System.err.println("nsfx play: --video-track and --audio-track take a track id, 0 to "
                        + NetStream.MAX_TRACK_ID + ", not " + track);
                return 2;
            }
        }
        if (audioDevice != null && !org.netstreamfx.player.sink.AudioOutputs.exists(audioDevice)) {
            System.err.println("nsfx play: no sound output \"" + audioDevice + "\"; `nsfx devices` lists the outputs "
                    + "there are (\"default\" is the system's default)");
            return 2;
        }
        RtmpUrl.PlayAddress rtmp = null;
        if (RtmpUrl.isRtmp(address)) {
            try {
                rtmp = RtmpUrl.splitPlay(address, app, stream);
            } catch (IllegalArgumentException e) {
                System.err.println("nsfx play: " + e.getMessage());
                return 2;
            }
        } else if (app != null || stream != null || trustCert != null) {
            System.err.println("nsfx play: --app, --stream and --trust-cert apply to rtmp:// and rtmps:// addresses");
            return 2;
        }
        long start = System.nanoTime();
        ExecutorService callbacks = Executors.newSingleThreadExecutor(r -> DaemonThreads.named(r, "nsfx-cli-events"));
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(
                r -> DaemonThreads.named(r, "nsfx-cli-stats"));
        EventPrinter printer = new EventPrinter(System.out, format, start);
        CountDownLatch done = new CountDownLatch(1);
        AtomicInteger exit = new AtomicInteger(0);
        AtomicBoolean seekIssued = new AtomicBoolean();
        AtomicBoolean seekCounted = new AtomicBoolean();
        AtomicReference<Double> stopAtSeconds = new AtomicReference<>(Double.POSITIVE_INFINITY);
        NetConnection nc = new NetConnection(callbacks);
        NetStream ns = new NetStream(nc);
        try {
            ns.setBufferTime(bufferTime);
            ns.setBufferTimeMax(bufferTimeMax);
            ns.setDefaultLiveCatchUp(!noCatchUp);
            ns.setPacing(fast ? NetStream.Pacing.AS_FAST_AS_POSSIBLE : NetStream.Pacing.REAL_TIME);
            if (noAudio || fast) {
                ns.setAudioSink(new NullAudioSink());
            }
            if (StartupReport.enabled()) {
                ns.setVideoSink(frame -> StartupReport.reached(StartupReport.FIRST_PICTURE));
            }
            ns.setAudioDevice(audioDevice);
            ns.setVolume(volume);
            ns.setPlaybackRate(speed);
            if (videoTrack != null) {
                ns.selectVideoTrack(videoTrack);
            }
            if (audioTrack != null) {
                ns.selectAudioTrack(audioTrack);
            }
            AtomicBoolean trackWarned = new AtomicBoolean();
            // Every callback is printed; Play.Complete also ends the run.
            ns.setClient(new RecordingClient(printer::callback, new NetStreamClient() {
                @Override
                public void onPlayStatus(Map<String, Object> info) {
                    if ("NetStream.Play.Complete".equals(info.get("code"))) {
                        done.countDown();
                    }
                }
            }));
            // A server may echo the play name in its descriptions: its query (keys, tokens) is masked.
            String secret = address.contains("?") ? address.substring(address.indexOf('?') + 1) : null;
            ns.addNetStatusListener(e -> {
                printer.status(RecordCommand.redacted(e, secret));
                if (e.isError()) {
                    exit.set(1);
                    if (!e.is(NetStatusCode.NETSTREAM_SEEK_INVALIDTIME) && !e.is(NetStatusCode.NETSTREAM_SEEK_FAILED)) {
                        done.countDown();
                    }
                }
                if (e.is(NetStatusCode.NSFX_TRACKS_CHANGED) && trackWarned.compareAndSet(false, true)) {
                    warnMissingTracks(ns.info().tracks());
                }
                if (e.is(NetStatusCode.NETSTREAM_PLAY_START) && seek != null && seekIssued.compareAndSet(false, true)) {
                    ns.seek(seek);
                }
                if (duration != null && seek != null && seekCounted.compareAndSet(false, true)) {
                    if (e.is(NetStatusCode.NETSTREAM_SEEK_NOTIFY)) {
                        // The engine's Seek.Notify carries where it landed; a server's may not (--seek stands).
                        if (e.details() instanceof Number at) {
                            stopAtSeconds.set(at.doubleValue() + duration);
                        }
                    } else if (e.is(NetStatusCode.NETSTREAM_SEEK_INVALIDTIME) || e.is(NetStatusCode.NETSTREAM_SEEK_FAILED)) {
                        stopAtSeconds.set(ns.time() + duration); // it plays on from where it was
                    } else {
                        seekCounted.set(false); // not the seek's outcome yet
                    }
                }
            });
            if (statsInterval > 0) {
                long periodMs = Math.max(10, Math.round(statsInterval * 1000));
                ticker.scheduleAtFixedRate(() -> callbacks.execute(() -> printer.stats(stats(ns), System.nanoTime())),
                        periodMs, periodMs, TimeUnit.MILLISECONDS);
            }
            if (duration != null) {
                // --duration counts media seconds played: from 0, or from the --seek point (where Seek.Notify
                // says it landed; where it plays on from after Seek.InvalidTime or Seek.Failed).
                stopAtSeconds.set((seek == null ? 0 : seek) + duration);
                ticker.scheduleAtFixedRate(() -> {
                    if (ns.time() >= stopAtSeconds.get()) {
                        done.countDown();
                    }
                }, 5, 5, TimeUnit.MILLISECONDS);
            }
            if (rtmp == null) {
                nc.connect(null);
                ns.play(address);
            } else {
                RtmpUrl.PlayAddress target = rtmp;
                nc.setRtmpOptions(NsfxCommand.rtmpOptions(trustCert, silenceTimeout, reconnect));
                if (rtmpControl) {
                    nc.addRtmpControlListener(printer::control);
                }
                nc.addNetStatusListener(e -> {
                    printer.status(RecordCommand.redacted(e, secret));
                    if (e.is(NetStatusCode.NETCONNECTION_CONNECT_SUCCESS)) {
                        ns.play(target.streamName());
                    } else if (e.isError() || e.is(NetStatusCode.NETCONNECTION_CONNECT_CLOSED)) {
                        exit.set(1);
                        done.countDown();
                    }
                });
                ticker.scheduleAtFixedRate(() -> {
                    if (ns.ended()) {
                        done.countDown();
                    }
                }, 50, 50, TimeUnit.MILLISECONDS);
                nc.connect(target.connection().tcUrl());
            }
            done.await();
            ticker.shutdownNow();
            Map<String, Object> last = stats(ns);
            long lastNanos = System.nanoTime();
            // close() returns at once; a recording is finished and the threads released after.
            ns.close().toCompletableFuture().get(NsfxCommand.CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
            callbacks.submit(() -> printer.stats(last, lastNanos)).get(5, TimeUnit.SECONDS);
            return exit.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } catch (Exception e) {
            System.err.println("nsfx play: " + e.getMessage());
            return 1;
        } finally {
            ticker.shutdownNow();
            nc.close();
            DaemonThreads.shutdownAndWait(callbacks);
        }
    }

    /** A --video-track or --audio-track the stream's first listing does not have: it plays its default until the track comes. */
    private void warnMissingTracks(List<StreamTrack> tracks) {
        for (TrackKind kind : TrackKind.values()) {
            Integer wanted = kind == TrackKind.VIDEO ? videoTrack : audioTrack;
            List<Integer> ids = tracks.stream().filter(t -> t.kind() == kind).map(StreamTrack::id).toList();
            if (wanted != null && !ids.contains(wanted)) {
                String name = kind == TrackKind.VIDEO ? "video" : "audio";
                System.err.println("nsfx play: the stream has no " + name + " track " + wanted + " (its " + name
                        + " tracks: " + ids + "); its first plays until track " + wanted + " comes");
            }
        }
    }

    private Map<String, Object> stats(NetStream ns) {
        NetStreamInfo info = ns.info();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("time", round3(ns.time()));
        m.put("bufferLength", round3(ns.bufferLength()));
        m.put("bufferTime", ns.bufferTime());
        m.put("fps", info.currentFps());
        m.put("videoFrames", info.decodedFrames());
        m.put("audioSamples", info.decodedAudioSamples());
        m.put("droppedFrames", info.droppedFrames());
        m.put("renderedFrames", info.renderedFrames());
        m.put("bytesLoaded", ns.bytesLoaded());
        m.put("bytesTotal", ns.bytesTotal());
        m.put("avDriftMs", round3(info.avDriftMs()));
        m.put("decodeErrors", info.decodeErrors());
        m.put("playbackRate", ns.currentPlaybackRate());
        m.put("skippedFrames", ns.skippedFrames());
        m.put("videoTrack", ns.playingTrack(TrackKind.VIDEO));
        m.put("audioTrack", ns.playingTrack(TrackKind.AUDIO));
        return m;
    }

    private static double round3(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
