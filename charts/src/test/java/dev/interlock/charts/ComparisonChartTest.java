package dev.interlock.charts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.engine.analyses.Comparison;
import dev.interlock.engine.model.Summary;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.IntervalXYDataset;
import org.junit.jupiter.api.Test;

class ComparisonChartTest {
    final InterlockTheme theme = InterlockTheme.standard();

    @Test
    void profitDifferencesShowWhereTheDifferenceLandsNotOnlyTheMeansInterval() {
        Comparison c = TestRuns.comparison();
        List<String> order = c.ranking();
        String base = "siloed";
        JFreeChart chart = ComparisonChart.pairedDifferences(c, order, base, Summary.CUMULATIVE_PROFIT,
                TestRuns.saas().ctx(), theme);
        XYPlot p = chart.getXYPlot();
        assertThat(p.getRangeAxis().getLabel()).isEqualTo("difference from siloed (USD)");
        IntervalXYDataset spread = (IntervalXYDataset) p.getDataset(1);
        IntervalXYDataset means = (IntervalXYDataset) p.getDataset(0);
        List<String> others = order.stream().filter(s -> !s.equals(base)).toList();
        assertThat(spread.getItemCount(0)).isEqualTo(others.size());
        for (int i = 0; i < others.size(); i++) {
            Comparison.Pair pair = c.pair(others.get(i), base, Summary.CUMULATIVE_PROFIT);
            int item = others.size() - 1 - i;   // rows top to bottom in ranking order; series sorted by row
            assertThat(spread.getXValue(0, item)).isEqualTo(means.getXValue(0, item));
            assertThat(spread.getStartYValue(0, item)).isEqualTo(pair.diffP10());
            assertThat(spread.getEndYValue(0, item)).isEqualTo(pair.diffP90());
            assertThat(means.getYValue(0, item)).isEqualTo(pair.meanDiff());
            // the futures spread far wider than the mean's 95 % interval
            assertThat(pair.diffP90() - pair.diffP10()).isGreaterThan(
                    3 * (means.getEndYValue(0, item) - means.getStartYValue(0, item)));
        }
    }

    @Test
    void backlogDifferencesHaveNoSpreadToShow() {
        Comparison c = TestRuns.comparison();
        JFreeChart chart = ComparisonChart.pairedDifferences(c, c.ranking(), "siloed", Summary.PEAK_BACKLOG,
                TestRuns.saas().ctx(), theme);
        assertThat(chart.getXYPlot().getDataset(1)).isNull();
        assertThat(chart.getXYPlot().getRangeAxis().getLabel()).isEqualTo("difference from siloed (customers)");
        assertThat(chart.getXYPlot().getFixedLegendItems().getItemCount()).isEqualTo(2);
    }
}
