package dev.interlock.charts;

import dev.interlock.engine.model.Metric;
import dev.interlock.engine.model.Summary;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.params.provider.Arguments;

/** Every chart kind, built from the small saas run, with the number of series it must have. */
final class ChartKinds {
    private ChartKinds() {
    }

    record Kind(String name, int series, Function<InterlockTheme, JFreeChart> build) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Kind> all() {
        TestRuns.Run r = TestRuns.saas();
        double[] plan = plan(r);
        return Stream.of(
                new Kind("fan", 3, th -> FanChart.of(r.stats(), Metric.REVENUE, r.ctx(), th)),
                new Kind("fan-with-plan", 4, th -> FanChart.of(r.stats(), Metric.SPEND, r.ctx(), th,
                        new FanChart.Overlay("plan", plan))),
                new Kind("capacity-onboarding", 7, th -> CapacityChart.onboarding(r.stats(), r.ctx(), th)),
                new Kind("capacity-sales", 7, th -> CapacityChart.sales(r.stats(), r.ctx(), th)),
                new Kind("histogram", 1, th -> DistributionChart.histogram(r.stats(), Summary.CUMULATIVE_PROFIT,
                        r.ctx(), th)),
                new Kind("s-curve", 1, th -> DistributionChart.sCurve(r.stats(), Summary.CUMULATIVE_PROFIT,
                        r.ctx(), th)),
                new Kind("compare-intervals", 4, th -> ComparisonChart.intervals(TestRuns.comparison(),
                        TestRuns.comparison().ranking(), Summary.CUMULATIVE_PROFIT, r.ctx(), th)),
                new Kind("tornado", 2, th -> TornadoChart.of(TestRuns.tornado(), r.ctx(), th)),
                new Kind("compare-differences", 2, th -> ComparisonChart.pairedDifferences(TestRuns.comparison(),
                        TestRuns.comparison().ranking(), "siloed", Summary.PEAK_BACKLOG, r.ctx(), th)));
    }

    static Stream<Arguments> arguments() {
        return all().map(Arguments::of);
    }

    static double[] plan(TestRuns.Run r) {
        double[] plan = new double[r.scenario().horizonMonths()];
        for (int t = 0; t < plan.length; t++) {
            plan[t] = r.scenario().plannedSpend(t);
        }
        return plan;
    }

    /** Series over every dataset of the chart's plot. */
    static int seriesCount(JFreeChart chart) {
        XYPlot p = chart.getXYPlot();
        int n = 0;
        for (int i = 0; i < p.getDatasetCount(); i++) {
            if (p.getDataset(i) != null) {
                n += p.getDataset(i).getSeriesCount();
            }
        }
        return n;
    }
}
