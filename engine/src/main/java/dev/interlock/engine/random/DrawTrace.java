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
 * replay does not.
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
    private long[] whole = new long[1024];    // RESET: key; BINOMIAL: n
    private double[] a = new double[1024];    // POISSON, NEGATIVE_BINOMIAL: mean; BINOMIAL: p; GAMMA: shape
    private double[] b = new double[1024];    // NEGATIVE_BINOMIAL: dispersion
    private double[] result = new double[1024];
    private int size;
    private int[] trialStart = new int[16];
    private LifetimeTable[] tables = new LifetimeTable[16];   // snapshots, one per distinct table state
    private int tableCount;
    private LifetimeTable lastTable;
    private int lastVersion;
    private int trials;

    /** Marks the start of the next trial's records; call before running it. */
    public void beginTrial() {
        if (trials + 1 >= trialStart.length) {
            trialStart = Arrays.copyOf(trialStart, trialStart.length * 2);
        }
        trialStart[trials++] = size;
        trialStart[trials] = size;
    }

    /** Trials recorded. */
    public int trials() {
        return trials;
    }

    /** Records of all trials. */
    public int size() {
        return size;
    }

    /** How many records of operation {@code code} (one of the constants) the whole trace holds. */
    public long count(byte code) {
        long n = 0;
        for (int i = 0; i < size; i++) {
            if (op[i] == code) {
                n++;
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

    /** Result recorded at record {@code i}. */
    public double result(int i) {
        return result[i];
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
        add(RESET, s, key, 0, 0, 0);
    }

    void poisson(int s, double mean, long k) {
        add(POISSON, s, 0, mean, 0, k);
    }

    void binomial(int s, long n, double p, long k) {
        add(BINOMIAL, s, n, p, 0, k);
    }

    void gamma(int s, double shape, double x) {
        add(GAMMA, s, 0, shape, 0, x);
    }

    void normal(int s, double x) {
        add(NORMAL, s, 0, 0, 0, x);
    }

    void lifetime(int s, LifetimeTable table, int k) {
        if (table != lastTable || table.version() != lastVersion) {
            if (tableCount == tables.length) {
                tables = Arrays.copyOf(tables, tableCount * 2);
            }
            tables[tableCount++] = table.copy();
            lastTable = table;
            lastVersion = table.version();
        }
        add(LIFETIME, s, tableCount - 1, 0, 0, k);
    }

    void negativeBinomial(int s, double mean, double dispersion, long k) {
        add(NEGATIVE_BINOMIAL, s, 0, mean, dispersion, k);
    }

    private void add(byte code, int s, long w, double x, double y, double r) {
        if (trials == 0) {
            throw new IllegalStateException("call beginTrial() before recording");
        }
        if (size == op.length) {
            int n = size * 2;
            op = Arrays.copyOf(op, n);
            stream = Arrays.copyOf(stream, n);
            whole = Arrays.copyOf(whole, n);
            a = Arrays.copyOf(a, n);
            b = Arrays.copyOf(b, n);
            result = Arrays.copyOf(result, n);
        }
        if (s < 0 || s > Byte.MAX_VALUE) {
            throw new IllegalArgumentException("stream id out of range: " + s);
        }
        op[size] = code;
        stream[size] = (byte) s;
        whole[size] = w;
        a[size] = x;
        b[size] = y;
        result[size] = r;
        size++;
        trialStart[trials] = size;
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
                case RESET, LIFETIME -> sum += whole[i] + stream[i];
                case BINOMIAL -> sum += whole[i] + a[i] + stream[i];
                case NEGATIVE_BINOMIAL -> sum += a[i] + b[i] + stream[i];
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
        for (int i = trialStart[trial], end = trialStart[trial + 1]; i < end; i++) {
            double r;
            switch (op[i]) {
                case RESET -> {
                    rngs[stream[i]].reset(whole[i]);
                    continue;
                }
                case POISSON -> r = draws[stream[i]].poisson(a[i]);
                case BINOMIAL -> r = draws[stream[i]].binomial(whole[i], a[i]);
                case GAMMA -> r = draws[stream[i]].gamma(a[i]);
                case NORMAL -> r = draws[stream[i]].normal();
                case NEGATIVE_BINOMIAL -> r = draws[stream[i]].negativeBinomial(a[i], b[i]);
                case LIFETIME -> r = draws[stream[i]].lifetime(tables[(int) whole[i]]);
                default -> throw new IllegalStateException("bad op " + op[i]);
            }
            if (verify && Double.doubleToLongBits(r) != Double.doubleToLongBits(result[i])) {
                throw new IllegalStateException("replay of record " + i + " (" + NAMES[op[i]] + ") gave " + r
                        + ", recorded " + result[i]);
            }
            sum += r;
        }
        return sum;
    }
}
