package dev.interlock.charts;

import dev.interlock.engine.model.Metric;
import dev.interlock.engine.stats.Stats;
import java.awt.Color;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.SeriesRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYDifferenceRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * Capacity charts: the work arriving against the capacity to do it, month by month, with the shortfall
 * shaded and, on a second axis, the share of futures in which that month falls short (MODEL.md sections 2
 * and 3).
 *
 * <p><b>Onboarding</b> ({@link #onboarding}): demand D(t) = last month's backlog + this month's closes
 * against capacity K_o(t) = ramped staff × customers per staff-month; each with its P10–P90 band and its mean.
 * The area between the two means is shaded in the months that are short in at least half of futures (P(gap &gt; 0)
 * ≥ 50 %, the months the report's summary names; the shading tapers to nothing over the month after the last):
 * since means add, its height is the mean gap E[D − K_o] ({@link Metric#ONBOARDING_GAP}). A month whose mean demand is above mean capacity while most futures keep up (a
 * few futures with a large backlog pull the mean up) is not shaded. The right axis shows P(gap &gt; 0) by month.
 *
 * <p><b>Sales</b> ({@link #sales}): the leads sales has to work in a month — new qualified leads Q(t) plus the
 * queue U(t) carried over (unworked, not yet gone cold) — against sales capacity C(t) ({@link
 * Metric#SALES_CAPACITY}). The run reports the gap Q + U − C ({@link Metric#SALES_GAP}) and the capacity, not the
 * workload itself; percentiles do not add, but means do, so the workload is drawn as its mean
 * E[gap] + E[capacity] (exact), without a band. Capacity has its P10–P90 band; new qualified leads ({@link
 * Metric#QUALIFIED}) are drawn as a dotted mean line, so the part of the workload that is carried-over queue
 * shows as the distance between the two. Shading and the right axis are as for onboarding, with
 * P(sales gap &gt; 0).
 *
 * <p>Recipe: dataset 0, the bands ({@link DeviationRenderer}); dataset 1, the shading ({@link
 * XYDifferenceRenderer} between the work's mean, where the month is short in half of futures, else capacity's,
 * and capacity's mean; its lines not drawn); dataset 2, the probability on the secondary axis; dataset 3, the two
 * mean lines on top (and dataset 4, the qualified line for sales). Series: 7 in each chart.
 */
public final class CapacityChart {
    /** A month is shaded as short when at least this share of futures is short in it (as the summary counts). */
    static final double SHORT_IN_HALF = 0.5;

    private CapacityChart() {
    }

    /** Onboarding demand vs capacity, the gap shaded, P(onboarding gap &gt; 0) on the right axis. */
    public static JFreeChart onboarding(Stats s, ChartContext ctx, InterlockTheme theme) {
        int h = s.horizon();
        YIntervalSeries demandBand = new YIntervalSeries("demand P10–P90");
        YIntervalSeries capacityBand = new YIntervalSeries("capacity P10–P90");
        XYSeries demand = new XYSeries("demand, mean");
        XYSeries capacity = new XYSeries("capacity, mean");
        XYSeries shortP = new XYSeries("P(short)");
        for (int t = 0; t < h; t++) {
            band(demandBand, s, Metric.ONBOARDING_DEMAND, t);
            band(capacityBand, s, Metric.ONBOARDING_CAPACITY, t);
            demand.add(t, s.mean(Metric.ONBOARDING_DEMAND, t));
            capacity.add(t, s.mean(Metric.ONBOARDING_CAPACITY, t));
            shortP.add(t, s.exceedProbability(Metric.ONBOARDING_GAP, t));
        }
        Color demandFill = InterlockTheme.alpha(theme.primary(), 0.30);
        Color capacityFill = InterlockTheme.alpha(theme.secondary(), 0.16);
        XYSeries shaded = shadedWork(demand, capacity, shortP);
        XYPlot plot = plot(ctx, theme, "customers (per month)", List.of(demandBand, capacityBand),
                List.of(demandFill, capacityFill), demand, capacity, shaded);
        addProbability(plot, theme, shortP, "futures short (share)");

        LegendItemCollection legend = new LegendItemCollection();
        legend.add(theme.lineItem("demand (backlog + closes), mean", theme.primary(), theme.solid(), null));
        legend.add(theme.areaItem("demand P10–P90", demandFill));
        legend.add(theme.lineItem("capacity, mean", theme.secondary(), theme.dashed(), null));
        addDrawn(legend, theme, capacityBand, capacityFill, shaded, capacity);
        legend.add(theme.lineItem("share of futures short, right axis", theme.ink(), theme.dotted(),
                theme.pointShape()));
        plot.setFixedLegendItems(legend);

        JFreeChart chart = new JFreeChart("Onboarding: demand vs capacity", theme.titleFont(), plot, true);
        chart.addSubtitle(new TextTitle("Customers waiting to go live vs the team's capacity; right axis: share of "
                + ctx.futures() + " short"));
        theme.apply(chart);
        return chart;
    }

    /** Sales workload (new qualified + carried-over queue) vs sales capacity, P(sales gap &gt; 0) on the right. */
    public static JFreeChart sales(Stats s, ChartContext ctx, InterlockTheme theme) {
        int h = s.horizon();
        YIntervalSeries capacityBand = new YIntervalSeries("capacity P10–P90");
        XYSeries workload = new XYSeries("workload, mean");
        XYSeries capacity = new XYSeries("capacity, mean");
        XYSeries qualified = new XYSeries("new qualified, mean");
        XYSeries shortP = new XYSeries("P(short)");
        for (int t = 0; t < h; t++) {
            band(capacityBand, s, Metric.SALES_CAPACITY, t);
            double cap = s.mean(Metric.SALES_CAPACITY, t);
            workload.add(t, s.mean(Metric.SALES_GAP, t) + cap);
            capacity.add(t, cap);
            qualified.add(t, s.mean(Metric.QUALIFIED, t));
            shortP.add(t, s.exceedProbability(Metric.SALES_GAP, t));
        }
        Color capacityFill = InterlockTheme.alpha(theme.secondary(), 0.16);
        XYSeries shaded = shadedWork(workload, capacity, shortP);
        XYPlot plot = plot(ctx, theme, "qualified leads (per month)", List.of(capacityBand), List.of(capacityFill),
                workload, capacity, shaded);
        XYLineAndShapeRenderer q = new XYLineAndShapeRenderer(true, false);
        q.setDrawSeriesLineAsPath(true);
        q.setSeriesPaint(0, theme.primary());
        q.setSeriesStroke(0, theme.dotted());
        plot.setDataset(4, new XYSeriesCollection(qualified));
        plot.setRenderer(4, q);
        addProbability(plot, theme, shortP, "futures short (share)");

        LegendItemCollection legend = new LegendItemCollection();
        legend.add(theme.lineItem("leads to work (new + queue), mean", theme.primary(), theme.solid(), null));
        legend.add(theme.lineItem("new qualified leads, mean", theme.primary(), theme.dotted(), null));
        legend.add(theme.lineItem("sales capacity, mean", theme.secondary(), theme.dashed(), null));
        addDrawn(legend, theme, capacityBand, capacityFill, shaded, capacity);
        legend.add(theme.lineItem("share of futures short, right axis", theme.ink(), theme.dotted(),
                theme.pointShape()));
        plot.setFixedLegendItems(legend);

        JFreeChart chart = new JFreeChart("Sales: leads to work vs capacity", theme.titleFont(), plot, true);
        chart.addSubtitle(new TextTitle("Qualified leads to work vs what the reps can work; right axis: share of "
                + ctx.futures() + " short"));
        theme.apply(chart);
        return chart;
    }

    /**
     * The upper edge of the shading: the work's mean in the months short in at least half of futures, capacity's
     * mean elsewhere (so the shading, between this and capacity, has no height there).
     */
    static XYSeries shadedWork(XYSeries work, XYSeries cap, XYSeries shortP) {
        XYSeries edge = new XYSeries("work where short in half of futures");
        for (int i = 0; i < work.getItemCount(); i++) {
            boolean shortMonth = shortP.getY(i).doubleValue() >= SHORT_IN_HALF;
            edge.add(work.getX(i), shortMonth ? work.getY(i) : cap.getY(i));
        }
        return edge;
    }

    /** The legend's capacity band and shading entries, each only if it is drawn. */
    private static void addDrawn(LegendItemCollection legend, InterlockTheme theme, YIntervalSeries capacityBand,
                                 Color capacityFill, XYSeries shaded, XYSeries cap) {
        if (Legends.hasWidth(capacityBand)) {
            legend.add(theme.areaItem("capacity P10–P90", capacityFill));
        }
        for (int i = 0; i < shaded.getItemCount(); i++) {
            if (shaded.getY(i).doubleValue() > cap.getY(i).doubleValue()) {
                legend.add(theme.areaItem("short in at least half of futures", gapFill(theme)));
                return;
            }
        }
    }

    private static void band(YIntervalSeries band, Stats s, Metric m, int t) {
        band.add(t, s.mean(m, t), s.quantile(m, t, 0.10), s.quantile(m, t, 0.90));
    }

    static Color gapFill(InterlockTheme theme) {
        return InterlockTheme.alpha(theme.risk(), 0.55);
    }

    /**
     * Bands (dataset 0); the shading between {@code shaded} ({@link #shadedWork}) and capacity's mean (dataset 1);
     * the two mean lines, work and capacity, on top (dataset 3). Dataset 2 is left for the probability.
     */
    private static XYPlot plot(ChartContext ctx, InterlockTheme theme, String yLabel, List<YIntervalSeries> bandSeries,
                               List<Color> fills, XYSeries work, XYSeries cap, XYSeries shaded) {
        YIntervalSeriesCollection bands = new YIntervalSeriesCollection();
        DeviationRenderer bandRenderer = new DeviationRenderer(false, false);
        bandRenderer.setAlpha(1f);
        for (int i = 0; i < bandSeries.size(); i++) {
            bands.addSeries(bandSeries.get(i));
            bandRenderer.setSeriesFillPaint(i, fills.get(i));
        }
        XYSeriesCollection shading = new XYSeriesCollection(shaded);
        shading.addSeries(cap);   // also in the mean lines' collection: a series may be in several
        Color none = new Color(0, 0, 0, 0);
        XYDifferenceRenderer diff = new XYDifferenceRenderer(gapFill(theme), none, false);
        diff.setSeriesPaint(0, none);   // the shading's edges: the mean lines are drawn on top (dataset 3)
        diff.setSeriesPaint(1, none);
        diff.setRoundXCoordinates(true);

        XYSeriesCollection means = new XYSeriesCollection(work);
        means.addSeries(cap);
        XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, false);
        lines.setDrawSeriesLineAsPath(true);
        lines.setSeriesPaint(0, theme.primary());
        lines.setSeriesStroke(0, theme.solid());
        lines.setSeriesPaint(1, theme.secondary());
        lines.setSeriesStroke(1, theme.dashed());

        XYPlot plot = new XYPlot(bands, ChartAxes.months(ctx), ChartAxes.values(yLabel), bandRenderer);
        plot.setDataset(1, shading);
        plot.setRenderer(1, diff);
        plot.setDataset(3, means);
        plot.setRenderer(3, lines);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        plot.setSeriesRenderingOrder(SeriesRenderingOrder.FORWARD);
        return plot;
    }

    /** P(short) by month as a dotted, marked line on a 0–100 % axis on the right. */
    private static void addProbability(XYPlot plot, InterlockTheme theme, XYSeries p, String label) {
        NumberAxis axis = ChartAxes.probability(label);
        plot.setRangeAxis(1, axis);
        plot.setDataset(2, new XYSeriesCollection(p));
        plot.mapDatasetToRangeAxis(2, 1);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
        r.setDrawSeriesLineAsPath(true);   // one stroke for the line; the points are still drawn month by month
        r.setSeriesPaint(0, theme.ink());
        r.setSeriesStroke(0, theme.dotted());
        r.setSeriesShape(0, theme.pointShape());
        r.setSeriesShapesFilled(0, true);
        plot.setRenderer(2, r);
    }
}
