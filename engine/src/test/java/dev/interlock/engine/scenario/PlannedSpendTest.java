package dev.interlock.engine.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.interlock.engine.testing.TestScenarios;
import org.junit.jupiter.api.Test;

/** MODEL.md section 1: planned spend before pacing, summed over channels, with seasonality by calendar month. */
class PlannedSpendTest {
    static final String SPEND = "{base: 1000, growth: 0.1, seasonality: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 3]}";

    static Scenario scenario(String startMonth) {
        String yaml = TestScenarios.unlimited(14, SPEND, "[1]", "{model: constant, monthly_churn: 0.02}", "");
        if (startMonth != null) {
            yaml = yaml.replace("horizon_months: 14", "horizon_months: 14\nstart_month: " + startMonth);
        }
        return TestScenarios.parse(yaml);
    }

    @Test
    void calendarMonthFollowsTheStartMonthAndWrapsAtDecember() {
        Scenario s = scenario("2027-11");
        assertThat(s.calendarMonth(0)).isEqualTo(10);
        assertThat(s.calendarMonth(1)).isEqualTo(11);
        assertThat(s.calendarMonth(2)).isEqualTo(0);
        assertThat(s.calendarMonth(13)).isEqualTo(11);
    }

    @Test
    void withoutStartMonthTheFirstMonthCountsAsJanuary() {
        Scenario s = scenario(null);
        assertThat(s.calendarMonth(0)).isZero();
        assertThat(s.calendarMonth(12)).isZero();
    }

    @Test
    void plannedSpendIsBaseTimesGrowthTimesSeasonalityOfTheCalendarMonth() {
        Scenario s = scenario("2027-11");
        assertThat(s.plannedSpend(0)).isCloseTo(1000 * 2, within(1e-9));            // November × 2
        assertThat(s.plannedSpend(1)).isCloseTo(1000 * 1.1 * 3, within(1e-9));      // December × 3
        assertThat(s.plannedSpend(2)).isCloseTo(1000 * 1.21, within(1e-9));         // January × 1
    }
}
