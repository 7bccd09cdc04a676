package dev.interlock.charts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.engine.model.Metric;
import dev.interlock.engine.model.Summary;
import dev.interlock.engine.output.Words;
import dev.interlock.engine.output.Words.MonthRange;
import dev.interlock.engine.scenario.Scenario;
import dev.interlock.engine.stats.Stats;
import java.util.List;
import org.junit.jupiter.api.Test;

class FindingsTest {
    static final ChartContext CAL = new ChartContext("USD",
            dev.interlock.engine.output.MonthlyCsv.monthLabels("2027-01", 24), 1000);
    static final ChartContext NO_CAL = new ChartContext("EUR",
            dev.interlock.engine.output.MonthlyCsv.monthLabels(null, 24), 1000);

    @Test
    void monthRangesNameCalendarMonthsWhenThereAreSome() {
        assertThat(Findings.months(List.of(new MonthRange(7, 11)), CAL)).isEqualTo("months 7–11 (Jul 2027 – Nov 2027)");
        assertThat(Findings.months(List.of(new MonthRange(4, 4)), CAL)).isEqualTo("month 4 (Apr 2027)");
        assertThat(Findings.months(List.of(new MonthRange(3, 5), new MonthRange(14, 14)), CAL))
                .isEqualTo("months 3–5, 14 (Mar 2027 – May 2027, Feb 2028)");
        assertThat(Findings.months(List.of(new MonthRange(7, 11)), NO_CAL)).isEqualTo("months 7–11");
    }

    @Test
    void onboardingSentenceNamesTheMonthsShortInNineOfTenFutures() {
        TestRuns.Run r = TestRuns.saas();
        Stats s = r.stats();
        List<MonthRange> nine = Words.monthsAtRisk(s, Metric.ONBOARDING_GAP, 0.9);
        assertThat(nine).as("the saas scenario has a crunch").isNotEmpty();
        String sentence = Findings.of(s, r.ctx()).get(0);
        // each month on its own, said as such (a future short in one month need not be short in the next)
        assertThat(sentence).startsWith("In each of " + Findings.months(nine, r.ctx())
                + ", onboarding falls short in at least 9 of 10 futures");
    }

    @Test
    void waitsAreSaidInDaysUnderAMonth() {
        assertThat(Findings.waitWords(0.05)).isEqualTo("under 2 days");
        assertThat(Findings.waitWords(0.352)).isEqualTo("11 days");
        assertThat(Findings.waitWords(1.3)).isEqualTo("1.3 months");
    }

    @Test
    void theOddsInWordsFollowTheRoundedPercentBesideThem() {
        assertThat(Findings.inTen(0.6485)).isEqualTo("about 2 in 3");    // shown as 65 %
        assertThat(Findings.inTen(0.644)).isEqualTo("about 6 in 10");    // 64 %: no simple fraction within 2 points
        assertThat(Findings.inTen(0.5)).isEqualTo("about half");
        assertThat(Findings.inTen(0.8)).isEqualTo("about 4 in 5");
        assertThat(Findings.inTen(0.72)).isEqualTo("about 7 in 10");
    }

    @Test
    void profitSentenceGivesTheOddsAndTheRange() {
        TestRuns.Run r = TestRuns.saas();
        Stats s = r.stats();
        String sentence = Findings.of(s, r.ctx()).get(3);
        double p = s.exceedProbability(Summary.CUMULATIVE_PROFIT);
        assertThat(sentence).contains("positive in " + Words.percent(p) + " of futures")
                .contains("P10 " + Words.compact(s.quantile(Summary.CUMULATIVE_PROFIT, 0.1)))
                .contains("P90 " + Words.compact(s.quantile(Summary.CUMULATIVE_PROFIT, 0.9)))
                .endsWith(" USD.");
    }

    @Test
    void oddsInWordsNeverSayZeroInTen() {
        assertThat(Findings.inTen(0.66)).isEqualTo("about 2 in 3");
        assertThat(Findings.inTen(0.06)).isEqualTo("about 1 in 10");
        assertThat(Findings.inTen(0.03)).isEqualTo("fewer than 1 in 20");
        assertThat(Findings.inTen(0.97)).isEqualTo("more than 19 in 20");
        // "<1%" and ">99%" beside them
        assertThat(Findings.inTen(0.003)).isEqualTo("fewer than 1 in 100");
        assertThat(Findings.inTen(0.997)).isEqualTo("more than 99 in 100");
        // shown as 95 % and 5 %: not "about 10 in 10" or "about 1 in 10"
        assertThat(Findings.inTen(0.949)).isEqualTo("about 19 in 20");
        assertThat(Findings.inTen(0.052)).isEqualTo("about 1 in 20");
    }

    @Test
    void oddsInWordsStayWithinFivePointsOfThePercentShown() {
        java.util.regex.Pattern about = java.util.regex.Pattern.compile("about (\\d+) in (\\d+)");
        for (int i = 1; i < 1000; i++) {
            double p = i / 1000.0;
            String words = Findings.inTen(p);
            double shown = Math.round(p * 100);
            java.util.regex.Matcher m = about.matcher(words);
            if (m.matches()) {
                int count = Integer.parseInt(m.group(1));
                int of = Integer.parseInt(m.group(2));
                double said = 100.0 * count / of;
                assertThat(count).as("%s for %s", words, p).isPositive().isLessThan(of);
                assertThat(Math.abs(said - shown)).as("%s for %s", words, p).isLessThanOrEqualTo(5);
            } else if (words.equals("about half")) {
                assertThat(shown).as("%s", p).isBetween(48.0, 52.0);
            } else if (words.startsWith("fewer than 1 in ")) {
                assertThat(p).isLessThan(100.0 / Integer.parseInt(words.substring(16)) / 100 * 1.0 + 1e-12);
            } else {
                assertThat(words).startsWith("more than ");
                assertThat(p).isGreaterThan(0.95);
            }
        }
    }

    @Test
    void aCompanyThatNeverPaysBackIsToldSoWithoutPercentages() {
        // fixed costs of 5M USD a month: no future of the saas scenario makes a profit
        TestRuns.Run r = TestRuns.run(TestRuns.saasWith("fixed_costs_per_month: 150000", "fixed_costs_per_month: 5000000"));
        assertThat(r.stats().exceedProbability(Summary.CUMULATIVE_PROFIT)).isZero();
        assertThat(Findings.of(r.stats(), r.ctx()).get(3))
                .startsWith("Cumulative profit over 36 months is zero or negative in every one of the 500 futures: P10 -");
    }

    @Test
    void aRareProfitIsGivenAsFewerThanOneInTwenty() {
        // the shipped marketing push rarely pays back within its 24 months
        TestRuns.Run r = TestRuns.run(dev.interlock.engine.scenario.ScenarioLoader.load(
                TestRuns.shipped("marketing-push.yaml")));
        double p = r.stats().exceedProbability(Summary.CUMULATIVE_PROFIT);
        assertThat(p).isBetween(0.005, 0.05);   // 3 of this test's 500 futures
        assertThat(Findings.of(r.stats(), r.ctx()).get(3)).contains("positive in " + Words.percent(p)
                + " of futures (fewer than 1 in 20)");
    }

    @Test
    void theCrunchMonthsAreMentionedOnlyWhenThereAreSome() {
        TestRuns.Run saas = TestRuns.saas();
        assertThat(Findings.of(saas.stats(), saas.ctx()).get(1)).contains("longer in the months onboarding falls short");
        // the shipped plg scenario's onboarding keeps up in every month
        TestRuns.Run plg = TestRuns.run(dev.interlock.engine.scenario.ScenarioLoader.load(TestRuns.shipped("plg.yaml")));
        assertThat(Words.monthsAtRisk(plg.stats(), dev.interlock.engine.model.Metric.ONBOARDING_GAP, 0.5)).isEmpty();
        assertThat(Findings.of(plg.stats(), plg.ctx()).get(1)).contains("(P50 future).").doesNotContain("falls short)");
    }

    @Test
    void backlogSentenceGivesPeakBacklogP90InWholeCustomers() {
        TestRuns.Run r = TestRuns.saas();
        String sentence = Findings.of(r.stats(), r.ctx()).get(1);
        assertThat(sentence).contains("P90 " + Findings.whole(r.stats().quantile(Summary.PEAK_BACKLOG, 0.9))
                + " customers");
    }

    @Test
    void ampleCapacityReadsAsKeepingUp() {
        // a hundred times the onboarding staff of the saas scenario: onboarding is never short
        Scenario sc = TestRuns.saasWith("staff: 4 ", "staff: 400 ");
        TestRuns.Run r = TestRuns.run(sc);
        assertThat(Words.monthsAtRisk(r.stats(), Metric.ONBOARDING_GAP, 0.5)).isEmpty();
        assertThat(Findings.of(r.stats(), r.ctx()).get(0)).startsWith("Onboarding keeps up in");
    }
}
