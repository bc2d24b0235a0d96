package org.netstreamfx.app.ui.publisher;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import org.netstreamfx.capture.device.AudioLevel;
import org.netstreamfx.capture.device.LoopbackDelayMeter;
import org.netstreamfx.player.net.NetStreamInfo;

/**
 * The publisher's live figures as read-only properties: time on air, the outgoing queue, dropped
 * frames, what is sent, the reconnect countdown, the microphone's level and the loopback delay.
 * Set by {@link PublisherViewModel} on the FX thread, four times a second.
 */
public final class PublishFigures {
    private final ReadOnlyDoubleWrapper onAirSeconds = new ReadOnlyDoubleWrapper(this, "onAirSeconds");
    private final ReadOnlyDoubleWrapper queueSeconds = new ReadOnlyDoubleWrapper(this, "queueSeconds");
    private final ReadOnlyLongWrapper droppedFrames = new ReadOnlyLongWrapper(this, "droppedFrames");
    private final ReadOnlyDoubleWrapper sentFps = new ReadOnlyDoubleWrapper(this, "sentFps");
    private final ReadOnlyDoubleWrapper sentKbps = new ReadOnlyDoubleWrapper(this, "sentKbps");
    private final ReadOnlyDoubleWrapper reconnectSeconds = new ReadOnlyDoubleWrapper(this, "reconnectSeconds", -1);
    private final ReadOnlyDoubleWrapper levelPeakDbfs = new ReadOnlyDoubleWrapper(this, "levelPeakDbfs", AudioLevel.SILENCE_DBFS);
    private final ReadOnlyDoubleWrapper levelRmsDbfs = new ReadOnlyDoubleWrapper(this, "levelRmsDbfs", AudioLevel.SILENCE_DBFS);
    private final ReadOnlyBooleanWrapper delayMeasurable = new ReadOnlyBooleanWrapper(this, "delayMeasurable");
    private final ReadOnlyDoubleWrapper delayLastMs = new ReadOnlyDoubleWrapper(this, "delayLastMs", Double.NaN);
    private final ReadOnlyDoubleWrapper delayMedianMs = new ReadOnlyDoubleWrapper(this, "delayMedianMs", Double.NaN);
    private final ReadOnlyDoubleWrapper delayP95Ms = new ReadOnlyDoubleWrapper(this, "delayP95Ms", Double.NaN);

    // Called on the FX thread by the view-model.

    void level(AudioLevel level) {
        levelPeakDbfs.set(level == null ? AudioLevel.SILENCE_DBFS : level.peakDbfs());
        levelRmsDbfs.set(level == null ? AudioLevel.SILENCE_DBFS : level.rmsDbfs());
    }

    /** @param reconnectInNanos time to the next reconnect try, negative when not reconnecting */
    void session(double onAir, long reconnectInNanos) {
        onAirSeconds.set(onAir);
        reconnectSeconds.set(reconnectInNanos < 0 ? -1 : reconnectInNanos / 1e9);
    }

    void stream(NetStreamInfo info) {
        queueSeconds.set(info.videoBufferLength());
        droppedFrames.set(info.droppedFrames());
        sentFps.set(info.currentFps());
        sentKbps.set(info.currentBytesPerSecond() * 8 / 1000);
    }

    void delay(LoopbackDelayMeter meter) {
        if (meter != null && meter.readCount() > 0) {
            delayLastMs.set(meter.lastUs() / 1000.0);
            delayMedianMs.set(meter.medianUs() / 1000.0);
            delayP95Ms.set(meter.p95Us() / 1000.0);
        }
    }

    void delayMeasurable(boolean measurable) {
        delayMeasurable.set(measurable);
    }

    /** Everything back to "nothing yet", for a new session. */
    void reset() {
        session(0, -1);
        sendingStopped();
        droppedFrames.set(0);
        delayLastMs.set(Double.NaN);
        delayMedianMs.set(Double.NaN);
        delayP95Ms.set(Double.NaN);
    }

    /** Nothing is being sent any more. */
    void sendingStopped() {
        queueSeconds.set(0);
        sentFps.set(0);
        sentKbps.set(0);
    }

    // Properties.

    /** Seconds since the first Publish.Start of the session (0 when not on air). */
    public ReadOnlyDoubleProperty onAirSecondsProperty() {
        return onAirSeconds.getReadOnlyProperty();
    }

    /** Seconds of media waiting in the outgoing queue. */
    public ReadOnlyDoubleProperty queueSecondsProperty() {
        return queueSeconds.getReadOnlyProperty();
    }

    /** Video frames the outgoing queue dropped because the network could not keep up. */
    public ReadOnlyLongProperty droppedFramesProperty() {
        return droppedFrames.getReadOnlyProperty();
    }

    /** Video frames sent per second. */
    public ReadOnlyDoubleProperty sentFpsProperty() {
        return sentFps.getReadOnlyProperty();
    }

    /** kbit/s sent, audio and video. */
    public ReadOnlyDoubleProperty sentKbpsProperty() {
        return sentKbps.getReadOnlyProperty();
    }

    /** Seconds until the next reconnect try, -1 when not reconnecting. */
    public ReadOnlyDoubleProperty reconnectSecondsProperty() {
        return reconnectSeconds.getReadOnlyProperty();
    }

    /** The microphone's peak level in dBFS (preview or live). */
    public ReadOnlyDoubleProperty levelPeakDbfsProperty() {
        return levelPeakDbfs.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty levelRmsDbfsProperty() {
        return levelRmsDbfs.getReadOnlyProperty();
    }

    /** Whether the delay can be measured: the camera is the test camera, with its frame counter. */
    public ReadOnlyBooleanProperty delayMeasurableProperty() {
        return delayMeasurable.getReadOnlyProperty();
    }

    /** The last measured end-to-end delay in ms, NaN before the first. */
    public ReadOnlyDoubleProperty delayLastMsProperty() {
        return delayLastMs.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty delayMedianMsProperty() {
        return delayMedianMs.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty delayP95MsProperty() {
        return delayP95Ms.getReadOnlyProperty();
    }
}
