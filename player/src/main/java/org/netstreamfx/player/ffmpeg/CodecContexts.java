package org.netstreamfx.player.ffmpeg;

import static org.bytedeco.ffmpeg.global.avcodec.AV_INPUT_BUFFER_PADDING_SIZE;
import static org.bytedeco.ffmpeg.global.avutil.av_mallocz;

import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.javacpp.BytePointer;

/** What every decoder context is given the same way before it is opened. */
public final class CodecContexts {
    private CodecContexts() {
    }

    /**
     * Gives {@code context} a track's codec configuration (avcC, hvcC, ASC, …) as libavcodec wants
     * it: in memory libavcodec allocated (it frees it with the context), with the zeroed padding
     * its bitstream readers may read past the end.
     */
    public static void setExtradata(AVCodecContext context, byte[] extradata) {
        if (extradata.length == 0) {
            return;
        }
        BytePointer ed = new BytePointer(av_mallocz(extradata.length + AV_INPUT_BUFFER_PADDING_SIZE));
        ed.capacity(extradata.length + AV_INPUT_BUFFER_PADDING_SIZE).put(extradata, 0, extradata.length);
        context.extradata(ed);
        context.extradata_size(extradata.length);
    }
}
