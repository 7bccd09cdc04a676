package dev.interlock.charts;

import dev.interlock.engine.analyses.BacktestResult;
import dev.interlock.engine.model.Metric;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.ValueMarker;

/**
 * A backtest's fan charts: for each scored metric, the first origin's forecast band over every simulated
 * month with the actuals overlaid, and a line at the origin (training months to its left, forecast to
 * its right). Drawn from the backtest's percentiles, never from trials.
 */
public final class BacktestCharts {
    private BacktestCharts() {
    }

    /** A fan chart of one scored metric (key as in the actuals and fan-METRIC.csv). */
    public record Fan(String metric, Figure figure) {
    }

    public static List<Fan> fans(BacktestResult r, InterlockTheme theme) {
        List<Fan> out = new ArrayList<>();
        for (String key : r.metrics()) {
            Metric m = Metric.byKey(key);
            List<BacktestResult.FanPoint> pts = r.fan().stream().filter(p -> p.metric().equals(key)).toList();
            if (m == null || pts.isEmpty()) {
                continue;
            }
            int n = pts.size();
            FanChart.Bands b = new FanChart.Bands(new double[n], new double[n], new double[n], new double[n],
                    new double[n]);
            double[] actual = new double[n];
            String[] months = new String[n];
            int origin = -1;
            for (int t = 0; t < n; t++) {
                BacktestResult.FanPoint p = pts.get(t);
                double[] q = p.quantiles();          // at Stats.LEVELS: P5, P10, P25, P50, P75, P90, P95
                b.p5()[t] = q[0];
                b.p25()[t] = q[2];
                b.p50()[t] = q[3];
                b.p75()[t] = q[4];
                b.p95()[t] = q[6];
                actual[t] = p.actual();
                months[t] = p.month();
                if (p.forecast() && origin < 0) {
                    origin = t;
                }
            }
            ChartContext ctx = new ChartContext(r.scenario().currency(), months, r.trials());
            JFreeChart chart = FanChart.of(b, m, ctx, theme, new FanChart.Overlay("actuals", actual), Double.NaN,
                    "Forecast from " + (origin >= 0 ? months[origin] : "the origin") + " (right of the line) against "
                            + "the actuals; median and percentile bands of " + ctx.futures());
            if (origin >= 0) {
                chart.getXYPlot().addDomainMarker(new ValueMarker(origin - 0.5, theme.ink(), theme.thinDashed()));
            }
            out.add(new Fan(key, new Figure("fan-" + key.replace('_', '-'), "Backtest of " + key
                    + ": forecast band and actuals.", chart)));
        }
        return out;
    }
}
