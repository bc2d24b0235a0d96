package org.netstreamfx.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.netstreamfx.capture.device.CameraDiscovery;
import org.netstreamfx.capture.device.Devices;
import org.netstreamfx.capture.device.SoundMicrophone;
import org.netstreamfx.testkit.sound.SoundServer;
import org.netstreamfx.testkit.sound.SoundServerExtension;
import picocli.CommandLine;

/** {@code nsfx devices} on a machine with a sound server: its capture device, with the formats it takes. */
@ExtendWith(SoundServerExtension.class)
class DevicesMicrophonesTest {

    @Test
    void theSoundServersCaptureDeviceIsListedFirstWithItsFormats(SoundServer server) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DevicesCommand command = new DevicesCommand(new Devices(new CameraDiscovery("video4linux2"),
                SoundMicrophone::listAll), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertEquals(0, new CommandLine(command).execute());
        JsonNode json = new ObjectMapper().readTree(bytes.toString(StandardCharsets.UTF_8));
        List<String> ids = new ArrayList<>();
        json.get("microphones").forEach(m -> ids.add(m.get("id").asText()));
        assertEquals(List.of("sound:default [default]", "tone", "none"), ids, json.toString());
        JsonNode mic = json.get("microphones").get(0);
        assertEquals("default [default] (Direct Audio Device: default, default, default)", mic.get("name").asText());
        List<String> formats = new ArrayList<>();
        mic.get("formats").forEach(f -> formats.add(f.get("sampleRate").asInt() + "/" + f.get("channels").asInt()));
        assertEquals(List.of("48000/1", "48000/2", "44100/1", "44100/2"), formats);
    }
}
