package dev.interlock.engine.analyses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.interlock.engine.actuals.Actuals;
import dev.interlock.engine.actuals.DealTable;
import java.time.YearMonth;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Months with no data in the middle of a history: left out, not read as zeros or as the end of the data. */
class CalibrateGapsTest {

    /**
     * 100 leads a month for 12 months; each lead month's deals: 10 close in the month, 5 the month after (rate
     * 0.15, lags 2/3 and 1/3). The deals closing in {@code gap} are missing from the table and its closes
     * cell is blank.
     */
    private static Actuals funnelWithMissingMonth(int gap) {
        int months = 12;
        double[] leads = new double[months];
        double[] closes = new double[months];
        Map<YearMonth, Map<Integer, Long>> deals = new TreeMap<>();
        for (int t = 0; t < months; t++) {
            leads[t] = 100;
            closes[t] = t == 0 ? 10 : 15;
            Map<Integer, Long> byLag = new TreeMap<>();
            if (t != gap) {
                byLag.put(0, 10L);
            }
            if (t + 1 != gap) {
                byLag.put(1, 5L);
            }
            deals.put(Simulated.START.plusMonths(t), byLag);
        }
        closes[gap] = Double.NaN;
        Map<String, double[]> cols = Simulated.columns();
        cols.put("leads", leads);
        cols.put("closes", closes);
        return Simulated.actuals(cols, null, new DealTable("deals.csv", deals));
    }

    @Test
    void aBlankClosesMonthInsideTheWindowLeavesItsDealsOutRatherThanCountingThemAsNone() {
        Actuals a = funnelWithMissingMonth(6);
        FunnelFit.Lag lag = FunnelFit.lag(a, a.total("leads"), 60);
        // read as complete, month 6's missing 15 deals would pull the rate to (165 − 15)/… < 0.15
        assertThat(lag.rate().mean()).isCloseTo(0.15, within(1e-12));
        assertThat(lag.pmf()[0]).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(lag.pmf()[1]).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(lag.gaps()).containsExactly(Simulated.START.plusMonths(6));
        Calibration c = Calibrate.estimate(a, null);
        assertThat(c.notes()).anySatisfy(n -> assertThat(n).contains("closes is blank in 2024-07",
                "left out of the win rate and the sales cycle"));
        assertThat(c.estimated()).anySatisfy(r -> assertThat(r.from()).contains("except 2024-07"));
    }

    @Test
    void theWinRateNoteNamesTheLagsOfTheSalesCycleAsWritten() {
        // lags 0–3 estimated, but lags 2 and 3 have no deals: the written cycle is [2/3, 1/3], lags 0–1
        Actuals a = funnelWithMissingMonth(6);
        Map<YearMonth, Map<Integer, Long>> deals = new TreeMap<>(a.deals().byLead());
        Actuals withLongLag = new Actuals(a.file(), a.first(), a.months(), Map.of("leads", a.total("leads")), null,
                new DealTable("deals.csv", deals));
        FunnelFit.Lag lag = FunnelFit.lag(withLongLag, withLongLag.total("leads"), 3);
        assertThat(lag.pmf()).hasSize(4);
        Calibration c = Calibrate.estimate(withLongLag, null);
        assertThat(c.salesCycle()).hasSize(2);
        assertThat(c.estimated()).anySatisfy(r -> assertThat(r.from()).contains("lags 0–1 ").doesNotContain("0–3"));
    }

    @Test
    void aBlankSpendMonthIsSkippedAndTheCarryOverRestartsAfterIt() {
        // 12 months; spend of month 2 is unknown. Leads are exactly effective spend / 50, the carry-over (0.5)
        // restarting after the gap: a fit that stopped at the gap would use 2 months, one that chained the
        // carry-over through it could not recover 50 exactly
        double[] spend = {1000, 3000, Double.NaN, 2000, 6000, 1000, 4000, 2500, 5000, 1500, 3500, 2000};
        double[] leads = new double[spend.length];
        double prev = Double.NaN;
        for (int t = 0; t < spend.length; t++) {
            if (Double.isNaN(spend[t])) {
                leads[t] = 77;          // leads were counted; spend was not
                prev = Double.NaN;
                continue;
            }
            double e = 0.5 * spend[t] + 0.5 * (Double.isNaN(prev) ? spend[t] : prev);
            prev = e;
            leads[t] = e / 50;
        }
        ResponseFit.Result f = ResponseFit.fit(spend, leads, 0.5);
        assertThat(f.months()).isEqualTo(11);
        assertThat(f.blankSpend()).isEqualTo(1);
        assertThat(f.cpl()).isCloseTo(50, within(1e-9));

        Map<String, double[]> cols = Simulated.columns();
        cols.put("spend", spend);
        cols.put("leads", leads);
        Calibration c = Calibrate.estimate(Simulated.actuals(cols, null, null), null);
        assertThat(c.notes()).anySatisfy(n -> assertThat(n).contains("spend is blank in 1 month",
                "uses 11 months"));
    }

    @Test
    void theSkeletonSaysWhereItFilledBlankSpendWithTheMean() {
        Map<String, double[]> cols = Simulated.columns();
        cols.put("spend", new double[] {1000, Double.NaN, 2000, 3000});
        cols.put("leads", new double[] {20, 30, 40, 60});
        Actuals a = Simulated.actuals(cols, null, null);
        Calibration c = Calibrate.estimate(a, null);
        assertThat(c.notes()).anySatisfy(n -> assertThat(n).isEqualTo("channel all: the written spend plan replays "
                + "the actual spend, blank in 2024-02: filled with the mean of the other months, 2000 — put the real "
                + "values there"));
        Calibrate.Written w = Calibrate.write(a, c, null, null);
        assertThat(w.scenario().channels().get(0).spend().plan()).startsWith(1000, 2000, 2000, 3000);
        assertThat(w.yaml()).contains("the actual spend (blank in 2024-02: filled with the mean of the other months, "
                + "2000)");
    }

    @Test
    void anObservedRateTheStructureCannotReproduceIsNoted() throws Exception {
        // 90 % of leads qualify (posterior mean 901/1202); saas.yaml runs siloed, whose handoff of 0.75 allows 75 %
        Map<String, double[]> cols = Simulated.columns();
        double[] leads = new double[12];
        double[] qualified = new double[12];
        java.util.Arrays.fill(leads, 100);
        java.util.Arrays.fill(qualified, 90);
        cols.put("leads", leads);
        cols.put("qualified", qualified);
        dev.interlock.engine.scenario.Scenario base = dev.interlock.engine.scenario.ScenarioLoader.load(
                dev.interlock.engine.testing.TestScenarios.shipped("saas.yaml"));
        assertThat(base.policy().handoffQuality().mean()).isEqualTo(0.75);
        Calibration c = Calibrate.estimate(Simulated.actuals(cols, null, null), base);
        assertThat(c.notes()).anySatisfy(n -> assertThat(n).contains("funnel.qualification_rate", "observed rate 0.899",
                "handoff quality 0.75", "above 1", "at least 0.899"));
        // a handoff that allows it: no such note
        Calibration fine = Calibrate.estimate(Simulated.actuals(cols, null, null), null);
        assertThat(fine.notes()).noneSatisfy(n -> assertThat(n).contains("above 1"));
    }

    @Test
    void aDealSizeWhoseRoundedSpreadFallsBelowTheNarrowestGammaIsWrittenAsAFixedValue() {
        // two months of 1,000 customers: ACV 1000.04 ± 0.10002 (standard error), just above 1/10,000 of the mean;
        // rounded to 3 digits the sd is 0.1, below it: a gamma of the rounded values would be refused (it threw)
        double d = 100.02;
        Map<String, double[]> cols = Simulated.columns();
        cols.put("active_customers", new double[] {1000, 1000});
        cols.put("mrr", new double[] {(1000 * 1000.04 - d) / 12, (1000 * 1000.04 + d) / 12});
        Calibration c = Calibrate.estimate(Simulated.actuals(cols, null, null), null);
        assertThat(c.estimated()).anySatisfy(r -> {
            assertThat(r.key()).isEqualTo("revenue.acv");
            assertThat(r.value()).doesNotContain("gamma").startsWith("1000");
        });
    }
}
