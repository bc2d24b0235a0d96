package org.netstreamfx.capture.publish;

import java.util.Objects;
import java.util.function.Consumer;
import org.netstreamfx.capture.device.AudioBlock;
import org.netstreamfx.capture.device.AudioBlockListener;
import org.netstreamfx.capture.device.AudioCapture;
import org.netstreamfx.capture.device.CaptureClock;
import org.netstreamfx.capture.device.DeviceException;
import org.netstreamfx.capture.device.Microphone;
import org.netstreamfx.capture.device.PcmConverter;
import org.netstreamfx.capture.device.PcmFormat;
import org.netstreamfx.capture.encode.AacEncoder;
import org.netstreamfx.capture.encode.AacSettings;
import org.netstreamfx.capture.encode.EncoderException;
import org.netstreamfx.player.media.TrackKind;
import org.netstreamfx.player.publish.FeedConfig;
import org.netstreamfx.player.publish.FeedSink;
import org.netstreamfx.player.publish.MediaFeed;

/**
 * A microphone and an AAC-LC encoder as a {@link MediaFeed} for {@code NetStream.attachAudio}.
 * The microphone is asked for the rate and channels of the {@link AacSettings} (44.1 or 48 kHz,
 * mono or stereo, as FLV's AAC allows) and gives the closest it has; when that differs, a
 * {@link PcmConverter} remixes and resamples its blocks, so the encoder always gets what it was
 * made for. The block observer (the level meter) sees the device's own blocks.
 *
 * <p>Threads: blocks are encoded on the microphone's capture thread; {@link #start} and {@link
 * #stop} may be called from any thread.
 */
public final class MicrophoneFeed extends EncodingFeed<AudioCapture, AacEncoder> {
    private final Microphone microphone;
    private final AacSettings wanted;
    private final CaptureClock clock;
    private volatile Consumer<AudioBlock> blockObserver;
    // Guarded by the feed's lock (set when the encoder opens, used while encoding); null: no conversion.
    private PcmConverter converter;

    /** @param clock the capture clock shared with the camera */
    public MicrophoneFeed(Microphone microphone, AacSettings settings, CaptureClock clock) {
        super(TrackKind.AUDIO, "Microphone " + Objects.requireNonNull(microphone, "microphone").id());
        this.microphone = microphone;
        this.wanted = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    protected AudioCapture openCapture() throws DeviceException {
        return microphone.open(new PcmFormat(wanted.sampleRateHz(), wanted.channels()), clock, new Blocks());
    }

    @Override
    protected AacEncoder openEncoder(AudioCapture opened, FeedSink s) throws EncoderException {
        PcmFormat got = opened.format();
        PcmFormat encoded = new PcmFormat(wanted.sampleRateHz(), wanted.channels());
        converter = got.equals(encoded) ? null : new PcmConverter(got, encoded);
        AacEncoder e = new AacEncoder(wanted);
        s.configure(new FeedConfig(TrackKind.AUDIO, e.audioSpecificConfig(), Metadata.audio(wanted)));
        return e;
    }

    @Override
    public void requestKeyframe() {
        // Every AAC frame is a keyframe.
    }

    /**
     * Also hands every captured block to {@code observer} (a level meter), on the capture thread,
     * before it is encoded; null stops. The samples are valid only during the call.
     */
    public void setBlockObserver(Consumer<AudioBlock> observer) {
        blockObserver = observer;
    }

    /** Called on the microphone's capture thread. */
    private final class Blocks implements AudioBlockListener {
        @Override
        public void onAudio(AudioBlock block) {
            Consumer<AudioBlock> o = blockObserver;
            if (o != null) {
                o.accept(block);
            }
            encode(e -> {
                AudioBlock b = converter == null ? block : converter.convert(block);
                return e.encode(b.samples(), 0, b.frames() * b.format().channels(), b.captureTimeUs());
            }, "AAC");
        }

        @Override
        public void onCaptureFailed(DeviceException failure) {
            captureFailed(failure);
        }
    }
}
