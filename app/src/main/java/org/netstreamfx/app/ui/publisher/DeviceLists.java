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
 * and shown on it. The lists are read-only outside.
 */
final class DeviceLists {
    private final ObservableList<DeviceChoice> cameras = FXCollections.observableArrayList();
    private final ObservableList<DeviceChoice> microphones = FXCollections.observableArrayList();
    private final ObservableList<DeviceChoice> camerasView = FXCollections.unmodifiableObservableList(cameras);
    private final ObservableList<DeviceChoice> microphonesView = FXCollections.unmodifiableObservableList(microphones);

    /**
     * Lists the devices on {@code io}, then sets the lists and calls {@code listed} on {@code callbacks}.
     */
    void refresh(Devices devices, Executor io, Executor callbacks,
                 BiConsumer<List<DeviceChoice>, List<DeviceChoice>> listed) {
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
