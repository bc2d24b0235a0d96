package org.netstreamfx.capture.encode;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.netstreamfx.player.flv.FlvFileWriter;
import org.netstreamfx.player.flv.FlvTagType;

/**
 * Two seconds (or any length) of the synthetic pattern and tone, encoded, and written as an FLV
 * file the way a publisher sends them: onMetaData, the two sequence headers, then the tags in
 * decode-time order.
 */
final class EncodedStream {
    final List<EncodedPacket> video = new ArrayList<>();
    final List<EncodedPacket> audio = new ArrayList<>();
    final byte[] avcC;
    final byte[] asc;
    final StreamMetaData meta;
    final String encoderName;
    final byte[] videoHeader;
    final byte[] audioHeader;

    EncodedStream(H264Settings vs, AacSettings as, double seconds) throws EncoderException {
        try (H264Encoder v = new H264Encoder(vs); AacEncoder a = new AacEncoder(as)) {
            int frames = (int) Math.round(seconds * vs.frameRate());
            for (int i = 0; i < frames; i++) {
                long t = i * 1_000_000L / vs.frameRate();
                video.addAll(v.encodeBgra(Synthetic.pattern(vs.width(), vs.height(), i), vs.width() * 4, t));
            }
            video.addAll(v.flush());
            int total = (int) Math.round(seconds * as.sampleRateHz());
            int chunk = as.sampleRateHz() / 100; // 10 ms, as a sound card delivers
            for (int s = 0; s < total; s += chunk) {
                int n = Math.min(chunk, total - s);
                short[] pcm = Synthetic.tone(as.sampleRateHz(), as.channels(), 1000, s, n);
                audio.addAll(a.encode(pcm, 0, pcm.length, s * 1_000_000L / as.sampleRateHz()));
            }
            audio.addAll(a.flush());
            avcC = v.avcC();
            encoderName = v.encoderName();
            asc = a.audioSpecificConfig();
            meta = StreamMetaData.of(v, a, "NetStreamFX test");
            videoHeader = FlvTags.videoSequenceHeader(v);
            audioHeader = FlvTags.audioSequenceHeader(a);
        }
    }

    void writeFlv(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            FlvFileWriter w = new FlvFileWriter(ch);
            w.writeHeader(true, true);
            w.writeTag(FlvTagType.SCRIPT_DATA, 0, new byte[0], FlvTags.onMetaData(meta));
            w.writeTag(FlvTagType.VIDEO, 0, new byte[0], videoHeader);
            w.writeTag(FlvTagType.AUDIO, 0, new byte[0], audioHeader);
            int vi = 0;
            int ai = 0;
            while (vi < video.size() || ai < audio.size()) {
                boolean takeVideo = ai >= audio.size()
                        || (vi < video.size() && video.get(vi).dtsUs() <= audio.get(ai).dtsUs());
                if (takeVideo) {
                    EncodedPacket p = video.get(vi++);
                    w.writeTag(FlvTagType.VIDEO, FlvTags.timestampMs(p, 0), new byte[0], FlvTags.video(p));
                } else {
                    EncodedPacket p = audio.get(ai++);
                    w.writeTag(FlvTagType.AUDIO, FlvTags.timestampMs(p, 0), new byte[0], FlvTags.audio(p));
                }
            }
        }
    }
}
