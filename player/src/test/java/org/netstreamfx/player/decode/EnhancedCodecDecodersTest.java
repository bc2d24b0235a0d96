package org.netstreamfx.player.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.netstreamfx.player.media.Codec;
import org.netstreamfx.player.media.TrackFormat;
import org.netstreamfx.player.media.TrackKind;

/**
 * Every codec the engine names has a decoder in the FFmpeg 8.1 natives, which opens on a track
 * with no configuration record: VVC (H.266) included, although no VVC stream can be made here
 * to play (neither FFmpeg build has a VVC encoder), so only MP4/MOV files made elsewhere carry it.
 */
class EnhancedCodecDecodersTest {
    private static final int POOL_FRAMES = 2;

    @ParameterizedTest
    @EnumSource(Codec.class)
    void theDecoderExistsAndOpens(Codec codec) throws Exception {
        assertEquals(Optional.of(codec), Codec.fromFfmpegId(codec.ffmpegId()), "FfmpegSource's mapping");
        if (codec.kind() == TrackKind.VIDEO) {
            TrackFormat t = new TrackFormat(0, codec, new byte[0], 160, 90, 25, 0, 0, 0, "", "");
            try (VideoFramePool pool = new VideoFramePool(POOL_FRAMES);
                 FfmpegVideoDecoder d = new FfmpegVideoDecoder(t, pool, (f, epoch) -> { })) {
                assertTrue(d.describe().contains(codec.displayName()));
                assertEquals(0, d.decodedFrames());
            }
        } else {
            TrackFormat t = new TrackFormat(1, codec, new byte[0], 0, 0, 0, 48_000, 2, 0, "", "");
            try (FfmpegAudioDecoder d = new FfmpegAudioDecoder(t, (c, epoch) -> { })) {
                assertEquals(0, d.decodedSamples());
            }
        }
    }
}
