package dev.interlock.cli;

import dev.interlock.engine.model.Metric;
import dev.interlock.engine.output.Words;
import dev.interlock.engine.stats.Stats;

/** Short human-readable numbers and phrases for the console (files keep full precision); see {@link Words}. */
final class Human {
    private Human() {
    }

    /** 1234567 → "1.23M", −45000 → "-45.0k", 12.3456 → "12.3". */
    static String compact(double x) {
        return Words.compact(x);
    }

    static String percent(double p) {
        return Words.percent(p);
    }

    /** Months (1-based) where P(metric above its threshold) ≥ level, as ranges: "7–11, 14". */
    static String monthsAtRisk(Stats s, Metric m, double level) {
        return Words.join(Words.monthsAtRisk(s, m, level));
    }
}
