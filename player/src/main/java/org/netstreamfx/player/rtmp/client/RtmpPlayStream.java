package org.netstreamfx.player.rtmp.client;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.netstreamfx.player.amf.AmfValue;
import org.netstreamfx.player.amf.AmfValue.AmfBoolean;
import org.netstreamfx.player.amf.AmfValue.AmfNull;
import org.netstreamfx.player.amf.AmfValue.AmfNumber;
import org.netstreamfx.player.amf.AmfValue.AmfString;
import org.netstreamfx.player.rtmp.message.RtmpMessage;
import org.netstreamfx.player.rtmp.message.UserControl;
import org.netstreamfx.player.wire.WireFormatException;

/**
 * One NetStream playing over RTMP (Adobe RTMP specification 1.0, section 7.2.2): createStream
 * (7.2.1.3), then play (7.2.2.1) with SetBufferLength (7.1.7) before it; pause (7.2.2.8), seek
 * (7.2.2.7), receiveAudio/receiveVideo (7.2.2.4/5), and closeStream + deleteStream (7.2.2.3,
 * 7.2.1.x) at the end. What the server sends for the stream goes to {@link Events}: every
 * onStatus whole, media and data messages, and what they mean for the buffer (reset, end).
 *
 * <p>Start and length are seconds at this edge, milliseconds on the wire, as Flash Player sends
 * them: start -2 (live, else recorded), -1 (live only), or a position; length -1 (to the end).
 *
 * <p>Threads: the public methods may be called from any thread; {@link Events} are called on the
 * connection's reader thread.
 */
public final class RtmpPlayStream implements StreamListener {
    /** What was asked of play(). */
    public record PlayRequest(String name, double startSeconds, double lengthSeconds, boolean reset) {
        public PlayRequest {
            if (name == null || name.isEmpty()) {
                throw new IllegalArgumentException("stream name missing");
            }
            if (!(startSeconds >= -2) || !(lengthSeconds >= -1)) {
                throw new IllegalArgumentException("play start " + startSeconds + " must be -2, -1 or >= 0 and length "
                        + lengthSeconds + " -1 or >= 0");
            }
        }

        /** True for -2 and -1 (a live stream is accepted). */
        public boolean mayBeLive() {
            return startSeconds < 0;
        }
    }

    /** What the stream reports. Called on the reader thread. */
    public interface Events {
        /** An onStatus (or other command) the server sent for the stream, info object whole. */
        void status(Map<String, Object> info);

        /** Audio, video, data or aggregate message. */
        void media(RtmpMessage message);

        /** Play.Reset or Seek.Notify: what is queued belongs to the old position. */
        void reset();

        /**
         * No more media: Play.Stop, StreamEOF of a recorded stream outside a seek or pause,
         * UnpublishNotify of a recorded stream.
         */
        void end();

        /** The stream cannot be played: createStream failed or its answer was malformed. */
        void failed(String description);

        /** The server said the stream is recorded (User Control StreamIsRecorded, RTMP spec 7.1.7). */
        void recorded();
    }

    private final RtmpConnection connection;
    private final PlayRequest request;
    private final Events events;
    private final Object lock = new Object();
    // Guarded by lock.
    private int streamId;
    private boolean closed;
    private long bufferTimeMs;
    private boolean receiveAudio = true;
    private boolean receiveVideo = true;
    private boolean seekPending;
    private boolean paused;
    private boolean recorded;

    public RtmpPlayStream(RtmpConnection connection, PlayRequest request, long bufferTimeMs, Events events) {
        this.connection = connection;
        this.request = request;
        this.events = events;
        this.bufferTimeMs = bufferTimeMs;
    }

    public PlayRequest request() {
        return request;
    }

    /** The message stream id, 0 until createStream has answered. */
    public int streamId() {
        synchronized (lock) {
            return streamId;
        }
    }

    /** Sends createStream; play follows its answer. */
    public void start() {
        connection.call("createStream", AmfNull.INSTANCE, List.of(), new Answer() {
            @Override
            public void result(Command result) {
                try {
                    created(streamIdOf(result));
                } catch (WireFormatException e) {
                    events.failed("Malformed createStream answer: " + e.getMessage());
                } catch (IOException e) {
                    events.failed("Could not send play: " + e.getMessage());
                }
            }

            @Override
            public void error(Command error) {
                Map<String, Object> info = error.payloadMap();
                Object d = info.get("description");
                events.failed("The server refused createStream" + (d instanceof String s ? ": " + s : "."));
            }

            @Override
            public void failed(String description, boolean malformed) {
                events.failed(description);
            }
        });
    }

    /** The message stream id in a createStream {@code _result}, checked: an integer 1..2^31-1. */
    static int streamIdOf(Command result) throws WireFormatException {
        AmfValue v = result.payload();
        if (!(v instanceof AmfNumber n)) {
            throw new WireFormatException("createStream result stream id",
                    "createStream result stream id must be an AMF number, not " + v + " (RTMP 7.2.1.3)");
        }
        double d = n.value();
        if (!(d >= 1 && d <= Integer.MAX_VALUE) || d != Math.rint(d)) {
            throw WireFormatException.outOfRange("createStream result stream id", (long) d,
                    "must be an integer 1..2147483647 (RTMP 7.2.1.3), was " + d);
        }
        return (int) d;
    }

    private void created(int id) throws IOException {
        long bufferMs;
        boolean audio;
        boolean video;
        synchronized (lock) {
            if (closed) {
                connection.streamCommand(0, "deleteStream", List.of(new AmfNumber(id)));
                return;
            }
            streamId = id;
            bufferMs = bufferTimeMs;
            audio = receiveAudio;
            video = receiveVideo;
        }
        connection.registerStream(id, this);
        connection.sendControl(new UserControl.SetBufferLength(id, bufferMs));
        List<AmfValue> args = new ArrayList<>();
        args.add(new AmfString(request.name()));
        args.add(new AmfNumber(request.startSeconds() * 1000));
        if (request.lengthSeconds() != -1 || !request.reset()) {
            args.add(new AmfNumber(request.lengthSeconds() * 1000));
            args.add(AmfBoolean.of(request.reset()));
        }
        connection.streamCommand(id, "play", args);
        if (!audio) {
            connection.streamCommand(id, "receiveAudio", List.of(AmfBoolean.FALSE));
        }
        if (!video) {
            connection.streamCommand(id, "receiveVideo", List.of(AmfBoolean.FALSE));
        }
    }

    /** pause (true) or resume (false) at {@code positionMs} (7.2.2.8). */
    public void pause(boolean pause, long positionMs) throws IOException {
        command(recorded(() -> paused = pause), "pause",
                List.of(AmfBoolean.of(pause), new AmfNumber(Math.max(0, positionMs))));
    }

    /** Server-side seek to {@code positionMs} (7.2.2.7). */
    public void seek(long positionMs) throws IOException {
        command(recorded(() -> seekPending = streamId != 0), "seek", List.of(new AmfNumber(Math.max(0, positionMs))));
    }

    public void receiveAudio(boolean on) throws IOException {
        command(recorded(() -> receiveAudio = on), "receiveAudio", List.of(AmfBoolean.of(on)));
    }

    public void receiveVideo(boolean on) throws IOException {
        command(recorded(() -> receiveVideo = on), "receiveVideo", List.of(AmfBoolean.of(on)));
    }

    /** Tells the server how much the client buffers (User Control SetBufferLength, 7.1.7). */
    public void setBufferTimeMs(long ms) throws IOException {
        int id = recorded(() -> bufferTimeMs = ms);
        if (id != 0) {
            connection.sendControl(new UserControl.SetBufferLength(id, Math.min(ms, 0xFFFFFFFFL)));
        }
    }

    /**
     * Applies a setting's {@code change} to this stream's state under the lock, and returns the
     * stream id as it was then: 0 while the server has not made the stream yet (nothing is sent
     * then; the buffer time and receive flags recorded go out once it has), else where to send it.
     */
    private int recorded(Runnable change) {
        synchronized (lock) {
            change.run();
            return streamId;
        }
    }

    /** Sends {@code name} on stream {@code id}, unless there is no stream yet (id 0). */
    private void command(int id, String name, List<AmfValue> args) throws IOException {
        if (id != 0) {
            connection.streamCommand(id, name, args);
        }
    }

    /** closeStream on the stream, then deleteStream; best effort when the connection is gone. */
    public void close() {
        int id;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            id = streamId;
        }
        if (id == 0) {
            return;
        }
        connection.unregisterStream(id);
        try {
            connection.streamCommand(id, "closeStream", List.of());
            connection.streamCommand(0, "deleteStream", List.of(new AmfNumber(id)));
        } catch (IOException e) {
            // The connection is gone, and with it the stream on the server.
        }
    }

    // StreamListener: called on the reader thread.

    @Override
    public void command(Command command) {
        Map<String, Object> info = command.payloadMap();
        Object code = info.get("code");
        if (code instanceof String c) {
            switch (c) {
                case "NetStream.Play.Reset" -> events.reset();
                case "NetStream.Seek.Notify" -> {
                    synchronized (lock) {
                        seekPending = false;
                    }
                    events.reset();
                }
                case "NetStream.Seek.Failed", "NetStream.Seek.InvalidTime" -> {
                    synchronized (lock) {
                        seekPending = false;
                    }
                }
                default -> {
                }
            }
        }
        if (command.name().equals("onStatus") || code != null) {
            events.status(info);
        } else {
            Map<String, Object> wrapped = new java.util.LinkedHashMap<>();
            wrapped.put("code", command.name());
            wrapped.put("level", "status");
            wrapped.put("details", command.javaArgs());
            events.status(wrapped);
        }
        if ("NetStream.Play.Stop".equals(code) || ("NetStream.Play.UnpublishNotify".equals(code) && isRecorded())) {
            events.end();
        }
    }

    private boolean isRecorded() {
        synchronized (lock) {
            return recorded;
        }
    }

    @Override
    public void media(RtmpMessage message) {
        events.media(message);
    }

    @Override
    public void userControl(UserControl event) {
        if (event instanceof UserControl.StreamIsRecorded) {
            synchronized (lock) {
                recorded = true;
            }
            events.recorded();
        } else if (event instanceof UserControl.StreamEof) {
            // Servers also send StreamEOF around a seek or a pause of a recorded stream (nginx-rtmp
            // stops and restarts its reader): only a recorded stream playing on has ended.
            boolean ended;
            synchronized (lock) {
                ended = recorded && !seekPending && !paused;
            }
            if (ended) {
                events.end();
            }
        }
    }
}
