package org.netstreamfx.player.source;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.netstreamfx.player.flv.FlvTag;
import org.netstreamfx.player.flv.FlvTagReader;
import org.netstreamfx.player.flv.FlvTagType;
import org.netstreamfx.player.media.TrackFormat;

/**
 * Demuxes FLV files and progressive FLV downloads with our own strict reader (FLV/F4V spec v10.1
 * annex E): every tag size is checked against the file, script tags become timed data messages
 * (onCuePoint, onTextData, custom handlers), and codec configuration records are validated before
 * a decoder sees them.
 *
 * <p>Thread ownership: the demux thread.
 */
public final class FlvSource extends InputSource implements TagSource {
    /** Tags read while looking for the codec configurations before giving up on a missing track. */
    private static final int PROBE_TAGS = 400;
    /** Media time read while probing: a track with no configuration by then is absent. */
    private static final long PROBE_MS = 3_000;
    /** Without video, every audio tag is a sync point; keep one per this interval. */
    private static final long AUDIO_SYNC_INTERVAL_US = 500_000;
    /** Coded video frames read at open to see how far presentation runs ahead of decoding. */
    private static final int REORDER_PROBE_FRAMES = 8;

    private final InputChannel channel;
    private final FlvTagConverter converter = new FlvTagConverter();
    private final ArrayDeque<FlvTag> replay = new ArrayDeque<>();
    /** Sync points (video keyframes by presentation time, or audio) to file positions, as far as read. */
    private final TreeMap<Long, Long> syncPoints = new TreeMap<>();
    private FlvTagReader reader;
    private long furthestIndexedPos;

    public FlvSource(RandomAccessInput input) {
        super(input);
        this.channel = new InputChannel(input);
    }

    @Override
    public SourceDescription open() throws IOException {
        reader = FlvTagReader.open(channel);
        Map<String, Object> meta = new LinkedHashMap<>();
        Long firstMs = null;
        int codedVideo = 0;
        for (int i = 0; i < PROBE_TAGS; i++) {
            Optional<FlvTag> next = reader.next();
            if (next.isEmpty()) {
                break;
            }
            FlvTag tag = next.get();
            FlvTagConverter.Kind kind = converter.inspect(tag.type(), tag.timestampMs(), tag.body());
            if (kind == FlvTagConverter.Kind.DATA) {
                if (meta.isEmpty()) {
                    Map<String, Object> m = FlvTagConverter.metaDataOf(converter.data(0, tag.body(), false));
                    if (m != null) {
                        meta.putAll(m);
                        continue;
                    }
                }
                replay.add(tag);
                continue;
            }
            if (firstMs == null) {
                firstMs = (long) tag.timestampMs();
            }
            if (kind == FlvTagConverter.Kind.PACKET) {
                replay.add(tag);
                if (tag.type() == FlvTagType.VIDEO) {
                    codedVideo++;
                }
            }
            // A few coded frames show the B-frame reordering depth (composition offsets).
            boolean videoSettled = converter.video() != null && codedVideo >= REORDER_PROBE_FRAMES
                    || !reader.header().hasVideo();
            boolean audioSettled = converter.audio() != null || !reader.header().hasAudio();
            if ((videoSettled && audioSettled) || tag.timestampMs() - firstMs > PROBE_MS) {
                break;
            }
        }
        converter.startAt(firstMs == null ? 0 : firstMs);
        converter.applyMetaData(meta);
        List<TrackFormat> tracks = new ArrayList<>();
        if (converter.video() != null) {
            tracks.add(converter.video());
        }
        if (converter.audio() != null) {
            tracks.add(converter.audio());
        }
        List<String> ignored = new ArrayList<>(converter.ignored());
        if (tracks.isEmpty()) {
            throw new UnsupportedMediaException("No track NetStreamFX can play in this FLV (it plays H.264, H.265, "
                    + "AV1 and VP9 video and AAC, MP3, Opus, FLAC, AC-3 or E-AC-3 audio); found: "
                    + (ignored.isEmpty() ? "no audio or video configuration" : String.join(", ", ignored)));
        }
        indexMetadataKeyframes(meta);
        long durationUs = meta.get("duration") instanceof Number n && n.doubleValue() > 0
                ? Math.round(n.doubleValue() * 1e6) : -1;
        return new SourceDescription("flv", durationUs, tracks, ignored, meta, input.size() > 0);
    }

    /**
     * onMetaData.keyframes {filepositions: [...], times: [...]} as written by many muxers. Only
     * positions from the first tag (DataOffset + PreviousTagSize0) to the end of the file are
     * taken: a seek goes to the position it finds here, and one before the first tag is no tag's
     * (FlvTagReader.position refuses it with an IllegalArgumentException, found by FlvFuzzTest).
     */
    private void indexMetadataKeyframes(Map<String, Object> meta) {
        long firstTag = reader.header().dataOffset() + 4L;
        if (meta.get("keyframes") instanceof Map<?, ?> k && k.get("filepositions") instanceof List<?> pos
                && k.get("times") instanceof List<?> times) {
            int n = Math.min(pos.size(), times.size());
            for (int i = 0; i < n; i++) {
                if (pos.get(i) instanceof Number p && times.get(i) instanceof Number t && p.longValue() >= firstTag
                        && (input.size() < 0 || p.longValue() < input.size())) {
                    syncPoints.put(converter.toUs(Math.round(t.doubleValue() * 1000)), p.longValue());
                }
            }
        }
    }

    @Override
    public FlvTagConverter converter() {
        return converter;
    }

    @Override
    public SourceItem read() throws IOException {
        while (true) {
            FlvTag tag;
            if (!replay.isEmpty()) {
                tag = replay.pollFirst();
            } else {
                Optional<FlvTag> next = nextTag();
                if (next.isEmpty()) {
                    return null;
                }
                tag = next.get();
            }
            SourceItem item = convert(tag);
            if (item != null) {
                return item;
            }
        }
    }

    /** The next tag; a read woken while it waited for data leaves the reader at that tag, to read again. */
    private Optional<FlvTag> nextTag() throws IOException {
        long at = reader.position();
        try {
            return reader.next();
        } catch (ReadWokenException woken) {
            reader.position(at);
            throw woken;
        }
    }

    private SourceItem convert(FlvTag tag) throws IOException {
        FlvTagConverter.Kind kind = converter.inspect(tag.type(), tag.timestampMs(), tag.body());
        if (kind == FlvTagConverter.Kind.DATA) {
            return converter.data(tag.timestampMs(), tag.body(), false);
        }
        if (kind != FlvTagConverter.Kind.PACKET) {
            return null;
        }
        SourcePacket p = converter.packet(tag.type(), tag.timestampMs(), tag.body());
        if (p == null) {
            return null;
        }
        boolean video = tag.type() == FlvTagType.VIDEO;
        if (video && p.packet().keyframe()) {
            // By presentation time: with B-frames a keyframe's pts is later than its dts, and the
            // frames shown before it belong to the previous group.
            index(p.packet().ptsUs(), tag.filePosition(), true);
        } else if (!video && converter.video() == null) {
            index(p.packet().ptsUs(), tag.filePosition(), false);
        }
        return p;
    }

    private void index(long timeUs, long filePosition, boolean keyframe) {
        if (filePosition <= furthestIndexedPos) {
            return;
        }
        furthestIndexedPos = filePosition;
        Map.Entry<Long, Long> last = syncPoints.lastEntry();
        if (keyframe || last == null || timeUs - last.getKey() >= AUDIO_SYNC_INTERVAL_US) {
            syncPoints.put(timeUs, filePosition);
        }
    }

    /**
     * Seeks to the sync point at or before {@code timeUs}: from the onMetaData keyframe index or the
     * keyframes seen so far, reading forward tag by tag when the target lies further on.
     */
    @Override
    public void seek(long timeUs) throws IOException {
        replay.clear();
        long firstTag = reader.header().dataOffset() + 4L;
        Map.Entry<Long, Long> last = syncPoints.lastEntry();
        if (last == null || last.getKey() < timeUs) {
            reader.position(last == null ? firstTag : last.getValue());
            while (true) {
                Optional<FlvTag> next = reader.next();
                if (next.isEmpty()) {
                    break;
                }
                FlvTag tag = next.get();
                if (tag.type() != FlvTagType.SCRIPT_DATA) {
                    convert(tag);
                    if (converter.toUs(tag.timestampMs()) > timeUs) {
                        break;
                    }
                }
            }
        }
        Map.Entry<Long, Long> sync = syncPoints.floorEntry(timeUs);
        reader.position(sync == null ? firstTag : sync.getValue());
    }

    /** A read waiting for a progressive download's next bytes ends, and the tag is read again later. */
    @Override
    public void wakeReader() {
        input.wake();
    }

    @Override
    public OptionalLong seekableUntilUs() {
        long loaded = input.bytesLoaded();
        if (whole(loaded)) {
            return OptionalLong.empty();
        }
        long best = 0;
        for (Map.Entry<Long, Long> e : syncPoints.entrySet()) {
            if (e.getValue() < loaded) {
                best = Math.max(best, e.getKey());
            }
        }
        return OptionalLong.of(best);
    }

    @Override
    public void close() {
        try {
            input.close();
        } catch (IOException e) {
            // Read-only input: nothing can be lost by a failed close.
        }
    }
}
