package dev.interlock.engine.stats;

import dev.interlock.engine.model.Metric;
import dev.interlock.engine.model.Summary;
import java.util.Arrays;

/**
 * The statistics of one model variant over all trials of a run: per metric and month, and per summary
 * figure. Feeds every writer (CSV, JSON, console table) and the charts; never sees the kernel.
 */
public final class Stats {
    /** Quantile levels reported everywhere: P5, P10, P25, P50, P75, P90, P95. */
    public static final double[] LEVELS = {0.05, 0.10, 0.25, 0.50, 0.75, 0.90, 0.95};
    public static final String[] LEVEL_NAMES = {"p5", "p10", "p25", "p50", "p75", "p90", "p95"};

    private final String structure;
    private final int horizon;
    private final Moments monthly;
    private final Quantiles monthlyQ;
    private final Moments summary;
    private final Quantiles summaryQ;

    public Stats(String structure, int horizon, Moments monthly, Quantiles monthlyQ, Moments summary,
                 Quantiles summaryQ) {
        this.structure = structure;
        this.horizon = horizon;
        this.monthly = monthly;
        this.monthlyQ = monthlyQ;
        this.summary = summary;
        this.summaryQ = summaryQ;
    }

    /** Exceedance thresholds per monthly cell: gaps above 0, backlog above its threshold. */
    public static double[] monthlyThresholds(int horizon, double backlogThreshold) {
        double[] t = new double[Metric.COUNT * horizon];
        Arrays.fill(t, Double.NaN);
        Arrays.fill(t, Metric.SALES_GAP.ordinal() * horizon, (Metric.SALES_GAP.ordinal() + 1) * horizon, 0);
        Arrays.fill(t, Metric.ONBOARDING_GAP.ordinal() * horizon, (Metric.ONBOARDING_GAP.ordinal() + 1) * horizon, 0);
        Arrays.fill(t, Metric.BACKLOG.ordinal() * horizon, (Metric.BACKLOG.ordinal() + 1) * horizon, backlogThreshold);
        return t;
    }

    public static double[] summaryThresholds() {
        double[] t = new double[Summary.COUNT];
        Arrays.fill(t, Double.NaN);
        t[Summary.CUMULATIVE_PROFIT.ordinal()] = 0;
        return t;
    }

    public String structure() {
        return structure;
    }

    public int horizon() {
        return horizon;
    }

    public long trials() {
        return hasMonthly() ? monthly.count(0) : summary.count(Summary.CUMULATIVE_PROFIT.ordinal());
    }

    /** False for a run that kept only the summary figures ({@code Runner.summaryOnly()}, as sensitivity does). */
    public boolean hasMonthly() {
        return monthly.cells > 0;
    }

    private int cell(Metric m, int t) {
        if (!hasMonthly()) {
            throw new IllegalStateException("this run kept only the summary figures, no monthly statistics");
        }
        return m.ordinal() * horizon + t;
    }

    public double mean(Metric m, int t) {
        return monthly.mean(cell(m, t));
    }

    public double sd(Metric m, int t) {
        return monthly.sd(cell(m, t));
    }

    public double min(Metric m, int t) {
        return monthly.min(cell(m, t));
    }

    public double max(Metric m, int t) {
        return monthly.max(cell(m, t));
    }

    /** The q-quantile of a metric in month t (0-based), clamped to the exact range; whole for count metrics. */
    public double quantile(Metric m, int t, double q) {
        int c = cell(m, t);
        double v = clamp(monthlyQ.quantile(c, q), monthly.min(c), monthly.max(c));
        return m.integer() ? Math.rint(v) : v;
    }

    /** P(value > threshold) in month t: the gap metrics (threshold 0) and the backlog; NaN for others. */
    public double exceedProbability(Metric m, int t) {
        return monthly.exceedProbability(cell(m, t));
    }

    public boolean hasExceedance(Metric m) {
        return monthly.hasThreshold(cell(m, 0));
    }

    public double exceedThreshold(Metric m) {
        return monthly.threshold(cell(m, 0));
    }

    public long count(Summary s) {
        return summary.count(s.ordinal());
    }

    public double mean(Summary s) {
        return summary.mean(s.ordinal());
    }

    public double sd(Summary s) {
        return summary.sd(s.ordinal());
    }

    public double min(Summary s) {
        return summary.min(s.ordinal());
    }

    public double max(Summary s) {
        return summary.max(s.ordinal());
    }

    public double quantile(Summary s, double q) {
        int c = s.ordinal();
        double v = clamp(summaryQ.quantile(c, q), summary.min(c), summary.max(c));
        return s.integer() ? Math.rint(v) : v;
    }

    /** P(cumulative profit > 0); NaN for other figures. */
    public double exceedProbability(Summary s) {
        return summary.exceedProbability(s.ordinal());
    }

    private static double clamp(double v, double lo, double hi) {
        if (v != v) {
            return v;
        }
        return Math.max(lo, Math.min(hi, v));
    }
}
