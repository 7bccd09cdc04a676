package dev.interlock.engine.model;

import dev.interlock.engine.scenario.Range;
import dev.interlock.engine.scenario.Scenario;
import dev.interlock.engine.scenario.Scenario.Channel;
import dev.interlock.engine.scenario.Scenario.Hire;
import java.util.List;

/**
 * Validated records → {@link CompiledModel}. Registers every numeric-or-distribution input with
 * {@link Inputs} under a stable key path, and precomputes everything that does not depend on a
 * trial's draws: planned spend per month, reps' ramp, the lag table, the plan forecast operations sees.
 *
 * <p>Key paths of structure policies are {@code policy.*} rather than {@code structures.NAME.*}, so
 * that every structure in a comparison draws its policy values from the same uniform (common random
 * numbers); a channel's inputs are keyed by its name, not its position.
 */
final class ModelCompiler {
    private ModelCompiler() {
    }

    static CompiledModel compile(Scenario sc, String structureName) {
        Scenario.Policy pol = sc.structures().get(structureName);
        if (pol == null) {
            throw new IllegalArgumentException("no structure " + structureName);
        }
        int h = sc.horizonMonths();
        Inputs.Builder in = new Inputs.Builder();

        // section 1
        List<Channel> chans = sc.channels();
        int nc = chans.size();
        double[][] planned = new double[nc][h];
        double[] carry = new double[nc];
        boolean[] hill = new boolean[nc];
        int[] cpl = new int[nc];
        int[] max = new int[nc];
        int[] half = new int[nc];
        int[] shape = new int[nc];
        double[] disp = new double[nc];
        String[] names = new String[nc];
        for (int c = 0; c < nc; c++) {
            Channel ch = chans.get(c);
            names[c] = ch.name();
            String p = "marketing.channels[" + ch.name() + "].response.";
            for (int t = 0; t < h; t++) {
                planned[c][t] = ch.spend().planned(t, sc.calendarMonth(t));
            }
            carry[c] = ch.carryover();
            disp[c] = ch.dispersion();
            if (ch.response() instanceof Scenario.Hill hr) {
                hill[c] = true;
                max[c] = in.add(p + "max_leads", hr.maxLeads(), new Range(0, false, 1e12, true));
                half[c] = in.add(p + "half_saturation_spend", hr.halfSaturationSpend(), Range.POSITIVE);
                shape[c] = in.add(p + "shape", hr.shape(), new Range(0, false, 20, true));
            } else {
                cpl[c] = in.add(p + "cost_per_lead", ((Scenario.Linear) ch.response()).costPerLead(), Range.POSITIVE);
            }
        }
        Marketing marketing = new Marketing(names, planned, carry, hill, cpl, max, half, shape, disp);

        // section 2
        int qual = in.add("funnel.qualification_rate", sc.funnel().qualificationRate(), Range.PROBABILITY);
        int win = in.add("funnel.win_rate", sc.funnel().winRate(), Range.PROBABILITY);
        int decay = in.add("funnel.unworked_decay", sc.funnel().unworkedDecay(), Range.PROBABILITY);
        int handoff = in.add("policy.handoff_quality", pol.handoffQuality(), Range.PROBABILITY);
        int mult = in.add("policy.win_rate_multiplier", pol.winRateMultiplier(), new Range(0, false, 10, true));
        int perRep = in.add("sales.leads_per_rep_month", sc.sales().leadsPerRepMonth(), Range.POSITIVE);
        Funnel funnel = new Funnel(qual, handoff);
        int[] repHead = new int[h];
        double[] repRamped = new double[h];
        ramp(sc.sales().reps(), sc.sales().hires(), sc.sales().rampMonths(), repHead, repRamped);
        double[] lagPmf = sc.funnel().salesCycle().clone();
        Sales sales = new Sales(repRamped, repHead, sc.sales().costPerRepMonth(), perRep, win, mult, decay,
                lagPmf);

        // section 3
        Scenario.Onboarding ob = sc.onboarding();
        int perStaff = in.add("onboarding.customers_per_staff_month", ob.customersPerStaffMonth(), Range.POSITIVE);
        int waitChurn = in.add("onboarding.churn_while_waiting", ob.churnWhileWaiting(), Range.PROBABILITY);
        int acv = in.add("revenue.acv", sc.revenue().acv(), new Range(0, false, 1e15, true));
        int[] arrivals = new int[h + 1];
        for (Hire hire : ob.hires()) {
            arrivals[hire.month() - 1] += hire.count();
        }
        Onboarding onboarding = new Onboarding(ob.staff(), arrivals, ob.rampMonths(), ob.costPerStaffMonth(),
                perStaff, waitChurn, ob.revenueAtClose(), acv, sc.revenue().acvSd());

        // section 4
        Retention retention;
        Range expansionRange = new Range(-0.5, true, 0.5, true);
        if (sc.retention() instanceof Scenario.ShiftedBetaGeometric sbg) {
            int a = in.add("retention.alpha", sbg.alpha(), new Range(0, false, 1e6, true));
            int b = in.add("retention.beta", sbg.beta(), new Range(0, false, 1e6, true));
            int e = in.add("retention.expansion_rate", sbg.expansionRate(), expansionRange);
            retention = new Retention(true, -1, a, b, e);
        } else {
            Scenario.ConstantChurn cc = (Scenario.ConstantChurn) sc.retention();
            int ch = in.add("retention.monthly_churn", cc.monthlyChurn(), Range.PROBABILITY);
            int e = in.add("retention.expansion_rate", cc.expansionRate(), expansionRange);
            retention = new Retention(false, ch, -1, -1, e);
        }

        // section 5
        int margin = in.add("finance.gross_margin", sc.finance().grossMargin(), Range.PROBABILITY);
        int overhead = in.add("policy.overhead_per_month", pol.overheadPerMonth(), Range.MONEY);
        Finance finance = new Finance(margin, overhead, sc.finance().fixedCostsPerMonth(), ob.costPerStaffMonth(),
                ob.revenueAtClose());
        Inputs inputs = in.build();

        // section 6: the plan operations sees (central values, planned spend)
        double[] central = new double[inputs.slots()];
        for (int i = 0; i < central.length; i++) {
            central[i] = inputs.central(i);
        }
        double[] planCapacity = new double[h];
        double qualP = Math.min(1, central[handoff] * central[qual]);
        for (int t = 0; t < h; t++) {
            planCapacity[t] = sales.capacity(t, central[perRep]);
        }
        double planWin = Math.min(1, central[win] * central[mult]);
        // how much the plan's win rate is worth in leads: the pseudo-count of a beta with the spread of p_win · a
        double sdWin = inputs.spread(win);
        double sdMult = inputs.spread(mult);
        double spreadWin = sdWin * sdWin * sdMult * sdMult + sdWin * sdWin * central[mult] * central[mult]
                + sdMult * sdMult * central[win] * central[win];
        // no spread: the rate is known (∞); an unbounded one, or NaN from ∞ × 0: the plan is worth nothing (0)
        double winPrior = spreadWin == 0 ? Double.POSITIVE_INFINITY
                : spreadWin > 0 && Double.isFinite(spreadWin) ? Math.max(0, planWin * (1 - planWin) / spreadWin - 1) : 0;
        Scenario.Hiring hiring = ob.hiring();
        Scenario.SpendPacing sp = pol.spendPacing();
        Policy policy = new Policy(pol.reviewCadenceMonths(), pol.forecastVisibilityMonths(), hiring.enabled(),
                pol.leadTimeMonths(hiring), hiring.backlogClearMonths(), hiring.targetUtilization(),
                hiring.maxHiresPerReview(), hiring.maxStaff(), sp.enabled(), sp.unworkedThreshold(),
                sp.backlogThreshold(), sp.holdFactor(), marketing, central, qualP, planCapacity, planWin, winPrior,
                lagPmf);

        return new CompiledModel(sc, structureName, inputs, marketing, funnel, sales, onboarding, retention, finance,
                policy);
    }

    /** Headcount and ramped headcount per month: a hire's k-th month counts min(1, k/R). */
    static void ramp(int initial, List<Hire> hires, int rampMonths, int[] head, double[] ramped) {
        int h = head.length;
        for (int t = 0; t < h; t++) {
            head[t] = initial;
            ramped[t] = initial;
        }
        for (Hire hire : hires) {
            int s = hire.month() - 1;
            for (int t = s; t < h; t++) {
                int k = t - s + 1;
                head[t] += hire.count();
                ramped[t] += hire.count() * (rampMonths == 0 ? 1.0 : Math.min(1.0, k / (double) rampMonths));
            }
        }
    }
}
