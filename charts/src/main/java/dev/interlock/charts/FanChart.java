package dev.interlock.charts;

import dev.interlock.engine.model.Metric;
import dev.interlock.engine.stats.Stats;
import java.awt.Color;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.SeriesRenderingOrder;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * Fan chart of one {@link Metric} over the months: the P5–P95 band, the P25–P75 band and the median, from
 * the run's per-month percentiles (MODEL.md, "What a run reports"), optionally with a plan or actuals line
 * on top. Half the futures lie inside the inner band and nine in ten inside the outer one, month by month.
 *
 * <p>Recipe: results → datasets (dataset 0: the two bands as {@link YIntervalSeries}, drawn by a
 * {@link DeviationRenderer}; dataset 1: the median and the overlay as lines) → an {@link XYPlot} with a month
 * axis and a value axis labelled with the metric's unit → a chart styled by the theme. Series: 3, or 4 with an
 * overlay. A reference line marks the metric's threshold when it has one (0 for the gaps, the backlog
 * threshold) and zero when the bands cross it.
 */
public final class FanChart {
    private FanChart() {
    }

    /**
     * A line drawn over the fan: a plan, a target or actuals.
     *
     * @param label  legend text, such as "plan" or "actuals"
     * @param values one value per month in the metric's unit; NaN where there is none (actuals that stop)
     */
    public record Overlay(String label, double[] values) {
        public Overlay {
            values = values.clone();
        }
    }

    /** The fan alone. */
    public static JFreeChart of(Stats s, Metric m, ChartContext ctx, InterlockTheme theme) {
        return of(s, m, ctx, theme, null);
    }

    /**
     * @param overlay a line to draw over the fan, or {@code null}; its length must be the horizon
     * @throws IllegalArgumentException if the overlay's length is not the horizon (a programming error)
     */
    public static JFreeChart of(Stats s, Metric m, ChartContext ctx, InterlockTheme theme, Overlay overlay) {
        int h = s.horizon();
        Bands b = new Bands(new double[h], new double[h], new double[h], new double[h], new double[h]);
        for (int t = 0; t < h; t++) {
            b.p5()[t] = s.quantile(m, t, 0.05);
            b.p25()[t] = s.quantile(m, t, 0.25);
            b.p50()[t] = s.quantile(m, t, 0.50);
            b.p75()[t] = s.quantile(m, t, 0.75);
            b.p95()[t] = s.quantile(m, t, 0.95);
        }
        double threshold = s.hasExceedance(m) ? s.exceedThreshold(m) : Double.NaN;
        return of(b, m, ctx, theme, overlay, threshold, m.meaning() + " — median and percentile bands of "
                + ctx.futures());
    }

    /** Percentile bands of a metric, one value per month each: P5, P25, P50, P75, P95. */
    public record Bands(double[] p5, double[] p25, double[] p50, double[] p75, double[] p95) {
    }

    /**
     * The fan from percentile bands (from a run's statistics, or from a backtest's forecast).
     *
     * @param threshold a reference line (a gap's 0, the backlog threshold), or NaN for none
     * @param subtitle  the line under the title
     */
    public static JFreeChart of(Bands b, Metric m, ChartContext ctx, InterlockTheme theme, Overlay overlay,
                                double threshold, String subtitle) {
        int h = b.p50().length;
        if (overlay != null && overlay.values().length != h) {
            throw new IllegalArgumentException("overlay '" + overlay.label() + "' has " + overlay.values().length
                    + " values for a " + h + "-month horizon");
        }
        YIntervalSeries outer = new YIntervalSeries("P5–P95");
        YIntervalSeries inner = new YIntervalSeries("P25–P75");
        XYSeries median = new XYSeries("median");
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int t = 0; t < h; t++) {
            if (Double.isNaN(b.p50()[t])) {
                continue;
            }
            outer.add(t, b.p50()[t], b.p5()[t], b.p95()[t]);
            inner.add(t, b.p50()[t], b.p25()[t], b.p75()[t]);
            median.add(t, b.p50()[t]);
            lo = Math.min(lo, b.p5()[t]);
            hi = Math.max(hi, b.p95()[t]);
        }
        YIntervalSeriesCollection bands = new YIntervalSeriesCollection();
        bands.addSeries(outer);
        bands.addSeries(inner);
        XYSeriesCollection lines = new XYSeriesCollection(median);
        if (overlay != null) {
            XYSeries o = new XYSeries(overlay.label());
            for (int t = 0; t < h; t++) {
                if (!Double.isNaN(overlay.values()[t])) {
                    o.add(t, overlay.values()[t]);
                }
            }
            lines.addSeries(o);
        }

        Color outerFill = InterlockTheme.tint(theme.primary(), 0.16);
        Color innerFill = InterlockTheme.tint(theme.primary(), 0.42);
        DeviationRenderer bandRenderer = new DeviationRenderer(false, false);
        bandRenderer.setAlpha(1f);
        bandRenderer.setSeriesFillPaint(0, outerFill);
        bandRenderer.setSeriesFillPaint(1, innerFill);
        XYLineAndShapeRenderer lineRenderer = new XYLineAndShapeRenderer(true, false);
        lineRenderer.setDrawSeriesLineAsPath(true);   // one stroke per line, not one per month
        lineRenderer.setSeriesPaint(0, theme.primary());
        lineRenderer.setSeriesStroke(0, theme.solid());
        lineRenderer.setSeriesPaint(1, theme.ink());
        lineRenderer.setSeriesStroke(1, theme.dashed());
        lineRenderer.setSeriesShapesVisible(1, true);
        lineRenderer.setSeriesShape(1, theme.smallCircle());

        NumberAxis y = ChartAxes.values(ctx.axisLabel(m));
        if (m.integer()) {
            y.setStandardTickUnits(NumberAxis.createIntegerTickUnits());   // no half customers
        }
        y.setAutoRangeMinimumSize(m.integer() ? 5 : 1);                    // a flat zero still gets an axis
        XYPlot plot = new XYPlot(bands, ChartAxes.months(ctx), y, bandRenderer);
        plot.setDataset(1, lines);
        plot.setRenderer(1, lineRenderer);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        plot.setSeriesRenderingOrder(SeriesRenderingOrder.FORWARD);   // outer band first, inner band on top

        LegendItemCollection legend = new LegendItemCollection();
        legend.add(theme.lineItem("median", theme.primary(), theme.solid(), null));
        legend.add(theme.areaItem("P25–P75 (half of futures)", innerFill));
        legend.add(theme.areaItem("P5–P95 (9 in 10)", outerFill));
        if (overlay != null) {
            legend.add(theme.lineItem(overlay.label(), theme.ink(), theme.dashed(), theme.smallCircle()));
        }
        plot.setFixedLegendItems(legend);

        if (!Double.isNaN(threshold)) {
            double th = threshold;
            String label = m == Metric.BACKLOG ? "threshold " + ChartAxes.Compact.text(th) : "0: capacity = demand";
            plot.addRangeMarker(reference(th, label, theme, quieterEndIsRight(b.p95())));
            if (th > hi) {   // keep the threshold in view when every future stays below it
                y.setRange(Math.min(0, lo), th * 1.2);
            }
        } else if (lo < 0 && hi > 0) {
            plot.addRangeMarker(reference(0, "0", theme));
        }

        JFreeChart chart = new JFreeChart(ChartContext.name(m) + (m.unit().contains("/month") ? " per month" : ""),
                theme.titleFont(), plot, true);
        chart.addSubtitle(new TextTitle(subtitle));
        theme.apply(chart);
        return chart;
    }

    static ValueMarker reference(double value, String label, InterlockTheme theme) {
        return reference(value, label, theme, false);
    }

    /** A dashed reference line labelled just above it at the left end, or at the right end. */
    static ValueMarker reference(double value, String label, InterlockTheme theme, boolean right) {
        return theme.marker(value, theme.ink(), theme.thinDashed(), label, theme.ink(),
                right ? RectangleAnchor.TOP_RIGHT : RectangleAnchor.TOP_LEFT,
                right ? TextAnchor.BOTTOM_RIGHT : TextAnchor.BOTTOM_LEFT, new RectangleInsets(4, 8, 4, 8));
    }

    /**
     * Whether the threshold's label should go at the right end: where the outer band reaches less high over the
     * last fifth of the months than over the first fifth, so the bands do not run through the label (a crunch that
     * builds late, say, keeps it at the left).
     */
    static boolean quieterEndIsRight(double[] p95) {
        int h = p95.length;
        int k = Math.max(1, h / 5);
        double left = Double.NEGATIVE_INFINITY;
        double right = Double.NEGATIVE_INFINITY;
        for (int t = 0; t < k; t++) {
            left = Math.max(left, Double.isNaN(p95[t]) ? left : p95[t]);
            right = Math.max(right, Double.isNaN(p95[h - 1 - t]) ? right : p95[h - 1 - t]);
        }
        return right < left;
    }
}
