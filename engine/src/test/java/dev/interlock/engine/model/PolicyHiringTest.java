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
     * qualification 0.4 → 1.44 qualified a month; win rate 0.25; sales capacity 1000 × 1000; sales cycle lags 0
     * and 1 with 0.5 each. Operations: visibility 2, monthly reviews, lead time 1, backlog cleared in 2 months,
     * utilization 1.
     */
    static CompiledModel model(int visibility) {
        String yaml = TestScenarios.unlimited(12, "{base: 1000}", "[0.5, 0.5]", "{model: constant, monthly_churn: 0.02}",
                        "hiring: {lead_time_months: 1, backlog_clear_months: 2, target_utilization: 1, "
                                + "max_hires_per_review: 10}")
                .replace("staff: 1000", "staff: 2")
                .replace("s: {handoff_quality: 0.9}", "s: {handoff_quality: 0.9, forecast_visibility_months: "
                        + visibility + ", review_cadence_months: 1}");
        return CompiledModel.of(TestScenarios.parse(yaml));
    }

    private static void month(TrialState s, int t, double qualified, double wins, double worked, double capacity) {
        s.set(Metric.QUALIFIED, t, qualified);
        s.set(Metric.WINS, t, wins);
        s.set(Metric.WORKED, t, worked);
        s.set(Metric.SALES_CAPACITY, t, capacity);
    }

    @Test
    void visibleClosesConvertThePlanAtTheRatesSeenSoFar() {
        CompiledModel m = model(2);
        TrialState s = m.newState();
        s.paceFactor = 1;
        s.perStaffCapacity = 4;
        s.staffHeadcount = 0;
        month(s, 0, 2, 1, 2, 1e6);
        m.policy.step(s, 0);
        Arrays.fill(s.staffArrivals, 0);       // judge the second review alone
        month(s, 1, 4, 1, 4, 1e6);
        s.pending[3] = 5;                      // deals already won, due to close in month 3 (t + v)
        s.unworked = 3;
        s.backlog = 4;
        m.policy.step(s, 1);
        // seen: 6 qualified against the plan's 2 × 1.44 = 2.88 → lead yield 2.0833; 2 wins of 6 worked → 1/3;
        // capacity as planned → 1.
        // month 2 (lag 1, pmf 0.5): queue 1.44 × 2.0833 + 3 unworked = 6 → 6 × 1/3 = 2 wins → 1 due in month 3
        // month 3 (lag 0, pmf 0.5): queue 3 → 1 win → 0.5 due in month 3
        // visible = 5 + 1 + 0.5 = 6.5; need = 6.5 + 4 / 2 = 8.5; target = ⌈8.5 / 4⌉ = 3, none on the books or coming
        // (with the plan's own rates, 1.44 qualified and 0.25: visible 5.735, need 7.735, target 2)
        assertThat(s.staffArrivals[1 + 1 + 1]).isEqualTo(3);
        assertThat(Arrays.stream(s.staffArrivals).sum()).isEqualTo(3);
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
