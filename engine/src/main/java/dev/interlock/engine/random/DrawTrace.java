package dev.interlock.engine.random;

import java.util.Arrays;

/**
 * A recording of the process-noise draws that trials made: every stream reset (with its final key) and
 * every call of a {@link Draws} method (with its parameters and its result), in call order, trial by
 * trial. It exists for one purpose, the RNG-floor benchmark (issue 8, {@code benchmarks/}): replaying a
 * trace against the same {@link StreamRng} and {@link Draws} costs exactly the random variates a trial
 * needs (same generator, same samplers, same parameters, same counts) with no model around them.
 *
 * <p>Recording is switched on per worker state, never in a normal run: a {@link Draws} made with
 * {@link Draws#recording} appends here, the ordinary constructor does not (its only cost is one
 * never-taken null test per call). Records are kept in growable primitive arrays; recording allocates,
 * replay does not. Consecutive lifetimes drawn from the same stream and table (a cohort's customers) are
 * kept as one record with a count and replayed in a loop, as the kernel draws them, so that the replay's
 * own bookkeeping stays small next to the draws.
 *
 * <p>A replay reproduces the recorded results bit for bit (checked by {@link #replay} with
 * {@code verify}), which is the evidence that the floor draws the very same variates as the kernel.
 *
 * <p>Not thread-safe.
 */
public final class DrawTrace {
    /** Operation codes. */
    public static final byte RESET = 0;
    public static final byte POISSON = 1;
    public static final byte BINOMIAL = 2;
    public static final byte GAMMA = 3;
    public static final byte NORMAL = 4;
    public static final byte NEGATIVE_BINOMIAL = 5;
    public static final byte LIFETIME = 6;
    private static final String[] NAMES = {"reset", "poisson", "binomial", "gamma", "normal", "negative_binomial",
        "lifetime"};

    private byte[] op = new byte[1024];
    private byte[] stream = new byte[1024];
    private long[] whole = new long[1024];    // RESET: key; BINOMIAL: n; LIFETIME: table snapshot
    private double[] a = new double[1024];    // POISSON, NEGATIVE_BINOMIAL: mean; BINOMIAL: p; GAMMA: shape;
                                              // LIFETIME: how many in a row
    private double[] b = new double[1024];    // NEGATIVE_BINOMIAL: dispersion; LIFETIME: limit (0: none)
    private int size;
    private double[] result = new double[1024];   // one per draw, in draw order
    private int results;
    private int[] trialStart = new int[16];
    private int[] trialResultStart = new int[16];
    private int trials;
    private LifetimeTable[] tables = new LifetimeTable[16];   // snapshots, one per distinct table state
    private int tableCount;
    private LifetimeTable lastTable;
    private int lastVersion;

    /** Marks the start of the next trial's records; call before running it. */
    public void beginTrial() {
        if (trials + 1 >= trialStart.length) {
            trialStart = Arrays.copyOf(trialStart, trialStart.length * 2);
            trialResultStart = Arrays.copyOf(trialResultStart, trialResultStart.length * 2);
        }
        trialStart[trials] = size;
        trialResultStart[trials] = results;
        trials++;
        trialStart[trials] = size;
        trialResultStart[trials] = results;
    }

    /** Trials recorded. */
    public int trials() {
        return trials;
    }

    /** Records of all trials (a run of lifetimes is one record). */
    public int size() {
        return size;
    }

    /** How many operations {@code code} (one of the constants) the whole trace holds: draws, or resets. */
    public long count(byte code) {
        long n = 0;
        for (int i = 0; i < size; i++) {
            if (op[i] == code) {
                n += multiplicity(i);
            }
        }
        return n;
    }

    /** Index of trial {@code trial}'s first record ({@code trial == trials()}: one past the last record). */
    public int start(int trial) {
        return trialStart[trial];
    }

    /** Operation code of record {@code i}. */
    public byte op(int i) {
        return op[i];
    }

    /** How many operations record {@code i} stands for: the run length of lifetimes, else 1. */
    public int multiplicity(int i) {
        return op[i] == LIFETIME ? (int) a[i] : 1;
    }

    /** Stream id of record {@code i}. */
    public int stream(int i) {
        return stream[i];
    }

    /** Key of a reset, n of a binomial, or the table snapshot of a lifetime, at record {@code i}. */
    public long whole(int i) {
        return whole[i];
    }

    /** Mean (Poisson, negative binomial), p (binomial) or shape (gamma) at record {@code i}. */
    public double parameter(int i) {
        return a[i];
    }

    /** Name of an operation code, e.g. {@code "binomial"}. */
    public static String name(byte code) {
        return NAMES[code];
    }

    /**
     * Records that stream {@code s} was re-keyed with {@code key} (by {@link StreamRng#reset(long)}); called
     * by whoever resets the generators of a recording state.
     */
    public void recordReset(int s, long key) {
        add(RESET, s, key, 0, 0);
    }

    void poisson(int s, double mean, long k) {
        add(POISSON, s, 0, mean, 0);
        result(k);
    }

    void binomial(int s, long n, double p, long k) {
        add(BINOMIAL, s, n, p, 0);
        result(k);
    }

    void gamma(int s, double shape, double x) {
        add(GAMMA, s, 0, shape, 0);
        result(x);
    }

    void normal(int s, double x) {
        add(NORMAL, s, 0, 0, 0);
        result(x);
    }

    /** A lifetime (limit 0) or a lifetime of at most {@code limit} months. */
    void lifetime(int s, LifetimeTable table, int limit, int k) {
        if (table != lastTable || table.version() != lastVersion) {
            if (tableCount == tables.length) {
                tables = Arrays.copyOf(tables, tableCount * 2);
            }
            tables[tableCount++] = table.copy();
            lastTable = table;
            lastVersion = table.version();
        }
        int last = size - 1;
        if (last >= trialStart[trials - 1] && op[last] == LIFETIME && stream[last] == s
                && whole[last] == tableCount - 1 && b[last] == limit) {
            a[last]++;
        } else {
            add(LIFETIME, s, tableCount - 1, 1, limit);
        }
        result(k);
    }

    void negativeBinomial(int s, double mean, double dispersion, long k) {
        add(NEGATIVE_BINOMIAL, s, 0, mean, dispersion);
        result(k);
    }

    private void add(byte code, int s, long w, double x, double y) {
        if (trials == 0) {
            throw new IllegalStateException("call beginTrial() before recording");
        }
        if (s < 0 || s > Byte.MAX_VALUE) {
            throw new IllegalArgumentException("stream id out of range: " + s);
        }
        if (size == op.length) {
            int n = size * 2;
            op = Arrays.copyOf(op, n);
            stream = Arrays.copyOf(stream, n);
            whole = Arrays.copyOf(whole, n);
            a = Arrays.copyOf(a, n);
            b = Arrays.copyOf(b, n);
        }
        op[size] = code;
        stream[size] = (byte) s;
        whole[size] = w;
        a[size] = x;
        b[size] = y;
        size++;
        trialStart[trials] = size;
    }

    private void result(double r) {
        if (results == result.length) {
            result = Arrays.copyOf(result, results * 2);
        }
        result[results++] = r;
        trialResultStart[trials] = results;
    }

    /**
     * Walks trial {@code trial}'s records as {@link #replay} does, reading every parameter but drawing
     * nothing: the cost of reading the trace itself, which the RNG-floor figure includes.
     *
     * @param trial index among the recorded trials
     * @return a sum of the parameters (so that a benchmark can consume it)
     */
    public double walk(int trial) {
        double sum = 0;
        for (int i = trialStart[trial], end = trialStart[trial + 1]; i < end; i++) {
            switch (op[i]) {
                case RESET -> sum += whole[i] + stream[i];
                case BINOMIAL -> sum += whole[i] + a[i] + stream[i];
                case NEGATIVE_BINOMIAL -> sum += a[i] + b[i] + stream[i];
                case LIFETIME -> sum += whole[i] + a[i] + b[i] + stream[i] + tables[(int) whole[i]].m();
                default -> sum += a[i] + stream[i];
            }
        }
        return sum;
    }

    /**
     * Replays trial {@code trial}'s records: each reset re-keys {@code rngs[stream]}, each draw calls the
     * same method with the same parameters on {@code draws[stream]}. Allocates nothing.
     *
     * @param trial  index among the recorded trials, {@code 0 <= trial < trials()}
     * @param rngs   one generator per stream id, as many as the recording used
     * @param draws  {@code draws[i]} bound to {@code rngs[i]}, not recording
     * @param verify if true, throw if any result differs from the recorded one
     * @return the sum of the results (so that a benchmark can consume it)
     * @throws IllegalStateException if {@code verify} and a result differs
     */
    public double replay(int trial, StreamRng[] rngs, Draws[] draws, boolean verify) {
        double sum = 0;
        int next = trialResultStart[trial];
        for (int i = trialStart[trial], end = trialStart[trial + 1]; i < end; i++) {
            double r;
            switch (op[i]) {
                case RESET -> {
                    rngs[stream[i]].reset(whole[i]);
                    continue;
                }
                case LIFETIME -> {
                    Draws d = draws[stream[i]];
                    LifetimeTable t = tables[(int) whole[i]];
                    int limit = (int) b[i];
                    for (int c = (int) a[i]; c > 0; c--) {
                        int k = limit == 0 ? d.lifetime(t) : d.lifetimeWithin(t, limit);
                        if (verify) {
                            check(i, next, k);
                        }
                        next++;
                        sum += k;
                    }
                    continue;
                }
                case BINOMIAL -> r = draws[stream[i]].binomial(whole[i], a[i]);
                case POISSON -> r = draws[stream[i]].poisson(a[i]);
                case GAMMA -> r = draws[stream[i]].gamma(a[i]);
                case NORMAL -> r = draws[stream[i]].normal();
                case NEGATIVE_BINOMIAL -> r = draws[stream[i]].negativeBinomial(a[i], b[i]);
                default -> throw new IllegalStateException("bad op " + op[i]);
            }
            if (verify) {
                check(i, next, r);
            }
            next++;
            sum += r;
        }
        return sum;
    }

    private void check(int record, int draw, double r) {
        if (Double.doubleToLongBits(r) != Double.doubleToLongBits(result[draw])) {
            throw new IllegalStateException("replay of record " + record + " (" + NAMES[op[record]] + ") gave " + r
                    + ", recorded " + result[draw]);
        }
    }
}
