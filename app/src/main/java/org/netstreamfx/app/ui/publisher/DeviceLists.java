package org.netstreamfx.app.ui.publisher;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.netstreamfx.capture.device.DeviceList;
import org.netstreamfx.capture.device.Devices;

/**
 * The cameras (with "No camera" last) and microphones to choose from, listed off the FX thread
 * and shown on it, and the watch that lists them again when a camera is plugged in or out. The
 * lists are read-only outside.
 */
final class DeviceLists {
    private final ObservableList<DeviceChoice> cameras = FXCollections.observableArrayList();
    private final ObservableList<DeviceChoice> microphones = FXCollections.observableArrayList();
    private final ObservableList<DeviceChoice> camerasView = FXCollections.unmodifiableObservableList(cameras);
    private final ObservableList<DeviceChoice> microphonesView = FXCollections.unmodifiableObservableList(microphones);
    /** Refreshes the lists when a camera is plugged in or out (the Webcam API's discovery); none before {@link #start}. */
    private AutoCloseable cameraWatch = () -> { };
    private boolean closed;

    /**
     * Watches the cameras ({@code changed} on the discovery thread when one comes or goes) and
     * lists the devices ({@code listNow}), both once {@code when} runs them on the FX thread,
     * unless {@link #close} came first. The app starts them after its window's start, as the
     * first listing (a quarter of a second of FFmpeg's probing) would compete with it.
     */
    void start(Devices devices, Executor when, Runnable changed, Runnable listNow) {
        when.execute(() -> {
            if (!closed) {
                cameraWatch = devices.watchCameras(changed);
                listNow.run();
            }
        });
    }

    /** Stops the camera watch (FX thread); a start not yet run never runs. */
    void close() {
        closed = true;
        try {
            cameraWatch.close();
        } catch (Exception e) {
            throw new IllegalStateException("stopping the camera watch failed: " + e.getMessage(), e);
        }
    }

    /**
     * Lists the devices on {@code io}, then sets the lists and calls {@code listed} on {@code callbacks}
     * (FX thread). After {@link #close} it does nothing: the camera watch's last changes can still
     * be queued on the FX thread when the window closes, and {@code io} is shut down by then.
     */
    void refresh(Devices devices, Executor io, Executor callbacks,
                 BiConsumer<List<DeviceChoice>, List<DeviceChoice>> listed) {
        if (closed) {
            return;
        }
        io.execute(() -> {
            DeviceList list = devices.list();
            List<DeviceChoice> cams = new ArrayList<>(list.cameras().stream()
                    .map(c -> new DeviceChoice(c.id(), c.name())).toList());
            cams.add(new DeviceChoice("none", "No camera"));
            List<DeviceChoice> mics = list.microphones().stream().map(m -> new DeviceChoice(m.id(), m.name())).toList();
            callbacks.execute(() -> {
                // Only a list that changed: a combo box loses its value when its items are replaced.
                if (!cameras.equals(cams)) {
                    cameras.setAll(cams);
                }
                if (!microphones.equals(mics)) {
                    microphones.setAll(mics);
                }
                listed.accept(cams, mics);
            });
        });
    }

    ObservableList<DeviceChoice> cameras() {
        return camerasView;
    }

    ObservableList<DeviceChoice> microphones() {
        return microphonesView;
    }
}
