package dev.interlock.engine.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.engine.analyses.Simulation;
import dev.interlock.engine.model.Metric;
import dev.interlock.engine.output.Words.MonthRange;
import dev.interlock.engine.run.Progress;
import dev.interlock.engine.scenario.Scenario;
import dev.interlock.engine.stats.Stats;
import dev.interlock.engine.testing.TestScenarios;
import java.util.List;
import org.junit.jupiter.api.Test;

class WordsTest {
    @Test
    void compactUsesThousandsMillionsAndBillions() {
        assertThat(Words.compact(1_234_567)).isEqualTo("1.23M");
        assertThat(Words.compact(-45_000)).isEqualTo("-45.0k");
        assertThat(Words.compact(2.5e9)).isEqualTo("2.50B");
        assertThat(Words.compact(12.3456)).isEqualTo("12.3");
        assertThat(Words.compact(57)).isEqualTo("57");
        // the unit follows the rounded value
        assertThat(Words.compact(999_960)).isEqualTo("1.00M");
        assertThat(Words.compact(999_940)).isEqualTo("999.9k");
        assertThat(Words.compact(-999_999_000)).isEqualTo("-1.00B");
        assertThat(Words.compact(999_994_000)).isEqualTo("999.99M");
        assertThat(Words.compact(Double.NaN)).isEqualTo("n/a");
    }

    @Test
    void percentRoundsToWholePercent() {
        assertThat(Words.percent(0.657)).isEqualTo("66%");
        assertThat(Words.percent(1)).isEqualTo("100%");
        assertThat(Words.percent(0)).isEqualTo("0%");
        // all or nothing only when it is: 7 trials of 1,500 the other way is not 100 %
        assertThat(Words.percent(1 - 7 / 1500.0)).isEqualTo(">99%");
        assertThat(Words.percent(7 / 1500.0)).isEqualTo("<1%");
        assertThat(Words.percent(0.994)).isEqualTo("99%");
        assertThat(Words.percent(0.006)).isEqualTo("1%");
        assertThat(Words.percent(Double.NaN)).isEqualTo("n/a");
    }

    @Test
    void aRowOfNumbersSharesOneFormatChosenByItsLargest() {
        assertThat(Words.compactRow(4872, 7245, 11_200, 7653)).containsExactly("4.9k", "7.2k", "11.2k", "7.7k");
        assertThat(Words.compactRow(0.56, 1.3, 2.1, Double.NaN)).containsExactly("0.6", "1.3", "2.1", "n/a");
        assertThat(Words.compactRow(15, 57, 121, 65.04)).containsExactly("15", "57", "121", "65");
        assertThat(Words.compactRow(0.0933, 0.359, 0.825)).containsExactly("0.093", "0.359", "0.825");
        assertThat(Words.compactRow(-3.82e6, 2.17e6, 10.38e6)).containsExactly("-3.82M", "2.17M", "10.38M");
        assertThat(Words.compactRow(0, 0, 9)).containsExactly("0", "0", "9");
        assertThat(Words.compactRow(9, 14, 20, 14.5)).containsExactly("9", "14", "20", "14.5");   // counts and a mean
        assertThat(Words.compactRow(-10, 20_000)).containsExactly("0.0k", "20.0k");   // no "-0.0k"
    }

    @Test
    void percentileNamesKeepTheirDecimalsRatherThanRoundToAWholePercent() {
        assertThat(Words.percentile(0.1)).isEqualTo("P10");
        assertThat(Words.percentile(0.9)).isEqualTo("P90");
        assertThat(Words.percentile(0.025)).isEqualTo("P2.5");
        assertThat(Words.percentile(0.975)).isEqualTo("P97.5");
        assertThat(Words.percentile(0.001)).isEqualTo("P0.1");
        assertThat(Words.percentile(0.999)).isEqualTo("P99.9");
    }

    @Test
    void monthRangesJoinConsecutiveMonths() {
        assertThat(Words.join(List.of(new MonthRange(7, 11), new MonthRange(14, 14)))).isEqualTo("7–11, 14");
        assertThat(Words.join(List.of())).isEmpty();
    }

    @Test
    void monthRangesAreEqualExactlyWhenBothEndsAre() {
        assertThat(new MonthRange(7, 11)).isEqualTo(new MonthRange(7, 11)).hasSameHashCodeAs(new MonthRange(7, 11));
        assertThat(new MonthRange(7, 11)).isNotEqualTo(new MonthRange(7, 12)).isNotEqualTo(new MonthRange(6, 11));
        assertThat(new MonthRange(7, 11)).isNotEqualTo("7–11").isNotEqualTo(null);
        assertThat(List.of(new MonthRange(1, 2))).isNotEqualTo(List.of(new MonthRange(2, 1)));
    }

    @Test
    void monthsAtRiskFindsNoMonthWhenCapacityNeverBinds() throws Exception {
        Stats s = run(TestScenarios.unlimited(6, "{base: 50000}", "[1]", "{model: constant, monthly_churn: 0.02}", ""));
        assertThat(Words.monthsAtRisk(s, Metric.ONBOARDING_GAP, 0.5)).isEmpty();
        // not in half of the futures, and not in a single one of the 500
        assertThat(Words.monthsAtRisk(s, Metric.ONBOARDING_GAP, 1.0 / 500)).isEmpty();
    }

    @Test
    void monthsAtRiskFindsTheMonthsWhenDemandAlwaysExceedsCapacity() throws Exception {
        // one onboarder for ~50 closes a month: short from the first month with closes (lag 0) on
        String yaml = TestScenarios.unlimited(6, "{base: 500000}", "[1]", "{model: constant, monthly_churn: 0.02}", "")
                .replace("staff: 1000\n  customers_per_staff_month: 1000", "staff: 1\n  customers_per_staff_month: 1");
        Stats s = run(yaml);
        assertThat(Words.monthsAtRisk(s, Metric.ONBOARDING_GAP, 0.99)).containsExactly(new MonthRange(1, 6));
    }

    static Stats run(String yaml) throws Exception {
        Scenario sc = TestScenarios.parse(yaml);
        sc = sc.with(sc.seed(), 500, sc.structure());
        return Simulation.run(sc, new Simulation.Options(1, 1000, Progress.NONE)).first();
    }
}
