package org.netstreamfx.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.netstreamfx.capture.device.CameraDiscovery;
import org.netstreamfx.capture.device.Devices;
import picocli.CommandLine;

class DevicesCommandTest {

    @Test
    void printsOneJsonObjectWithTheVirtualDevices() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DevicesCommand command = new DevicesCommand(new Devices(new CameraDiscovery("video4linux2"), List::of),
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertEquals(0, new CommandLine(command).execute());
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(1, out.strip().lines().count(), "one line: " + out);
        JsonNode json = new ObjectMapper().readTree(out);

        JsonNode test = last(json.get("cameras"));
        assertEquals("test", test.get("id").asText());
        assertEquals("Test pattern (lavfi testsrc2, frame counter)", test.get("name").asText());
        JsonNode format = test.get("formats").get(0);
        assertEquals(320, format.get("width").asInt());
        assertEquals(240, format.get("height").asInt());
        assertEquals(15.0, format.get("fps").asDouble());

        List<String> mics = new ArrayList<>();
        json.get("microphones").forEach(m -> mics.add(m.get("id").asText()));
        assertEquals(List.of("tone", "none"), mics);
        JsonNode tone = json.get("microphones").get(0);
        assertEquals(48000, tone.get("formats").get(0).get("sampleRate").asInt());
        assertEquals(1, tone.get("formats").get(0).get("channels").asInt());
        assertEquals(0, json.get("microphones").get(1).get("formats").size());
        assertTrue(json.get("note").asText().contains("file"));
        JsonNode output = json.get("outputs").get(0);
        assertEquals("default", output.get("id").asText(), "the system's default output comes first");
        assertTrue(output.get("systemDefault").asBoolean());
        assertTrue(json.get("screenNote").asText().contains("screen:[DISPLAY][,region=WxH+X+Y]"),
                json.get("screenNote").asText());
    }

    @Test
    void theMachineDefaultsPrintWithoutFailing() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DevicesCommand command = new DevicesCommand(new Devices(), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertEquals(0, new CommandLine(command).execute());
        assertTrue(bytes.toString(StandardCharsets.UTF_8).contains("\"id\":\"tone\""));
    }

    private static JsonNode last(JsonNode array) {
        return array.get(array.size() - 1);
    }
}
