package dev.interlock.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.interlock.engine.model.Metric;
import dev.interlock.engine.output.Words;
import dev.interlock.engine.stats.Stats;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYDifferenceRenderer;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;

class CapacityChartTest {
    final TestRuns.Run run = TestRuns.saas();
    final InterlockTheme theme = InterlockTheme.standard();

    @Test
    void onboardingDrawsMeanDemandAndMeanCapacity() {
        Stats s = run.stats();
        XYDataset means = CapacityChart.onboarding(s, run.ctx(), theme).getXYPlot().getDataset(3);
        for (int t = 0; t < s.horizon(); t++) {
            assertThat(means.getYValue(0, t)).isEqualTo(s.mean(Metric.ONBOARDING_DEMAND, t));
            assertThat(means.getYValue(1, t)).isEqualTo(s.mean(Metric.ONBOARDING_CAPACITY, t));
        }
    }

    @Test
    void theGapIsShadedInTheMonthsShortInAtLeastHalfOfFutures() {
        Stats s = run.stats();
        XYPlot p = CapacityChart.onboarding(s, run.ctx(), theme).getXYPlot();
        assertThat(p.getRenderer(1)).isInstanceOf(XYDifferenceRenderer.class);
        XYDataset shading = p.getDataset(1);
        int shaded = 0;
        int meanAboveButNotShaded = 0;
        for (int t = 0; t < s.horizon(); t++) {
            double demand = s.mean(Metric.ONBOARDING_DEMAND, t);
            double capacity = s.mean(Metric.ONBOARDING_CAPACITY, t);
            boolean half = s.exceedProbability(Metric.ONBOARDING_GAP, t) >= 0.5;
            assertThat(shading.getYValue(1, t)).isEqualTo(capacity);
            assertThat(shading.getYValue(0, t)).isEqualTo(half ? demand : capacity);
            shaded += half && demand > capacity ? 1 : 0;
            meanAboveButNotShaded += !half && demand > capacity ? 1 : 0;
        }
        // the saas crunch: shaded months, and months whose mean demand is above capacity while most futures keep
        // up (the summary does not count them as short; the chart used to shade them)
        assertThat(shaded).isPositive();
        assertThat(meanAboveButNotShaded).isPositive();
    }

    @Test
    void onboardingShowsPShortByMonthOnTheSecondAxis() {
        Stats s = run.stats();
        XYPlot p = CapacityChart.onboarding(s, run.ctx(), theme).getXYPlot();
        assertThat(p.getRangeAxisCount()).isEqualTo(2);
        assertThat(p.getRangeAxisIndex(p.getRangeAxisForDataset(2))).isEqualTo(1);
        assertThat(p.getRangeAxis(1).getUpperBound()).isGreaterThanOrEqualTo(1.0);
        XYDataset prob = p.getDataset(2);
        for (int t = 0; t < s.horizon(); t++) {
            assertThat(prob.getYValue(0, t)).isEqualTo(s.exceedProbability(Metric.ONBOARDING_GAP, t));
        }
    }

    @Test
    void salesWorkloadIsMeanGapPlusMeanCapacity() {
        Stats s = run.stats();
        XYPlot p = CapacityChart.sales(s, run.ctx(), theme).getXYPlot();
        XYDataset means = p.getDataset(3);
        for (int t = 0; t < s.horizon(); t++) {
            double workload = s.mean(Metric.SALES_GAP, t) + s.mean(Metric.SALES_CAPACITY, t);
            assertThat(means.getYValue(0, t)).isCloseTo(workload, within(1e-9));
            // the workload includes this month's new qualified leads
            assertThat(means.getYValue(0, t)).isGreaterThanOrEqualTo(s.mean(Metric.QUALIFIED, t) - 1e-9);
            assertThat(p.getDataset(2).getYValue(0, t)).isEqualTo(s.exceedProbability(Metric.SALES_GAP, t));
        }
    }

    @Test
    void onboardingIsShortInSomeMonthsOfTheSaasScenario() {
        // the shipped saas scenario is built to show an onboarding crunch: the chart must have a gap to shade
        Stats s = run.stats();
        XYDataset means = CapacityChart.onboarding(s, run.ctx(), theme).getXYPlot().getDataset(3);
        boolean shaded = false;
        for (int t = 0; t < s.horizon(); t++) {
            shaded |= means.getYValue(0, t) > means.getYValue(1, t);
        }
        assertThat(shaded).isTrue();
    }

    @Test
    void legendsNameOnlyWhatIsDrawn() {
        Stats s = run.stats();
        // saas: onboarding is short in half of futures in some months, sales in none
        assertThat(labels(CapacityChart.onboarding(s, run.ctx(), theme))).contains("short in at least half of futures");
        assertThat(Words.monthsAtRisk(s, Metric.SALES_GAP, 0.5)).isEmpty();
        assertThat(labels(CapacityChart.sales(s, run.ctx(), theme))).doesNotContain("short in at least half of futures")
                .contains("sales capacity, mean");
        // the shipped marketing push makes a profit in fewer than 1 in 20 of its futures; none in this 500-trial run's
        // histogram range: no profit bar, so no profit entry
        TestRuns.Run push = TestRuns.run(dev.interlock.engine.scenario.ScenarioLoader.load(
                TestRuns.shipped("marketing-push.yaml")));
        assertThat(push.stats().quantile(dev.interlock.engine.model.Summary.CUMULATIVE_PROFIT, 0.995)).isNegative();
        assertThat(labels(DistributionChart.histogram(push.stats(), dev.interlock.engine.model.Summary.CUMULATIVE_PROFIT,
                push.ctx(), theme))).contains("futures with a loss").doesNotContain("futures with a profit");
        assertThat(labels(DistributionChart.histogram(s, dev.interlock.engine.model.Summary.CUMULATIVE_PROFIT,
                run.ctx(), theme))).contains("futures with a loss", "futures with a profit");
    }

    private static java.util.List<String> labels(org.jfree.chart.JFreeChart chart) {
        java.util.List<String> out = new java.util.ArrayList<>();
        org.jfree.chart.LegendItemCollection items = chart.getXYPlot().getFixedLegendItems();
        for (int i = 0; i < items.getItemCount(); i++) {
            out.add(items.get(i).getLabel());
        }
        return out;
    }
}
