package dev.interlock.engine.analyses;

import java.util.ArrayList;
import java.util.List;

/**
 * Naive forecasts a backtest compares the model with, each from the same training months:
 * <ul>
 *   <li>{@code naive_last}: the last value;</li>
 *   <li>{@code naive_mean3}: the mean of the last three values;</li>
 *   <li>{@code naive_drift}: the last value plus the average change per month so far (Hyndman &amp;
 *       Athanasopoulos, "Forecasting: principles and practice", 3rd ed., section 5.2);</li>
 *   <li>{@code naive_ratio}, only where leads are given to the model: the metric's ratio to leads over the
 *       last three months times the forecast month's leads — a baseline that sees the same input.</li>
 * </ul>
 * Months without a value are skipped. Each forecast is a normal distribution around the point, so CRPS,
 * pinball losses and coverage compare like with like: its sd is the root mean square of the method's own
 * one-step errors in the training months (at least two needed, else the forecast is a point), grown
 * with the steps ahead h as √h for last and mean3, √(h(1 + h/(T−1))) for drift (T values), and not at all
 * for ratio. Points are clipped at 0, since every metric is ≥ 0.
 */
final class Baselines {
    static final List<String> METHODS = List.of("naive_last", "naive_mean3", "naive_drift", "naive_ratio");

    private Baselines() {
    }

    /** A baseline forecast: point and sd (NaN when only a point is available); point NaN when unavailable. */
    record Forecast(double point, double sd) {
        static final Forecast NONE = new Forecast(Double.NaN, Double.NaN);
    }

    /**
     * @param method  one of {@link #METHODS}
     * @param history the metric in months 0 … o−1 (NaN = no value)
     * @param target  the forecast month's index (≥ o)
     * @param leads   total leads in every month (given input), or null when leads are not given
     */
    static Forecast forecast(String method, double[] history, int target, double[] leads) {
        List<Integer> idx = new ArrayList<>();
        for (int t = 0; t < history.length; t++) {
            if (!Double.isNaN(history[t])) {
                idx.add(t);
            }
        }
        if (idx.isEmpty()) {
            return Forecast.NONE;
        }
        int lastT = idx.get(idx.size() - 1);
        double last = history[lastT];
        int steps = target - lastT;
        switch (method) {
            case "naive_last" -> {
                List<Double> e = new ArrayList<>();
                for (int i = 1; i < idx.size(); i++) {
                    if (idx.get(i) == idx.get(i - 1) + 1) {
                        e.add(history[idx.get(i)] - history[idx.get(i - 1)]);
                    }
                }
                return new Forecast(Math.max(0, last), rms(e) * Math.sqrt(steps));
            }
            case "naive_mean3" -> {
                List<Double> e = new ArrayList<>();
                for (int i = 3; i < idx.size(); i++) {
                    e.add(history[idx.get(i)] - mean(history, idx, i - 3, i));
                }
                return new Forecast(Math.max(0, mean(history, idx, Math.max(0, idx.size() - 3), idx.size())),
                        rms(e) * Math.sqrt(steps));
            }
            case "naive_drift" -> {
                if (idx.size() < 2) {
                    return Forecast.NONE;
                }
                int firstT = idx.get(0);
                double slope = (last - history[firstT]) / (lastT - firstT);
                List<Double> e = new ArrayList<>();
                for (int i = 1; i < idx.size(); i++) {
                    if (idx.get(i) == idx.get(i - 1) + 1) {
                        e.add(history[idx.get(i)] - history[idx.get(i - 1)] - slope);
                    }
                }
                double grow = Math.sqrt(steps * (1 + steps / (double) (idx.size() - 1)));
                return new Forecast(Math.max(0, last + steps * slope), rms(e) * grow);
            }
            case "naive_ratio" -> {
                if (leads == null || Double.isNaN(leads[target])) {
                    return Forecast.NONE;
                }
                double r = ratio(history, leads, idx, idx.size());
                if (Double.isNaN(r)) {
                    return Forecast.NONE;
                }
                List<Double> e = new ArrayList<>();
                for (int i = 3; i < idx.size(); i++) {
                    double ri = ratio(history, leads, idx, i);
                    int t = idx.get(i);
                    if (!Double.isNaN(ri) && !Double.isNaN(leads[t])) {
                        e.add(history[t] - ri * leads[t]);
                    }
                }
                return new Forecast(Math.max(0, r * leads[target]), rms(e));
            }
            default -> throw new IllegalArgumentException(method);
        }
    }

    /** Σ y / Σ leads over the three observed months before position {@code end} of idx; NaN if Σ leads = 0. */
    private static double ratio(double[] y, double[] leads, List<Integer> idx, int end) {
        double sy = 0;
        double sl = 0;
        int n = 0;
        for (int i = end - 1; i >= 0 && n < 3; i--) {
            int t = idx.get(i);
            if (!Double.isNaN(leads[t])) {
                sy += y[t];
                sl += leads[t];
                n++;
            }
        }
        return sl > 0 ? sy / sl : Double.NaN;
    }

    private static double mean(double[] y, List<Integer> idx, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) {
            s += y[idx.get(i)];
        }
        return s / (to - from);
    }

    /** Root mean square, NaN with fewer than two values. */
    private static double rms(List<Double> e) {
        if (e.size() < 2) {
            return Double.NaN;
        }
        double s = 0;
        for (double x : e) {
            s += x * x;
        }
        return Math.sqrt(s / e.size());
    }
}
