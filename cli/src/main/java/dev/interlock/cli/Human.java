package dev.interlock.cli;

import dev.interlock.engine.model.Metric;
import dev.interlock.engine.stats.Stats;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Short human-readable numbers and phrases for the console (files keep full precision). */
final class Human {
    private Human() {
    }

    /** 1234567 → "1.23M", −45000 → "−45.0k", 12.3456 → "12.3". */
    static String compact(double x) {
        if (Double.isNaN(x)) {
            return "n/a";
        }
        double a = Math.abs(x);
        String sign = x < 0 ? "-" : "";
        if (a >= 1e9) {
            return sign + String.format(Locale.ROOT, "%.2fB", a / 1e9);
        }
        if (a >= 1e6) {
            return sign + String.format(Locale.ROOT, "%.2fM", a / 1e6);
        }
        if (a >= 1e4) {
            return sign + String.format(Locale.ROOT, "%.1fk", a / 1e3);
        }
        if (a == Math.rint(a)) {
            return sign + String.format(Locale.ROOT, "%.0f", a);
        }
        if (a < 1) {
            return sign + String.format(Locale.ROOT, "%.3g", a);
        }
        return sign + String.format(Locale.ROOT, a >= 100 ? "%.0f" : "%.1f", a);
    }

    static String percent(double p) {
        return Double.isNaN(p) ? "n/a" : String.format(Locale.ROOT, "%.0f%%", 100 * p);
    }

    /** Months (1-based) where P(metric above its threshold) ≥ level, as ranges: "7–11, 14". */
    static String monthsAtRisk(Stats s, Metric m, double level) {
        List<int[]> ranges = new ArrayList<>();
        int start = -1;
        for (int t = 0; t <= s.horizon(); t++) {
            boolean at = t < s.horizon() && s.exceedProbability(m, t) >= level;
            if (at && start < 0) {
                start = t;
            } else if (!at && start >= 0) {
                ranges.add(new int[] {start + 1, t});
                start = -1;
            }
        }
        if (ranges.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        for (int[] r : ranges) {
            if (b.length() > 0) {
                b.append(", ");
            }
            b.append(r[0] == r[1] ? Integer.toString(r[0]) : r[0] + "–" + r[1]);
        }
        return b.toString();
    }
}
