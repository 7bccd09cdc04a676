package dev.interlock.engine.output;

import dev.interlock.engine.model.Metric;
import dev.interlock.engine.stats.Stats;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Short numbers and phrases for people (the console and the HTML report); files meant for programs use
 * {@link Fmt} and keep full precision. Locale-free, so the same result always reads the same.
 */
public final class Words {
    private Words() {
    }

    /** A run of months, 1-based and inclusive: {@code first ≤ last}. */
    public record MonthRange(int first, int last) {
        @Override
        public String toString() {
            return first == last ? Integer.toString(first) : first + "–" + last;
        }

        // Written out: a record's generated equals and hashCode are bootstrapped through method handles on
        // their first use, which spun 48 classes in a fresh JVM while the report was being written.
        @Override
        public boolean equals(Object o) {
            return o instanceof MonthRange r && r.first == first && r.last == last;
        }

        @Override
        public int hashCode() {
            return 31 * first + last;
        }
    }

    /** 1234567 → "1.23M", −45000 → "-45.0k", 12.3456 → "12.3"; NaN → "n/a". */
    public static String compact(double x) {
        if (Double.isNaN(x)) {
            return "n/a";
        }
        double a = Math.abs(x);
        String sign = x < 0 ? "-" : "";
        // the unit is chosen for the value as it will be rounded: 999,960 is "1.00M", not "1000.0k"
        if (a >= 999_995_000) {
            return sign + String.format(Locale.ROOT, "%.2fB", a / 1e9);
        }
        if (a >= 999_950) {
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

    /** A unit with the scenario's currency for the word "currency": "currency/month" → "USD/month". */
    public static String unit(String unit, String currency) {
        return unit.replace("currency", currency);
    }

    /** The name of quantile level q: "P10" for 0.1, "P2.5" for 0.025, "P99.9" for 0.999 (not rounded to P100). */
    public static String percentile(double q) {
        java.math.BigDecimal v = new java.math.BigDecimal(Double.toString(100 * q)).round(new java.math.MathContext(4))
                .stripTrailingZeros();
        return "P" + v.toPlainString();
    }

    /**
     * Several numbers of one row of a table in one format, chosen by the largest: "4.9k, 7.2k, 11.2k" rather than
     * "4872, 7245, 11.2k"; "0.6, 1.3, 2.1" rather than "0.560, 1.3, 2.1". Whole numbers below 10,000 stay whole
     * ("9, 14, 20, 14.5"); NaN is "n/a".
     */
    public static String[] compactRow(double... xs) {
        double max = 0;
        boolean whole = true;
        for (double x : xs) {
            if (!Double.isNaN(x)) {
                max = Math.max(max, Math.abs(x));
                whole &= x == Math.rint(x);
            }
        }
        String[] out = new String[xs.length];
        for (int i = 0; i < xs.length; i++) {
            double x = xs[i];
            if (Double.isNaN(x)) {
                out[i] = "n/a";
            } else if (max >= 999_995_000) {      // as in compact: the unit of the rounded value
                out[i] = String.format(Locale.ROOT, "%.2fB", x / 1e9);
            } else if (max >= 999_950) {
                out[i] = String.format(Locale.ROOT, "%.2fM", x / 1e6);
            } else if (max >= 1e4) {
                out[i] = String.format(Locale.ROOT, "%.1fk", x / 1e3);
            } else if (whole || max >= 100 || x == Math.rint(x)) {
                // a whole number stays whole (percentiles of counts), whatever the mean beside it needs
                out[i] = String.format(Locale.ROOT, "%.0f", x);
            } else if (max >= 1) {
                out[i] = String.format(Locale.ROOT, "%.1f", x);
            } else {
                out[i] = String.format(Locale.ROOT, "%.3f", x);
            }
            if (out[i].startsWith("-0") && out[i].matches("-0(\\.0+)?[kMB]?")) {
                out[i] = out[i].substring(1);   // no "-0.0"
            }
        }
        return out;
    }

    /** 0.657 → "66%"; NaN → "n/a". */
    public static String percent(double p) {
        if (Double.isNaN(p)) {
            return "n/a";
        }
        // never round a share that is not all or nothing to 100 % or 0 %: 7 trials in 1,500 going the other way
        // is not "100 % of trials"
        if (p < 1 && p >= 0.995) {
            return ">99%";
        }
        if (p > 0 && p < 0.005) {
            return "<1%";
        }
        return String.format(Locale.ROOT, "%.0f%%", 100 * p);
    }

    /**
     * The months where P(metric above its threshold) ≥ {@code level} — P(gap > 0) for the gap metrics,
     * P(backlog > threshold) for the backlog — as maximal runs of consecutive months, in order.
     */
    public static List<MonthRange> monthsAtRisk(Stats s, Metric m, double level) {
        List<MonthRange> ranges = new ArrayList<>();
        int start = -1;
        for (int t = 0; t <= s.horizon(); t++) {
            boolean at = t < s.horizon() && s.exceedProbability(m, t) >= level;
            if (at && start < 0) {
                start = t;
            } else if (!at && start >= 0) {
                ranges.add(new MonthRange(start + 1, t));
                start = -1;
            }
        }
        return ranges;
    }

    /** "7–11, 14"; "" for no months. */
    public static String join(List<MonthRange> ranges) {
        StringBuilder b = new StringBuilder();
        for (MonthRange r : ranges) {
            if (b.length() > 0) {
                b.append(", ");
            }
            b.append(r);
        }
        return b.toString();
    }
}
