package org.netstreamfx.capture.device;

import static org.bytedeco.ffmpeg.global.avdevice.avdevice_free_list_devices;
import static org.bytedeco.ffmpeg.global.avdevice.avdevice_list_input_sources;
import static org.bytedeco.ffmpeg.global.avformat.av_find_input_format;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.bytedeco.ffmpeg.avdevice.AVDeviceInfo;
import org.bytedeco.ffmpeg.avdevice.AVDeviceInfoList;
import org.bytedeco.ffmpeg.avformat.AVInputFormat;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacpp.PointerPointer;
import org.netstreamfx.player.ffmpeg.FfmpegLog;

/**
 * Finds real cameras with FFmpeg's device listing ({@code avdevice_list_input_sources}) for the
 * platform's capture input: {@code video4linux2} (every {@code /dev/video*} that can capture),
 * {@code dshow} ({@code video=<name>}), {@code avfoundation}. Where the input cannot list
 * (avfoundation in FFmpeg 8 only prints its list to the log), Linux falls back to the
 * {@code /dev/video*} nodes and macOS lists nothing: an avfoundation camera is opened by its
 * index ("0", "1", …) through {@link Devices#camera(String)} all the same.
 */
public final class CameraDiscovery {
    private static final Pattern V4L2_NODE = Pattern.compile("/dev/video\\d+");

    private final String inputFormat;

    /** @param inputFormat "video4linux2", "avfoundation" or "dshow" */
    public CameraDiscovery(String inputFormat) {
        this.inputFormat = inputFormat;
    }

    /** The capture input FFmpeg has for this operating system. */
    public static CameraDiscovery forThisPlatform() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            return new CameraDiscovery("dshow");
        }
        if (os.contains("mac")) {
            return new CameraDiscovery("avfoundation");
        }
        return new CameraDiscovery("video4linux2");
    }

    public String inputFormat() {
        return inputFormat;
    }

    /** True for an id this input opens directly ("/dev/video7" on Linux, an index on macOS). */
    boolean looksLikeDevice(String id) {
        return switch (inputFormat) {
            case "video4linux2" -> V4L2_NODE.matcher(id).matches();
            case "avfoundation" -> id.matches("\\d{1,3}");
            case "dshow" -> id.startsWith("video=");
            default -> false;
        };
    }

    /** The cameras there are now; an empty list when there are none or they cannot be listed. */
    public List<DeviceCamera> cameras() {
        List<DeviceCamera> listed = listWithFfmpeg();
        if (listed.isEmpty() && inputFormat.equals("video4linux2")) {
            return listV4l2Nodes();
        }
        return listed;
    }

    private List<DeviceCamera> listWithFfmpeg() {
        FfmpegLog.configure();
        try {
            FFmpegFrameGrabber.tryLoad(); // loads libavdevice and registers its inputs
        } catch (FrameGrabber.Exception | LinkageError e) {
            return List.of();
        }
        AVInputFormat input = av_find_input_format(inputFormat);
        if (input == null) {
            return List.of();
        }
        List<DeviceCamera> cameras = new ArrayList<>();
        try (PointerPointer<AVDeviceInfoList> holder = new PointerPointer<>(1)) {
            int count = avdevice_list_input_sources(input, (org.bytedeco.javacpp.BytePointer) null, null, holder);
            AVDeviceInfoList list = holder.get(AVDeviceInfoList.class, 0);
            try {
                for (int i = 0; count > 0 && list != null && !list.isNull() && i < list.nb_devices(); i++) {
                    AVDeviceInfo info = list.devices(i);
                    String device = info.device_name().getString();
                    String description = info.device_description() == null ? device
                            : info.device_description().getString();
                    String id = inputFormat.equals("dshow") ? "video=" + description : device;
                    if (!inputFormat.equals("dshow") || isVideo(info)) {
                        cameras.add(new DeviceCamera(id, description, inputFormat));
                    }
                }
            } finally {
                if (list != null && !list.isNull()) {
                    avdevice_free_list_devices(holder);
                }
            }
        }
        return cameras;
    }

    private static boolean isVideo(AVDeviceInfo info) {
        for (int i = 0; i < info.nb_media_types(); i++) {
            if (info.media_types().get(i) == org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO) {
                return true;
            }
        }
        return info.nb_media_types() == 0;
    }

    private static List<DeviceCamera> listV4l2Nodes() {
        try (Stream<Path> nodes = Files.list(Path.of("/dev"))) {
            return nodes.map(Path::toString).filter(p -> V4L2_NODE.matcher(p).matches()).sorted()
                    .map(p -> new DeviceCamera(p, "Video4Linux camera " + p, "video4linux2")).toList();
        } catch (IOException | SecurityException e) {
            return List.of();
        }
    }
}
