package dev.interlock.charts;

import dev.interlock.engine.analyses.Comparison;
import dev.interlock.engine.model.Summary;
import dev.interlock.engine.stats.Stats;
import java.awt.Color;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * Reporting structures side by side, from a {@link Comparison} (results, never trials).
 *
 * <ul>
 *   <li>{@link #intervals}: one row per structure — the P10–P90 and P25–P75 ranges of a per-trial figure
 *       (cumulative profit, peak backlog, …) as nested bars, with the median and the mean as points.
 *       Series: 2 intervals + 2 point series.</li>
 *   <li>{@link #pairedDifferences}: one row per structure against a baseline — the mean paired
 *       difference of a figure with its 95 % confidence interval from common random numbers, beside the
 *       interval two separate runs would have given, and, for cumulative profit, behind them the P10–P90 of the
 *       per-future differences: how far apart the two structures land in 8 of 10 futures, which the intervals of
 *       the mean (simulation noise) do not say. Series: 2 intervals (3 with the spread); a line marks zero.</li>
 * </ul>
 * Rows are drawn top to bottom in the order given (ranking order in the report).
 */
public final class ComparisonChart {
    private ComparisonChart() {
    }

    /** P10–P90 and P25–P75 of {@code figure} per structure, with P50 and mean marked. */
    public static JFreeChart intervals(Comparison c, List<String> order, Summary figure, ChartContext ctx,
                                       InterlockTheme theme) {
        int n = order.size();
        YIntervalSeries wide = new YIntervalSeries("P10–P90 (8 in 10 futures)");
        YIntervalSeries narrow = new YIntervalSeries("P25–P75 (half of futures)");
        XYSeries median = new XYSeries("P50");
        XYSeries mean = new XYSeries("mean");
        for (int i = 0; i < n; i++) {
            Stats s = c.stats(order.get(i));
            double row = n - 1 - i;
            wide.add(row, s.quantile(figure, 0.5), s.quantile(figure, 0.1), s.quantile(figure, 0.9));
            narrow.add(row, s.quantile(figure, 0.5), s.quantile(figure, 0.25), s.quantile(figure, 0.75));
            median.add(row, s.quantile(figure, 0.5));
            mean.add(row, s.mean(figure));
        }
        YIntervalSeriesCollection bars = new YIntervalSeriesCollection();
        bars.addSeries(wide);
        bars.addSeries(narrow);
        XYErrorRenderer barRenderer = new XYErrorRenderer();
        barRenderer.setDrawXError(false);
        barRenderer.setDefaultShapesVisible(false);
        barRenderer.setDefaultLinesVisible(false);
        barRenderer.setCapLength(theme.titleSize() * 0.5);
        Color light = InterlockTheme.tint(theme.primary(), 0.55);
        barRenderer.setErrorPaint(null);
        barRenderer.setSeriesPaint(0, light);
        barRenderer.setSeriesPaint(1, theme.primary());
        barRenderer.setErrorStroke(new java.awt.BasicStroke(theme.titleSize() * 0.25f));
        // XYErrorRenderer draws every series with the error stroke and its series paint

        XYSeriesCollection points = new XYSeriesCollection();
        points.addSeries(median);
        points.addSeries(mean);
        XYLineAndShapeRenderer pointRenderer = new XYLineAndShapeRenderer(false, true);
        pointRenderer.setSeriesPaint(0, theme.ink());
        pointRenderer.setSeriesShape(0, new java.awt.geom.Rectangle2D.Double(-3, -9, 6, 18));
        // the mean: a white diamond outlined in orange, visible on the dark P25–P75 bar in colour and in grey
        java.awt.Shape diamond = org.jfree.chart.util.ShapeUtils.createDiamond((float) (theme.titleSize() / 5.0));
        java.awt.Stroke outline = new java.awt.BasicStroke(theme.titleSize() / 12f);
        pointRenderer.setSeriesPaint(1, theme.secondary());
        pointRenderer.setSeriesShape(1, diamond);
        pointRenderer.setUseFillPaint(true);
        pointRenderer.setSeriesFillPaint(0, theme.ink());
        pointRenderer.setSeriesFillPaint(1, Color.WHITE);
        pointRenderer.setDrawOutlines(true);
        pointRenderer.setUseOutlinePaint(true);
        pointRenderer.setSeriesOutlinePaint(0, theme.ink());
        pointRenderer.setSeriesOutlinePaint(1, theme.secondary());
        pointRenderer.setSeriesOutlineStroke(0, new java.awt.BasicStroke(0.5f));
        pointRenderer.setSeriesOutlineStroke(1, outline);

        XYPlot plot = new XYPlot(points, structureAxis(order), valueAxis(figure, ctx), pointRenderer);
        plot.setDataset(1, bars);
        plot.setRenderer(1, barRenderer);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.REVERSE);
        // series in the order added: the wide P10–P90 bar first, the narrow P25–P75 bar over it (JFreeChart's
        // default, reverse order, drew the wide bar last and hid the narrow one)
        plot.setSeriesRenderingOrder(org.jfree.chart.plot.SeriesRenderingOrder.FORWARD);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        if (figure == Summary.CUMULATIVE_PROFIT) {
            plot.addRangeMarker(zero(theme));
        }
        LegendItemCollection legend = new LegendItemCollection();
        legend.add(theme.areaItem(wide.getKey().toString(), light));
        legend.add(theme.areaItem(narrow.getKey().toString(), theme.primary()));
        legend.add(theme.lineItem("P50", theme.ink(), theme.thin(), pointRenderer.getSeriesShape(0)));
        legend.add(new org.jfree.chart.LegendItem("mean", null, null, null, true, diamond, true, Color.WHITE, true,
                theme.secondary(), outline, false, new java.awt.geom.Line2D.Double(), outline, theme.secondary()));
        plot.setFixedLegendItems(legend);
        JFreeChart chart = new JFreeChart(ChartContext.name(figure) + " by structure", theme.titleFont(), plot, true);
        chart.addSubtitle(new TextTitle("Over the same " + ctx.futures() + " for every structure, in "
                + ctx.unit(figure.unit())));
        theme.apply(chart);
        return chart;
    }

    /** Mean paired difference of {@code figure} against {@code baseline}: paired vs unpaired 95 % intervals. */
    public static JFreeChart pairedDifferences(Comparison c, List<String> order, String baseline, Summary figure,
                                               ChartContext ctx, InterlockTheme theme) {
        List<String> others = order.stream().filter(s -> !s.equals(baseline)).toList();
        int n = others.size();
        YIntervalSeries paired = new YIntervalSeries("95% interval, paired (same futures)");
        YIntervalSeries unpaired = new YIntervalSeries("95% interval two separate runs would give");
        for (int i = 0; i < n; i++) {
            Comparison.Pair p = c.pair(others.get(i), baseline, figure);
            double row = n - 1 - i;
            // fewer than 2 trials give no interval: the mean alone, drawn as a point
            double half = Double.isNaN(p.unpairedHalfWidth()) ? 0 : p.unpairedHalfWidth();
            paired.add(row + 0.12, p.meanDiff(), Double.isNaN(p.ciLow()) ? p.meanDiff() : p.ciLow(),
                    Double.isNaN(p.ciHigh()) ? p.meanDiff() : p.ciHigh());
            unpaired.add(row - 0.12, p.meanDiff(), p.meanDiff() - half, p.meanDiff() + half);
        }
        YIntervalSeries spread = new YIntervalSeries("P10–P90 of the differences (8 in 10 futures)");
        for (int i = 0; i < n; i++) {
            Comparison.Pair p = c.pair(others.get(i), baseline, figure);
            if (!Double.isNaN(p.diffP10()) && !Double.isNaN(p.diffP90())) {
                spread.add(n - 1 - i + 0.12, p.meanDiff(), p.diffP10(), p.diffP90());
            }
        }
        if (!Legends.hasWidth(spread)) {
            spread.clear();   // no bar to draw (one trial, or structures that never differ): none in the legend
        }
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        data.addSeries(paired);
        data.addSeries(unpaired);
        XYErrorRenderer r = new XYErrorRenderer();
        r.setDrawXError(false);
        r.setDefaultLinesVisible(false);
        r.setDefaultShapesVisible(true);
        r.setCapLength(theme.titleSize() * 0.4);
        r.setErrorPaint(null);
        r.setSeriesPaint(0, theme.primary());
        r.setSeriesShape(0, theme.pointShape());
        Color light = InterlockTheme.tint(theme.muted(), 0.45);
        r.setSeriesPaint(1, light);
        r.setSeriesShape(1, theme.smallCircle());
        r.setErrorStroke(new java.awt.BasicStroke(theme.titleSize() * 0.12f));
        NumberAxis values = ChartAxes.values("difference from " + baseline
                + " (" + ctx.unit(figure.unit()) + ")");
        values.setAutoRangeIncludesZero(true);    // zero is the baseline: always in view
        XYPlot plot = new XYPlot(data, structureAxis(others), values, r);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.addRangeMarker(zero(theme));
        Color spreadPaint = InterlockTheme.tint(theme.primary(), 0.28);
        if (spread.getItemCount() > 0) {
            // behind the intervals (the plot draws dataset 1 first): a wide pale bar
            YIntervalSeriesCollection spreads = new YIntervalSeriesCollection();
            spreads.addSeries(spread);
            XYErrorRenderer sr = new XYErrorRenderer();
            sr.setDrawXError(false);
            sr.setDefaultLinesVisible(false);
            sr.setDefaultShapesVisible(false);
            sr.setCapLength(0);
            sr.setErrorPaint(null);
            sr.setSeriesPaint(0, spreadPaint);
            sr.setErrorStroke(new java.awt.BasicStroke(theme.titleSize() * 0.6f, java.awt.BasicStroke.CAP_BUTT,
                    java.awt.BasicStroke.JOIN_MITER));
            plot.setDataset(1, spreads);
            plot.setRenderer(1, sr);
        }
        LegendItemCollection legend = new LegendItemCollection();
        if (spread.getItemCount() > 0) {
            legend.add(theme.areaItem(spread.getKey().toString(), spreadPaint));
        }
        legend.add(theme.lineItem(paired.getKey().toString(), theme.primary(), theme.solid(), theme.pointShape()));
        legend.add(theme.lineItem(unpaired.getKey().toString(), light, theme.thin(), theme.smallCircle()));
        plot.setFixedLegendItems(legend);
        JFreeChart chart = new JFreeChart(ChartContext.name(figure) + ": each structure minus " + baseline,
                theme.titleFont(), plot, true);
        chart.addSubtitle(new TextTitle("Differences future by future over the same " + ctx.futures() + ", in "
                + ctx.unit(figure.unit()) + "; right of zero is " + (isHigherBetter(figure) ? "better" : "worse")));
        theme.apply(chart);
        return chart;
    }

    static boolean isHigherBetter(Summary figure) {
        for (Comparison.Figure f : Comparison.FIGURES) {
            if (f.summary() == figure) {
                return f.higherIsBetter();
            }
        }
        return true;
    }

    private static SymbolAxis structureAxis(List<String> order) {
        String[] labels = new String[order.size()];
        for (int i = 0; i < order.size(); i++) {
            labels[order.size() - 1 - i] = order.get(i);
        }
        SymbolAxis axis = new SymbolAxis("reporting structure", labels);
        axis.setGridBandsVisible(false);
        axis.setLowerMargin(0.08);
        axis.setUpperMargin(0.08);
        return axis;
    }

    private static NumberAxis valueAxis(Summary figure, ChartContext ctx) {
        NumberAxis x = ChartAxes.values(ctx.axisLabel(figure));
        x.setAutoRangeIncludesZero(false);
        return x;
    }

    private static ValueMarker zero(InterlockTheme theme) {
        ValueMarker m = new ValueMarker(0, theme.ink(), theme.thinDashed());
        return m;
    }
}
