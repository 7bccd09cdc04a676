package dev.interlock.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.interlock.engine.model.Summary;
import dev.interlock.engine.stats.Stats;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.IntervalXYDataset;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;

class DistributionChartTest {
    final TestRuns.Run run = TestRuns.saas();
    final InterlockTheme theme = InterlockTheme.standard();

    @Test
    void histogramBarsHoldTheInner99PercentOfFutures() {
        IntervalXYDataset bars = (IntervalXYDataset) DistributionChart.histogram(run.stats(), Summary.CUMULATIVE_PROFIT,
                run.ctx(), theme).getXYPlot().getDataset();
        double sum = 0;
        for (int i = 0; i < bars.getItemCount(0); i++) {
            assertThat(bars.getYValue(0, i)).isNotNegative();
            sum += bars.getYValue(0, i);
            if (i > 0) {
                assertThat(bars.getStartXValue(0, i)).isCloseTo(bars.getEndXValue(0, i - 1), within(1e-6));
            }
        }
        // P0.5..P99.5 of a grid of 2000 levels: 1980 points, give or take the points tied at either end
        assertThat(sum).isBetween(0.985, 0.996);
    }

    @Test
    void histogramMarksP10P50P90AndBreakEven() {
        assertMarkers(DistributionChart.histogram(run.stats(), Summary.CUMULATIVE_PROFIT, run.ctx(), theme));
    }

    @Test
    void sCurveMarksP10P50P90AndBreakEven() {
        assertMarkers(DistributionChart.sCurve(run.stats(), Summary.CUMULATIVE_PROFIT, run.ctx(), theme));
    }

    void assertMarkers(JFreeChart c) {
        Stats s = run.stats();
        Collection<?> markers = c.getXYPlot().getDomainMarkers(Layer.FOREGROUND);
        List<Double> values = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (Object o : markers) {
            values.add(((ValueMarker) o).getValue());
            labels.add(((ValueMarker) o).getLabel());
        }
        // break-even first, so that it is drawn under the percentile labels
        assertThat(values).containsExactly(0.0, s.quantile(Summary.CUMULATIVE_PROFIT, 0.1),
                s.quantile(Summary.CUMULATIVE_PROFIT, 0.5), s.quantile(Summary.CUMULATIVE_PROFIT, 0.9));
        assertThat(labels.get(0)).isEqualTo("break-even");
        assertThat(labels.get(1)).startsWith("P10 ");
        assertThat(labels.get(2)).startsWith("P50 ");
        assertThat(labels.get(3)).startsWith("P90 ");
    }

    @Test
    void sCurveRisesFromZeroToOneAndCrossesOneMinusPProfitAtZero() {
        Stats s = run.stats();
        XYDataset curve = DistributionChart.sCurve(s, Summary.CUMULATIVE_PROFIT, run.ctx(), theme).getXYPlot()
                .getDataset();
        int n = curve.getItemCount(0);
        assertThat(curve.getYValue(0, 0)).isZero();
        assertThat(curve.getYValue(0, n - 1)).isEqualTo(1.0);
        double atZero = Double.NaN;
        for (int i = 1; i < n; i++) {
            assertThat(curve.getXValue(0, i)).isGreaterThanOrEqualTo(curve.getXValue(0, i - 1));
            assertThat(curve.getYValue(0, i)).isGreaterThanOrEqualTo(curve.getYValue(0, i - 1));
            if (Double.isNaN(atZero) && curve.getXValue(0, i) > 0) {
                atZero = curve.getYValue(0, i - 1);
            }
        }
        // the share at or below 0 read off the curve vs the exact count: within the quantiles' resolution
        assertThat(atZero).isCloseTo(1 - s.exceedProbability(Summary.CUMULATIVE_PROFIT), within(0.02));
    }

    @Test
    void figuresWithoutAThresholdHaveNoBreakEvenLine() {
        JFreeChart c = DistributionChart.histogram(run.stats(), Summary.ENDING_ARR, run.ctx(), theme);
        assertThat(c.getXYPlot().getDomainMarkers(Layer.FOREGROUND).size()).isEqualTo(3);
        assertThat(c.getXYPlot().getDomainAxis().getLabel()).isEqualTo("ending ARR (USD/year)");
    }

    @Test
    void binWidthsAreRound() {
        assertThat(DistributionChart.niceWidth(0.37e6)).isEqualTo(0.5e6);
        assertThat(DistributionChart.niceWidth(1.0)).isEqualTo(1.0);
        assertThat(DistributionChart.niceWidth(2.2)).isEqualTo(2.5);
        assertThat(DistributionChart.niceWidth(0.011)).isCloseTo(0.02, within(1e-15));
        assertThat(DistributionChart.niceWidth(0)).isEqualTo(1.0);
    }
}
