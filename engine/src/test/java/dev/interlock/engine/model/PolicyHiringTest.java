package dev.interlock.engine.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.engine.testing.TestScenarios;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Operations' hiring rule (docs/model.md section 6) computed by hand on a review whose inputs are set directly:
 * with visibility v &gt; 0 operations converts marketing's plan at the rates it has seen so far in this future.
 */
class PolicyHiringTest {

    /**
     * Plan: spend 1000 a month at a cost per lead of 250, no carry-over effect at a constant spend, handoff 0.9 ×
     * qualification 0.4 → 1.44 qualified a month; win rate {@code win} (0.25 on average); sales capacity
     * 1000 × 1000; sales cycle lags 0 and 1 with 0.5 each. Operations: visibility 2, monthly reviews, lead time 1,
     * backlog cleared in 2 months, utilization 1.
     */
    static CompiledModel model(int visibility, String win) {
        String yaml = TestScenarios.unlimited(12, "{base: 1000}", "[0.5, 0.5]", "{model: constant, monthly_churn: 0.02}",
                        "hiring: {lead_time_months: 1, backlog_clear_months: 2, target_utilization: 1, "
                                + "max_hires_per_review: 10}")
                .replace("win_rate: 0.25", "win_rate: " + win)
                .replace("staff: 1000", "staff: 2")
                .replace("s: {handoff_quality: 0.9}", "s: {handoff_quality: 0.9, forecast_visibility_months: "
                        + visibility + ", review_cadence_months: 1}");
        return CompiledModel.of(TestScenarios.parse(yaml));
    }

    static CompiledModel model(int visibility) {
        return model(visibility, "0.25");
    }

    private static void month(TrialState s, int t, double qualified, double wins, double worked, double capacity) {
        s.set(Metric.QUALIFIED, t, qualified);
        s.set(Metric.WINS, t, wins);
        s.set(Metric.WORKED, t, worked);
        s.set(Metric.SALES_CAPACITY, t, capacity);
    }

    /**
     * Hires decided at the second review (end of month 2), after two months in which 6 leads qualified (the plan
     * expected 2 × 1.44 = 2.88: lead yield 2.0833), 2 of 6 worked leads were won, capacity was as planned; 5 won
     * deals are due in month 3 (t + v), 3 leads wait unworked, 4 customers wait for onboarding, nobody is on staff.
     */
    private static long hiresAtSecondReview(CompiledModel m, double perStaffCapacity) {
        return hiresAtSecondReview(m, perStaffCapacity, 1e6, 1);
    }

    /** As above, with sales capacity {@code capacity} in both months and spend paced to {@code pace} in the first. */
    private static long hiresAtSecondReview(CompiledModel m, double perStaffCapacity, double capacity, double pace) {
        TrialState s = m.newState();
        s.paceFactor = pace;
        s.perStaffCapacity = perStaffCapacity;
        s.staffHeadcount = 0;
        month(s, 0, 2, 1, Math.min(2, capacity), capacity);
        m.policy.step(s, 0);
        Arrays.fill(s.staffArrivals, 0);       // judge the second review alone
        s.paceFactor = 1;
        month(s, 1, 4, 1, Math.min(4, capacity), capacity);
        s.pending[3] = 5;
        s.unworked = 3;
        s.backlog = 4;
        m.policy.step(s, 1);
        assertThat(Arrays.stream(s.staffArrivals).sum()).isEqualTo(s.staffArrivals[1 + 1 + 1]);
        return s.staffArrivals[3];
    }

    @Test
    void visibleClosesConvertThePlanAtTheRatesSeenSoFar() {
        // A fixed win rate is known: w = 0.25. Month 2 (lag 1, pmf 0.5): queue 1.44 × 2.0833 + 3 unworked = 6 →
        // 1.5 wins → 0.75 due in month 3; month 3 (lag 0, pmf 0.5): queue 3 → 0.75 wins → 0.375 due.
        // visible = 5 + 0.75 + 0.375 = 6.125; need = 6.125 + 4 / 2 = 8.125 customers a month.
        // (With the plan's own lead rate, 1.44 qualified a month: visible 5.735, need 7.735.)
        CompiledModel fixed = model(2);
        assertThat(hiresAtSecondReview(fixed, 4)).isEqualTo(3);          // ⌈8.125 / 4⌉
        assertThat(hiresAtSecondReview(fixed, 8.13)).isEqualTo(1);       // ⌈0.9994⌉
        assertThat(hiresAtSecondReview(fixed, 8.12)).isEqualTo(2);       // ⌈1.0006⌉
        // An uncertain win rate, beta with mean 0.25 and sd 0.05, is worth n₀ = 0.25 × 0.75 / 0.05² − 1 = 74 worked
        // leads: w = (2 + 74 × 0.25) / (6 + 74) = 0.25625 → 1.5375 and 0.76875 wins → visible 6.153125, need
        // 8.153125 (the seen rate alone, 2/6, would need 8.5; the plan's alone 8.125)
        CompiledModel uncertain = model(2, "{dist: beta, mean: 0.25, sd: 0.05}");
        assertThat(hiresAtSecondReview(uncertain, 8.16)).isEqualTo(1);   // ⌈0.9991⌉
        assertThat(hiresAtSecondReview(uncertain, 8.15)).isEqualTo(2);   // ⌈1.0004⌉
    }

    @Test
    void salesCapacityBelowPlanCapsTheForecastWins() {
        // capacity was 2 a month against the plan's 10^6: r = 2 × 10⁻⁶, so each forecast month works 2 leads.
        // Fixed win rate 0.25: month 2: min(6, 2) × 0.25 = 0.5 → 0.25 due; month 3: min(3, 2) × 0.25 → 0.25 due;
        // visible = 5.5, need = 7.5 (with capacity as planned it would be 8.125)
        CompiledModel fixed = model(2);
        assertThat(hiresAtSecondReview(fixed, 7.51, 2, 1)).isEqualTo(1);   // ⌈0.9987⌉
        assertThat(hiresAtSecondReview(fixed, 7.49, 2, 1)).isEqualTo(2);   // ⌈1.0013⌉
    }

    @Test
    void theLeadYieldRunsThePlansMarketingModelOnTheSpendActuallyMade() {
        // Spend held to half (500) in month 1, then 1000; carry-over 0.4 from an effective spend of 1000:
        // month 1: E = 0.6 × 500 + 0.4 × 1000 = 700 → 2.8 leads → 1.008 qualified (not 1.44 × 0.5 = 0.72);
        // month 2: E = 0.6 × 1000 + 0.4 × 700 = 880 → 1.2672 qualified; 6 came of 2.2752: y = 2.63713.
        // Ahead at pace 1: month 2 (calendar 3): E = 952 → 1.37088 × y + 3 unworked = 6.6152 → × 0.25 × 0.5 =
        // 0.82689 due; month 3: E = 980.8 → 1.41235 × y = 3.72451 → 0.46556 due.
        // visible = 6.29247, need = 8.29247 (taking leads as plan × pace, y = 2.7778 and need 8.375)
        CompiledModel fixed = model(2);
        assertThat(hiresAtSecondReview(fixed, 8.29, 1e6, 0.5)).isEqualTo(2);   // ⌈1.0003⌉
        assertThat(hiresAtSecondReview(fixed, 8.30, 1e6, 0.5)).isEqualTo(1);   // ⌈0.9991⌉
    }

    @Test
    void withoutVisibilityOperationsSizesToTheClosesThatLanded() {
        CompiledModel m = model(0);
        TrialState s = m.newState();
        s.paceFactor = 1;
        s.perStaffCapacity = 4;
        s.staffHeadcount = 1;
        s.set(Metric.CLOSES, 0, 9);
        s.backlog = 6;
        s.pending[2] = 100;                    // unseen with v = 0
        m.policy.step(s, 0);
        // need = 9 + 6 / 2 = 12; target = ⌈12 / 4⌉ = 3; one on the books → 2 hires, arriving in month 0 + 1 + 1
        assertThat(s.staffArrivals[2]).isEqualTo(2);
        assertThat(Arrays.stream(s.staffArrivals).sum()).isEqualTo(2);
    }
}
