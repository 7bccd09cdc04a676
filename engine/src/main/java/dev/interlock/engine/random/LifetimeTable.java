package dev.interlock.engine.random;

import java.util.Arrays;

/**
 * A lifetime distribution on {1, 2, …, m} plus "beyond m", given by conditional survival probabilities
 * {@code p[k] = P(K > k | K > k−1)}, sampled by inversion with a guide table (H. C. Chen and Y. Asau, "On
 * generating random variates from an empirical distribution", AIIE Transactions 6(2), 163–166, 1974;
 * L. Devroye, "Non-Uniform Random Variate Generation", 1986, sec. III.2.4): one uniform per variate and,
 * with {@value #CELLS_PER_OUTCOME}·(m + 1) guide cells, at most 1 + 1/{@value #CELLS_PER_OUTCOME}
 * comparisons on average whatever the shape (so the search loop is rarely entered and well predicted).
 *
 * <p>It is the per-trial sampler of a customer's lifetime (MODEL.md section 4): the kernel rebuilds it once
 * per trial from that trial's retention parameters ({@link #set}, O(m), allocation-free). For a small cohort
 * going live, {@code Retention} draws how many churn within the months left (one binomial with
 * {@link #probabilityWithin}) and then only their lifetimes, from the distribution conditioned on churning in
 * time ({@link Draws#lifetimeWithin}); larger cohorts are thinned month by month with binomials instead. Both are
 * exactly equivalent to thinning the cohort by Binomial(survivors, p[k]) month after month, because customers are
 * independent. {@link Draws#lifetime} (an unconditioned lifetime) serves the benchmarks' replay of recorded draws.
 *
 * <p>Not thread-safe; one per worker state.
 */
public final class LifetimeTable {
    /** Guide cells per outcome. */
    static final int CELLS_PER_OUTCOME = 4;
    /** cdf[k] = P(K ≤ k) for k = 0 … m; cdf[m + 1] = +∞ (the "beyond m" outcome). */
    private final double[] cdf;
    /** guide[j] = min{k ≥ 1 : cdf[k] > (j − 10⁻⁶) / cells}: where the search for u in cell j starts. */
    private final int[] guide;
    private int m;
    private int cells;
    private int version;

    /**
     * @param maxM the largest m that {@link #set} will be given (≥ 0)
     */
    public LifetimeTable(int maxM) {
        if (maxM < 0) {
            throw new IllegalArgumentException("maxM must be >= 0: " + maxM);
        }
        cdf = new double[maxM + 2];
        guide = new int[CELLS_PER_OUTCOME * (maxM + 1)];
        set(new double[] {1}, 0);
    }

    /**
     * Sets the distribution: {@code P(K > k | K > k−1) = survival[k]} for k = 1 … m ({@code survival[0]}
     * is ignored). Allocation-free.
     *
     * @param survival conditional survival probabilities, each in [0, 1], indices 1 … m
     * @param m        the last month the table resolves, {@code 0 <= m <= maxM}
     */
    public void set(double[] survival, int m) {
        if (m < 0 || m + 2 > cdf.length) {
            throw new IllegalArgumentException("m out of range: " + m);
        }
        this.m = m;
        double alive = 1;
        cdf[0] = 0;
        for (int k = 1; k <= m; k++) {
            alive *= survival[k];
            cdf[k] = 1 - alive;
        }
        cdf[m + 1] = Double.POSITIVE_INFINITY;
        cells = CELLS_PER_OUTCOME * (m + 1);
        int k = 1;
        for (int j = 0; j < cells; j++) {
            // Every u that sample() sends to cell j is >= (j - 1e-6) / cells even after rounding u * cells,
            // so starting the search there is safe (the search only moves up).
            double lo = (j - 1e-6) / cells;
            while (k <= m && cdf[k] <= lo) {
                k++;
            }
            guide[j] = k;
        }
        version++;
    }

    /** The last month resolved: variates are 1 … m, or m + 1 for "beyond m". */
    public int m() {
        return m;
    }

    /**
     * P(K ≤ k), the probability of a lifetime of at most k months.
     *
     * @param k {@code 0 <= k <= m()}
     * @return the cumulative probability, in [0, 1]
     */
    public double probabilityWithin(int k) {
        if (k < 0 || k > m) {
            throw new IllegalArgumentException("k out of range: " + k);
        }
        return cdf[k];
    }

    /** Increases with every {@link #set}; lets a {@link DrawTrace} snapshot each distinct table once. */
    int version() {
        return version;
    }

    /**
     * The variate for the uniform {@code u}: {@code min{k ≥ 1 : u < P(K ≤ k)}}, or m + 1 if there is none.
     *
     * @param u a uniform in [0, 1)
     * @return a lifetime in 1 … m + 1
     */
    int sample(double u) {
        int k = guide[Math.min(cells - 1, (int) (u * cells))];
        while (u >= cdf[k]) {
            k++;
        }
        return k;
    }

    /** An independent copy (for a {@link DrawTrace} snapshot). */
    LifetimeTable copy() {
        LifetimeTable c = new LifetimeTable(cdf.length - 2);
        System.arraycopy(cdf, 0, c.cdf, 0, cdf.length);
        System.arraycopy(guide, 0, c.guide, 0, guide.length);
        c.m = m;
        c.cells = cells;
        c.version = version;
        return c;
    }

    @Override
    public String toString() {
        return "LifetimeTable[m=" + m + ", cdf=" + Arrays.toString(Arrays.copyOf(cdf, m + 1)) + "]";
    }
}
