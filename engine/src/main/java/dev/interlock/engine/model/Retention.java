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
 * by the net expansion rate e each month after: m(τ) = m(0)·(1+e)^τ.
 *
 * <p><b>How it is drawn.</b> Because customers are independent, thinning a cohort by Binomial(survivors,
 * p(τ)) month after month is the same, in distribution, as giving each customer at go-live a lifetime K
 * with P(K &gt; k) = p(1)·…·p(k) and letting it churn in month go-live + K. The kernel does the latter:
 * when cohort t goes live it draws its churn months from stream (SURVIVAL, t) — for cohorts up to
 * {@value #PER_CUSTOMER_PER_MONTH} × (months left) customers, how many churn before the horizon,
 * Binomial(n, P(K ≤ months left)), then one lifetime each from the conditional distribution by inversion
 * ({@link dev.interlock.engine.random.LifetimeTable}); for larger cohorts a multinomial over the months left
 * by sequential binomials, churned(t+k) ~ Binomial(still live, 1 − p(k)) — and books them in
 * {@code churnAt} and {@code mrrLostAt} (the MRR the churners carry then). Each month then costs O(1):
 * <pre>
 *   churned(t) = churnAt[t]
 *   active(t)  = active(t−1) − churned(t) + go-lives(t)
 *   MRR(t)     = (1+e)·MRR(t−1) − mrrLostAt[t] + go-lives(t) · MRR per new customer
 * </pre>
 * A cohort's churn draws depend only on its own size and stream, so a structure that changes go-lives
 * in one month leaves every other cohort's churn as it was.
 */
final class Retention {
    /**
     * Cohorts of at most this many customers per month left are drawn customer by customer (one binomial,
     * then one uniform per churner, about 5 ns each) rather than month by month (one binomial per month,
     * about 15 ns each); chosen with {@code benchmarks/ChurnBenchmark}.
     */
    static final int PER_CUSTOMER_PER_MONTH = 2;

    private final boolean sbg;
    private final int churnSlot;
    private final int alphaSlot;
    private final int betaSlot;
    private final int expansionSlot;

    Retention(boolean sbg, int churnSlot, int alphaSlot, int betaSlot, int expansionSlot) {
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
        s.lifetimes.set(s.survival, h);
        s.expansion = s.param[expansionSlot];
        double grow = 1 + s.expansion;
        double power = 1;
        for (int k = 0; k <= h; k++) {
            s.growthPower[k] = power;
            power *= grow;
        }
        java.util.Arrays.fill(s.churnAt, 0);
        java.util.Arrays.fill(s.mrrLostAt, 0);
        s.active = 0;
        s.mrr = 0;
        s.customerMonths = 0;
    }

    void step(TrialState s, int t) {
        long churned = s.churnAt[t];
        long active = s.active - churned;
        double mrr = active == 0 ? 0 : s.mrr * (1 + s.expansion) - s.mrrLostAt[t];
        long n = s.goLives;
        double perCustomer = s.goLiveMrrPerCustomer;
        if (n > 0) {
            scheduleChurn(s, t, n, perCustomer);
        }
        active += n;
        mrr += n * perCustomer;
        s.active = active;
        s.churned = churned;
        s.mrr = mrr;
        s.customerMonths += active;
        s.set(Metric.CHURNED, t, churned);
        s.set(Metric.ACTIVE_CUSTOMERS, t, active);
        s.set(Metric.MRR, t, mrr);
    }

    /** Draws when each of the n customers going live in month t will churn, and books it. */
    private static void scheduleChurn(TrialState s, int t, long n, double perCustomer) {
        int left = s.horizon - 1 - t;   // months in which they can still churn: t+1 … H−1
        if (left <= 0) {
            return;
        }
        Draws d = s.stream(StreamId.SURVIVAL, t, 0);
        long[] churnAt = s.churnAt;
        double[] mrrLostAt = s.mrrLostAt;
        double[] power = s.growthPower;
        if (n <= (long) PER_CUSTOMER_PER_MONTH * left) {
            // how many churn within the horizon, then only their lifetimes (the same multinomial, fewer
            // draws), counted by lifetime in a small array first and then booked month by month
            int[] byLifetime = s.lifetimeCounts;
            java.util.Arrays.fill(byLifetime, 0, left + 1, 0);
            double within = s.lifetimes.probabilityWithin(left);
            long churning = within > 0 ? d.binomial(n, within) : 0;
            for (long i = 0; i < churning; i++) {
                byLifetime[d.lifetimeWithin(s.lifetimes, left)]++;
            }
            for (int k = 1; k <= left; k++) {
                int gone = byLifetime[k];
                churnAt[t + k] += gone;
                mrrLostAt[t + k] += gone * perCustomer * power[k];
            }
        } else {
            long live = n;
            for (int k = 1; k <= left && live > 0; k++) {
                long gone = d.binomial(live, 1 - s.survival[k]);
                if (gone > 0) {
                    churnAt[t + k] += gone;
                    mrrLostAt[t + k] += gone * perCustomer * power[k];
                    live -= gone;
                }
            }
        }
    }
}
