package dev.interlock.engine.stats;

import java.util.Arrays;

/**
 * Count, mean, sum of squared deviations, minimum, maximum and an exceedance count for each of
 * {@code cells} quantities, over trials. NaN values are skipped (an undefined figure in a trial).
 *
 * <p>Within a block, trials are added in trial order as shifted sums: per cell, K = the block's first
 * value, then Σ(x − K) and Σ(x − K)² (the "shifted data" algorithm; T. F. Chan, G. H. Golub and R. J.
 * LeVeque, "Algorithms for computing the sample variance", The American Statistician 37(3), 1983) — no
 * division per value, and exact zeros for a constant cell. Blocks are then merged in block order with
 * Chan et al.'s pairwise formula for (n, mean, M2), into which pending sums are folded first. Because
 * doubles do not add associatively, that fixed order is what makes the bytes written independent of
 * thread count and scheduling (MODEL.md section 7).
 *
 * <p>Not thread-safe; reading folds pending sums (see {@link #settle()}).
 */
public final class Moments {
    final int cells;
    final long[] n;          // values folded into mean and m2
    final double[] mean;
    final double[] m2;
    final double[] min;
    final double[] max;
    final long[] exceed;
    private final double[] threshold;   // NaN: no exceedance count for that cell
    // pending shifted sums of values added since the last settle()
    private final long[] pn;
    private final double[] shift;
    private final double[] s1;
    private final double[] s2;
    private boolean pending;

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
        this.pn = new long[cells];
        this.shift = new double[cells];
        this.s1 = new double[cells];
        this.s2 = new double[cells];
        Arrays.fill(min, Double.POSITIVE_INFINITY);
        Arrays.fill(max, Double.NEGATIVE_INFINITY);
    }

    /** Adds one trial's values, one per cell. */
    public void add(double[] values) {
        addColumns(values, 1, 1);
    }

    /**
     * Adds {@code count} trials' values laid out by cell: cell i's values, in trial order, are
     * {@code columns[i * stride + k]} for k = 0 … count − 1 ({@code count <= stride}). Each cell folds its
     * values in trial order with the same operations as {@link #add}, so the result is bit for bit the one
     * {@code count} calls of {@link #add} give; what changes is only the memory order, one cell at a time.
     */
    public void addColumns(double[] columns, int stride, int count) {
        checkColumns(cells, columns, stride, count);
        pending = true;
        for (int i = 0; i < cells; i++) {
            int base = i * stride;
            long c = pn[i];
            double sh = shift[i];
            double a1 = s1[i];
            double a2 = s2[i];
            double lo = min[i];
            double hi = max[i];
            double th = threshold[i];
            long ex = exceed[i];
            for (int k = 0; k < count; k++) {
                double x = columns[base + k];
                if (x != x) {
                    continue;
                }
                if (c++ == 0) {
                    sh = x;
                }
                double d = x - sh;
                a1 += d;
                a2 += d * d;
                if (x < lo) {
                    lo = x;
                }
                if (x > hi) {
                    hi = x;
                }
                if (x > th) {
                    ex++;
                }
            }
            pn[i] = c;
            shift[i] = sh;
            s1[i] = a1;
            s2[i] = a2;
            min[i] = lo;
            max[i] = hi;
            exceed[i] = ex;
        }
    }

    /** The shape {@code addColumns} (here and in {@link Quantiles}) needs: every cell's count values. */
    static void checkColumns(int cells, double[] columns, int stride, int count) {
        if (count < 0 || count > stride || (long) cells * stride > columns.length) {
            throw new IllegalArgumentException("columns too short for " + cells + " cells × stride " + stride
                    + " (count " + count + ")");
        }
    }

    /**
     * Folds the values added since the last call into (n, mean, M2), with Chan et al.'s pairwise update;
     * called before any merge or read.
     */
    void settle() {
        if (!pending) {
            return;
        }
        pending = false;
        for (int i = 0; i < cells; i++) {
            long nb = pn[i];
            if (nb == 0) {
                continue;
            }
            double sum = s1[i];
            double meanB = shift[i] + sum / nb;
            double m2B = Math.max(0, s2[i] - sum * (sum / nb));
            combine(i, nb, meanB, m2B);
            pn[i] = 0;
            s1[i] = 0;
            s2[i] = 0;
        }
    }

    private void combine(int i, long nb, double meanB, double m2B) {
        long na = n[i];
        if (na == 0) {
            n[i] = nb;
            mean[i] = meanB;
            m2[i] = m2B;
        } else {
            long nab = na + nb;
            double delta = meanB - mean[i];
            mean[i] = mean[i] + delta * nb / nab;
            m2[i] = m2[i] + m2B + delta * delta * ((double) na * nb / nab);
            n[i] = nab;
        }
    }

    /** Merges {@code b} into this; call in block order. */
    public void merge(Moments b) {
        settle();
        b.settle();
        for (int i = 0; i < cells; i++) {
            long nb = b.n[i];
            if (nb == 0) {
                continue;
            }
            combine(i, nb, b.mean[i], b.m2[i]);
            min[i] = Math.min(min[i], b.min[i]);
            max[i] = Math.max(max[i], b.max[i]);
            exceed[i] += b.exceed[i];
        }
    }

    public long count(int cell) {
        settle();
        return n[cell];
    }

    public double mean(int cell) {
        settle();
        return n[cell] == 0 ? Double.NaN : mean[cell];
    }

    /** Sample standard deviation (n − 1 in the denominator); 0 for a single value. */
    public double sd(int cell) {
        settle();
        long k = n[cell];
        if (k == 0) {
            return Double.NaN;
        }
        return k < 2 ? 0 : Math.sqrt(Math.max(0, m2[cell] / (k - 1)));
    }

    public double min(int cell) {
        settle();
        return n[cell] == 0 ? Double.NaN : min[cell];
    }

    public double max(int cell) {
        settle();
        return n[cell] == 0 ? Double.NaN : max[cell];
    }

    /** Share of trials with a value strictly above the cell's threshold; NaN if it has none. */
    public double exceedProbability(int cell) {
        settle();
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
