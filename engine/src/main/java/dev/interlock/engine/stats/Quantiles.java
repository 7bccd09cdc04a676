package dev.interlock.engine.stats;

import com.datadoghq.sketch.ddsketch.mapping.CubicallyInterpolatedMapping;
import com.datadoghq.sketch.ddsketch.mapping.IndexMapping;
import java.util.Arrays;

/**
 * Streaming quantiles of {@code cells} quantities, in memory that does not grow with the number of
 * trials: one DDSketch per cell (Masson, Rim &amp; Lee 2019, "DDSketch: a fast and fully-mergeable
 * quantile sketch with relative-error guarantees", VLDB).
 *
 * <p><b>Error bound</b>: every reported quantile q̂ of a cell lies within a relative distance
 * {@value #RELATIVE_ACCURACY} of a true sample quantile: |q̂ − q| ≤ 0.005·|q|. Reported values are also
 * clamped to the exact [min, max] of the cell by {@link Stats}, so a constant is reported exactly.
 *
 * <p><b>Determinism</b>: a sketch holds integer counts per bucket, so merging is exact and independent of
 * order: each worker keeps its own set and they are merged in any order at the end.
 *
 * <p><b>Layout, for speed</b> (a run records {@code 25 metrics × H months} values per trial). The bucket
 * index of a value comes from {@code com.datadoghq:sketches-java}'s {@link CubicallyInterpolatedMapping}:
 * log₂ from the double's exponent plus a cubic polynomial in its mantissa, no {@code Math.log}, with
 * about 1 % more buckets than the exact logarithmic mapping for the same accuracy. The buckets
 * themselves are kept here rather than in the library's {@code DDSketch} objects: per cell and sign one
 * dense {@code long[]} of counts with an index offset, grown (never shrunk) to cover the indices seen, plus
 * a count of zeros, all in arrays indexed by cell — one array access per value in the common case, no
 * per-value object traversal. Quantile queries walk the buckets exactly as
 * {@code DDSketch.getValueAtQuantile} does (rank q·(n−1), the bucket's representative value).
 *
 * <p>Not thread-safe: one instance per worker, merged afterwards.
 */
public final class Quantiles {
    public static final double RELATIVE_ACCURACY = 0.005;
    private static final IndexMapping MAPPING = new CubicallyInterpolatedMapping(RELATIVE_ACCURACY);
    /** Magnitudes below this (in practice: exact zeros) are counted in the zero bucket, as in DDSketch. */
    private static final double MIN_INDEXABLE = MAPPING.minIndexableValue();
    private static final double MAX_INDEXABLE = MAPPING.maxIndexableValue();
    /** Buckets allocated when a cell first sees a sign, and the least a store grows by. */
    private static final int INITIAL_BUCKETS = 64;

    private final int cells;
    private final long[] zeros;
    private final long[][] positive;
    private final int[] positiveOffset;
    private final long[][] negative;
    private final int[] negativeOffset;

    public Quantiles(int cells) {
        this.cells = cells;
        this.zeros = new long[cells];
        this.positive = new long[cells][];
        this.positiveOffset = new int[cells];
        this.negative = new long[cells][];
        this.negativeOffset = new int[cells];
    }

    /** Adds one trial's values, one per cell; NaN is skipped. */
    public void add(double[] values) {
        for (int i = 0; i < cells; i++) {
            double x = values[i];
            if (x > MIN_INDEXABLE) {
                count(positive, positiveOffset, i, index(x));
            } else if (x < -MIN_INDEXABLE) {
                count(negative, negativeOffset, i, index(-x));
            } else if (x == x) {
                zeros[i]++;
            }
        }
    }

    private static int index(double magnitude) {
        if (!(magnitude <= MAX_INDEXABLE)) {
            throw new IllegalArgumentException("value beyond the sketch's range: " + magnitude);
        }
        return MAPPING.index(magnitude);
    }

    private static void count(long[][] stores, int[] offsets, int cell, int index) {
        long[] counts = stores[cell];
        int j = index - offsets[cell];
        if (counts != null && j >= 0 && j < counts.length) {
            counts[j]++;
            return;
        }
        cover(stores, offsets, cell, index, index);
        stores[cell][index - offsets[cell]]++;
    }

    /** Grows a cell's store so that it covers the indices lo … hi. */
    private static void cover(long[][] stores, int[] offsets, int cell, int lo, int hi) {
        long[] counts = stores[cell];
        if (counts == null) {
            int length = Math.max(INITIAL_BUCKETS, hi - lo + 1);
            stores[cell] = new long[length];
            offsets[cell] = lo - (length - (hi - lo + 1)) / 2;
            return;
        }
        int offset = offsets[cell];
        int end = offset + counts.length;       // exclusive
        if (lo >= offset && hi < end) {
            return;
        }
        int newLo = Math.min(lo, offset);
        int newEnd = Math.max(hi + 1, end);
        int grow = Math.max(INITIAL_BUCKETS, (newEnd - newLo) / 2);     // slack on the side that grew
        if (newLo < offset) {
            newLo -= grow;
        }
        if (newEnd > end) {
            newEnd += grow;
        }
        long[] wider = new long[newEnd - newLo];
        System.arraycopy(counts, 0, wider, offset - newLo, counts.length);
        stores[cell] = wider;
        offsets[cell] = newLo;
    }

    /** Adds every count of {@code other} (same number of cells) into this; exact and order-free. */
    public void merge(Quantiles other) {
        if (other.cells != cells) {
            throw new IllegalArgumentException("cells differ: " + other.cells + " vs " + cells);
        }
        for (int i = 0; i < cells; i++) {
            zeros[i] += other.zeros[i];
            mergeStore(positive, positiveOffset, other.positive, other.positiveOffset, i);
            mergeStore(negative, negativeOffset, other.negative, other.negativeOffset, i);
        }
    }

    private static void mergeStore(long[][] stores, int[] offsets, long[][] from, int[] fromOffsets, int cell) {
        long[] src = from[cell];
        if (src == null) {
            return;
        }
        int lo = -1;
        int hi = -1;
        for (int j = 0; j < src.length; j++) {
            if (src[j] != 0) {
                if (lo < 0) {
                    lo = j;
                }
                hi = j;
            }
        }
        if (lo < 0) {
            return;
        }
        int srcOffset = fromOffsets[cell];
        cover(stores, offsets, cell, srcOffset + lo, srcOffset + hi);
        long[] dst = stores[cell];
        int shift = srcOffset - offsets[cell];
        for (int j = lo; j <= hi; j++) {
            dst[j + shift] += src[j];
        }
    }

    /** Number of values recorded in a cell. */
    public long count(int cell) {
        return zeros[cell] + total(positive[cell]) + total(negative[cell]);
    }

    private static long total(long[] counts) {
        long n = 0;
        if (counts != null) {
            for (long c : counts) {
                n += c;
            }
        }
        return n;
    }

    /**
     * The q-quantile (q in [0,1]) of a cell, or NaN if the cell holds no value: the representative value of
     * the bucket holding the value of rank q·(n−1), walking from the most negative bucket up, as
     * {@code DDSketch.getValueAtQuantile} does.
     */
    public double quantile(int cell, double q) {
        long n = count(cell);
        if (n == 0) {
            return Double.NaN;
        }
        double rank = q * (n - 1);
        double seen = 0;
        long[] neg = negative[cell];
        if (neg != null) {
            for (int j = neg.length - 1; j >= 0; j--) {
                if (neg[j] != 0 && (seen += neg[j]) > rank) {
                    return -MAPPING.value(j + negativeOffset[cell]);
                }
            }
        }
        if ((seen += zeros[cell]) > rank) {
            return 0;
        }
        long[] pos = positive[cell];
        int last = -1;
        if (pos != null) {
            for (int j = 0; j < pos.length; j++) {
                if (pos[j] != 0) {
                    last = j;
                    if ((seen += pos[j]) > rank) {
                        return MAPPING.value(j + positiveOffset[cell]);
                    }
                }
            }
        }
        return last >= 0 ? MAPPING.value(last + positiveOffset[cell]) : 0;
    }

    /** Buckets allocated over all cells (for memory diagnostics). */
    long buckets() {
        long b = 0;
        for (int i = 0; i < cells; i++) {
            b += positive[i] == null ? 0 : positive[i].length;
            b += negative[i] == null ? 0 : negative[i].length;
        }
        return b;
    }

    @Override
    public String toString() {
        return "Quantiles[cells=" + cells + ", buckets=" + buckets() + ", zeros=" + Arrays.stream(zeros).sum() + "]";
    }
}
