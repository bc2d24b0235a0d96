package org.netstreamfx.app.cli;

import org.netstreamfx.capture.encode.CodecChoice;
import org.netstreamfx.capture.encode.OpusEncoder;
import org.netstreamfx.capture.encode.VideoEncoders;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.netstreamfx.capture.device.Camera;
import org.netstreamfx.capture.device.DeviceList;
import org.netstreamfx.capture.device.Devices;
import org.netstreamfx.capture.device.Microphone;
import picocli.CommandLine.Command;

/**
 * {@code nsfx devices}: the cameras, microphones, sound outputs and encoders as one JSON object.
 *
 * <pre>
 * {"cameras":[{"id":"test","name":"Test pattern (lavfi testsrc2, frame counter)",
 *              "formats":[{"width":320,"height":240,"fps":15.0},…]},…],
 *  "microphones":[{"id":"tone","name":"…","formats":[{"sampleRate":48000,"channels":1},…]},
 *                 {"id":"none","name":"No audio","formats":[]}],
 *  "outputs":[{"id":"default","name":"System default output","systemDefault":true},…],
 *  "note":"Any media file path also works as a camera: …",
 *  "screenNote":"The screen is a camera too: screen:[DISPLAY][,region=WxH+X+Y]…",
 *  "encoders":[{"codec":"h264","name":"h264_nvenc","hardware":true,"inNatives":true,
 *               "available":false,"reason":"…"},…,{"codec":"opus","name":"libopus",…}]}
 * </pre>
 * Cameras are listed through the Webcam Capture API ({@code Webcam.getWebcams()} with our FFmpeg
 * driver, see {@code WebcamCameras}): real cameras, the screen of {@code DISPLAY} (x11grab; the
 * desktop with gdigrab, screen 0 with avfoundation) as {@code screen:…}, then the test camera.
 */
@Command(name = "devices", mixinStandardHelpOptions = true,
        description = "List cameras (with the screen and the virtual test camera), microphones (with tone and none) "
                + ", sound outputs and the encoders (software and hardware, available or not) as JSON.")
public final class DevicesCommand implements Callable<Integer> {
    private final Devices devices;
    private final PrintStream out;

    public DevicesCommand() {
        this(new Devices(), System.out);
    }

    DevicesCommand(Devices devices, PrintStream out) {
        this.devices = devices;
        this.out = out;
    }

    @Override
    public Integer call() throws JsonProcessingException {
        out.println(new ObjectMapper().writeValueAsString(describe(devices.list())));
        out.flush();
        return 0;
    }

    static Map<String, Object> describe(DeviceList list) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cameras", list.cameras().stream().map(DevicesCommand::camera).toList());
        m.put("microphones", list.microphones().stream().map(DevicesCommand::microphone).toList());
        m.put("outputs", org.netstreamfx.player.sink.AudioOutputs.list().stream().map(o -> {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("id", o.id());
            out.put("name", o.name());
            out.put("systemDefault", o.systemDefault());
            return out;
        }).toList());
        m.put("note", DeviceList.FILE_CAMERA_NOTE);
        m.put("screenNote", DeviceList.SCREEN_CAMERA_NOTE);
        m.put("encoders", encoders());
        return m;
    }

    /**
     * Every video encoder the publisher knows, hardware first per codec, then the audio ones:
     * whether these natives have it and whether it is available here (a hardware encoder is
     * probed, bounded in time; "reason" says why one is not).
     */
    static List<Map<String, Object>> encoders() {
        List<Map<String, Object>> l = new java.util.ArrayList<>();
        for (VideoEncoders.Known k : VideoEncoders.known()) {
            VideoEncoders.Probe p = k.hardware() ? VideoEncoders.probe(k.codec(), k.name(), VideoEncoders.PROBE_LIMIT)
                    : new VideoEncoders.Probe(k.inNatives(), k.inNatives() ? "software" : "not in these FFmpeg natives");
            l.add(encoder(CodecChoice.name(k.codec()), k.name(), k.hardware(), k.inNatives(), p));
        }
        for (String[] audio : new String[][] {{"aac", "aac"}, {"opus", OpusEncoder.LIBOPUS}}) {
            boolean in = VideoEncoders.inNatives(audio[1]);
            l.add(encoder(audio[0], audio[1], false, in,
                    new VideoEncoders.Probe(in, in ? "software" : "not in these FFmpeg natives")));
        }
        return l;
    }

    private static Map<String, Object> encoder(String codec, String name, boolean hardware, boolean inNatives,
            VideoEncoders.Probe p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("codec", codec);
        m.put("name", name);
        m.put("hardware", hardware);
        m.put("inNatives", inNatives);
        m.put("available", p.available());
        m.put("reason", p.reason());
        return m;
    }

    private static Map<String, Object> camera(Camera camera) {
        List<Map<String, Object>> formats = camera.formats().stream().map(f -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("width", f.width());
            m.put("height", f.height());
            m.put("fps", f.fps());
            return m;
        }).toList();
        return device(camera.id(), camera.name(), formats);
    }

    private static Map<String, Object> microphone(Microphone mic) {
        List<Map<String, Object>> formats = mic.formats().stream().map(f -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("sampleRate", f.sampleRate());
            m.put("channels", f.channels());
            return m;
        }).toList();
        return device(mic.id(), mic.name(), formats);
    }

    private static Map<String, Object> device(String id, String name, List<Map<String, Object>> formats) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("name", name);
        m.put("formats", formats);
        return m;
    }
}
