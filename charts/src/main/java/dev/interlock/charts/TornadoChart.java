package dev.interlock.charts;

import dev.interlock.engine.analyses.Sensitivity;
import dev.interlock.engine.output.Words;
import java.awt.Color;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;

/**
 * Tornado chart of a {@link Sensitivity.Tornado}: one row per uncertain input, largest swing on top; a
 * bar from the base mean to the mean with the input at its low quantile (light) and one to the mean at
 * its high quantile (dark). Series: 2 (low, high). Row labels carry the input's low and high values.
 */
public final class TornadoChart {
    /** Rows shown at most; the smallest swings beyond are left out of the picture (all are in tornado.csv). */
    public static final int MAX_ROWS = 12;

    private TornadoChart() {
    }

    public static JFreeChart of(Sensitivity.Tornado t, ChartContext ctx, InterlockTheme theme) {
        List<Sensitivity.Bar> bars = t.bars().subList(0, Math.min(MAX_ROWS, t.bars().size()));
        int n = bars.size();
        String lowName = Words.percentile(t.lowLevel());
        String highName = Words.percentile(t.highLevel());
        XYIntervalSeries low = new XYIntervalSeries("input at " + lowName);
        XYIntervalSeries high = new XYIntervalSeries("input at " + highName);
        String[] labels = new String[n];
        for (int i = 0; i < n; i++) {
            Sensitivity.Bar b = bars.get(i);
            double row = n - 1 - i;
            labels[n - 1 - i] = readable(b.input()) + "  (" + Words.compact(b.lowValue()) + " → "
                    + Words.compact(b.highValue()) + ")";
            // low in the upper half of the row, high in the lower half: when both ends fall on the same side of
            // the base, neither bar hides the other
            low.add(row, row + 0.02, row + 0.38, b.lowMean(), Math.min(t.baseMean(), b.lowMean()),
                    Math.max(t.baseMean(), b.lowMean()));
            high.add(row, row - 0.38, row - 0.02, b.highMean(), Math.min(t.baseMean(), b.highMean()),
                    Math.max(t.baseMean(), b.highMean()));
        }
        XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
        data.addSeries(low);
        data.addSeries(high);
        XYBarRenderer r = new XYBarRenderer();
        r.setUseYInterval(true);
        r.setBarPainter(new StandardXYBarPainter());
        r.setShadowVisible(false);
        r.setDrawBarOutline(true);
        r.setDefaultOutlinePaint(Color.WHITE);
        Color light = InterlockTheme.tint(theme.primary(), 0.6);
        r.setSeriesPaint(0, light);
        r.setSeriesPaint(1, theme.primary());
        SymbolAxis inputs = new SymbolAxis("uncertain input (its " + lowName + " → " + highName + " values)", labels);
        inputs.setGridBandsVisible(false);
        NumberAxis values = ChartAxes.values("mean " + ctx.axisLabel(t.figure()));
        values.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(data, inputs, values, r);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.addRangeMarker(new ValueMarker(t.baseMean(), theme.ink(), theme.thinDashed()));
        LegendItemCollection legend = new LegendItemCollection();
        legend.add(theme.areaItem(low.getKey().toString(), light));
        legend.add(theme.areaItem(high.getKey().toString(), theme.primary()));
        legend.add(theme.lineItem("mean with every input uncertain", theme.ink(), theme.thinDashed(), null));
        plot.setFixedLegendItems(legend);
        JFreeChart chart = new JFreeChart("What moves " + inSentence(ChartContext.name(t.figure())),
                theme.titleFont(), plot, true);
        int all = t.bars().size();
        chart.addSubtitle(new TextTitle("Structure " + t.structure() + ". Each input held at a low and a high value, "
                + "everything else uncertain as usual; the same " + ctx.futures() + " for every bar"
                + (all > n ? "; the " + n + " largest of " + all + " inputs (all in tornado.csv)" : "")));
        theme.apply(chart);
        return chart;
    }

    /**
     * An input's key path as a reader says it: "paid_search cost per lead" for
     * {@code marketing.channels[paid_search].response.cost_per_lead}, "win rate" for {@code funnel.win_rate},
     * "handoff quality (structure)" for {@code policy.handoff_quality}, "retention alpha" for {@code retention.alpha}.
     * The key paths themselves are in tornado.csv.
     */
    static String readable(String keyPath) {
        String last = keyPath.substring(keyPath.lastIndexOf('.') + 1).replace('_', ' ');
        int open = keyPath.indexOf('[');
        if (open >= 0 && keyPath.indexOf(']') > open) {
            return keyPath.substring(open + 1, keyPath.indexOf(']')) + " " + last;
        }
        if (keyPath.startsWith("policy.")) {
            return last + " (structure)";
        }
        if (keyPath.startsWith("retention.") && (last.equals("alpha") || last.equals("beta"))) {
            return "retention " + last;
        }
        return last;
    }

    /** A figure's name inside a sentence: "cumulative profit", but "CAC" and "LTV to CAC" keep their capitals. */
    static String inSentence(String name) {
        return name.length() > 1 && Character.isUpperCase(name.charAt(0)) && Character.isLowerCase(name.charAt(1))
                ? Character.toLowerCase(name.charAt(0)) + name.substring(1) : name;
    }
}
