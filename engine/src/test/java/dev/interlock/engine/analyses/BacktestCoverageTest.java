package dev.interlock.engine.analyses;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.engine.actuals.Actuals;
import dev.interlock.engine.model.CompiledModel;
import dev.interlock.engine.model.Metric;
import dev.interlock.engine.run.BlockSink;
import dev.interlock.engine.run.Progress;
import dev.interlock.engine.run.Runner;
import dev.interlock.engine.run.UniformSource;
import dev.interlock.engine.scenario.Scenario;
import dev.interlock.engine.testing.TestScenarios;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A calibrated forecast is calibrated: on histories simulated by the engine itself from known inputs, a
 * backtest that starts from deliberately wrong inputs, calibrates on 18 months and forecasts 6 covers the
 * actual with its 80 % interval about 80 % of the time.
 *
 * <p>Stocks (active customers, MRR) are anchored at the origin, as the backtest does by default; churned
 * customers, a flow proportional to the unanchored simulated base, over-cover somewhat (84 % here), so its
 * upper bound is 90 %. The lag is not estimated here (no deals table), so the base's true one is used.
 *
 * <p>{@value #HISTORIES} histories × 6 months per metric. Months of one history share its calibration
 * error, so the share covered varies more than a binomial's. Measured on these seeds (sd of the
 * per-history shares / √histories), its standard error is about 1.5 points for the flows and 2.6 for the
 * stocks; the shares were 79–81 % (flows) and 80 % (stocks). The bounds 75–85 % are then ≥ 3 standard
 * errors away for flows (chance failure with other seeds ≈ 0.3 % each) and about 1.9 for the stocks
 * (≈ 6 %). The seeds are fixed, so the outcome here is reproducible.
 */
class BacktestCoverageTest {
    static final int HISTORIES = 120;
    static final int MONTHS = 24;
    static final Metric[] METRICS = {Metric.SPEND, Metric.LEADS, Metric.QUALIFIED, Metric.WINS, Metric.CLOSES,
        Metric.CHURNED, Metric.ACTIVE_CUSTOMERS, Metric.MRR};

    static String scenario(String cpl, String qual, String win, String churn) {
        return TestScenarios.unlimited(MONTHS, "{base: 100000, growth: 0.01}", "[0.5, 0.3, 0.2]",
                "{model: constant, monthly_churn: " + churn + "}", "")
                .replace("cost_per_lead: 250", "cost_per_lead: " + cpl)
                .replace("qualification_rate: 0.4", "qualification_rate: " + qual)
                .replace("win_rate: 0.25", "win_rate: " + win);
    }

    /** Histories: per-trial monthly values of {@link #METRICS} from the truth. */
    static List<Actuals> histories() throws Exception {
        Scenario truth = TestScenarios.parse(scenario("250", "0.4", "0.25", "0.03"));
        double[][] values = new double[HISTORIES][];
        new Runner(2, 1000, Progress.NONE, UniformSource.PLAIN).capture(METRICS)
                .run(List.of(CompiledModel.of(truth)), HISTORIES, new BlockSink() {
                    @Override
                    public void accept(long first, int count, double[][] summaries) {
                    }

                    @Override
                    public void acceptMonthly(long first, int count, double[][] monthly) {
                        int w = METRICS.length * MONTHS;
                        for (int i = 0; i < count; i++) {
                            values[(int) first + i] = java.util.Arrays.copyOfRange(monthly[0], i * w, (i + 1) * w);
                        }
                    }
                });
        List<Actuals> out = new java.util.ArrayList<>();
        for (double[] v : values) {
            Map<String, double[]> cols = new LinkedHashMap<>();
            for (int j = 0; j < METRICS.length; j++) {
                cols.put(METRICS[j].key(), java.util.Arrays.copyOfRange(v, j * MONTHS, (j + 1) * MONTHS));
            }
            out.add(Simulated.actuals(cols, null, null));
        }
        return out;
    }

    @Test
    void eightyPercentIntervalsCoverAboutEightyPercentOnSimulatedHistories() throws Exception {
        Scenario wrong = TestScenarios.parse(scenario("400", "0.5", "0.1", "0.1"));
        Map<String, int[]> covered = new LinkedHashMap<>();
        int h = 0;
        for (Actuals a : histories()) {
            BacktestResult r = Backtest.run(wrong, a, new Backtest.Options(18, 6, false, 500, 500 + h++, 1, 1000));
            assertThat(r.inputs()).containsEntry("paid", "spend");
            for (BacktestResult.Cell c : r.origins().get(0).cells()) {
                int[] n = covered.computeIfAbsent(c.metric(), k -> new int[2]);
                boolean in = c.actual() >= c.quantiles()[1] && c.actual() <= c.quantiles()[5];   // [P10, P90]
                n[0] += in ? 1 : 0;
                n[1]++;
            }
        }
        assertThat(covered.keySet()).containsExactly("leads", "qualified", "wins", "closes", "churned",
                "active_customers", "mrr");
        for (Map.Entry<String, int[]> e : covered.entrySet()) {
            double share = (double) e.getValue()[0] / e.getValue()[1];
            assertThat(share).as("80%% interval coverage of %s over %d months", e.getKey(), e.getValue()[1])
                    .isBetween(0.75, e.getKey().equals("churned") ? 0.90 : 0.85);
        }
    }
}
