package dev.interlock.engine.analyses;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.engine.model.Summary;
import dev.interlock.engine.run.Progress;
import dev.interlock.engine.scenario.Scenario;
import dev.interlock.engine.testing.TestScenarios;
import java.util.List;
import org.junit.jupiter.api.Test;

class SensitivityTest {
    static final Simulation.Options OPTIONS = new Simulation.Options(2, 1000, Progress.NONE);

    /**
     * Without capacity limits, expected total wins are proportional to the win rate, so holding it at
     * its P10 and P90 (uniform on [0.1, 0.3]: 0.12 and 0.28) must scale mean wins by exactly 0.28/0.12;
     * an input that cannot reach wins (gross margin) must swing them by exactly zero, trial by trial.
     */
    @Test
    void tornadoMatchesTheClosedFormAndIgnoresInputsThatCannotMatter() throws Exception {
        String yaml = TestScenarios.unlimited(12, "{base: 200000}", "[0.5, 0.5]", "{model: constant, monthly_churn: 0.02}", "")
                .replace("win_rate: 0.25", "win_rate: {dist: uniform, min: 0.1, max: 0.3}")
                .replace("finance: {gross_margin: 0.8}", "finance: {gross_margin: {dist: uniform, min: 0.5, max: 0.9}}")
                .replace("cost_per_lead: 250", "cost_per_lead: {dist: uniform, min: 200, max: 300}");
        Scenario s = TestScenarios.parse(yaml);
        Sensitivity.Tornado t = Sensitivity.run(s, Summary.TOTAL_WINS, 0.1, 0.9, OPTIONS);
        assertThat(t.bars()).extracting(Sensitivity.Bar::input)
                .containsExactly("funnel.win_rate", "marketing.channels[paid].response.cost_per_lead",
                        "finance.gross_margin");
        Sensitivity.Bar win = t.bars().get(0);
        assertThat(win.lowValue()).isCloseTo(0.12, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(win.highValue()).isCloseTo(0.28, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(win.highMean() / win.lowMean()).isCloseTo(0.28 / 0.12, org.assertj.core.data.Percentage.withPercentage(1.5));
        // cheaper leads (low cost per lead) bring more wins: the high bar is below the low bar
        Sensitivity.Bar cpl = t.bars().get(1);
        assertThat(cpl.highMean()).isLessThan(cpl.lowMean() - 4 * cpl.swingSe());
        Sensitivity.Bar margin = t.bars().get(2);
        assertThat(margin.swing()).isZero();
        assertThat(margin.lowMean()).isEqualTo(t.baseMean());
        assertThat(t.baseMean()).isBetween(win.lowMean(), win.highMean());
    }

    @Test
    void barsAreSortedBySwingOnAShippedScenario() throws Exception {
        Scenario s = dev.interlock.engine.scenario.ScenarioLoader.load(TestScenarios.shipped("saas.yaml"));
        Sensitivity.Tornado t = Sensitivity.run(s.with(s.seed(), 1000, s.structure()), Summary.CUMULATIVE_PROFIT,
                0.1, 0.9, OPTIONS);
        List<Sensitivity.Bar> bars = t.bars();
        assertThat(bars).hasSizeGreaterThan(5);
        for (int i = 1; i < bars.size(); i++) {
            assertThat(bars.get(i).swing()).isLessThanOrEqualTo(bars.get(i - 1).swing());
        }
    }

    @Test
    void anUndefinedSwingGoesLastAndANoisyOneIsMarked() {
        Sensitivity.Bar big = new Sensitivity.Bar("a", 0, 1, 0, 10, 1, 100, 100);
        Sensitivity.Bar small = new Sensitivity.Bar("b", 0, 1, 0, 1, 1, 100, 100);     // swing 1 < 2 × se 1
        Sensitivity.Bar none = new Sensitivity.Bar("c", 0, 1, Double.NaN, 5, Double.NaN, 0, 100);
        java.util.List<Sensitivity.Bar> bars = new java.util.ArrayList<>(java.util.List.of(none, small, big));
        bars.sort(Sensitivity.BY_SWING);
        assertThat(bars).extracting(Sensitivity.Bar::input).containsExactly("a", "b", "c");
        assertThat(big.withinNoise()).isFalse();
        assertThat(small.withinNoise()).isTrue();
        assertThat(none.withinNoise()).isTrue();
    }
}
