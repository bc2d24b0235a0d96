#!/usr/bin/env bash
# Rebuilds resources/demo/demo.mp4, the bundled demo clip. Run from the repository root:
#   ./resources/demo/make-demo.sh
# Video: ffmpeg's synthetic testsrc2 pattern with a burned-in running timestamp, H.264 (libx264,
#        High profile, 640x360, 25 fps, yuv420p, a keyframe every second, 2 B-frames).
# Audio: the real HE-AAC v2 clip resources/media/heaac-v2-stereo-44k-fmp4-1s.mp4 (kithara,
#        MIT OR Apache-2.0, see resources/media/SOURCES.md), looped with -stream_loop and
#        STREAM-COPIED (-c:a copy): the audio packets are the original fdk-aac HE-AAC v2 packets,
#        never decoded or re-encoded.
# Needs ffmpeg >= 4.4 (setts bitstream filter) with libx264 (and, for the timestamp, libfreetype
# and a TTF font; without them the plain pattern is used).
#
# Why two passes: with -c:a copy ffmpeg has no decoder, so it does not know the audio frame length
# and -stream_loop offsets each loop by (last pts - first pts + 1 tick) = 43009 instead of
# 22 x 2048 = 45056 samples: every loop would overlap the previous one by 2047 samples (ffmpeg
# 5.1). Pass 2 rewrites the timestamps with the setts bitstream filter (each HE-AAC packet is
# 2048 output samples at 44100 Hz, timebase 1/44100). setts cannot go in pass 1: ffmpeg 5.1
# flushes the bitstream filter at every loop restart ("A non-NULL packet sent after an EOF").
set -euo pipefail

SECONDS_LONG=20
AUDIO=resources/media/heaac-v2-stereo-44k-fmp4-1s.mp4
OUT=resources/demo/demo.mp4
# The clip is 22 packets x 2048 samples = 1.0217 s. Keep ceil(20 s / 46.44 ms) = 431 packets
# (20.02 s); 1 + LOOPS copies of the clip hold enough of them.
AUDIO_PACKETS=$(( (SECONDS_LONG * 44100 + 2047) / 2048 ))
LOOPS=$(( (AUDIO_PACKETS + 21) / 22 - 1 ))

[ -f "$AUDIO" ] || { echo "run from the repository root ($AUDIO not found)" >&2; exit 1; }

TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT

FONT=""
for f in /usr/share/fonts/truetype/dejavu/DejaVuSansMono-Bold.ttf \
         /usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf \
         /usr/share/fonts/TTF/DejaVuSansMono.ttf \
         /Library/Fonts/Arial.ttf; do
  if [ -f "$f" ]; then FONT="$f"; break; fi
done

VF="format=yuv420p"
FILTERS="$(ffmpeg -hide_banner -filters 2>/dev/null || true)"   # no pipe into grep -q: pipefail + SIGPIPE
if [ -n "$FONT" ] && grep -q ' drawtext ' <<<"$FILTERS"; then
  VF="drawtext=fontfile=${FONT}:text='NetStreamFX demo  %{pts\\:hms}  frame %{n}':x=(w-tw)/2:y=h-th-24:fontsize=20:fontcolor=white:box=1:boxcolor=black@0.6:boxborderw=8,${VF}"
else
  echo "drawtext or a font is missing: plain testsrc2 without the timestamp" >&2
fi

# Pass 1: loop the real HE-AAC v2 packets (stream copy).
ffmpeg -hide_banner -loglevel error -y \
  -stream_loop "$LOOPS" -i "$AUDIO" -map 0:a:0 -c:a copy "$TMP/audio-looped.mp4"

# Pass 2: H.264 video + the looped audio, copied again with contiguous timestamps.
ffmpeg -hide_banner -loglevel error -y \
  -f lavfi -i "testsrc2=size=640x360:rate=25:duration=${SECONDS_LONG}" \
  -i "$TMP/audio-looped.mp4" \
  -map 0:v:0 -map 1:a:0 \
  -vf "$VF" \
  -c:v libx264 -profile:v high -preset slow -crf 30 -g 25 -keyint_min 25 -bf 2 -pix_fmt yuv420p \
  -c:a copy -bsf:a "setts=ts=N*2048:duration=2048" -frames:a "$AUDIO_PACKETS" \
  -map_metadata -1 -fflags +bitexact -flags:v +bitexact -movflags +faststart \
  "$OUT"

ffprobe -v error -show_entries stream=codec_name,profile,width,height,avg_frame_rate,sample_rate,channels:format=duration,size \
  -of compact "$OUT"
