package dev.interlock.engine.analyses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.interlock.engine.actuals.Actuals;
import dev.interlock.engine.actuals.DealTable;
import dev.interlock.engine.dist.Beta;
import dev.interlock.engine.dist.Fixed;
import dev.interlock.engine.output.YamlComments;
import dev.interlock.engine.scenario.KeyRecorder;
import dev.interlock.engine.scenario.Scenario;
import dev.interlock.engine.scenario.ScenarioLoader;
import dev.interlock.engine.testing.TestScenarios;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The calibrated scenario as written: it loads, keeps what was not estimated, and marks what it guessed. */
class CalibrateWriteTest {
    static Actuals full() {
        Map<String, double[]> c = Simulated.columns();
        c.put("spend.search", new double[] {10_000, 11_000, 12_000, 11_500, 12_500, 13_000});
        c.put("leads.search", new double[] {101, 108, 125, 109, 130, 126});
        c.put("qualified", new double[] {40, 45, 52, 41, 50, 55});
        c.put("wins", new double[] {8, 9, 12, 7, 10, 11});
        c.put("churned", new double[] {0, 1, 1, 2, 2, 3});
        c.put("active_customers", new double[] {8, 16, 27, 32, 40, 48});
        c.put("mrr", new double[] {8_000, 16_500, 27_000, 31_000, 41_000, 48_500});
        return Simulated.actuals(c, null, null);
    }

    private static Scenario load(String yaml) {
        return ScenarioLoader.parse("calibrated.yaml", yaml.getBytes(StandardCharsets.UTF_8), null, KeyRecorder.NONE);
    }

    @Test
    void aSkeletonFromActualsAloneLoadsAndMarksEveryPlaceholder() {
        Actuals a = full();
        Calibration c = Calibrate.estimate(a, null);
        Calibrate.Written w = Calibrate.write(a, c, null, null);
        Scenario s = load(w.yaml());
        assertThat(s.channels()).extracting(Scenario.Channel::name).containsExactly("search");
        assertThat(s.horizonMonths()).isEqualTo(6 + Skeleton.EXTRA_MONTHS);
        assertThat(s.startMonth()).isEqualTo("2024-01");
        assertThat(s.channels().get(0).spend().plan()).startsWith(10_000, 11_000, 12_000, 11_500, 12_500, 13_000)
                .endsWith(12_333.33);
        assertThat(w.placeholders()).containsExactly("funnel.unworked_decay", "sales.leads_per_rep_month",
                "onboarding.customers_per_staff_month", "finance.gross_margin");
        assertThat(w.yaml()).startsWith(Calibrate.HEADER)
                .contains("leads_per_rep_month: 1300  # PLACEHOLDER: sales capacity is not in the actuals")
                .contains("win_rate:  # calibrated: 57 wins of 283 qualified leads over 6 months");
        // qualification: Beta(1 + 283, 1 + 699 − 283)
        Beta q = (Beta) s.funnel().qualificationRate();
        assertThat(q.mean()).isCloseTo(284.0 / 701, within(1e-6));
        assertThat(s.retention()).isInstanceOf(Scenario.ConstantChurn.class);
        assertThat(s.revenue().acv().mean()).isCloseTo(12 * 172_000 / 171.0, within(0.1));   // written to 6 significant digits
    }

    @Test
    void leadsWithoutSpendAreWrittenInLeadUnitsAndMarked() {
        Map<String, double[]> c = Simulated.columns();
        c.put("leads", new double[] {100, 120, 90});
        Actuals a = Simulated.actuals(c, null, null);
        Calibrate.Written w = Calibrate.write(a, Calibrate.estimate(a, null), null, null);
        Scenario s = load(w.yaml());
        assertThat(s.channels().get(0).name()).isEqualTo("all");
        assertThat(s.channels().get(0).spend().plan()).startsWith(100, 120, 90, 103.33);
        assertThat(((Scenario.Linear) s.channels().get(0).response()).costPerLead()).isEqualTo(new Fixed(1));
        assertThat(w.placeholders()).contains("marketing.channels[all].spend.plan",
                "marketing.channels[all].response.cost_per_lead", "funnel.qualification_rate", "funnel.win_rate",
                "retention.monthly_churn", "revenue.acv");
    }

    @Test
    void withABaseOnlyEstimatedKeysChangeAndRatesAllowForTheStructure() {
        // the base's structure has handoff quality 0.9: the observed qualification rate is divided by it
        Scenario base = TestScenarios.parse(TestScenarios.unlimited(12, "{base: 10000}", "[0.5, 0.5]",
                "{model: constant, monthly_churn: 0.02}", "").replace("name: paid", "name: search"));
        Actuals a = full();
        Calibration c = Calibrate.estimate(a, base);
        Scenario s = load(Calibrate.write(a, c, base, "base.yaml").yaml());
        assertThat(s.funnel().qualificationRate().mean()).isCloseTo(284.0 / 701 / 0.9, within(1e-6));
        assertThat(s.sales()).isEqualTo(base.sales());
        assertThat(s.funnel().salesCycle()).containsExactly(0.5, 0.5);
        assertThat(s.channels().get(0).spend().base()).isEqualTo(10_000);
        assertThat(s.channels().get(0).spend().plan()).isNull();
        assertThat(s.channels().get(0).carryover()).isEqualTo(0.4);
        assertThat(s.horizonMonths()).isEqualTo(12);
        assertThat(s.channels().get(0).response()).isNotEqualTo(base.channels().get(0).response());
    }

    @Test
    void ratesFromTinyCountsStillSatisfyTheBetaConstraint() {
        Map<String, double[]> c = Simulated.columns();
        c.put("leads", new double[] {1});
        c.put("qualified", new double[] {0});
        Actuals a = Simulated.actuals(c, null, null);
        Scenario s = load(Calibrate.write(a, Calibrate.estimate(a, null), null, null).yaml());
        Beta q = (Beta) s.funnel().qualificationRate();
        assertThat(q.mean()).isCloseTo(1.0 / 3, within(1e-6));     // Beta(1, 2)
        assertThat(q.sd() * q.sd()).isLessThan(q.mean() * (1 - q.mean()));
    }

    @Test
    void cohortsThatAllChurnAtOnceGiveAChurnRateBelowOne() {
        Map<String, double[]> c = Simulated.columns();
        c.put("leads", new double[] {5, 5, 5});
        dev.interlock.engine.actuals.CohortTable t = new dev.interlock.engine.actuals.CohortTable("c.csv", java.util.List.of(
                new dev.interlock.engine.actuals.CohortTable.Cohort(Simulated.START, new long[] {10, 0, 0})));
        Actuals a = Simulated.actuals(c, t, null);
        Scenario s = load(Calibrate.write(a, Calibrate.estimate(a, null), null, null).yaml());
        Scenario.ConstantChurn churn = (Scenario.ConstantChurn) s.retention();
        assertThat(churn.monthlyChurn().mean()).isCloseTo(11.0 / 12, within(1e-6));   // Beta(1 + 10, 1 + 0)
    }

    @Test
    void aDealsTableThatDoesNotAddUpToTheClosesColumnIsPointedOut() {
        java.time.YearMonth start = Simulated.START;
        Map<String, double[]> cols = Simulated.columns();
        cols.put("leads", new double[] {100, 100, 100});
        cols.put("closes", new double[] {10, 12, 11});
        // the same deals: 10 closing in month 1, 12 in month 2 (7 + 5 by lead month), 11 in month 3
        java.util.Map<java.time.YearMonth, java.util.Map<Integer, Long>> same = new java.util.TreeMap<>();
        same.put(start, new java.util.TreeMap<>(java.util.Map.of(0, 10L, 1, 7L)));
        same.put(start.plusMonths(1), new java.util.TreeMap<>(java.util.Map.of(0, 5L, 1, 11L)));
        Actuals agree = Simulated.actuals(cols, null, new DealTable("deals.csv", same));
        assertThat(Calibrate.dealsAgainstCloses(agree)).isNull();
        java.util.Map<java.time.YearMonth, java.util.Map<Integer, Long>> more = new java.util.TreeMap<>(same);
        more.put(start.plusMonths(2), new java.util.TreeMap<>(java.util.Map.of(0, 4L)));   // 15 in month 3, not 11
        Actuals disagree = Simulated.actuals(cols, null, new DealTable("deals.csv", more));
        assertThat(Calibrate.dealsAgainstCloses(disagree)).contains("disagree in 1 month", "37 deals", "33 closes");
        assertThat(Calibrate.estimate(disagree, null).notes()).anySatisfy(n -> assertThat(n).contains("disagree"));
    }

    @Test
    void monthsThatConvertUnevenlyWidenTheLeadToCloseRateByTheirDispersion() {
        // 100 leads a month for 8 months, all closing in their month: 5, 25, 5, 25, … — a rate of 0.15 on average,
        // far more uneven than binomial
        java.time.YearMonth start = Simulated.START;
        double[] leads = new double[8];
        java.util.Map<java.time.YearMonth, java.util.Map<Integer, Long>> deals = new java.util.TreeMap<>();
        for (int t = 0; t < 8; t++) {
            leads[t] = 100;
            deals.put(start.plusMonths(t), java.util.Map.of(0, t % 2 == 0 ? 5L : 25L));
        }
        Map<String, double[]> cols = Simulated.columns();
        cols.put("leads", leads);
        FunnelFit.Lag lag = FunnelFit.lag(Simulated.actuals(cols, null, new DealTable("deals.csv", deals)), leads, 0);
        assertThat(lag.rate().mean()).isCloseTo(0.15, within(1e-12));
        // binomial sd √(0.15·0.85/800) = 0.01262; Pearson χ² = 8 × 10²/(100·0.15·0.85) = 62.75 on 7 degrees of
        // freedom, φ = 8.96, so the sd is 0.01262 × √8.96 = 0.0378
        double binomial = Math.sqrt(0.15 * 0.85 / 800);
        double phi = 8 * 100 / (100 * 0.15 * 0.85) / 7;
        assertThat(lag.rate().sd()).isCloseTo(binomial * Math.sqrt(phi), within(1e-9));
        // the same total, evenly: no widening
        for (int t = 0; t < 8; t++) {
            deals.put(start.plusMonths(t), java.util.Map.of(0, 15L));
        }
        FunnelFit.Lag even = FunnelFit.lag(Simulated.actuals(cols, null, new DealTable("deals.csv", deals)), leads, 0);
        assertThat(even.rate().sd()).isCloseTo(binomial, within(1e-12));
    }

    @Test
    void commentsFindKeysByPathIncludingNamedListItems() {
        String yaml = "marketing:\n  channels:\n  - name: a\n    response:\n      cost_per_lead: 5\n"
                + "  - name: b\n    response:\n      cost_per_lead: 6\nfunnel:\n  win_rate: 0.2\n";
        String out = YamlComments.annotate(yaml, Map.of("marketing.channels[b].response.cost_per_lead", "B",
                "funnel.win_rate", "W", "funnel.nothing", "X"));
        assertThat(out).contains("cost_per_lead: 5\n", "cost_per_lead: 6  # B\n", "win_rate: 0.2  # W\n")
                .doesNotContain("X");
    }
}
