package dev.interlock.engine.analyses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.interlock.engine.actuals.Actuals;
import dev.interlock.engine.actuals.DealTable;
import dev.interlock.engine.scenario.InputException;
import dev.interlock.engine.scenario.Scenario;
import dev.interlock.engine.testing.TestScenarios;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BacktestTest {
    static final int MONTHS = 14;

    /** Leads without spend, closes, and a deals table, as in the Olist data. */
    static Actuals leadsOnly(double closesScale) {
        double[] leads = new double[MONTHS];
        double[] closes = new double[MONTHS];
        Map<YearMonth, Map<Integer, Long>> deals = new TreeMap<>();
        for (int c = 0; c < MONTHS; c++) {
            leads[c] = 200 + 10 * c;
            long now = Math.round(0.06 * leads[c]);
            long later = Math.round(0.04 * leads[c]);
            deals.put(Simulated.START.plusMonths(c), c + 1 < MONTHS ? Map.of(0, now, 1, later) : Map.of(0, now));
            closes[c] += now;
            if (c + 1 < MONTHS) {
                closes[c + 1] += later;
            }
        }
        for (int t = 10; t < MONTHS; t++) {
            closes[t] *= closesScale;
        }
        Map<String, double[]> cols = Simulated.columns();
        cols.put("leads", leads);
        cols.put("closes", closes);
        return Simulated.actuals(cols, null, new DealTable("deals.csv", deals));
    }

    static Scenario base() {
        return TestScenarios.parse(TestScenarios.unlimited(MONTHS, "{base: 10000}", "[1]",
                "{model: constant, monthly_churn: 0.02}", ""));
    }

    @Test
    void scoresTheModelBesideEveryBaselineOnTheForecastMonthsOnly() throws Exception {
        BacktestResult r = Backtest.run(base(), leadsOnly(1), new Backtest.Options(10, 4, false, 500, 7, 1, 1000));
        assertThat(r.inputs()).containsEntry("paid", "leads");
        assertThat(r.metrics()).containsExactly("closes");           // leads are given, so not scored
        assertThat(r.scores()).extracting(BacktestResult.ScoreRow::method)
                .containsExactly("model", "naive_last", "naive_mean3", "naive_drift", "naive_ratio");
        assertThat(r.scores()).allSatisfy(s -> assertThat(s.cells()).isEqualTo(4));
        assertThat(r.origins().get(0).cells()).extracting(BacktestResult.Cell::month)
                .containsExactly("2024-11", "2024-12", "2025-01", "2025-02");
        // calibrated on months before the origin: the 0.06 + 0.04 conversion and its lag are recovered, the
        // rate divided by the structure's handoff quality 0.9 (leads go straight to win_rate)
        assertThat(r.origins().get(0).calibration().win().mean()).isCloseTo(0.1 / 0.9,
                org.assertj.core.data.Offset.offset(0.005));
        assertThat(r.origins().get(0).calibration().salesCycle()).hasSize(2);
        BacktestResult.ScoreRow model = r.scores().get(0);
        assertThat(model.value("pinball_p50")).isCloseTo(model.value("mae") / 2, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(r.fan()).hasSize(MONTHS);
    }

    @Test
    void nothingAfterTheOriginReachesTheCalibrationOrTheBaselines() throws Exception {
        Backtest.Options o = new Backtest.Options(10, 4, false, 500, 7, 1, 1000);
        BacktestResult r1 = Backtest.run(base(), leadsOnly(1), o);
        BacktestResult r2 = Backtest.run(base(), leadsOnly(3), o);
        assertThat(r2.origins().get(0).calibration().estimated())
                .isEqualTo(r1.origins().get(0).calibration().estimated());
        List<BacktestResult.Cell> c1 = r1.origins().get(0).cells();
        List<BacktestResult.Cell> c2 = r2.origins().get(0).cells();
        assertThat(c1).hasSize(4).hasSameSizeAs(c2);   // leads at the 4 months after the origin
        for (int i = 0; i < c1.size(); i++) {
            assertThat(c2.get(i).quantiles()).containsExactly(c1.get(i).quantiles());
            assertThat(c2.get(i).baselines()).isEqualTo(c1.get(i).baselines());
            assertThat(c2.get(i).actual()).isNotEqualTo(c1.get(i).actual());
        }
    }

    @Test
    void rollingOriginsExpandTheTrainingWindowAndAverage() throws Exception {
        BacktestResult r = Backtest.run(base(), leadsOnly(1), new Backtest.Options(10, 2, true, 300, 7, 1, 1000));
        assertThat(r.origins()).extracting(BacktestResult.Origin::trainMonths).containsExactly(10, 11, 12, 13);
        assertThat(r.origins()).extracting(o -> o.calibration().months()).containsExactly(10, 11, 12, 13);
        assertThat(r.origins()).extracting(o -> o.cells().size()).containsExactly(2, 2, 2, 1);
        assertThat(r.scores().get(0).origins()).isEqualTo(4);
        assertThat(r.scores().get(0).cells()).isEqualTo(7);
    }

    @Test
    void theSameSeedGivesTheSameForecastAtAnyThreadCount() throws Exception {
        BacktestResult one = Backtest.run(base(), leadsOnly(1), new Backtest.Options(10, 4, false, 2500, 7, 1, 1000));
        BacktestResult two = Backtest.run(base(), leadsOnly(1), new Backtest.Options(10, 4, false, 2500, 7, 2, 1000));
        for (int i = 0; i < one.scores().size(); i++) {
            assertThat(two.scores().get(i).values()).containsExactly(one.scores().get(i).values());
        }
    }

    @Test
    void optionsThatDoNotFitTheActualsAreInputErrors() {
        assertThatThrownBy(() -> Backtest.run(base(), leadsOnly(1), new Backtest.Options(14, 0, false, 500, 7, 1, 1000)))
                .isInstanceOf(InputException.class).hasMessageContaining("--train-months")
                .hasMessageContaining("from 2 to 13");
        assertThatThrownBy(() -> Backtest.run(base(), leadsOnly(1), new Backtest.Options(10, 5, false, 500, 7, 1, 1000)))
                .isInstanceOf(InputException.class).hasMessageContaining("--horizon").hasMessageContaining("from 1 to 4");
        assertThatThrownBy(() -> Backtest.run(base(), leadsOnly(1), new Backtest.Options(10, 4, false, 5, 7, 1, 1000)))
                .isInstanceOf(InputException.class).hasMessageContaining("--trials");
    }

    @Test
    void anchoringRebasesEachTrialOnTheObservedLevel() {
        // two trials, months 0..2, origin 2: observed 100 in month 1
        double[][] v = {{10, 20}, {90, 120}, {95, 110}};
        Backtest.anchor(v, 2, 100);
        assertThat(v[2]).containsExactly(105, 90);        // 100 + (95 − 90), 100 + (110 − 120)
        assertThat(v[1]).containsExactly(90, 120);        // training months untouched
    }

    @Test
    void writesTheScoreTableForecastsFanDataAndJson(@TempDir Path tmp) throws Exception {
        BacktestResult r = Backtest.run(base(), leadsOnly(1), new Backtest.Options(10, 4, false, 500, 7, 1, 1000));
        Path dir = tmp.resolve("bt");
        Backtest.write(r, dir);
        List<String> csv = Files.readAllLines(dir.resolve("backtest.csv"));
        assertThat(csv.get(0)).isEqualTo("metric,method,origins,months_scored,mae,mape,smape,mase,crps,pinball_p10,"
                + "pinball_p50,pinball_p90,coverage_50,coverage_80,coverage_90");
        assertThat(csv).hasSize(6);
        assertThat(csv.get(1)).startsWith("closes,model,1,4,");
        assertThat(Files.readAllLines(dir.resolve("forecasts.csv"))).hasSize(5);
        assertThat(Files.readAllLines(dir.resolve("fan-closes.csv"))).hasSize(MONTHS + 1);
        assertThat(Files.readString(dir.resolve("backtest.json"))).contains("\"method\": \"naive_ratio\"",
                "\"calibrated\"");
    }

    @Test
    void keysTheTrainingMonthsCannotGiveAreNamedPerOriginAsKeptFromTheBase() throws Exception {
        // MRR and active customers only from month 11 on: origins 2024-11 and 2024-12 cannot estimate the ACV,
        // 2025-01 and 2025-02 can; retention cannot be estimated anywhere
        Actuals l = leadsOnly(1);
        double[] active = new double[MONTHS];
        double[] mrr = new double[MONTHS];
        for (int t = 0; t < MONTHS; t++) {
            active[t] = t < 11 ? Double.NaN : 50 + t;
            mrr[t] = t < 11 ? Double.NaN : 1000 * (50 + t);
        }
        Map<String, double[]> cols = Simulated.columns();
        cols.put("leads", l.total("leads"));
        cols.put("closes", l.total("closes"));
        cols.put("active_customers", active);
        cols.put("mrr", mrr);
        Actuals a = Simulated.actuals(cols, null, l.deals());
        BacktestResult r = Backtest.run(base(), a, new Backtest.Options(10, 2, true, 200, 7, 1, 1000));
        assertThat(r.notes()).anySatisfy(n -> assertThat(n).startsWith("At 2 of 4 origins (2024-11, 2024-12), these "
                + "keys could not be estimated from the training months and keep the base scenario's values: "
                + "retention; revenue.acv."));
        assertThat(r.notes()).anySatisfy(n -> assertThat(n).startsWith("At 2 of 4 origins (2025-01, 2025-02), these "
                + "keys could not be estimated from the training months and keep the base scenario's values: "
                + "retention."));
        // leads are given, so the channel's response is replaced, not kept; capacity is never in the actuals
        assertThat(String.join("\n", r.notes())).doesNotContain("channels[paid].response", "sales.*");
        assertThat(Backtest.json(r).toString()).contains("kept_from_base=[retention, revenue.acv]");

        BacktestResult same = Backtest.run(base(), leadsOnly(1), new Backtest.Options(10, 2, true, 200, 7, 1, 1000));
        assertThat(same.notes()).anySatisfy(n -> assertThat(n).startsWith("At every origin (4), these keys could not "
                + "be estimated from the training months and keep the base scenario's values: retention; revenue.acv."));
    }
}
