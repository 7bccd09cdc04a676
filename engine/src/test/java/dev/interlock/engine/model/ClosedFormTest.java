package dev.interlock.engine.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.engine.analyses.Simulation;
import dev.interlock.engine.run.BlockSink;
import dev.interlock.engine.run.Progress;
import dev.interlock.engine.run.RunResult;
import dev.interlock.engine.run.Runner;
import dev.interlock.engine.run.UniformSource;
import dev.interlock.engine.scenario.Scenario;
import dev.interlock.engine.stats.Stats;
import dev.interlock.engine.testing.TestScenarios;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The model against hand computation: each monthly mean must lie within 4 standard errors of its
 * closed-form expectation. With fixed seeds the tests are deterministic; for a correct model a single
 * comparison falls outside 4 SE with probability 6e-5, so over the ~400 comparisons here a false alarm
 * has probability about 2.5 % — should one ever appear, the seed is the first suspect, not the model.
 */
class ClosedFormTest {
    static final double K = 4;

    static RunResult run(Scenario s) throws Exception {
        return Simulation.run(s, new Simulation.Options(2, Runner.BLOCK, Progress.NONE));
    }

    static void assertMean(Stats s, Metric m, int t, double expected) {
        double se = s.sd(m, t) / Math.sqrt(s.trials());
        double tol = K * se + 1e-9 * Math.max(1, Math.abs(expected));
        assertThat(s.mean(m, t)).as("%s month %d (se %.4g)", m.key(), t + 1, se).isCloseTo(expected,
                org.assertj.core.data.Offset.offset(tol));
    }

    @Test
    void leadsWinsClosesAndCustomersMatchClosedFormWithoutCapacityLimits() throws Exception {
        int h = 18;
        double base = 50_000;
        double growth = 0.03;
        double lambda = 0.4;
        double cpl = 250;
        double qual = 0.9 * 0.4;
        double win = 0.25;
        double[] pmf = {0.5, 0.3, 0.2};
        double churn = 0.03;
        Scenario s = TestScenarios.parse(TestScenarios.unlimited(h, "{base: 50000, growth: 0.03}", "[0.5, 0.3, 0.2]",
                "{model: constant, monthly_churn: 0.03}", ""));
        Stats st = run(s).first();

        double e = base;
        double[] wins = new double[h];
        double active = 0;
        for (int t = 0; t < h; t++) {
            double spend = base * Math.pow(1 + growth, t);
            e = (1 - lambda) * spend + lambda * e;
            double leads = e / cpl;
            assertMean(st, Metric.LEADS, t, leads);
            assertMean(st, Metric.QUALIFIED, t, leads * qual);
            assertMean(st, Metric.WORKED, t, leads * qual);
            assertThat(st.max(Metric.UNWORKED, t)).isZero();
            wins[t] = leads * qual * win;
            assertMean(st, Metric.WINS, t, wins[t]);
            double closes = 0;
            for (int j = 0; j < pmf.length && j <= t; j++) {
                closes += wins[t - j] * pmf[j];
            }
            assertMean(st, Metric.CLOSES, t, closes);
            assertMean(st, Metric.GO_LIVES, t, closes);
            assertThat(st.max(Metric.BACKLOG, t)).isZero();
            active = active * (1 - churn) + closes;
            assertMean(st, Metric.ACTIVE_CUSTOMERS, t, active);
            assertMean(st, Metric.MRR, t, active * 1000);
        }
    }

    /** One cohort: all spend in month 1, no carry-over, every deal closes at once. */
    static String singleCohort(String retention) {
        StringBuilder plan = new StringBuilder("{plan: [2500000");
        for (int t = 1; t < 24; t++) {
            plan.append(", 0");
        }
        plan.append("]}");
        return TestScenarios.unlimited(24, plan.toString(), "[1]", retention, "")
                .replace("carryover: 0.4", "carryover: 0");
    }

    @Test
    void constantChurnSurvivorsFollowGeometricDecay() throws Exception {
        double c = 0.07;
        Stats st = run(TestScenarios.parse(singleCohort("{model: constant, monthly_churn: 0.07}"))).first();
        double cohort = st.mean(Metric.GO_LIVES, 0);
        assertThat(cohort).isGreaterThan(800);
        for (int t = 1; t < 24; t++) {
            assertThat(st.max(Metric.GO_LIVES, t)).isZero();
            assertMean(st, Metric.ACTIVE_CUSTOMERS, t, cohort * Math.pow(1 - c, t));
        }
    }

    @Test
    void shiftedBetaGeometricMeanSurvivalEqualsClosedForm() throws Exception {
        double a = 0.9;
        double b = 4;
        Stats st = run(TestScenarios.parse(singleCohort("{model: sbg, alpha: 0.9, beta: 4}"))).first();
        double cohort = st.mean(Metric.GO_LIVES, 0);
        for (int tau = 1; tau < 24; tau++) {
            // closed form S(τ) = B(α, β+τ) / B(α, β), computed with log-gamma, independently of the engine's
            // month-by-month product of (β+τ−1)/(α+β+τ−1)
            double closed = Math.exp(org.apache.commons.math3.special.Beta.logBeta(a, b + tau)
                    - org.apache.commons.math3.special.Beta.logBeta(a, b));
            assertMean(st, Metric.ACTIVE_CUSTOMERS, tau, cohort * closed);
        }
    }

    /**
     * A cohort of about 36 customers: small enough (at most 2 per month left) that retention draws each
     * customer's lifetime instead of thinning the cohort month by month; the other sBG test covers the latter.
     */
    @Test
    void shiftedBetaGeometricSurvivalOfSmallCohortDrawnPerCustomerEqualsClosedForm() throws Exception {
        double a = 0.9;
        double b = 4;
        Stats st = run(TestScenarios.parse(singleCohort("{model: sbg, alpha: 0.9, beta: 4}")
                .replace("plan: [2500000", "plan: [100000")).with(7, 20000, "s")).first();
        double cohort = st.mean(Metric.GO_LIVES, 0);
        assertThat(cohort).isBetween(20.0, 46.0);
        for (int tau = 1; tau < 24; tau++) {
            double closed = Math.exp(org.apache.commons.math3.special.Beta.logBeta(a, b + tau)
                    - org.apache.commons.math3.special.Beta.logBeta(a, b));
            assertMean(st, Metric.ACTIVE_CUSTOMERS, tau, cohort * closed);
        }
    }

    @Test
    void onboardingQueueObeysLittlesLaw() throws Exception {
        // Capacity 40/month against ~38 closes/month on average: a queue that forms and clears.
        String yaml = TestScenarios.unlimited(120, "{base: 105500}", "[0.5, 0.5]",
                "{model: constant, monthly_churn: 0.02}", "")
                .replace("staff: 1000", "staff: 10").replace("customers_per_staff_month: 1000",
                        "customers_per_staff_month: 4");
        Scenario s = TestScenarios.parse(yaml).with(5, 2000, "s");
        CompiledModel m = CompiledModel.of(s);
        double[] waitTimesGoLives = new double[1];
        RunResult r = new Runner(2, Runner.BLOCK, Progress.NONE, UniformSource.PLAIN).run(List.of(m), s.trials(),
                (first, count, sums) -> {
                    for (int i = 0; i < count; i++) {
                        double wait = sums[0][i * Summary.COUNT + Summary.MEAN_WAIT_MONTHS.ordinal()];
                        double lives = sums[0][i * Summary.COUNT + Summary.TOTAL_GO_LIVES.ordinal()];
                        waitTimesGoLives[0] += wait * lives;
                    }
                });
        Stats st = r.first();
        double backlogMonths = 0;
        double goLives = 0;
        double endBacklog = st.mean(Metric.BACKLOG, 119);
        for (int t = 0; t < 120; t++) {
            backlogMonths += st.mean(Metric.BACKLOG, t);
            goLives += st.mean(Metric.GO_LIVES, t);
        }
        double meanBacklog = backlogMonths / 120;                 // L
        double throughput = goLives / 120;                        // λ
        double meanWait = waitTimesGoLives[0] / s.trials() / goLives;   // W, months
        assertThat(meanBacklog).as("a queue must actually form").isGreaterThan(2);
        // L = λ W, up to the customers still waiting at the horizon (at most end backlog × their waits)
        assertThat(meanBacklog).isCloseTo(throughput * meanWait,
                org.assertj.core.data.Offset.offset(0.02 * meanBacklog + endBacklog * 3 / 120));
    }

    @Test
    void salesCapacityCapsWorkedLeadsAndUnworkedDecay() throws Exception {
        // 10 reps × 20 = 200 worked a month; qualified ≈ 0.36 × 2000 = 720: the rest queues and decays.
        String yaml = TestScenarios.unlimited(6, "{base: 500000}", "[1]", "{model: constant, monthly_churn: 0}", "")
                .replace("reps: 1000", "reps: 10").replace("leads_per_rep_month: 1000", "leads_per_rep_month: 20")
                .replace("carryover: 0.4", "carryover: 0");
        Stats st = run(TestScenarios.parse(yaml)).first();
        double q = 500_000 / 250.0 * 0.36;
        double u = 0;
        for (int t = 0; t < 6; t++) {
            assertThat(st.min(Metric.WORKED, t)).isEqualTo(200);
            assertThat(st.max(Metric.WORKED, t)).isEqualTo(200);
            assertMean(st, Metric.SALES_GAP, t, q + u - 200);
            u = (q + u - 200) * 0.7;
            assertMean(st, Metric.UNWORKED, t, u);
            assertThat(st.exceedProbability(Metric.SALES_GAP, t)).isEqualTo(1.0);
        }
    }
}
