package org.netstreamfx.app.ui.publisher;

import javafx.beans.value.ObservableDoubleValue;
import javafx.scene.layout.Region;

/**
 * A horizontal audio level bar over {@value #FLOOR_DBFS}..0 dBFS: filled to the RMS level, with a
 * thin mark at the peak. Reads two dBFS values; knows nothing of audio.
 */
final class LevelMeter extends Region {
    /** The quietest level shown: below it the bar is empty. */
    static final double FLOOR_DBFS = -60;

    private final Region rms = new Region();
    private final Region peak = new Region();
    private final ObservableDoubleValue rmsDbfs;
    private final ObservableDoubleValue peakDbfs;

    LevelMeter(ObservableDoubleValue rmsDbfs, ObservableDoubleValue peakDbfs) {
        this.rmsDbfs = rmsDbfs;
        this.peakDbfs = peakDbfs;
        getStyleClass().add("level-meter");
        rms.getStyleClass().add("level-rms");
        peak.getStyleClass().add("level-peak");
        getChildren().addAll(rms, peak);
        setMinHeight(8);
        setPrefHeight(8);
        setMaxHeight(8);
        rmsDbfs.addListener(o -> requestLayout());
        peakDbfs.addListener(o -> requestLayout());
    }

    /** Where {@code dbfs} falls on the bar, 0 (floor or below) to 1 (full scale). */
    static double fraction(double dbfs) {
        if (Double.isNaN(dbfs)) {
            return 0;
        }
        return Math.max(0, Math.min(1, (dbfs - FLOOR_DBFS) / -FLOOR_DBFS));
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        rms.resizeRelocate(0, 0, Math.round(w * fraction(rmsDbfs.get())), h);
        double p = fraction(peakDbfs.get());
        peak.resizeRelocate(Math.max(0, Math.round(w * p) - 2), 0, p > 0 ? 2 : 0, h);
    }
}
