package dev.interlock.engine.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.engine.run.BlockSink;
import dev.interlock.engine.run.Progress;
import dev.interlock.engine.run.RunResult;
import dev.interlock.engine.run.Runner;
import dev.interlock.engine.run.UniformSource;
import dev.interlock.engine.scenario.Scenario;
import dev.interlock.engine.stats.Stats;
import dev.interlock.engine.testing.TestScenarios;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Invariants of the model over randomly generated valid scenarios (jqwik; 250 scenarios per
 * property, shrunk to a minimal counterexample on failure). For every trial and month: counts are
 * whole, finite and never negative; customers are conserved; the onboarding and sales queues balance;
 * capacity is never exceeded; cumulative profit is the running sum of profit. Over trials: every mean
 * lies within [min, max].
 */
class InvariantPropertiesTest {

    @Provide
    Arbitrary<String> scenarios() {
        Arbitrary<String> spend = Arbitraries.oneOf(
                Arbitraries.doubles().between(0, 2e6).map(b -> String.format(Locale.ROOT, "{base: %.2f, growth: 0.01}", b)),
                Arbitraries.doubles().between(0, 5e5).list().ofSize(48)
                        .map(l -> "{plan: " + l.stream().map(x -> String.format(Locale.ROOT, "%.1f", x)).toList() + "}"));
        Arbitrary<String> response = Arbitraries.oneOf(
                Arbitraries.doubles().between(5, 2000).map(c -> String.format(Locale.ROOT,
                        "{type: linear, cost_per_lead: {dist: lognormal, median: %.3f, p90: %.3f}}", c, c * 1.4)),
                Arbitraries.doubles().between(10, 5000).map(m -> String.format(Locale.ROOT,
                        "{type: hill, max_leads: %.1f, half_saturation_spend: 50000, shape: 1.3}", m)));
        Arbitrary<String> rate = Arbitraries.doubles().between(0, 1).map(p -> String.format(Locale.ROOT, "%.4f", p));
        Arbitrary<String> lag = Arbitraries.integers().between(1, 6).flatMap(n -> Arbitraries.doubles()
                .between(0.01, 1).list().ofSize(n).map(w -> {
                    double sum = w.stream().mapToDouble(Double::doubleValue).sum();
                    StringBuilder b = new StringBuilder("[");
                    double acc = 0;
                    for (int i = 0; i < n; i++) {
                        double p = i == n - 1 ? 1 - acc : Math.floor(w.get(i) / sum * 1e6) / 1e6;
                        acc += p;
                        b.append(i > 0 ? ", " : "").append(String.format(Locale.ROOT, "%.6f", p));
                    }
                    return b.append("]").toString();
                }));
        Arbitrary<String> retention = Arbitraries.oneOf(
                rate.map(c -> "{model: constant, monthly_churn: " + c + ", expansion_rate: 0.01}"),
                Combinators.combine(Arbitraries.doubles().between(0.01, 50), Arbitraries.doubles().between(0.01, 50))
                        .as((a, b) -> String.format(Locale.ROOT, "{model: sbg, alpha: %.4f, beta: %.4f, expansion_rate: -0.02}", a, b)));
        Arbitrary<String> policy = Combinators.combine(rate, Arbitraries.integers().between(0, 6),
                Arbitraries.integers().between(1, 6), Arbitraries.of("false", "{unworked_threshold: 50, backlog_threshold: 10, hold_factor: 0.3}"))
                .as((h, v, c, p) -> String.format(Locale.ROOT, "{handoff_quality: %s, forecast_visibility_months: %d, "
                        + "review_cadence_months: %d, spend_pacing: %s, overhead_per_month: 1000}", h, v, c, p));
        Arbitrary<String> onboarding = Combinators.combine(Arbitraries.integers().between(0, 12),
                Arbitraries.doubles().between(0.5, 30), rate, Arbitraries.of("go_live", "close"),
                Arbitraries.of("true", "false"), Arbitraries.integers().between(0, 4))
                .as((staff, per, wait, starts, hiring, ramp) -> String.format(Locale.ROOT,
                        "{staff: %d, customers_per_staff_month: %.3f, churn_while_waiting: %s, revenue_starts: %s, "
                                + "ramp_months: %d, cost_per_staff_month: 8000, hires: [{month: 1, count: 1}], "
                                + "hiring: {enabled: %s, lead_time_months: 1, max_staff: 60}}",
                        staff, per, wait, starts, ramp, hiring));
        Arbitrary<String> sales = Combinators.combine(Arbitraries.integers().between(0, 30),
                Arbitraries.doubles().between(1, 200), Arbitraries.integers().between(0, 5))
                .as((reps, per, ramp) -> String.format(Locale.ROOT, "{reps: %d, leads_per_rep_month: %.2f, ramp_months: %d, "
                        + "cost_per_rep_month: 10000, hires: [{month: 1, count: 2}]}", reps, per, ramp));
        Arbitrary<String> funnel = Combinators.combine(rate, rate, rate, lag)
                .as((q, w, d, l) -> "{qualification_rate: " + q + ", win_rate: " + w + ", unworked_decay: " + d
                        + ", sales_cycle_months: " + l + "}");
        Arbitrary<Integer> horizon = Arbitraries.integers().between(1, 48);
        Arbitrary<String> head = Combinators.combine(horizon, spend, response, Arbitraries.doubles().between(0, 0.9),
                Arbitraries.doubles().between(0, 0.3))
                .as((h, sp, r, carry, disp) -> String.format(Locale.ROOT, """
                        name: generated
                        seed: 3
                        horizon_months: %d
                        marketing:
                          channels:
                            - {name: c, spend: %s, carryover: %.3f, response: %s, dispersion: %.3f}
                        """, h, sp, carry, r, disp));
        return Combinators.combine(head, funnel, sales, onboarding, retention, policy,
                Arbitraries.doubles().between(100, 1e6), Arbitraries.doubles().between(0, 1e5))
                .as((hd, f, s, o, re, p, acv, acvSd) -> hd
                        + "funnel: " + f + "\nsales: " + s + "\nonboarding: " + o + "\nretention: " + re
                        + String.format(Locale.ROOT, "\nrevenue: {acv: %.2f, acv_sd: %.2f}\n", acv, acvSd)
                        + "finance: {gross_margin: 0.7, fixed_costs_per_month: 5000}\nstructures:\n  s: " + p + "\n");
    }

    static final Metric[] COUNTS = java.util.Arrays.stream(Metric.values()).filter(Metric::integer)
            .filter(m -> m != Metric.SALES_GAP && m != Metric.ONBOARDING_GAP).toArray(Metric[]::new);

    @Property(tries = 250, seed = "20261123")
    void everyTrialConservesCustomersAndBalancesItsQueues(@ForAll("scenarios") String yaml) {
        Scenario sc = TestScenarios.parse(yaml);
        CompiledModel m = CompiledModel.of(sc);
        TrialKernel k = m.kernel();
        TrialState s = m.newState();
        double[] u = new double[m.inputs().uncertainCount()];
        int h = sc.horizonMonths();
        for (long trial = 0; trial < 12; trial++) {
            k.runPlain(trial, s, u);
            for (double x : s.out()) {
                assertThat(Double.isFinite(x)).as("finite output").isTrue();
            }
            double cum = 0;
            for (int t = 0; t < h; t++) {
                for (Metric c : COUNTS) {
                    double v = s.value(c, t);
                    assertThat(v).as("%s month %d", c.key(), t + 1).isGreaterThanOrEqualTo(0).isEqualTo(Math.rint(v));
                }
                double prevActive = t == 0 ? 0 : s.value(Metric.ACTIVE_CUSTOMERS, t - 1);
                assertThat(s.value(Metric.ACTIVE_CUSTOMERS, t) - prevActive).as("customers conserved, month %d", t + 1)
                        .isEqualTo(s.value(Metric.GO_LIVES, t) - s.value(Metric.CHURNED, t));
                double prevBacklog = t == 0 ? 0 : s.value(Metric.BACKLOG, t - 1);
                assertThat(s.value(Metric.ONBOARDING_DEMAND, t)).isEqualTo(prevBacklog + s.value(Metric.CLOSES, t));
                assertThat(s.value(Metric.BACKLOG, t)).as("backlog = demand − onboarded − lost while waiting")
                        .isEqualTo(s.value(Metric.ONBOARDING_DEMAND, t) - s.value(Metric.GO_LIVES, t)
                                - s.value(Metric.CHURNED_WAITING, t));
                assertThat(s.value(Metric.GO_LIVES, t)).isLessThanOrEqualTo(s.value(Metric.ONBOARDING_CAPACITY, t));
                assertThat(s.value(Metric.WORKED, t)).isLessThanOrEqualTo(s.value(Metric.SALES_CAPACITY, t));
                assertThat(s.value(Metric.WINS, t)).isLessThanOrEqualTo(s.value(Metric.WORKED, t));
                assertThat(s.value(Metric.QUALIFIED, t)).isLessThanOrEqualTo(s.value(Metric.LEADS, t));
                assertThat(s.value(Metric.ONBOARDING_GAP, t)).isEqualTo(
                        s.value(Metric.ONBOARDING_DEMAND, t) - s.value(Metric.ONBOARDING_CAPACITY, t));
                double profit = s.value(Metric.PROFIT, t);
                assertThat(profit).isCloseTo(s.value(Metric.GROSS_PROFIT, t) - s.value(Metric.COSTS, t),
                        org.assertj.core.data.Offset.offset(1e-6 * (1 + Math.abs(profit))));
                cum += profit;
                assertThat(s.value(Metric.CUMULATIVE_PROFIT, t)).isCloseTo(cum,
                        org.assertj.core.data.Offset.offset(1e-6 * (1 + Math.abs(cum))));
            }
            double wins = 0;
            double closes = 0;
            for (int t = 0; t < h; t++) {
                wins += s.value(Metric.WINS, t);
                closes += s.value(Metric.CLOSES, t);
            }
            assertThat(closes).isLessThanOrEqualTo(wins);

            // the FIFO queue behind the backlog: what is left in it, by close month, is the backlog
            long queued = 0;
            for (int j = s.waitingHead; j < h; j++) {
                queued += s.waiting[j];
            }
            assertThat((double) queued).as("Σ waiting by close month = backlog").isEqualTo(s.value(Metric.BACKLOG, h - 1));
            // with nobody lost while waiting, the waits follow from closes and go-lives alone, oldest first:
            // replay that queue independently and compare the customer-months waited
            double lost = 0;
            for (int t = 0; t < h; t++) {
                lost += s.value(Metric.CHURNED_WAITING, t);
            }
            if (lost == 0) {
                long[] queue = new long[h];
                int head = 0;
                double waited = 0;
                for (int t = 0; t < h; t++) {
                    queue[t] = (long) s.value(Metric.CLOSES, t);
                    long toGo = (long) s.value(Metric.GO_LIVES, t);
                    while (toGo > 0) {
                        long take = Math.min(toGo, queue[head]);
                        if (take == 0 && head == t) {
                            throw new AssertionError("month " + (t + 1) + ": more go-lives than customers waiting");
                        }
                        queue[head] -= take;
                        toGo -= take;
                        waited += (double) take * (t - head);
                        if (queue[head] == 0 && head < t) {
                            head++;
                        }
                    }
                }
                fifoReplays++;
                assertThat(s.totalWaitMonths).as("customer-months waited, FIFO").isEqualTo(waited);
            }
        }
    }

    /** How many trials the FIFO replay checked (the generated scenarios must include some without waiting churn). */
    private static int fifoReplays;

    @net.jqwik.api.lifecycle.AfterContainer
    static void theFifoReplayRan() {
        assertThat(fifoReplays).as("trials whose waits were replayed").isGreaterThan(100);
    }

    @Property(tries = 200, seed = "20261124")
    void everyMeanLiesBetweenTheMinimumAndMaximumAndPercentilesAreOrdered(@ForAll("scenarios") String yaml) throws Exception {
        Scenario sc = TestScenarios.parse(yaml);
        RunResult r = new Runner(1, 1000, Progress.NONE, UniformSource.PLAIN)
                .run(List.of(CompiledModel.of(sc)), 60, BlockSink.NONE);
        Stats st = r.first();
        for (Metric m : Metric.values()) {
            for (int t = 0; t < sc.horizonMonths(); t++) {
                double mean = st.mean(m, t);
                assertThat(mean).isBetween(st.min(m, t) - 1e-9 * Math.abs(st.min(m, t)) - 1e-9,
                        st.max(m, t) + 1e-9 * Math.abs(st.max(m, t)) + 1e-9);
                // percentiles never decrease with the level (the [min, max] clamp alone would not ensure it)
                double previous = Double.NEGATIVE_INFINITY;
                for (double q : Stats.LEVELS) {
                    double x = st.quantile(m, t, q);
                    assertThat(x).as("%s month %d P%s", m.key(), t + 1, q * 100).isGreaterThanOrEqualTo(previous);
                    previous = x;
                }
            }
        }
    }
}
