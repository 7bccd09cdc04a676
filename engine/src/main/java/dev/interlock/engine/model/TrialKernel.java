package dev.interlock.engine.model;

/**
 * One trial: one possible future, month by month, in MODEL.md's order of events — marketing → leads →
 * handoff → sales work and wins → onboarding → retention and expansion → finance → policy reviews.
 * Works only on the {@link TrialState} it is given; allocates nothing.
 *
 * <p>A trial is a pure function of (model, trial index, input uniforms): the uniforms set the
 * parameters (one per uncertain input, see {@link Inputs}); process noise comes from streams keyed by
 * (seed, trial, purpose, month), never from thread or call order.
 */
public final class TrialKernel {
    private final CompiledModel m;
    private final int h;

    TrialKernel(CompiledModel model) {
        this.m = model;
        this.h = model.horizon;
    }

    public CompiledModel model() {
        return m;
    }

    /**
     * Plain Monte Carlo: draws the trial's input uniforms from its own key into {@code scratch} (overwritten),
     * then runs it. A driver with uniforms of its own calls {@link #run(long, double[], TrialState)}.
     */
    public void runPlain(long trial, TrialState s, double[] scratch) {
        m.inputs.fillUniforms(m.seed, trial, scratch);
        run(trial, scratch, s);
    }

    /**
     * Runs trial {@code trial} with input uniforms {@code u} (length {@link Inputs#uncertainCount()})
     * handed in from outside: by plain sampling, or by a driver that fixes, stratifies or correlates them.
     */
    public void run(long trial, double[] u, TrialState s) {
        s.beginTrial(m.seed, trial);
        m.inputs.apply(u, s.param);
        m.marketing.start(s);
        m.funnel.start(s);
        m.sales.start(s);
        m.onboarding.start(s);
        m.retention.start(s);
        m.finance.start(s);
        for (int t = 0; t < h; t++) {
            m.marketing.step(s, t);
            m.funnel.step(s, t);
            m.sales.step(s, t);
            m.onboarding.step(s, t);
            m.retention.step(s, t);
            m.finance.step(s, t);
            m.policy.step(s, t);
        }
        summarise(s);
    }

    private double sum(double[] out, Metric metric, int from, int to) {
        double acc = 0;
        int base = metric.ordinal() * h;
        for (int t = from; t < to; t++) {
            acc += out[base + t];
        }
        return acc;
    }

    private double max(double[] out, Metric metric) {
        double best = 0;
        int base = metric.ordinal() * h;
        for (int t = 0; t < h; t++) {
            best = Math.max(best, out[base + t]);
        }
        return best;
    }

    private int countAbove(double[] out, Metric metric, double threshold) {
        int n = 0;
        int base = metric.ordinal() * h;
        for (int t = 0; t < h; t++) {
            if (out[base + t] > threshold) {
                n++;
            }
        }
        return n;
    }

    private void summarise(TrialState s) {
        double[] o = s.out;
        double[] r = s.summary;
        int last = h - 1;
        int first12 = Math.min(12, h);
        int last12 = Math.max(0, h - 12);
        r[Summary.CUMULATIVE_PROFIT.ordinal()] = s.cumulativeProfit;
        r[Summary.ENDING_ARR.ordinal()] = 12 * o[Metric.MRR.ordinal() * h + last];
        r[Summary.PEAK_BACKLOG.ordinal()] = max(o, Metric.BACKLOG);
        r[Summary.MONTHS_SHORT.ordinal()] = countAbove(o, Metric.ONBOARDING_GAP, 0);
        int over = countAbove(o, Metric.BACKLOG, m.backlogThreshold);
        r[Summary.MONTHS_BACKLOG_OVER.ordinal()] = over;
        r[Summary.BACKLOG_OVER_ANY.ordinal()] = over > 0 ? 1 : 0;
        r[Summary.MONTHS_SALES_SHORT.ordinal()] = countAbove(o, Metric.SALES_GAP, 0);
        r[Summary.PEAK_UNWORKED.ordinal()] = max(o, Metric.UNWORKED);
        double spend = sum(o, Metric.SPEND, 0, h);
        r[Summary.TOTAL_SPEND.ordinal()] = spend;
        r[Summary.TOTAL_LEADS.ordinal()] = sum(o, Metric.LEADS, 0, h);
        r[Summary.TOTAL_WINS.ordinal()] = sum(o, Metric.WINS, 0, h);
        double closes = sum(o, Metric.CLOSES, 0, h);
        r[Summary.TOTAL_CLOSES.ordinal()] = closes;
        r[Summary.TOTAL_GO_LIVES.ordinal()] = sum(o, Metric.GO_LIVES, 0, h);
        r[Summary.ENDING_CUSTOMERS.ordinal()] = o[Metric.ACTIVE_CUSTOMERS.ordinal() * h + last];
        double revenue = sum(o, Metric.REVENUE, 0, h);
        r[Summary.TOTAL_REVENUE.ordinal()] = revenue;
        r[Summary.REVENUE_FIRST_12M.ordinal()] = sum(o, Metric.REVENUE, 0, first12);
        r[Summary.REVENUE_LAST_12M.ordinal()] = sum(o, Metric.REVENUE, last12, h);
        r[Summary.PROFIT_FIRST_12M.ordinal()] = sum(o, Metric.PROFIT, 0, first12);
        r[Summary.PROFIT_LAST_12M.ordinal()] = sum(o, Metric.PROFIT, last12, h);
        r[Summary.REVENUE_GROWTH.ordinal()] = r[Summary.REVENUE_LAST_12M.ordinal()] - r[Summary.REVENUE_FIRST_12M.ordinal()];
        r[Summary.PROFIT_GROWTH.ordinal()] = r[Summary.PROFIT_LAST_12M.ordinal()] - r[Summary.PROFIT_FIRST_12M.ordinal()];
        r[Summary.TOTAL_COSTS.ordinal()] = sum(o, Metric.COSTS, 0, h);
        double churned = sum(o, Metric.CHURNED, 0, h);
        r[Summary.TOTAL_CHURNED.ordinal()] = churned;

        double repCost = 0;
        for (int t = 0; t < h; t++) {
            repCost += o[Metric.REPS.ordinal() * h + t];
        }
        repCost *= m.scenario.sales().costPerRepMonth();
        double cac = closes > 0 ? (spend + repCost) / closes : Double.NaN;
        double liveRevenue = sum(o, Metric.MRR, 0, h);
        double arpa = s.customerMonths > 0 ? liveRevenue / s.customerMonths : Double.NaN;
        double atRisk = s.customerMonths - sum(o, Metric.GO_LIVES, 0, h) + churned;
        double churnRate = atRisk > 0 ? churned / atRisk : 0;
        double lifetime = churnRate > 0 ? Math.min(120, 1 / churnRate) : 120;
        double ltv = Double.isNaN(arpa) ? Double.NaN : arpa * s.margin * lifetime;
        r[Summary.CAC.ordinal()] = cac;
        r[Summary.LTV.ordinal()] = ltv;
        r[Summary.LTV_TO_CAC.ordinal()] = cac > 0 && !Double.isNaN(ltv) ? ltv / cac : Double.NaN;
        double monthlyGross = Double.isNaN(arpa) ? Double.NaN : arpa * s.margin;
        r[Summary.PAYBACK_MONTHS.ordinal()] = monthlyGross > 0 && !Double.isNaN(cac) ? cac / monthlyGross
                : Double.NaN;
        double onboarded = sum(o, Metric.GO_LIVES, 0, h);
        r[Summary.MEAN_WAIT_MONTHS.ordinal()] = onboarded > 0 ? s.totalWaitMonths / onboarded : Double.NaN;
        for (int i = 0; i < r.length; i++) {
            if (Double.isInfinite(r[i])) {
                r[i] = Double.NaN;   // a ratio over a vanishing denominator: undefined, not infinite
            }
        }
    }
}
