package dev.interlock.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.interlock.engine.model.Metric;
import dev.interlock.engine.stats.Stats;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.Marker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.junit.jupiter.api.Test;

class FanChartTest {
    final TestRuns.Run run = TestRuns.saas();
    final InterlockTheme theme = InterlockTheme.standard();

    @Test
    void bandsArePercentilesAroundTheMedianMonthByMonth() {
        Stats s = run.stats();
        XYPlot p = FanChart.of(s, Metric.ACTIVE_CUSTOMERS, run.ctx(), theme).getXYPlot();
        YIntervalSeriesCollection bands = (YIntervalSeriesCollection) p.getDataset(0);
        assertThat(bands.getItemCount(0)).isEqualTo(s.horizon());
        for (int t = 0; t < s.horizon(); t++) {
            assertThat(bands.getStartYValue(0, t)).isEqualTo(s.quantile(Metric.ACTIVE_CUSTOMERS, t, 0.05));
            assertThat(bands.getEndYValue(0, t)).isEqualTo(s.quantile(Metric.ACTIVE_CUSTOMERS, t, 0.95));
            assertThat(bands.getStartYValue(1, t)).isEqualTo(s.quantile(Metric.ACTIVE_CUSTOMERS, t, 0.25));
            assertThat(bands.getEndYValue(1, t)).isEqualTo(s.quantile(Metric.ACTIVE_CUSTOMERS, t, 0.75));
            double median = p.getDataset(1).getYValue(0, t);
            assertThat(median).isEqualTo(s.quantile(Metric.ACTIVE_CUSTOMERS, t, 0.5))
                    .isBetween(bands.getStartYValue(1, t), bands.getEndYValue(1, t));
        }
    }

    @Test
    void overlayIsDrawnAsItsOwnSeriesWithItsValues() {
        double[] plan = ChartKinds.plan(run);
        XYDataset lines = FanChart.of(run.stats(), Metric.SPEND, run.ctx(), theme, new FanChart.Overlay("plan", plan))
                .getXYPlot().getDataset(1);
        assertThat(lines.getSeriesCount()).isEqualTo(2);
        assertThat(lines.getSeriesKey(1).toString()).isEqualTo("plan");
        for (int t = 0; t < plan.length; t++) {
            assertThat(lines.getYValue(1, t)).isEqualTo(plan[t]);
        }
    }

    @Test
    void actualsThatStopEarlySkipTheMissingMonths() {
        double[] actuals = new double[run.stats().horizon()];
        java.util.Arrays.fill(actuals, Double.NaN);
        actuals[0] = 10;
        actuals[1] = 12;
        XYDataset lines = FanChart.of(run.stats(), Metric.LEADS, run.ctx(), theme,
                new FanChart.Overlay("actuals", actuals)).getXYPlot().getDataset(1);
        assertThat(lines.getItemCount(1)).isEqualTo(2);
    }

    @Test
    void overlayOfTheWrongLengthIsRejected() {
        assertThatThrownBy(() -> FanChart.of(run.stats(), Metric.SPEND, run.ctx(), theme,
                new FanChart.Overlay("plan", new double[3])))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3 values");
    }

    @Test
    void backlogFanMarksTheBacklogThreshold() {
        JFreeChart c = FanChart.of(run.stats(), Metric.BACKLOG, run.ctx(), theme);
        var markers = c.getXYPlot().getRangeMarkers(Layer.FOREGROUND);
        assertThat(markers.size()).isEqualTo(1);
        Marker m = markers.iterator().next();
        assertThat(((ValueMarker) m).getValue()).isEqualTo(run.stats().exceedThreshold(Metric.BACKLOG));
        assertThat(m.getLabel()).contains("threshold");
    }

    @Test
    void aThresholdAboveEveryFutureStaysInView() {
        // a hundred times the onboarding staff: the backlog is 0 in every future, far below its threshold
        TestRuns.Run ample = TestRuns.run(TestRuns.saasWith("staff: 4 ", "staff: 400 "));
        Stats s = ample.stats();
        assertThat(s.quantile(Metric.BACKLOG, s.horizon() - 1, 0.95)).isZero();
        var y = FanChart.of(s, Metric.BACKLOG, ample.ctx(), theme).getXYPlot().getRangeAxis();
        assertThat(y.getUpperBound()).isGreaterThan(s.exceedThreshold(Metric.BACKLOG));
        assertThat(y.getLowerBound()).isZero();
    }

    @Test
    void countsAreNeverTickedInFractions() {
        var y = (org.jfree.chart.axis.NumberAxis) FanChart.of(run.stats(), Metric.ACTIVE_CUSTOMERS, run.ctx(), theme)
                .getXYPlot().getRangeAxis();
        assertThat(y.getStandardTickUnits().getCeilingTickUnit(0.3).getSize()).isEqualTo(1.0);
    }

    @Test
    void axisLabelCarriesTheUnitWithTheCurrency() {
        JFreeChart c = FanChart.of(run.stats(), Metric.REVENUE, run.ctx(), theme);
        assertThat(c.getXYPlot().getRangeAxis().getLabel()).isEqualTo("revenue (USD/month)");
        assertThat(c.getTitle().getText()).isEqualTo("Revenue per month");
    }

    @Test
    void theThresholdIsLabelledAtTheEndTheBandsLeaveFree() {
        assertThat(FanChart.quieterEndIsRight(new double[] {5, 80, 120, 60, 30, 10, 2, 1, 1, 0})).isTrue();
        assertThat(FanChart.quieterEndIsRight(new double[] {0, 1, 5, 20, 60, 90, 120, 150, 180, 200})).isFalse();
        // the saas crunch comes early: the backlog threshold's label goes right, away from the bands
        TestRuns.Run r = TestRuns.saas();
        org.jfree.chart.plot.ValueMarker m = (org.jfree.chart.plot.ValueMarker) FanChart.of(r.stats(),
                dev.interlock.engine.model.Metric.BACKLOG, r.ctx(), InterlockTheme.standard()).getXYPlot()
                .getRangeMarkers(org.jfree.chart.ui.Layer.FOREGROUND).iterator().next();
        assertThat(m.getLabel()).startsWith("threshold ");
        assertThat(m.getLabelTextAnchor()).isEqualTo(org.jfree.chart.ui.TextAnchor.BOTTOM_RIGHT);
    }
}
