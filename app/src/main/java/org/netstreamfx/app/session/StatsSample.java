package org.netstreamfx.app.session;

import java.util.LinkedHashMap;
import java.util.Map;
import org.netstreamfx.player.net.NetStream;
import org.netstreamfx.player.net.NetStreamInfo;

/**
 * One stats sample of a playing stream, the fields of a {@code "type":"stats"} line in the order
 * {@code nsfx play} prints them. Times in seconds as Flash's API speaks, except where the name
 * carries the unit.
 *
 * @param time           the playhead (NetStream.time)
 * @param bufferLength   seconds buffered ahead of the playhead
 * @param bufferTime     the buffer time asked for
 * @param fps            frames shown over the last second
 * @param videoFrames    video frames decoded
 * @param audioSamples   audio samples decoded, per channel
 * @param droppedFrames  frames decoded but not shown
 * @param renderedFrames frames shown
 * @param bytesLoaded    bytes loaded
 * @param bytesTotal     bytes in total (as known)
 * @param avDriftMs      last frame against the audio clock, ms (+ = late)
 * @param decodeErrors   packets a decoder rejected
 * @param rttMs          round-trip time to the server in ms, or NaN where the connection does not know it
 */
public record StatsSample(double time, double bufferLength, double bufferTime, double fps, long videoFrames,
                          long audioSamples, long droppedFrames, long renderedFrames, long bytesLoaded,
                          long bytesTotal, double avDriftMs, long decodeErrors, double rttMs) {

    /** The value of {@link #rttMs()} when the round-trip time is not known. */
    public static final double UNKNOWN = Double.NaN;

    /** A sample of {@code ns} now, rounded as the command line prints it; {@code rttMs} may be {@link #UNKNOWN}. */
    public static StatsSample of(NetStream ns, double rttMs) {
        NetStreamInfo info = ns.info();
        return new StatsSample(round3(ns.time()), round3(ns.bufferLength()), ns.bufferTime(), info.currentFps(),
                info.decodedFrames(), info.decodedAudioSamples(), info.droppedFrames(), info.renderedFrames(),
                ns.bytesLoaded(), ns.bytesTotal(), round3(info.avDriftMs()), info.decodeErrors(), rttMs);
    }

    public boolean rttKnown() {
        return !Double.isNaN(rttMs);
    }

    /** The line's fields, in the command line's order; {@code rttMs} last, and only when known. */
    public Map<String, Object> fields() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("time", time);
        m.put("bufferLength", bufferLength);
        m.put("bufferTime", bufferTime);
        m.put("fps", fps);
        m.put("videoFrames", videoFrames);
        m.put("audioSamples", audioSamples);
        m.put("droppedFrames", droppedFrames);
        m.put("renderedFrames", renderedFrames);
        m.put("bytesLoaded", bytesLoaded);
        m.put("bytesTotal", bytesTotal);
        m.put("avDriftMs", avDriftMs);
        m.put("decodeErrors", decodeErrors);
        if (rttKnown()) {
            m.put("rttMs", rttMs);
        }
        return m;
    }

    private static double round3(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
