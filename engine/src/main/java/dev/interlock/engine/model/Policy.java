package dev.interlock.engine.model;

/**
 * MODEL.md section 6, the reviews that a reporting structure runs at the end of every
 * {@code review_cadence_months}-th month; their decisions change next month's spend and hiring.
 *
 * <p><b>Operations' hiring</b> (when {@code onboarding.hiring.enabled}). Operations sizes staff to the
 * demand it can see:
 * <pre>
 *   visible closes = mean realised closes over the last review period        if visibility v = 0
 *                  = expected closes in month t+v                            if v &gt; 0, where
 *     expected closes(t+v) = already-won deals due to close then (the live pipeline)
 *                          + Σ_{s=t+1..t+v} expected wins(s) × pmf(t+v−s)
 *     expected wins(s)     = min(plan qualified(s) × lead yield + unworked now (s = t+1 only),
 *                                plan capacity(s) × capacity ratio) × win rate seen
 *     lead yield           = Σ qualified ÷ Σ plan qualified, months 1 … t    (1 before any plan), where
 *                            plan qualified = the plan's marketing model (central values, carry-over, saturation)
 *                            run on the spend actually made (planned × the pace then in force), and ahead
 *                            on planned spend × the pace now in force
 *     capacity ratio       = Σ sales capacity ÷ Σ plan capacity, months 1 … t
 *     win rate seen        = (Σ wins + n₀ · plan win) ÷ (Σ worked + n₀), months 1 … t, n₀ the plan's weight:
 *                            p(1 − p)/σ² − 1 for the spread σ of p_win × a (∞ when fixed: the plan's rate)
 *   need   = visible closes + backlog / backlog_clear_months                 customers per month
 *   target = ⌈ need / (customers per staff-month × target_utilization) ⌉
 *   hires  = min(max_hires_per_review, target − (headcount + hires already coming)), ≥ 0, within max_staff
 * </pre>
 * "Plan" values use the scenario's central values (each distribution's mean) and planned spend: operations
 * knows marketing's plan, not the trial's true rates, and converts the plan at the rates it has seen so far in
 * this future (its running record, {@link #observe}). Hires decided at the end of month t arrive in month
 * t + 1 + lead time and then ramp.
 *
 * <p><b>Spend pacing</b> (when the structure enables it): if, at a review, sales' unworked queue is
 * over its threshold or the onboarding backlog is over its threshold, marketing spends
 * {@code hold_factor} × plan until the next review; otherwise the plan.
 */
final class Policy {
    private final int cadence;
    private final int visibility;
    private final boolean hiringEnabled;
    private final int leadTime;
    private final double clearMonths;
    private final double utilization;
    private final int maxHires;
    private final int maxStaff;
    private final boolean pacing;
    private final double unworkedThreshold;
    private final double backlogThreshold;
    private final double holdFactor;
    private final Marketing marketing;       // the plan's marketing model, run with central values
    private final double[] central;          // central value of every parameter slot
    private final double planQualifiedShare; // central handoff × qualification rate (at most 1)
    private final double[] planCapacity;     // expected sales capacity per month, central values
    private final double planWin;            // central win rate × multiplier
    private final double winPrior;           // the plan's win rate, in worked leads (∞: the rate is fixed)
    private final double[] lagPmf;

    Policy(int cadence, int visibility, boolean hiringEnabled, int leadTime, double clearMonths, double utilization,
           int maxHires, int maxStaff, boolean pacing, double unworkedThreshold, double backlogThreshold,
           double holdFactor, Marketing marketing, double[] central, double planQualifiedShare,
           double[] planCapacity, double planWin, double winPrior, double[] lagPmf) {
        this.cadence = cadence;
        this.visibility = visibility;
        this.hiringEnabled = hiringEnabled;
        this.leadTime = leadTime;
        this.clearMonths = clearMonths;
        this.utilization = utilization;
        this.maxHires = maxHires;
        this.maxStaff = maxStaff;
        this.pacing = pacing;
        this.unworkedThreshold = unworkedThreshold;
        this.backlogThreshold = backlogThreshold;
        this.holdFactor = holdFactor;
        this.marketing = marketing;
        this.central = central;
        this.planQualifiedShare = planQualifiedShare;
        this.planCapacity = planCapacity;
        this.planWin = planWin;
        this.winPrior = winPrior;
        this.lagPmf = lagPmf;
    }

    void step(TrialState s, int t) {
        if (hiringEnabled && visibility > 0) {
            observe(s, t);
        }
        if ((t + 1) % cadence != 0) {
            return;
        }
        if (pacing) {
            boolean over = s.unworked > unworkedThreshold || s.backlog > backlogThreshold;
            s.paceFactor = over ? holdFactor : 1;
        }
        if (hiringEnabled) {
            hire(s, t);
        }
    }

    /** Adds month t to what operations has seen of the funnel: realised counts beside what the plan expected. */
    private void observe(TrialState s, int t) {
        if (t == 0) {
            s.seenQualified = 0;
            s.seenPlanQualified = 0;
            s.seenWins = 0;
            s.seenWorked = 0;
            s.seenCapacity = 0;
            s.seenPlanCapacity = 0;
            marketing.startEffective(s.seenEffective);
        }
        int h = s.horizon;
        s.seenQualified += s.out[Metric.QUALIFIED.ordinal() * h + t];
        // what the plan's model expects of the spend actually made (the pace in force this month), carry-over
        // and saturation included: a held-back month does not cut leads in proportion
        s.seenPlanQualified += marketing.expectedMonth(s.seenEffective, t, s.paceFactor, central) * planQualifiedShare;
        s.seenWins += s.out[Metric.WINS.ordinal() * h + t];
        s.seenWorked += s.out[Metric.WORKED.ordinal() * h + t];
        s.seenCapacity += s.out[Metric.SALES_CAPACITY.ordinal() * h + t];
        s.seenPlanCapacity += planCapacity[t];
    }

    private void hire(TrialState s, int t) {
        int h = s.horizon;
        double visible;
        if (visibility == 0) {
            double sum = 0;
            int n = 0;
            for (int k = 0; k < cadence && t - k >= 0; k++) {
                sum += s.out[Metric.CLOSES.ordinal() * h + t - k];
                n++;
            }
            visible = sum / n;
        } else {
            int target = t + visibility;
            visible = s.pending[Math.min(target, s.pending.length - 1)];
            // the plan, converted at the rates seen so far in this future
            double leadYield = s.seenPlanQualified > 0 ? s.seenQualified / s.seenPlanQualified : 1;
            double capacityRatio = s.seenPlanCapacity > 0 ? s.seenCapacity / s.seenPlanCapacity : 1;
            // the plan's rate as a prior worth winPrior worked leads: the first reviews see few, and a fixed rate
            // (no spread) is known exactly
            double winRate = Double.isInfinite(winPrior) || s.seenWorked + winPrior <= 0 ? planWin
                    : (s.seenWins + winPrior * planWin) / (s.seenWorked + winPrior);
            System.arraycopy(s.seenEffective, 0, s.aheadEffective, 0, s.aheadEffective.length);
            for (int m = t + 1; m <= target; m++) {
                int pm = Math.min(m, h - 1);
                // the plan's model run on from the spend made so far, at the pace now in force (every month, so
                // that the carry-over reaches the months whose wins can close in month t + v)
                double planned = marketing.expectedMonth(s.aheadEffective, pm, s.paceFactor, central)
                        * planQualifiedShare;
                int lag = target - m;
                if (lag >= lagPmf.length) {
                    continue;
                }
                double queue = planned * leadYield + (m == t + 1 ? s.unworked : 0);
                double wins = Math.min(queue, planCapacity[pm] * capacityRatio) * winRate;
                visible += wins * lagPmf[lag];
            }
        }
        double need = visible + s.backlog / clearMonths;
        long target = (long) Math.ceil(need / (s.perStaffCapacity * utilization) - 1e-9);
        long committed = s.staffHeadcount;
        for (int m = t + 1; m < h; m++) {
            committed += s.staffArrivals[m];
        }
        long hires = Math.min(maxHires, Math.max(0, target - committed));
        hires = Math.min(hires, Math.max(0, maxStaff - committed));
        int arrival = t + 1 + leadTime;
        if (hires > 0 && arrival < h) {
            s.staffArrivals[arrival] += (int) hires;
        }
    }
}
