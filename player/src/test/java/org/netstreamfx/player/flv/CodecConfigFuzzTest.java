package org.netstreamfx.player.flv;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.netstreamfx.player.wire.FuzzBudget;
import org.netstreamfx.player.wire.WireFormatException;

/**
 * Coverage-guided fuzz targets for the codec configuration records and the tag headers that
 * FLV files and RTMP audio/video messages start with (issue 11): the AudioSpecificConfig
 * (ISO/IEC 14496-3 1.6.2.1), the AVCDecoderConfigurationRecord (ISO/IEC 14496-15 5.3.3.1), and
 * the HEVCDecoderConfigurationRecord (8.3.3.1), and the legacy and Enhanced RTMP v2 audio and
 * video tag headers with their ModEx chains. Seeds and findings:
 * {@code src/test/resources/org/netstreamfx/player/flv/CodecConfigFuzzTestInputs/}.
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class CodecConfigFuzzTest {
    /**
     * Allocation these small parsers may cause: a record with its parameter sets (copied in and
     * out, a few times the input) and one exception; nothing here is sized from a length field
     * without the bytes being there.
     */
    private static final long FIXED_BYTES = 256 << 10;
    private static final long BYTES_PER_INPUT_BYTE = 16;

    private static final FuzzBudget ASC = new FuzzBudget("AudioSpecificConfig", FIXED_BYTES, BYTES_PER_INPUT_BYTE);
    private static final FuzzBudget AVCC = new FuzzBudget("avcC", FIXED_BYTES, BYTES_PER_INPUT_BYTE);
    private static final FuzzBudget HVCC = new FuzzBudget("hvcC", FIXED_BYTES, BYTES_PER_INPUT_BYTE);
    private static final FuzzBudget HEADERS = new FuzzBudget("audio/video tag headers", FIXED_BYTES,
            BYTES_PER_INPUT_BYTE);

    @FuzzTest
    void audioSpecificConfig(byte[] data) throws IOException {
        FuzzBudget.input(() -> {
            try {
                ASC.run(data, () -> {
                    AudioSpecificConfig c = AudioSpecificConfig.parse(data);
                    c.profileName();
                    c.toString();
                });
            } catch (WireFormatException expected) {
                // Malformed, reserved or unsupported: the one outcome data may cause besides a config.
            }
        });
    }

    @FuzzTest
    void avcC(byte[] data) throws IOException {
        FuzzBudget.input(() -> {
            try {
                AVCC.run(data, () -> {
                    AvcDecoderConfigurationRecord r = AvcDecoderConfigurationRecord.parse(data);
                    r.profileName();
                    r.level();
                    r.sequenceParameterSets();
                    r.pictureParameterSets();
                });
            } catch (WireFormatException expected) {
                // Malformed: the one outcome data may cause besides a record.
            }
        });
    }

    @FuzzTest
    void hvcC(byte[] data) throws IOException {
        FuzzBudget.input(() -> {
            try {
                HVCC.run(data, () -> {
                    HevcDecoderConfigurationRecord.isAnnexB(data);
                    HevcDecoderConfigurationRecord r = HevcDecoderConfigurationRecord.parse(data);
                    r.profileName();
                    r.level();
                    r.units(33);
                    r.toString();
                });
            } catch (WireFormatException expected) {
                // Malformed: the one outcome data may cause besides a record.
            }
        });
    }

    /**
     * The same bytes as an audio and as a video tag body: legacy AUDIODATA/VIDEODATA headers and
     * Enhanced RTMP v2 ExAudioTagHeader/ExVideoTagHeader with ModEx and multitrack; the payload
     * offset, and each track of a multitrack packet, must lie within the body.
     */
    @FuzzTest
    void enhancedRtmpHeaders(byte[] data) throws IOException {
        FuzzBudget.input(() -> {
            try {
                HEADERS.run(data, () -> {
                    AudioTagHeader audio = AudioTagHeader.parse(data);
                    checkOffset(audio.payloadOffset(), data);
                    audio.toString();
                    if (audio instanceof AudioTagHeader.Extended x) {
                        MultitrackTracks.of(x, data).forEach(t -> checkTrack(t, data));
                    }
                });
            } catch (WireFormatException expected) {
                // Malformed: the one outcome data may cause besides a header.
            }
            try {
                HEADERS.run(data, () -> {
                    VideoTagHeader video = VideoTagHeader.parse(data);
                    checkOffset(video.payloadOffset(), data);
                    video.isKeyFrame();
                    video.toString();
                    MultitrackTracks.of(video, data).forEach(t -> checkTrack(t, data));
                });
            } catch (WireFormatException expected) {
                // Malformed: the one outcome data may cause besides a header.
            }
        });
    }

    /** A multitrack packet's track must lie within the body. */
    private static void checkTrack(MultitrackTracks.Track t, byte[] body) {
        if (t.offset() < 1 || t.length() < 0 || t.offset() + t.length() > body.length) {
            throw new AssertionError("track " + t + " outside the " + body.length + "-byte body");
        }
    }

    private static void checkOffset(int payloadOffset, byte[] body) {
        if (payloadOffset < 1 || payloadOffset > body.length) {
            throw new AssertionError("payload offset " + payloadOffset + " outside the " + body.length + "-byte body");
        }
    }
}
