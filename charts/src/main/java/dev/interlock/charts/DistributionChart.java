package dev.interlock.charts;

import dev.interlock.engine.model.Summary;
import dev.interlock.engine.output.Words;
import dev.interlock.engine.stats.Stats;
import java.awt.Color;
import java.awt.Paint;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The distribution over futures of one per-trial {@link Summary} figure — cumulative profit at the horizon in
 * the report — as a histogram and as an S-curve (the CDF: the share of futures at or below each value), with
 * P10, P50 and P90 marked. For cumulative profit the break-even line at 0 is drawn too, losses are shaded in the
 * risk colour and P(profit &gt; 0) is stated.
 *
 * <p>Both charts work from results, never from trials: a grid of {@value #GRID} quantiles at levels
 * (i + ½)/{@value #GRID} stands for the futures, each carrying 1/{@value #GRID} of them (a quantile function
 * sampled evenly in probability is a sample of the distribution). The histogram counts grid points per bin;
 * its bins, of a round width, cover P0.5 to P99.5 (the outer 1 % is left out so one extreme future cannot squash
 * the picture). The quantiles are the run's, accurate to 0.5 % of the value (see {@code Quantiles}).
 *
 * <p>Series: 1 in each chart (the bars; the curve). Markers: P10, P50, P90 and, for figures with a threshold,
 * break-even.
 */
public final class DistributionChart {
    /** Quantile levels per chart: fine enough that bins of ~1/40 of the range get ≥ 10 points near the middle. */
    public static final int GRID = 2000;
    private static final double[] MARKED = {0.10, 0.50, 0.90};

    private DistributionChart() {
    }

    /** Histogram: share of futures per bin, bars below the threshold (losses) in the risk colour. */
    public static JFreeChart histogram(Stats s, Summary k, ChartContext ctx, InterlockTheme theme) {
        return histogram(s, k, grid(s, k), ctx, theme);
    }

    /** The histogram from the figure's {@link #grid}, when the S-curve of the same figure shares it. */
    static JFreeChart histogram(Stats s, Summary k, double[] grid, ChartContext ctx, InterlockTheme theme) {
        double lo = s.quantile(k, 0.005);
        double hi = s.quantile(k, 0.995);
        double width = niceWidth((hi - lo) / 36);
        double start = Math.floor(lo / width) * width;
        int bins = Math.max(1, (int) Math.ceil((hi - start) / width));
        if (start + bins * width <= hi) {
            bins++;
        }
        double[] share = new double[bins];
        for (double v : grid) {
            int b = (int) Math.floor((v - start) / width);
            if (v >= lo && v <= hi && b >= 0 && b < bins) {
                share[b] += 1.0 / grid.length;
            }
        }
        XYIntervalSeries bars = new XYIntervalSeries("share of futures");
        for (int b = 0; b < bins; b++) {
            double x0 = start + b * width;
            bars.add(x0 + width / 2, x0, x0 + width, share[b], 0, share[b]);
        }
        boolean threshold = hasThreshold(s, k);
        Color gain = InterlockTheme.tint(theme.primary(), 0.35);   // light against the loss red, in grey too
        Color loss = InterlockTheme.tint(theme.risk(), 0.75);
        XYBarRenderer renderer = new XYBarRenderer() {
            private static final long serialVersionUID = 1L;

            @Override
            public Paint getItemPaint(int series, int item) {
                return threshold && bars.getXHighValue(item) <= 0 ? loss : gain;
            }
        };
        renderer.setBarPainter(new StandardXYBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(true);
        renderer.setDefaultOutlinePaint(Color.WHITE);
        renderer.setMargin(0);

        double top = 0;
        for (double v : share) {
            top = Math.max(top, v);
        }
        NumberAxis y = new NumberAxis("share of futures per bin");
        y.setTickUnit(ChartAxes.shareTickUnit(niceWidth(top / 6)));
        y.setUpperMargin(0.22);
        XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
        data.addSeries(bars);
        NumberAxis x = valueAxis(k, ctx);
        XYPlot plot = new XYPlot(data, x, y, renderer);
        x.configure();   // the auto range, so that labels can be placed against it
        markPercentiles(plot, s, k, theme, x.getLowerBound(), x.getUpperBound(), false);

        LegendItemCollection legend = new LegendItemCollection();
        if (threshold) {
            boolean anyLoss = false;
            boolean anyGain = false;
            for (int b = 0; b < bins; b++) {
                boolean lossBar = bars.getXHighValue(b) <= 0;
                anyLoss |= lossBar && share[b] > 0;
                anyGain |= !lossBar && share[b] > 0;
            }
            if (anyLoss) {
                legend.add(theme.areaItem("futures with a loss", loss));
            }
            if (anyGain) {
                legend.add(theme.areaItem("futures with a profit", gain));
            }
        } else {
            legend.add(theme.areaItem("futures", gain));
        }
        legend.add(theme.lineItem("P10 / P50 / P90", theme.ink(), theme.thinDashed(), null));
        plot.setFixedLegendItems(legend);

        JFreeChart chart = new JFreeChart(title(k, ctx) + ": how likely each outcome is", theme.titleFont(), plot,
                true);
        chart.addSubtitle(new TextTitle("Share of " + ctx.futures() + " per bin of " + ChartAxes.Compact.text(width)
                + " " + ctx.unit(k.unit()) + " (outer 1% not shown)" + probabilityNote(s, k)));
        theme.apply(chart);
        return chart;
    }

    /** S-curve: for each value, the share of futures at or below it. */
    public static JFreeChart sCurve(Stats s, Summary k, ChartContext ctx, InterlockTheme theme) {
        return sCurve(s, k, grid(s, k), ctx, theme);
    }

    /** The S-curve from the figure's {@link #grid}, when the histogram of the same figure shares it. */
    static JFreeChart sCurve(Stats s, Summary k, double[] grid, ChartContext ctx, InterlockTheme theme) {
        XYSeries curve = new XYSeries("share of futures at or below", false, true);
        curve.add(s.min(k), 0.0);
        for (int i = 0; i < grid.length; i++) {
            // a flat run of equal values (one quantile-sketch bucket) needs only its two ends
            boolean inside = i > 0 && i < grid.length - 1 && grid[i - 1] == grid[i] && grid[i + 1] == grid[i];
            if (!inside) {
                curve.add(grid[i], (i + 0.5) / grid.length);
            }
        }
        curve.add(s.max(k), 1.0);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        r.setDrawSeriesLineAsPath(true);
        r.setSeriesPaint(0, theme.primary());
        r.setSeriesStroke(0, theme.solid());
        NumberAxis x = valueAxis(k, ctx);
        x.setAutoRangeIncludesZero(hasThreshold(s, k));
        // show P0.5–P99.5 like the histogram, so the two charts line up on the same x range
        double lo = s.quantile(k, 0.005);
        double hi = s.quantile(k, 0.995);
        double pad = (hi - lo) * 0.03;
        double axisLo = Math.min(lo, hasThreshold(s, k) ? 0 : lo) - pad;
        double axisHi = Math.max(hi, hasThreshold(s, k) ? 0 : hi) + pad;
        x.setRange(axisLo, axisHi);
        XYPlot plot = new XYPlot(new XYSeriesCollection(curve), x,
                ChartAxes.probability("share of futures at or below"), r);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        markPercentiles(plot, s, k, theme, axisLo, axisHi, true);
        if (hasThreshold(s, k)) {
            // where the curve crosses break-even; its share is stated in the break-even label
            plot.addRangeMarker(theme.marker(1 - s.exceedProbability(k), theme.risk(), theme.thinDashed(), null,
                    theme.risk().darker(), RectangleAnchor.TOP_RIGHT, TextAnchor.BOTTOM_RIGHT,
                    new RectangleInsets(4, 4, 4, 8)));
        }
        LegendItemCollection legend = new LegendItemCollection();
        legend.add(theme.lineItem("share of futures at or below the value", theme.primary(), theme.solid(), null));
        legend.add(theme.lineItem("P10 / P50 / P90", theme.ink(), theme.thinDashed(), null));
        plot.setFixedLegendItems(legend);

        JFreeChart chart = new JFreeChart(title(k, ctx) + ": S-curve", theme.titleFont(), plot, true);
        chart.addSubtitle(new TextTitle("Read across from a share to the value: P10 means 1 in 10 of "
                + ctx.futures() + " end at or below it" + probabilityNote(s, k)));
        theme.apply(chart);
        return chart;
    }

    /**
     * The figure's values at levels (i + ½)/GRID, i = 0 … GRID−1, ascending: {@value #GRID} quantile look-ups, each
     * a walk over the figure's sketch, so a report computes it once for both charts of a figure. Not modified by
     * the charts.
     */
    static double[] grid(Stats s, Summary k) {
        double[] v = new double[GRID];
        for (int i = 0; i < GRID; i++) {
            v[i] = s.quantile(k, (i + 0.5) / GRID);
        }
        return v;
    }

    /** A round bin width (1, 2, 2.5 or 5 × 10^n) at or above {@code raw}. */
    static double niceWidth(double raw) {
        if (!(raw > 0)) {
            return 1;
        }
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * p >= raw * (1 - 1e-12)) {
                return m * p;
            }
        }
        return 10 * p;
    }

    private static boolean hasThreshold(Stats s, Summary k) {
        return !Double.isNaN(s.exceedProbability(k));
    }

    private static String title(Summary k, ChartContext ctx) {
        return ChartContext.name(k) + (k == Summary.CUMULATIVE_PROFIT ? " over " + ctx.horizon() + " months" : "");
    }

    private static String probabilityNote(Stats s, Summary k) {
        if (!hasThreshold(s, k)) {
            return "";
        }
        String p = Words.percent(s.exceedProbability(k));
        // "= 66%", but "<1%" and ">99%" carry their own relation
        return "; P(" + shortName(k) + " > 0) " + (Character.isDigit(p.charAt(0)) ? "= " : "") + p;
    }

    private static String shortName(Summary k) {
        return k == Summary.CUMULATIVE_PROFIT ? "profit" : ChartContext.words(k.key());
    }

    private static NumberAxis valueAxis(Summary k, ChartContext ctx) {
        NumberAxis x = ChartAxes.values(ctx.axisLabel(k));
        x.setAutoRangeIncludesZero(false);
        x.setUpperMargin(0.02);
        x.setLowerMargin(0.02);
        return x;
    }

    /**
     * Dashed vertical lines at P10, P50, P90 with their values, and break-even at 0 for figures with one, placed so
     * that no label is cut off by the plot's edge or crossed by the curve.
     *
     * <p>Histogram: the labels sit on three rows at the top (P10 highest), above the bars, so close percentiles
     * never overlap; each to the right of its line unless the line is in the right quarter of the P0.5–P99.5
     * range or just left of break-even, where it goes left. S-curve: each label sits where its line meets the
     * curve, on the side the curve leaves free — left of the line and above the curve (the curve to the left is
     * lower), or, for a line near the
     * left edge, right of it and below. Break-even is labelled at the bottom (at the top where under a quarter of
     * futures are at or below it, as the curve is low there), on the side away from the nearer edge; on the
     * S-curve its label gives the share of futures at or below it, where the dashed horizontal line crosses.
     * Break-even is added first, so that a percentile label crossing its line is drawn over it.
     */
    private static void markPercentiles(XYPlot plot, Stats s, Summary k, InterlockTheme theme, double axisLo,
                                        double axisHi, boolean onCurve) {
        double span = axisHi - axisLo;
        if (hasThreshold(s, k)) {
            double pLoss = 1 - s.exceedProbability(k);
            boolean left = span > 0 && (0 - axisLo) / span > 0.6;
            boolean top = onCurve && pLoss < 0.25;
            String label = onCurve ? "break-even: " + Words.percent(pLoss) + " of futures at or below" : "break-even";
            RectangleAnchor anchor = top ? (left ? RectangleAnchor.TOP_LEFT : RectangleAnchor.TOP_RIGHT)
                    : (left ? RectangleAnchor.BOTTOM_LEFT : RectangleAnchor.BOTTOM_RIGHT);
            TextAnchor text = top ? (left ? TextAnchor.TOP_RIGHT : TextAnchor.TOP_LEFT)
                    : (left ? TextAnchor.BOTTOM_RIGHT : TextAnchor.BOTTOM_LEFT);
            plot.addDomainMarker(theme.marker(0, theme.risk(), theme.solid(), label, theme.risk().darker(), anchor,
                    text, new RectangleInsets(top ? 10 : 4, 6, top ? 4 : onCurve ? 44 : 10, 6)));
        }
        double lo = s.quantile(k, 0.005);
        double hi = s.quantile(k, 0.995);
        for (int i = 0; i < MARKED.length; i++) {
            double v = s.quantile(k, MARKED[i]);
            String label = "P" + Math.round(MARKED[i] * 100) + " " + ChartAxes.Compact.text(v);
            if (onCurve) {
                plot.addDomainMarker(theme.marker(v, theme.ink(), theme.thinDashed(), null, theme.ink(),
                        RectangleAnchor.TOP_RIGHT, TextAnchor.TOP_LEFT, new RectangleInsets(0, 0, 0, 0)));
                boolean nearLeftEdge = span > 0 && (v - axisLo) / span < 0.22;
                XYTextAnnotation a = new XYTextAnnotation(label, v + (nearLeftEdge ? 1 : -1) * 0.008 * span,
                        MARKED[i] + (nearLeftEdge ? -0.025 : 0.025));
                a.setTextAnchor(nearLeftEdge ? TextAnchor.TOP_LEFT : TextAnchor.BOTTOM_RIGHT);
                a.setFont(theme.markerFont());
                a.setPaint(theme.ink());
                a.setBackgroundPaint(InterlockTheme.LABEL_BACKGROUND);
                plot.addAnnotation(a);
                continue;
            }
            // a label runs right of its line unless that would cut it off at the right edge or run it across
            // break-even just to the right
            boolean crossesBreakEven = hasThreshold(s, k) && v < 0 && span > 0 && -v / span < 0.17;
            boolean left = hi > lo && (v - lo) / (hi - lo) > 0.75 || crossesBreakEven;
            double down = 6 + i * theme.titleSize() * 0.85;
            plot.addDomainMarker(theme.marker(v, theme.ink(), theme.thinDashed(), label, theme.ink(),
                    left ? RectangleAnchor.TOP_LEFT : RectangleAnchor.TOP_RIGHT,
                    left ? TextAnchor.TOP_RIGHT : TextAnchor.TOP_LEFT, new RectangleInsets(down, 6, 4, 6)));
        }
    }
}
