package dev.interlock.engine.stats;

import java.util.Arrays;

/**
 * Count, mean, sum of squared deviations (Welford), minimum, maximum and an exceedance count for
 * each of {@code cells} quantities, over trials. NaN values are skipped (an undefined figure in a
 * trial). Within a block, trials are added in trial order; blocks are then merged in block order with
 * Chan et al.'s pairwise formula. Because doubles do not add associatively, that fixed order is what
 * makes the bytes written independent of thread count and scheduling (MODEL.md section 7).
 */
public final class Moments {
    final int cells;
    final long[] n;
    final double[] mean;
    final double[] m2;
    final double[] min;
    final double[] max;
    final long[] exceed;
    private final double[] threshold;   // NaN: no exceedance count for that cell

    /** @param threshold per cell, count values strictly above it; NaN for none. Shared, not copied. */
    public Moments(int cells, double[] threshold) {
        this.cells = cells;
        this.n = new long[cells];
        this.mean = new double[cells];
        this.m2 = new double[cells];
        this.min = new double[cells];
        this.max = new double[cells];
        this.exceed = new long[cells];
        this.threshold = threshold;
        Arrays.fill(min, Double.POSITIVE_INFINITY);
        Arrays.fill(max, Double.NEGATIVE_INFINITY);
    }

    /** Adds one trial's values, one per cell. */
    public void add(double[] values) {
        for (int i = 0; i < cells; i++) {
            double x = values[i];
            if (x != x) {
                continue;
            }
            long k = ++n[i];
            double d = x - mean[i];
            double mu = mean[i] + d / k;
            mean[i] = mu;
            m2[i] += d * (x - mu);
            if (x < min[i]) {
                min[i] = x;
            }
            if (x > max[i]) {
                max[i] = x;
            }
            if (x > threshold[i]) {
                exceed[i]++;
            }
        }
    }

    /** Merges {@code b} into this; call in block order. */
    public void merge(Moments b) {
        for (int i = 0; i < cells; i++) {
            long nb = b.n[i];
            if (nb == 0) {
                continue;
            }
            long na = n[i];
            if (na == 0) {
                n[i] = nb;
                mean[i] = b.mean[i];
                m2[i] = b.m2[i];
            } else {
                long nab = na + nb;
                double delta = b.mean[i] - mean[i];
                mean[i] = mean[i] + delta * nb / nab;
                m2[i] = m2[i] + b.m2[i] + delta * delta * ((double) na * nb / nab);
                n[i] = nab;
            }
            min[i] = Math.min(min[i], b.min[i]);
            max[i] = Math.max(max[i], b.max[i]);
            exceed[i] += b.exceed[i];
        }
    }

    public long count(int cell) {
        return n[cell];
    }

    public double mean(int cell) {
        return n[cell] == 0 ? Double.NaN : mean[cell];
    }

    /** Sample standard deviation (n − 1 in the denominator); 0 for a single value. */
    public double sd(int cell) {
        long k = n[cell];
        if (k == 0) {
            return Double.NaN;
        }
        return k < 2 ? 0 : Math.sqrt(Math.max(0, m2[cell] / (k - 1)));
    }

    public double min(int cell) {
        return n[cell] == 0 ? Double.NaN : min[cell];
    }

    public double max(int cell) {
        return n[cell] == 0 ? Double.NaN : max[cell];
    }

    /** Share of trials with a value strictly above the cell's threshold; NaN if it has none. */
    public double exceedProbability(int cell) {
        if (threshold[cell] != threshold[cell] || n[cell] == 0) {
            return Double.NaN;
        }
        return exceed[cell] / (double) n[cell];
    }

    public boolean hasThreshold(int cell) {
        return threshold[cell] == threshold[cell];
    }

    public double threshold(int cell) {
        return threshold[cell];
    }
}
