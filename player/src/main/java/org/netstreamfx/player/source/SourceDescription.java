package org.netstreamfx.player.source;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.netstreamfx.player.media.TrackFormat;
import org.netstreamfx.player.media.TrackKind;

/**
 * What a source found when it opened.
 *
 * @param container          the container's short name ("mp4", "flv", "mov")
 * @param durationUs         the duration, or -1 when unknown (live)
 * @param tracks             the tracks the engine will play (at most one video and one audio)
 * @param ignoredTracks      tracks present but not played, each described ("track 2: subtitle mov_text")
 * @param containerMetadata  the container's own metadata (tags, onMetaData of an FLV), plain Java values
 * @param seekable           whether seek() can work at all
 */
public record SourceDescription(String container, long durationUs, List<TrackFormat> tracks,
                                List<String> ignoredTracks, Map<String, Object> containerMetadata,
                                boolean seekable) {
    public SourceDescription {
        tracks = List.copyOf(tracks);
        ignoredTracks = List.copyOf(ignoredTracks);
        containerMetadata = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(containerMetadata));
    }

    public Optional<TrackFormat> track(TrackKind kind) {
        return tracks.stream().filter(t -> t.kind() == kind).findFirst();
    }
}
