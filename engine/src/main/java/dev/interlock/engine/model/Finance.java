package dev.interlock.engine.model;

/**
 * MODEL.md section 5, month t:
 * <pre>
 *   revenue      = MRR of live customers (+ MRR of waiting customers with revenue_starts: close)
 *   gross profit = revenue × gross margin
 *   costs        = marketing spend + reps × cost per rep + onboarding staff × cost per head
 *                  + the structure's overhead + fixed costs
 *   profit       = gross profit − costs;   cumulative profit = running sum
 * </pre>
 * All in currency per month. CAC, LTV and payback are per-trial summaries computed by the kernel.
 */
final class Finance {
    private final int marginSlot;
    private final int overheadSlot;
    private final double fixedCosts;
    private final double costPerStaff;
    private final boolean revenueAtClose;

    Finance(int marginSlot, int overheadSlot, double fixedCosts, double costPerStaff, boolean revenueAtClose) {
        this.marginSlot = marginSlot;
        this.overheadSlot = overheadSlot;
        this.fixedCosts = fixedCosts;
        this.costPerStaff = costPerStaff;
        this.revenueAtClose = revenueAtClose;
    }

    void start(TrialState s) {
        s.margin = s.param[marginSlot];
        s.overhead = s.param[overheadSlot];
        s.cumulativeProfit = 0;
    }

    void step(TrialState s, int t) {
        double revenue = s.mrr + (revenueAtClose ? s.backlogMrr : 0);
        double gross = revenue * s.margin;
        double costs = s.spend + s.salesCost + s.staffHeadcount * costPerStaff + s.overhead + fixedCosts;
        double profit = gross - costs;
        s.cumulativeProfit += profit;
        s.set(Metric.REVENUE, t, revenue);
        s.set(Metric.GROSS_PROFIT, t, gross);
        s.set(Metric.COSTS, t, costs);
        s.set(Metric.PROFIT, t, profit);
        s.set(Metric.CUMULATIVE_PROFIT, t, s.cumulativeProfit);
    }
}
