package org.netstreamfx.capture.feed;

import java.util.ArrayList;
import java.util.List;
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
import org.netstreamfx.capture.device.SilenceMicrophone;
import org.netstreamfx.capture.encode.EncodedPacket;
import org.netstreamfx.capture.encode.AacEncoder;
import org.netstreamfx.capture.encode.AacSettings;
import org.netstreamfx.capture.encode.AudioEncoder;
import org.netstreamfx.capture.encode.EncoderException;
import org.netstreamfx.capture.encode.OpusEncoder;
import org.netstreamfx.player.publish.FeedCodec;
import org.netstreamfx.player.media.TrackKind;
import org.netstreamfx.player.publish.FeedConfig;
import org.netstreamfx.player.publish.FeedSink;
import org.netstreamfx.player.publish.MediaFeed;

/**
 * A microphone and an AAC-LC or Opus encoder as a {@link MediaFeed} for {@code
 * NetStream.attachAudio}. The microphone is asked for the rate and channels of the {@link
 * AacSettings} (44.1 or 48 kHz, mono or stereo, as FLV's AAC allows; Opus always at 48 kHz) and
 * gives the closest it has; when that differs, a
 * {@link PcmConverter} remixes and resamples its blocks, so the encoder always gets what it was
 * made for. The block observer (the level meter) sees the device's own blocks.
 *
 * <p>A microphone lost while publishing (unplugged, the sound server gone) is reported once
 * through {@link FeedSink#failed} ({@code NetStreamFX.Publish.FeedFailed}, naming it), and
 * {@link SilenceMicrophone silence} takes its place from where its audio stopped: the stream's
 * audio track runs on, so players that buffer every track (Flash's, ours) go on showing the
 * picture. A microphone that cannot be opened at all gives no audio track.
 *
 * <p>Threads: blocks are encoded on the microphone's capture thread; {@link #start} and {@link
 * #stop} may be called from any thread.
 */
public final class MicrophoneFeed extends EncodingFeed<AudioCapture, AudioEncoder> {
    private final Microphone microphone;
    private final AacSettings wanted;
    private final CaptureClock clock;
    private final FeedCodec codec;
    /**
     * How this feed's {@code NetStreamFX.Publish.FeedFailed} descriptions begin ("Microphone
     * &lt;id&gt; …"): a publisher tells a lost microphone, after which the camera goes on, from a lost camera.
     */
    public static final String LABEL = "Microphone ";
    /** The longest stall filled with silence at once after a lost microphone. */
    static final int MAX_GAP_FILL_S = 10;
    private volatile Consumer<AudioBlock> blockObserver;
    // Guarded by the feed's lock (set when the encoder opens, used while encoding); null: no conversion.
    private PcmConverter converter;
    // Guarded by the feed's lock: the first encoded block's capture time and the frames encoded since.
    private long firstCaptureUs = Long.MIN_VALUE;
    private long framesEncoded;
    private short[] silence = new short[0];

    /** @param clock the capture clock shared with the camera */
    public MicrophoneFeed(Microphone microphone, AacSettings settings, CaptureClock clock) {
        this(microphone, settings, FeedCodec.AAC, clock);
    }

    /** The same encoded as {@code codec}: AAC, or Opus (which needs {@code settings} at 48000 Hz). */
    public MicrophoneFeed(Microphone microphone, AacSettings settings, FeedCodec codec, CaptureClock clock) {
        super(TrackKind.AUDIO, LABEL + Objects.requireNonNull(microphone, "microphone").id());
        this.microphone = microphone;
        this.wanted = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.codec = Objects.requireNonNull(codec, "codec");
        if (codec != FeedCodec.AAC && codec != FeedCodec.OPUS) {
            throw new IllegalArgumentException(codec + " is not an audio codec this feed encodes (AAC, OPUS)");
        }
    }

    @Override
    protected AudioCapture openCapture() throws DeviceException {
        return microphone.open(new PcmFormat(wanted.sampleRateHz(), wanted.channels()), clock, new Blocks(false));
    }

    @Override
    protected AudioEncoder openEncoder(AudioCapture opened, FeedSink s) throws EncoderException {
        PcmFormat got = opened.format();
        PcmFormat encoded = new PcmFormat(wanted.sampleRateHz(), wanted.channels());
        converter = got.equals(encoded) ? null : new PcmConverter(got, encoded);
        AudioEncoder e = codec == FeedCodec.OPUS ? new OpusEncoder(wanted) : new AacEncoder(wanted);
        s.configure(new FeedConfig(TrackKind.AUDIO, e.decoderConfig(), Metadata.audio(wanted, codec), codec));
        return e;
    }

    @Override
    public void requestKeyframe() {
        // Every AAC and Opus frame is a keyframe.
    }

    /**
     * Also hands every captured block to {@code observer} (a level meter), on the capture thread,
     * before it is encoded; null stops. The samples are valid only during the call.
     */
    public void setBlockObserver(Consumer<AudioBlock> observer) {
        blockObserver = observer;
    }

    /**
     * The microphone's blocks, or the silence's after it was lost ({@code replacing}): the
     * silence's first block first fills what is missing since the last block encoded (the
     * device's stall), so the audio track's sample count meets the clock again.
     * Called on the capture's thread.
     */
    private final class Blocks implements AudioBlockListener {
        private final boolean replacing;

        Blocks(boolean replacing) {
            this.replacing = replacing;
        }

        @Override
        public void onAudio(AudioBlock block) {
            Consumer<AudioBlock> o = blockObserver;
            if (o != null) {
                o.accept(block);
            }
            encode(e -> {
                PcmConverter c = converter;
                AudioBlock b = c != null && block.format().equals(c.input()) ? c.convert(block) : block;
                int channels = b.format().channels();
                List<EncodedPacket> out = new ArrayList<>();
                if (firstCaptureUs == Long.MIN_VALUE) {
                    firstCaptureUs = b.captureTimeUs();
                } else if (replacing) {
                    long endUs = firstCaptureUs + b.format().sampleTimeUs(framesEncoded);
                    long missing = Math.min(MAX_GAP_FILL_S * (long) b.format().sampleRate(),
                            (b.captureTimeUs() - endUs) * b.format().sampleRate() / 1_000_000L);
                    for (long left = missing; left > 0; ) {
                        int n = (int) Math.min(left, b.frames());
                        out.addAll(e.encode(zeros(n * channels), 0, n * channels, endUs));
                        framesEncoded += n;
                        left -= n;
                    }
                }
                out.addAll(e.encode(b.samples(), 0, b.frames() * channels, b.captureTimeUs()));
                framesEncoded += b.frames();
                return out;
            }, codec == FeedCodec.OPUS ? "Opus" : "AAC");
        }

        @Override
        public void onCaptureFailed(DeviceException failure) {
            if (replacing) {
                captureFailed(failure);
                return;
            }
            captureFailed(failure, " Publishing goes on with silence in its place.");
            replaceCapture(new SilenceMicrophone().open(new PcmFormat(wanted.sampleRateHz(), wanted.channels()),
                    clock, new Blocks(true)));
        }
    }

    /** Zeros, at least {@code samples} of them (reused). */
    private short[] zeros(int samples) {
        if (silence.length < samples) {
            silence = new short[samples];
        }
        return silence;
    }
}
