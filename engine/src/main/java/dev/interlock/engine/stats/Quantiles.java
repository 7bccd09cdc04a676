package dev.interlock.engine.stats;

import com.datadoghq.sketch.ddsketch.mapping.CubicallyInterpolatedMapping;
import com.datadoghq.sketch.ddsketch.mapping.IndexMapping;

/**
 * Streaming quantiles of {@code cells} quantities, in memory that does not grow with the number of
 * trials. A cell is kept in one of two ways, decided by the values it has seen, never by how trials were
 * split between workers:
 * <ul>
 *   <li><b>exact</b> while every value is a whole number and all of them lie within a window of
 *       {@value #EXACT_WINDOW} consecutive integers (counts, headcounts, capacities, queues of moderate
 *       size): one count per integer, so the reported quantile is the sample quantile itself;</li>
 *   <li>otherwise a <b>DDSketch</b> (Masson, Rim &amp; Lee 2019, "DDSketch: a fast and fully-mergeable
 *       quantile sketch with relative-error guarantees", VLDB): counts per logarithmic bucket. The exact
 *       counts a cell held until then are re-bucketed without loss, so the sketch is the one that would
 *       have been built from the start.</li>
 * </ul>
 *
 * <p><b>Error bound</b>: every reported quantile q̂ of a cell lies within a relative distance
 * {@value #RELATIVE_ACCURACY} of a true sample quantile: |q̂ − q| ≤ 0.005·|q| (and q̂ = q for an exact
 * cell). Both return the value of rank ⌊q·(n−1)⌋ (for a sketch, the representative of its bucket), as
 * {@code DDSketch.getValueAtQuantile} does. {@link Stats} also clamps to the exact [min, max] of the cell.
 *
 * <p><b>Determinism</b>: both forms hold integer counts, so merging is exact and independent of order; a
 * cell ends up exact if and only if all its values, over all workers, qualify. Each worker keeps its own
 * instance and they are merged in any order at the end.
 *
 * <p><b>Layout, for speed</b> (a run records 25 metrics × H months per trial, so this per-value cost is
 * the cost of statistics). An exact cell costs one conversion and one array increment per value. A
 * sketch's bucket index comes from {@code com.datadoghq:sketches-java}'s
 * {@link CubicallyInterpolatedMapping}: log₂ from the double's exponent plus a cubic polynomial in its
 * mantissa, no {@code Math.log}, about 1 % more buckets than the exact logarithmic mapping for the same
 * accuracy. Counts are kept here, per cell and sign in a dense {@code long[]} with an index offset
 * (grown, never shrunk), rather than in the library's per-cell {@code DDSketch} objects.
 *
 * <p>Not thread-safe: one instance per worker, merged afterwards.
 */
public final class Quantiles {
    public static final double RELATIVE_ACCURACY = 0.005;
    /** An exact cell's values span fewer than this many consecutive integers. */
    static final int EXACT_WINDOW = 2048;
    private static final IndexMapping MAPPING = new CubicallyInterpolatedMapping(RELATIVE_ACCURACY);
    /** Magnitudes below this (in practice: exact zeros) are counted in the zero bucket, as in DDSketch. */
    private static final double MIN_INDEXABLE = MAPPING.minIndexableValue();
    private static final double MAX_INDEXABLE = MAPPING.maxIndexableValue();
    /** Buckets allocated when a store is created, and the least it grows by. */
    private static final int INITIAL_BUCKETS = 64;

    private final int cells;
    /** Exact cells: counts per integer, exact[i][j] = count of the value exactOffset[i] + j; null: sketch. */
    private final long[][] exact;
    private final int[] exactOffset;
    /** Sketch cells (and exact cells not yet given a value have all of these empty). */
    private final long[] zeros;
    private final long[][] positive;
    private final int[] positiveOffset;
    private final long[][] negative;
    private final int[] negativeOffset;
    /** Scratch for {@link #addColumns}: cells whose values from restFrom on are left to {@link #addRest}. */
    private final int[] restCell;
    private final int[] restFrom;

    public Quantiles(int cells) {
        this.cells = cells;
        this.exact = new long[cells][];
        this.exactOffset = new int[cells];
        this.zeros = new long[cells];
        this.positive = new long[cells][];
        this.positiveOffset = new int[cells];
        this.negative = new long[cells][];
        this.negativeOffset = new int[cells];
        this.restCell = new int[cells];
        this.restFrom = new int[cells];
        for (int i = 0; i < cells; i++) {
            exact[i] = EMPTY;
        }
    }

    /** An exact cell that has no value yet. */
    private static final long[] EMPTY = new long[0];

    /** Adds one trial's values, one per cell; NaN is skipped. */
    public void add(double[] values) {
        addColumns(values, 1, 1);
    }

    /**
     * Adds {@code count} trials' values laid out by cell: cell i's values are {@code columns[i * stride + k]}
     * for k = 0 … count − 1 ({@code count <= stride}); NaN is skipped. The same as {@code count} calls of
     * {@link #add} (counts do not depend on order), but one cell at a time: a cell's values lie close
     * together, so its counts stay in cache while they are added, instead of every trial touching every
     * cell's counts once.
     *
     * <p>A cell's values are counted by a short loop that only increments counts already there; at the
     * first value that needs more (a wider window, a new bucket, an exact cell turning into a sketch) the
     * loop stops and the cell's remaining values are left to {@link #addRest}, called once for all such
     * cells after the others. Each cell still takes its values in order with the same operations as one
     * {@link #add} at a time. Kept apart because such values become rare once the first few hundred trials
     * have shaped the counts: the JIT then compiles this method and its callers (the runner's trial loop)
     * without the growing code, which made each of their compilations ten times larger.
     */
    public void addColumns(double[] columns, int stride, int count) {
        Moments.checkColumns(cells, columns, stride, count);
        int rest = 0;
        for (int i = 0; i < cells; i++) {
            int from = i * stride;
            int end = from + count;
            long[] counts = exact[i];
            int stop = counts != null
                    ? countExact(counts, exactOffset[i], columns, from, end)
                    : countSketch(i, columns, from, end);
            if (stop < end) {
                restCell[rest] = i;
                restFrom[rest] = stop - from;
                rest++;
            }
        }
        if (rest > 0) {
            addRest(columns, stride, count, rest);
        }
    }

    /** Counts columns[from … end) into an exact cell's counts; returns where a value first does not fit. */
    private static int countExact(long[] counts, int offset, double[] columns, int from, int end) {
        for (int k = from; k < end; k++) {
            double x = columns[k];
            int v = (int) x;
            int j = v - offset;
            if (v == x && j >= 0 && j < counts.length) {
                counts[j]++;
            } else if (x == x) {
                return k;
            }
        }
        return end;
    }

    /** Counts columns[from … end) into sketch cell i's buckets; returns where a value first needs a new one. */
    private int countSketch(int i, double[] columns, int from, int end) {
        long[] pos = positive[i];
        long[] neg = negative[i];
        int posOffset = positiveOffset[i];
        int negOffset = negativeOffset[i];
        long zero = 0;
        int k = from;
        for (; k < end; k++) {
            double x = columns[k];
            if (x > MIN_INDEXABLE) {
                int j = index(x) - posOffset;
                if (pos == null || j < 0 || j >= pos.length) {
                    break;
                }
                pos[j]++;
            } else if (x < -MIN_INDEXABLE) {
                int j = index(-x) - negOffset;
                if (neg == null || j < 0 || j >= neg.length) {
                    break;
                }
                neg[j]++;
            } else if (x == x) {
                zero++;
            }
        }
        zeros[i] += zero;
        return k;
    }

    /**
     * The values {@link #addColumns} left: for each of the first {@code rest} cells in restCell, its values
     * from restFrom on, one at a time, growing counts and stores as they need. An exact cell's value that is
     * not a whole number below 10^9 in magnitude, or that would make its values span {@value #EXACT_WINDOW}
     * integers or more, turns the cell into a sketch.
     *
     * <p>All of it is written out in this one method on purpose: its bytecode is longer than 325 bytes,
     * the most HotSpot's C2 compiler inlines at a frequently taken call ({@code -XX:FreqInlineSize}), so it
     * is compiled once on its own instead of into addColumns and every caller of addColumns. Inlined (split
     * into small methods, it was), it made those compilations ten times larger (22–26 KB of machine code
     * instead of 2.5 KB): 0.6 s of compiler time in a 100,000-trial run, most of it within the first
     * second, on the cores the workers use.
     */
    private void addRest(double[] columns, int stride, int count, int rest) {
        for (int r = 0; r < rest; r++) {
            int i = restCell[r];
            int base = i * stride;
            for (int k = restFrom[r]; k < count; k++) {
                double x = columns[base + k];
                if (x != x) {
                    continue;
                }
                long[] counts = exact[i];
                if (counts != null) {
                    int v = (int) x;
                    int offset = exactOffset[i];
                    if (v == x && v - offset >= 0 && v - offset < counts.length) {
                        counts[v - offset]++;
                        continue;
                    }
                    if (x == Math.rint(x) && Math.abs(x) < 1e9) {
                        int lo = v;
                        int hi = v;
                        int first = firstNonZero(counts);
                        if (first >= 0) {
                            lo = Math.min(lo, offset + first);
                            hi = Math.max(hi, offset + lastNonZero(counts));
                        }
                        if (hi - lo < EXACT_WINDOW) {
                            coverExact(i, lo, hi);
                            exact[i][v - exactOffset[i]]++;
                            continue;
                        }
                    }
                    toSketch(i);
                }
                if (x > MIN_INDEXABLE) {
                    count(positive, positiveOffset, i, index(x), 1);
                } else if (x < -MIN_INDEXABLE) {
                    count(negative, negativeOffset, i, index(-x), 1);
                } else {
                    zeros[i]++;
                }
            }
        }
    }

    /** Widens cell i's exact counts to cover lo … hi (hi − lo < EXACT_WINDOW), keeping them. */
    private void coverExact(int i, int lo, int hi) {
        long[] counts = exact[i];
        int offset = exactOffset[i];
        if (counts.length > 0 && lo >= offset && hi < offset + counts.length) {
            return;
        }
        int span = hi - lo + 1;
        int size = Math.min(EXACT_WINDOW, Math.max(INITIAL_BUCKETS, span * 2));
        int newOffset = lo - (size - span) / 2;
        long[] wider = new long[size];
        for (int j = 0; j < counts.length; j++) {
            if (counts[j] != 0) {
                wider[offset + j - newOffset] = counts[j];
            }
        }
        exact[i] = wider;
        exactOffset[i] = newOffset;
    }

    /** Turns exact cell i into a sketch cell, re-bucketing its counts without loss. */
    private void toSketch(int i) {
        long[] counts = exact[i];
        int offset = exactOffset[i];
        exact[i] = null;
        for (int j = 0; j < counts.length; j++) {
            if (counts[j] != 0) {
                addToSketch(i, offset + j, counts[j]);
            }
        }
    }

    private void addToSketch(int i, double x, long n) {
        if (x > MIN_INDEXABLE) {
            count(positive, positiveOffset, i, index(x), n);
        } else if (x < -MIN_INDEXABLE) {
            count(negative, negativeOffset, i, index(-x), n);
        } else {
            zeros[i] += n;
        }
    }

    private static int index(double magnitude) {
        // beyond the mapping's range (about 1e300, or infinite) a value is counted in the last bucket
        return MAPPING.index(Math.min(magnitude, MAX_INDEXABLE));
    }

    private static void count(long[][] stores, int[] offsets, int cell, int index, long n) {
        long[] counts = stores[cell];
        int j = index - offsets[cell];
        if (counts != null && j >= 0 && j < counts.length) {
            counts[j] += n;
            return;
        }
        cover(stores, offsets, cell, index, index);
        stores[cell][index - offsets[cell]] += n;
    }

    /** Grows a sketch cell's store so that it covers the bucket indices lo … hi. */
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
            long[] theirs = other.exact[i];
            if (exact[i] != null && theirs != null) {
                mergeExact(i, theirs, other.exactOffset[i]);
                continue;
            }
            if (exact[i] != null) {
                toSketch(i);
            }
            if (theirs != null) {
                for (int j = 0; j < theirs.length; j++) {
                    if (theirs[j] != 0) {
                        addToSketch(i, other.exactOffset[i] + j, theirs[j]);
                    }
                }
                continue;
            }
            zeros[i] += other.zeros[i];
            mergeStore(positive, positiveOffset, other.positive, other.positiveOffset, i);
            mergeStore(negative, negativeOffset, other.negative, other.negativeOffset, i);
        }
    }

    private void mergeExact(int i, long[] theirs, int theirOffset) {
        int first = firstNonZero(theirs);
        if (first < 0) {
            return;
        }
        int last = lastNonZero(theirs);
        int lo = theirOffset + first;
        int hi = theirOffset + last;
        int mine = firstNonZero(exact[i]);
        if (mine >= 0) {
            lo = Math.min(lo, exactOffset[i] + mine);
            hi = Math.max(hi, exactOffset[i] + lastNonZero(exact[i]));
        }
        if (hi - lo < EXACT_WINDOW) {
            coverExact(i, lo, hi);
            long[] counts = exact[i];
            for (int j = first; j <= last; j++) {
                counts[theirOffset + j - exactOffset[i]] += theirs[j];
            }
        } else {
            toSketch(i);
            for (int j = first; j <= last; j++) {
                if (theirs[j] != 0) {
                    addToSketch(i, theirOffset + j, theirs[j]);
                }
            }
        }
    }

    private static int firstNonZero(long[] counts) {
        for (int j = 0; j < counts.length; j++) {
            if (counts[j] != 0) {
                return j;
            }
        }
        return -1;
    }

    private static int lastNonZero(long[] counts) {
        for (int j = counts.length - 1; j >= 0; j--) {
            if (counts[j] != 0) {
                return j;
            }
        }
        return -1;
    }

    private static void mergeStore(long[][] stores, int[] offsets, long[][] from, int[] fromOffsets, int cell) {
        long[] src = from[cell];
        if (src == null) {
            return;
        }
        int lo = firstNonZero(src);
        if (lo < 0) {
            return;
        }
        int hi = lastNonZero(src);
        int srcOffset = fromOffsets[cell];
        cover(stores, offsets, cell, srcOffset + lo, srcOffset + hi);
        long[] dst = stores[cell];
        int shift = srcOffset - offsets[cell];
        for (int j = lo; j <= hi; j++) {
            dst[j + shift] += src[j];
        }
    }

    /** True if cell i holds exact counts (all its values whole numbers within the window). */
    boolean isExact(int cell) {
        return exact[cell] != null;
    }

    /** Number of values recorded in a cell. */
    public long count(int cell) {
        if (exact[cell] != null) {
            return total(exact[cell]);
        }
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
     * The q-quantile (q in [0,1]) of a cell, or NaN if the cell holds no value: the value of rank
     * ⌊q·(n−1)⌋ — exactly, for an exact cell; for a sketch, the representative of the bucket holding it,
     * walking from the most negative bucket up as {@code DDSketch.getValueAtQuantile} does.
     */
    public double quantile(int cell, double q) {
        long n = count(cell);
        if (n == 0) {
            return Double.NaN;
        }
        double rank = q * (n - 1);
        double seen = 0;
        long[] counts = exact[cell];
        if (counts != null) {
            int last = 0;
            for (int j = 0; j < counts.length; j++) {
                if (counts[j] != 0) {
                    last = j;
                    if ((seen += counts[j]) > rank) {
                        return exactOffset[cell] + j;
                    }
                }
            }
            return exactOffset[cell] + last;
        }
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

    /** Count slots allocated over all cells (for memory diagnostics). */
    long slots() {
        long b = 0;
        for (int i = 0; i < cells; i++) {
            b += exact[i] == null ? 0 : exact[i].length;
            b += positive[i] == null ? 0 : positive[i].length;
            b += negative[i] == null ? 0 : negative[i].length;
        }
        return b;
    }

    @Override
    public String toString() {
        int exactCells = 0;
        for (int i = 0; i < cells; i++) {
            exactCells += exact[i] != null ? 1 : 0;
        }
        return "Quantiles[cells=" + cells + ", exact=" + exactCells + ", slots=" + slots() + "]";
    }
}
