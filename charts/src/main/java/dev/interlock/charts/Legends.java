package dev.interlock.charts;

import org.jfree.data.xy.YIntervalSeries;

/** What a chart's legend may name: only what is drawn (a band of no width draws nothing). */
final class Legends {
    private Legends() {
    }

    /** Whether the band is wider than a line anywhere (a fixed capacity, or one trial, has low = high throughout). */
    static boolean hasWidth(YIntervalSeries band) {
        for (int i = 0; i < band.getItemCount(); i++) {
            if (band.getYHighValue(i) > band.getYLowValue(i)) {
                return true;
            }
        }
        return false;
    }
}
