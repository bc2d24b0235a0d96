#!/usr/bin/env python3
"""Writes an Enhanced RTMP (v2) FLV with HEVC video from an MP4 made by ffmpeg/libx265.

ffmpeg 5.1's FLV muxer refuses HEVC, so this remuxes: the hvcC from the MP4's extradata becomes the
SequenceStart tag, each sample (length-prefixed NAL units, as in FLV) a CodedFrames tag with its
composition time, FourCC 'hvc1' (Enhanced RTMP v2, "ExVideoTagHeader"). Timestamps in ms, shifted
so that the first dts is 0. Usage: make-hevc-flv.py IN.mp4 OUT.flv
"""
import json, struct, subprocess, sys

def hexdump_bytes(dump):
    out = bytearray()
    for line in dump.strip().splitlines():
        hexpart = line.split(':', 1)[1][:41]
        out += bytes.fromhex(hexpart.replace(' ', ''))
    return bytes(out)

def probe(path):
    j = json.loads(subprocess.check_output(['ffprobe', '-v', 'error', '-select_streams', 'v:0', '-show_streams',
        '-show_packets', '-show_data', '-of', 'json', path]))
    st = j['streams'][0]
    num, den = map(int, st['time_base'].split('/'))
    return hexdump_bytes(st['extradata']), num, den, j['packets'], st

def tag(ts_ms, body):
    h = struct.pack('>B', 9) + len(body).to_bytes(3, 'big') + (ts_ms & 0xFFFFFF).to_bytes(3, 'big') \
        + bytes([(ts_ms >> 24) & 0xFF]) + b'\0\0\0'
    return h + body + struct.pack('>I', 11 + len(body))

def amf_string(s):
    b = s.encode()
    return b'\x02' + struct.pack('>H', len(b)) + b

def on_meta_data(fields):
    """AMF0 "onMetaData" then an ECMA array of numbers (FLV spec annex E.5)."""
    body = amf_string('onMetaData') + b'\x08' + struct.pack('>I', len(fields))
    for k, v in fields.items():
        body += struct.pack('>H', len(k)) + k.encode() + b'\x00' + struct.pack('>d', v)
    return body + b'\x00\x00\x09'

def script_tag(body):
    h = b'\x12' + len(body).to_bytes(3, 'big') + b'\0\0\0\0' + b'\0\0\0'
    return h + body + struct.pack('>I', 11 + len(body))

def main(src, dst):
    hvcc, num, den, packets, stream = probe(src)
    ms = lambda t: round(t * num * 1000 / den)
    shift = -min(ms(int(p['dts'])) for p in packets)
    out = bytearray(b'FLV\x01\x01\x00\x00\x00\x09' + b'\0\0\0\0')
    rate_num, rate_den = map(int, stream['avg_frame_rate'].split('/'))
    out += script_tag(on_meta_data({'duration': len(packets) * rate_den / rate_num, 'width': stream['width'],
                                    'height': stream['height'], 'framerate': rate_num / rate_den,
                                    'videocodecid': int.from_bytes(b'hvc1', 'big')}))
    out += tag(0, bytes([0x80 | (1 << 4) | 0]) + b'hvc1' + hvcc)           # key frame, SequenceStart
    for p in packets:
        dts = ms(int(p['dts'])) + shift
        cts = ms(int(p['pts'])) - ms(int(p['dts']))
        frame_type = 1 if 'K' in p['flags'] else 2
        body = bytes([0x80 | (frame_type << 4) | 1]) + b'hvc1' + (cts & 0xFFFFFF).to_bytes(3, 'big') \
            + hexdump_bytes(p['data'])
        out += tag(dts, body)
    out += tag(ms(int(packets[-1]['dts'])) + shift, bytes([0x80 | (1 << 4) | 2]) + b'hvc1')  # SequenceEnd
    open(dst, 'wb').write(out)

if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2])
