package dev.interlock.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.interlock.engine.model.Summary;
import dev.interlock.engine.stats.Stats;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.TextAnchor;
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
        JFreeChart c = DistributionChart.histogram(run.stats(), Summary.CUMULATIVE_PROFIT, run.ctx(), theme);
        List<String> labels = assertMarkers(c);
        assertThat(labels.get(0)).isEqualTo("break-even");
        assertThat(labels.get(1)).startsWith("P10 ");
        assertThat(labels.get(2)).startsWith("P50 ");
        assertThat(labels.get(3)).startsWith("P90 ");
    }

    @Test
    void sCurveMarksP10P50P90AndBreakEven() {
        Stats s = run.stats();
        JFreeChart c = DistributionChart.sCurve(s, Summary.CUMULATIVE_PROFIT, run.ctx(), theme);
        List<String> labels = assertMarkers(c);
        // on the curve the break-even label gives the share at or below it; the percentiles are labelled where
        // their lines meet the curve (annotations), not at the top where the break-even share line can cross them
        assertThat(labels.get(0)).isEqualTo("break-even: "
                + dev.interlock.engine.output.Words.percent(1 - s.exceedProbability(Summary.CUMULATIVE_PROFIT))
                + " of futures at or below");
        assertThat(labels.subList(1, 4)).containsOnlyNulls();
        List<String> texts = new ArrayList<>();
        for (Object a : c.getXYPlot().getAnnotations()) {
            XYTextAnnotation t = (XYTextAnnotation) a;
            texts.add(t.getText());
        }
        assertThat(texts).hasSize(3);
        assertThat(texts.get(0)).startsWith("P10 ");
        assertThat(texts.get(2)).startsWith("P90 ");
    }

    @Test
    void sCurveLabelsStayOnTheFreeSideOfTheirLines() {
        Stats s = run.stats();
        XYPlot p = DistributionChart.sCurve(s, Summary.CUMULATIVE_PROFIT, run.ctx(), theme).getXYPlot();
        double lo = p.getDomainAxis().getLowerBound();
        double span = p.getDomainAxis().getUpperBound() - lo;
        for (Object o : p.getAnnotations()) {
            XYTextAnnotation a = (XYTextAnnotation) o;
            double q = Double.parseDouble(a.getText().substring(1, 3)) / 100;
            double v = s.quantile(Summary.CUMULATIVE_PROFIT, q);
            if ((v - lo) / span < 0.22) {   // near the left edge: right of the line, below the curve
                assertThat(a.getX()).isGreaterThan(v);
                assertThat(a.getY()).isLessThan(q);
                assertThat(a.getTextAnchor()).isEqualTo(TextAnchor.TOP_LEFT);
            } else {                         // left of the line, above the curve
                assertThat(a.getX()).isLessThan(v);
                assertThat(a.getY()).isGreaterThan(q);
                assertThat(a.getTextAnchor()).isEqualTo(TextAnchor.BOTTOM_RIGHT);
            }
        }
        // saas breaks even a third of the way along the axis: its label runs right of the line
        ValueMarker breakEven = (ValueMarker) p.getDomainMarkers(Layer.FOREGROUND).iterator().next();
        assertThat(breakEven.getLabelTextAnchor()).isEqualTo(TextAnchor.BOTTOM_LEFT);
    }

    @Test
    void aBreakEvenAtTheRightEdgeIsLabelledToItsLeft() {
        // the shipped marketing push loses money in nearly every future: 0 lies at the right edge of both charts
        TestRuns.Run push = TestRuns.run(dev.interlock.engine.scenario.ScenarioLoader.load(
                TestRuns.shipped("marketing-push.yaml")));
        for (JFreeChart c : List.of(DistributionChart.sCurve(push.stats(), Summary.CUMULATIVE_PROFIT, push.ctx(), theme),
                DistributionChart.histogram(push.stats(), Summary.CUMULATIVE_PROFIT, push.ctx(), theme))) {
            ValueMarker breakEven = (ValueMarker) c.getXYPlot().getDomainMarkers(Layer.FOREGROUND).iterator().next();
            assertThat(breakEven.getValue()).isZero();
            assertThat(breakEven.getLabelTextAnchor()).isEqualTo(TextAnchor.BOTTOM_RIGHT);
        }
    }

    List<String> assertMarkers(JFreeChart c) {
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
        return labels;
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
