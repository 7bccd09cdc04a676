package dev.interlock.engine.model;

import dev.interlock.engine.random.Draws;

/**
 * MODEL.md section 4, retention and expansion by cohort (month of go-live). A cohort goes live and is
 * billed in its go-live month and first faces churn the month after. At tenure τ ≥ 1 its customers
 * survive to τ+1 independently with probability
 * <pre>
 *   p(τ) = 1 − c                                   constant churn c
 *   p(τ) = (β + τ − 1) / (α + β + τ − 1)           shifted-beta-geometric (Fader &amp; Hardie 2007)
 * </pre>
 * so survivors ~ Binomial(n, p(τ)) exactly. Each cohort's MRR per customer is set at go-live and grows
 * by the net expansion rate e each month after: m(τ) = m(0)·(1+e)^τ. Draws use stream (SURVIVAL, t),
 * cohorts in go-live order.
 */
final class Retention {
    private final long seed;
    private final boolean sbg;
    private final int churnSlot;
    private final int alphaSlot;
    private final int betaSlot;
    private final int expansionSlot;

    Retention(long seed, boolean sbg, int churnSlot, int alphaSlot, int betaSlot, int expansionSlot) {
        this.seed = seed;
        this.sbg = sbg;
        this.churnSlot = churnSlot;
        this.alphaSlot = alphaSlot;
        this.betaSlot = betaSlot;
        this.expansionSlot = expansionSlot;
    }

    void start(TrialState s) {
        int h = s.horizon;
        if (sbg) {
            double a = s.param[alphaSlot];
            double b = s.param[betaSlot];
            s.survival[0] = 1;
            for (int tau = 1; tau <= h; tau++) {
                s.survival[tau] = (b + tau - 1) / (a + b + tau - 1);
            }
        } else {
            double keep = 1 - s.param[churnSlot];
            java.util.Arrays.fill(s.survival, 0, h + 1, keep);
            s.survival[0] = 1;
        }
        s.expansion = s.param[expansionSlot];
        java.util.Arrays.fill(s.cohortCustomers, 0);
        java.util.Arrays.fill(s.cohortMrr, 0);
        s.customerMonths = 0;
    }

    void step(TrialState s, int t) {
        long churned = 0;
        long active = 0;
        double mrr = 0;
        double grow = 1 + s.expansion;
        Draws d = s.stream(seed, StreamId.SURVIVAL, t, 0);
        for (int c = 0; c < t; c++) {
            long n = s.cohortCustomers[c];
            if (n == 0) {
                continue;
            }
            long survivors = d.binomial(n, s.survival[t - c]);
            churned += n - survivors;
            s.cohortCustomers[c] = survivors;
            double m = s.cohortMrr[c] * grow;
            s.cohortMrr[c] = m;
            active += survivors;
            mrr += survivors * m;
        }
        s.cohortCustomers[t] = s.goLives;
        s.cohortMrr[t] = s.goLiveMrrPerCustomer;
        active += s.goLives;
        mrr += s.goLives * s.goLiveMrrPerCustomer;
        s.active = active;
        s.churned = churned;
        s.mrr = mrr;
        s.customerMonths += active;
        s.set(Metric.CHURNED, t, churned);
        s.set(Metric.ACTIVE_CUSTOMERS, t, active);
        s.set(Metric.MRR, t, mrr);
    }
}
