package org.netstreamfx.app.ui.tester;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Issue 12, defect 5: the buffer chart's y ticks are nice numbers and its mark labels never overlap. */
class BufferChartLayoutTest {

    @ParameterizedTest
    @ValueSource(doubles = {0.1, 0.5, 0.77, 1.0, 2.2, 3.0, 3.04, 4.9, 7.5, 12.0, 33.0, 61.0, 250.0})
    void yTicksAreMultiplesOfOneTwoOrFiveTimesAPowerOfTen(double max) {
        List<Double> ticks = BufferChart.yTicks(max);
        assertTrue(ticks.size() >= 3 && ticks.size() <= 7, max + ": " + ticks);
        assertEquals(0.0, ticks.get(0), 1e-12);
        double step = ticks.get(1) - ticks.get(0);
        double exp = Math.pow(10, Math.floor(Math.log10(step)));
        double mantissa = step / exp;
        assertTrue(Math.abs(mantissa - 1) < 1e-9 || Math.abs(mantissa - 2) < 1e-9 || Math.abs(mantissa - 5) < 1e-9,
                max + ": step " + step + " in " + ticks);
        for (int i = 0; i < ticks.size(); i++) {
            assertEquals(i * step, ticks.get(i), 1e-9, max + ": " + ticks);
        }
        assertTrue(ticks.get(ticks.size() - 1) >= max, max + ": top below the data " + ticks);
    }

    @Test
    void theOddTicksOfTheIssueAreGone() {
        // bufferLength peaking at 3.0 gave 0, 0.9, 1.8, 2.6, 3.5.
        assertEquals(List.of(0.0, 1.0, 2.0, 3.0, 4.0), BufferChart.yTicks(3.0));
    }

    @Test
    void labelsCloseTogetherNeitherOverlapEachOtherNorTheLegend() {
        MarkLayer.Box legend = new MarkLayer.Box(700, 14, 200, 16);
        List<Double> xs = new ArrayList<>();
        List<Double> widths = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            xs.add(600.0 + i * 9); // Buffer.Empty/Full every 9 px, running under the legend
            widths.add(i % 2 == 0 ? 70.0 : 62.0);
        }
        List<MarkLayer.Box> boxes = BufferChart.placeLabels(xs, widths, 14, 900, 12);
        assertFalse(boxes.isEmpty());
        for (int i = 0; i < boxes.size(); i++) {
            MarkLayer.Box a = boxes.get(i);
            if (a == null) {
                continue;
            }
            assertFalse(a.overlaps(legend), "on the legend: " + a);
            assertTrue(a.x() + a.width() <= 900 + 1e-9, "past the plot: " + a);
            for (int j = i + 1; j < boxes.size(); j++) {
                MarkLayer.Box b = boxes.get(j);
                assertFalse(b != null && a.overlaps(b), a + " on " + b);
            }
        }
        assertTrue(boxes.get(boxes.size() - 1) != null, "the newest mark keeps its label");
    }

    @Test
    void labelsFarApartAllShowOnTheFirstRow() {
        List<MarkLayer.Box> boxes = BufferChart.placeLabels(List.of(60.0, 200.0, 340.0), List.of(70.0, 70.0, 70.0),
                14, 900, 12);
        for (MarkLayer.Box b : boxes) {
            assertTrue(b != null && b.y() == boxes.get(0).y(), boxes.toString());
        }
    }
}
