package dev.interlock.engine.random;

import java.util.Objects;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * Random variates whose parameters may change on every call, all drawn from one bound generator.
 *
 * <p>These are the draws of the model's process noise (MODEL.md sections 1 to 5: Poisson or negative
 * binomial leads, binomial funnel, win and churn counts). Unlike the commons-rng samplers, which precompute tables for fixed parameters, every method here
 * does its (cheap) set-up per call, so the engine can draw e.g. a Poisson count with a different mean
 * every month without creating objects. All algorithms are exact (up to floating-point rounding) and
 * none of the draw methods allocates, boxes or creates objects; the only object, the ziggurat normal
 * sampler, is built once in the constructor.
 *
 * <p>The sequence of variates is a pure function of the generator's state: with a {@link StreamRng}
 * reset to a key from {@link Streams#key(long, long, int, int, int)}, results are reproducible. (They
 * use {@link Math#exp}/{@link Math#log}, which Java allows to differ by an ulp between platforms, so
 * bit-for-bit equality across different CPU architectures is not guaranteed; it is on one platform.)
 *
 * <p>Not thread-safe, like the generator it is bound to.
 */
public final class Draws {

    /** Largest accepted Poisson mean and binomial trial count (integers up to ~9e15 are exact in a double). */
    private static final double MAX_COUNT = 1e15;
    /** Poisson: inversion below this mean, PTRS at or above it. */
    private static final double POISSON_PTRS_MIN_MEAN = 10;
    /**
     * Binomial: inversion when n * min(p, 1 - p) is below this, BTRD otherwise; for n <= POWER_MAX_N, where
     * inversion starts from q^n by multiplication, below BINOMIAL_BTRD_MIN_MEAN_SMALL_N. Measured with JMH
     * on copies of both routines (issue 8; n = 29, 60, 100, 182): at n p = 11, 15, 20 and 36 inversion
     * took about 35, 40, 47 and 107 ns, BTRD about 54, 54, 50 and 46 ns (at small n p BTRD accepts at
     * once less often).
     */
    private static final double BINOMIAL_BTRD_MIN_MEAN = 10;
    private static final double BINOMIAL_BTRD_MIN_MEAN_SMALL_N = 20;
    /** Binomial inversion: largest n for which q^n is computed by multiplication rather than exp/log1p. */
    private static final int POWER_MAX_N = 255;
    /** Distinct values of q whose powers {@link #binomialInversion} remembers. */
    private static final int MEMO_WAYS = 4;
    /** 1/x for x < 1024: the pmf recurrences of BINV and BTRD multiply instead of dividing. */
    private static final double[] RECIPROCALS = new double[1024];

    static {
        for (int x = 1; x < RECIPROCALS.length; x++) {
            RECIPROCALS[x] = 1.0 / x;
        }
    }

    private final UniformRandomProvider rng;
    private final ZigguratSampler.NormalizedGaussian gaussian;
    /** Null except in a recording instance (see {@link #recording}). */
    private final DrawTrace trace;
    private final int traceStream;
    /**
     * Memo for the inversion of small binomials, for the last {@value #MEMO_WAYS} values of p: per n, q^n
     * once (n, p) has been drawn, and its whole cdf F(0), …, F(n) once it is drawn again. Entries hold exactly
     * what a draw without them computes (the same operations in the same order), so a draw gives the same
     * result whatever the memo holds and results never depend on what was drawn before. It pays off because
     * the model draws many small binomials with few distinct p (waiting customers walking away: one p per
     * trial; closing-lag splits: one p per lag): with the cdf tabled, a draw counts the entries at or below
     * its uniform without a branch per step. Arrays are allocated the first time an n needs them and reused
     * when a way takes a new p, so after the first trials nothing is allocated.
     */
    private final double[] memoP = new double[MEMO_WAYS];
    private final double[][] memoPower = new double[MEMO_WAYS][POWER_MAX_N + 1];
    private final int[][] memoStamp = new int[MEMO_WAYS][POWER_MAX_N + 1];
    private final double[][][] memoCdf = new double[MEMO_WAYS][POWER_MAX_N + 1][];
    private final int[][] memoCdfStamp = new int[MEMO_WAYS][POWER_MAX_N + 1];
    private final int[] memoGeneration = new int[MEMO_WAYS];
    private int memoNext;

    /**
     * Binds the draws to a generator; builds the ziggurat normal sampler once.
     *
     * @param rng the source of randomness (normally a {@link StreamRng}); not {@code null}
     * @throws NullPointerException if {@code rng} is {@code null}
     */
    public Draws(UniformRandomProvider rng) {
        this(rng, null, 0);
    }

    private Draws(UniformRandomProvider rng, DrawTrace trace, int traceStream) {
        this.rng = Objects.requireNonNull(rng, "rng");
        this.gaussian = ZigguratSampler.NormalizedGaussian.of(rng);
        this.trace = trace;
        this.traceStream = traceStream;
        java.util.Arrays.fill(memoP, Double.NaN);   // matches no p
    }

    /**
     * Draws that also append every call (parameters and result) to {@code trace}, tagged with
     * {@code stream}: the recording side of the RNG-floor benchmark (see {@link DrawTrace}). The
     * variates are exactly those of {@code new Draws(rng)}.
     *
     * @param rng    the source of randomness; not {@code null}
     * @param trace  where to record; not {@code null}
     * @param stream the stream id the records are tagged with (the index used on replay)
     * @return recording draws bound to {@code rng}
     */
    public static Draws recording(UniformRandomProvider rng, DrawTrace trace, int stream) {
        return new Draws(rng, Objects.requireNonNull(trace, "trace"), stream);
    }

    // ------------------------------------------------------------------------------------ Poisson

    /**
     * A Poisson variate: P(X = k) = e^-mean mean^k / k!.
     *
     * <p>Algorithm: {@code mean == 0} gives 0 without consuming randomness. For {@code mean < 10},
     * inversion by sequential search
     * from 0 (L. Devroye, "Non-Uniform Random Variate Generation", 1986, sec. X.3.2; expected
     * {@code mean + 1} steps, one uniform; a uniform beyond the largest representable cdf value, an event
     * of probability ~1e-16, is redrawn rather than truncated). For {@code mean >= 10}, W. Hoermann's PTRS,
     * transformed rejection with squeeze ("The transformed rejection method for generating Poisson random
     * variables", Insurance: Mathematics and Economics 12(1), 39-45, 1993; two uniforms per attempt, most
     * attempts accepted without evaluating a logarithm). Where PTRS's final test needs {@code log P(X = k) =
     * -mean + k log(mean) - log k!}, it is evaluated in C. Loader's saddle-point form ("Fast and
     * accurate computation of binomial probabilities", 2000) from the Stirling-series error term (table
     * below 256, series beyond), which avoids the cancellation of the textbook form for large means.
     *
     * @param mean the mean, {@code 0 <= mean <= 1e15} (values up to 1e12 are tested)
     * @return a Poisson variate, {@code >= 0}
     * @throws IllegalArgumentException if {@code mean} is negative, NaN or above 1e15
     */
    public long poisson(double mean) {
        if (!(mean >= 0 && mean <= MAX_COUNT)) {
            throw new IllegalArgumentException("Poisson mean must be in [0, 1e15]: " + mean);
        }
        final long k = poissonValid(mean);
        if (trace != null) {
            trace.poisson(traceStream, mean, k);
        }
        return k;
    }

    /** Poisson for a validated mean. */
    private long poissonValid(double mean) {
        if (mean < POISSON_PTRS_MIN_MEAN) {
            return mean == 0 ? 0 : poissonInversion(mean);
        }
        return poissonPtrs(mean);
    }

    /** Sequential-search inversion, 0 < mean < 10. */
    private long poissonInversion(double mean) {
        final double p0 = Math.exp(-mean);
        draw:
        while (true) {
            final double u = rng.nextDouble();
            double p = p0;
            double cdf = p0;
            long k = 0;
            // X = min{k : u < F(k)}, so P(X = k) = F(k) - F(k-1).
            while (u >= cdf) {
                k++;
                p *= mean / k;
                final double next = cdf + p;
                if (next == cdf) {
                    // u lies above the largest representable F(k) (probability ~1e-16): redraw,
                    // rather than truncate the tail.
                    continue draw;
                }
                cdf = next;
            }
            return k;
        }
    }

    /** Hoermann's PTRS, mean >= 10. */
    private long poissonPtrs(double mean) {
        final double slam = Math.sqrt(mean);
        final double b = 0.931 + 2.53 * slam;
        final double a = -0.059 + 0.02483 * b;
        final double invAlpha = 1.1239 + 1.1328 / (b - 3.4);
        final double vr = 0.9277 - 3.6224 / (b - 2);
        while (true) {
            final double u = rng.nextDouble() - 0.5;
            final double v = rng.nextDouble();
            final double us = 0.5 - Math.abs(u);
            final double k = Math.floor((2 * a / us + b) * u + mean + 0.43);
            if (us >= 0.07 && v <= vr) {
                return (long) k;
            }
            if (k < 0 || (us < 0.013 && v > us)) {
                continue;
            }
            // log(0) = -Infinity for v == 0 is fine: it accepts.
            if (Math.log(v * invAlpha / (a / (us * us) + b)) <= logPoissonPmf(k, mean)) {
                return (long) k;
            }
        }
    }

    /**
     * Half-width rho of BTRD's squeeze (step 3.2): log(f(k)/f(m)) lies within rho of
     * {@code -km^2 / (2 npq)}, {@code km = |k - m|}.
     */
    static double btrdSqueezeHalfWidth(double km, double npq) {
        return (km / npq) * (((km / 3 + 0.625) * km + 1.0 / 6) / npq + 0.5);
    }

    /**
     * log P(X = k) for X ~ Poisson(mean), k a non-negative integer (a double, so that absurd rejected
     * candidates beyond the long range are handled). Uses C. Loader's saddle-point form ("Fast and
     * accurate computation of binomial probabilities", 2000): {@code -stirlerr(k) - bd0(k, mean) -
     * log sqrt(2 pi k)}, accurate to ~1e-14 relative for all means up to 1e15, unlike
     * {@code -mean + k log(mean) - log k!}, which loses ~1e-3 absolute at mean 1e12 to cancellation.
     */
    static double logPoissonPmf(double k, double mean) {
        if (k == 0) {
            return -mean;
        }
        return -LogFactorial.stirlingError(k) - bd0(k, mean) - 0.5 * Math.log(k) - LogFactorial.HALF_LOG_TWO_PI;
    }

    /**
     * log P(X = k) for X ~ Binomial(n, p), q = 1 - p, 0 &lt;= k &lt;= n integers (as doubles),
     * 0 &lt; p &lt; 1: Loader's {@code dbinom_raw} saddle-point form, {@code stirlerr(n) - stirlerr(k) -
     * stirlerr(n-k) - bd0(k, np) - bd0(n-k, nq) - log sqrt(2 pi k (n-k)/n)}, accurate to ~1e-14 absolute
     * for n up to 1e15 (no cancellation between large log-factorials).
     */
    static double logBinomialPmf(double k, double n, double p, double q) {
        if (k == 0) {
            return n * Math.log1p(-p);
        }
        if (k == n) {
            return n * Math.log(p);
        }
        final double nk = n - k;
        return LogFactorial.stirlingError(n) - LogFactorial.stirlingError(k) - LogFactorial.stirlingError(nk)
                - bd0(k, n * p) - bd0(nk, n * q)
                - 0.5 * (Math.log(k) + Math.log1p(-k / n)) - LogFactorial.HALF_LOG_TWO_PI;
    }

    /**
     * Loader's deviance term {@code bd0(x, np) = x log(x / np) + np - x} for x &gt; 0, np &gt; 0, evaluated
     * by the series {@code (x-np) v + 2x (v^3/3 + v^5/5 + ...)}, {@code v = (x-np)/(x+np)}, when x is
     * near np (where the direct formula cancels catastrophically), directly otherwise.
     */
    static double bd0(double x, double np) {
        final double diff = x - np;
        if (Math.abs(diff) < 0.1 * (x + np)) {
            double v = diff / (x + np);
            double s = diff * v;
            double ej = 2 * x * v;
            v *= v;
            // |v| < 0.1, so each term is < 1% of the previous: at most ~8 iterations.
            for (int j = 1; j < 100; j++) {
                ej *= v;
                final double s1 = s + ej / (2 * j + 1);
                if (s1 == s) {
                    return s1;
                }
                s = s1;
            }
            return s;
        }
        return x * Math.log(x / np) + np - x;
    }

    // ----------------------------------------------------------------------------------- binomial

    /**
     * A binomial variate: the number of successes in {@code n} independent trials of probability
     * {@code p}.
     *
     * <p>Algorithm: exact answers, without consuming randomness, for {@code n == 0}, {@code p == 0}
     * ({@code 0}) and {@code p == 1} ({@code n}). For {@code p > 0.5} the symmetry
     * {@code n - binomial(n, 1 - p)} is used ({@code 1 - p} is exact in floating point there), so the
     * work below always has {@code p <= 0.5}.
     * If {@code n p < 20} and {@code n <= 255}, or {@code n p < 10}: inversion by sequential search from 0
     * with the pmf recurrence
     * {@code f(x) = f(x-1) ((n+1)/x - 1) p/q} (Kachitvichyanukul and Schmeiser's BINV, "Binomial random
     * variate generation", CACM 31(2), 1988), starting from {@code q^n}: for {@code n <= 255} by repeated
     * squaring, X = min{x : u &lt; F(x)} against the partial sums F(x) of the recurrence, which are tabled
     * once an (n, p) recurs and then counted without a branch per step (the same X either way); beyond,
     * from {@code exp(n log1p(-p))}, reducing the uniform by f(0), f(1), ... until it is below f(x);
     * {@code 1/x} comes from a table. One uniform per draw. Otherwise
     * W. Hoermann's BTRD, transformed rejection with decomposition ("The generation of binomial random
     * variates", J. Statist. Comput. Simul. 46, 101-110, 1993): steps 1 to 3.2 exactly as published
     * (the central region accepted at once; the recursive pmf ratio for |k - m| &lt;= 15, with 1/i from a
     * table; the squeeze otherwise). In the final test (steps 3.3/3.4) the log-pmf ratio log(f(k)/f(m)) is evaluated in
     * C. Loader's saddle-point form ("Fast and accurate computation of binomial probabilities", 2000)
     * from the Stirling-series error term (table below 256, series beyond) instead of Hoermann's
     * fc()-based expression: the same quantity, but the latter's absolute rounding error grows like
     * {@code n * 1e-16}, which would matter near n = 1e15.
     *
     * @param n the number of trials, {@code 0 <= n <= 1e15} (tested up to 1e10)
     * @param p the success probability, {@code 0 <= p <= 1}
     * @return a variate in {@code [0, n]}
     * @throws IllegalArgumentException if {@code n} or {@code p} is out of range, or {@code p} is NaN
     */
    public long binomial(long n, double p) {
        if (n < 0 || n > MAX_COUNT || !(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("Binomial needs 0 <= n <= 1e15 and 0 <= p <= 1: n=" + n + ", p=" + p);
        }
        final long k = binomialValid(n, p);
        if (trace != null) {
            trace.binomial(traceStream, n, p, k);
        }
        return k;
    }

    /** Binomial for validated parameters. */
    private long binomialValid(long n, double p) {
        if (n == 0 || p == 0) {
            return 0;
        }
        if (p == 1) {
            return n;
        }
        // One call site, not one per branch: the JIT inlines the inversion (memo, table, search) wherever it
        // inlines this method, and two call sites made it do so twice.
        final boolean flip = p > 0.5;
        final long k = binomialSmallP(n, flip ? 1 - p : p);
        return flip ? n - k : k;
    }

    /** 0 < p <= 0.5, n >= 1. */
    private long binomialSmallP(long n, double p) {
        if (n * p < (n <= POWER_MAX_N ? BINOMIAL_BTRD_MIN_MEAN_SMALL_N : BINOMIAL_BTRD_MIN_MEAN)) {
            return binomialInversion(n, p);
        }
        return binomialBtrd(n, p);
    }

    /** BINV inversion, n p < 20 (n <= 255) or n p < 10, p <= 0.5. */
    private long binomialInversion(long n, double p) {
        final double q = 1 - p;
        final double s = p / q;
        final double a = (n + 1.0) * s;
        if (n <= POWER_MAX_N) {
            return binomialInversionSmallN((int) n, p, q, s, a);
        }
        // f(0) = q^n >= exp(-1.39 n p) > 1e-12 here, so no underflow.
        final double f0 = Math.exp(n * Math.log1p(-p));
        draw:
        while (true) {
            // X = min{x : u < F(x)}: subtract f(0), f(1), ... from u until what is left is below f(x).
            double u = rng.nextDouble();
            double f = f0;
            long x = 0;
            while (u >= f) {
                final double rest = u - f;
                if (rest == u || x == n) {
                    // u lies above the largest representable F(x) (probability ~1e-16): redraw, rather
                    // than truncate the tail.
                    continue draw;
                }
                u = rest;
                x++;
                f *= (x < RECIPROCALS.length ? a * RECIPROCALS[(int) x] : a / x) - s;
            }
            return x;
        }
    }

    /**
     * Inversion for n &lt;= {@value #POWER_MAX_N}: X = min{x &lt;= n : u &lt; F(x)} with F(x) = F(x−1) + f(x),
     * f(0) = q^n by {@link #power}, f(x) = f(x−1)·(a/x − s) (1/x from the table); a u at or above the computed
     * F(n), which rounding leaves just below 1 (probability ~1e-16), is redrawn rather than the tail truncated.
     * The first time (n, p) comes up the partial sums are formed during the search, the next time they are
     * tabled ({@link #memoCdf}) and then counted; both give the same X for the same u.
     */
    private long binomialInversionSmallN(int n, double p, double q, double s, double a) {
        int way = 0;
        while (way < MEMO_WAYS && memoP[way] != p) {
            way++;
        }
        if (way == MEMO_WAYS) {
            way = memoNext;
            memoNext = (memoNext + 1) % MEMO_WAYS;
            memoP[way] = p;
            if (memoGeneration[way] == Integer.MAX_VALUE) {
                java.util.Arrays.fill(memoStamp[way], 0);
                java.util.Arrays.fill(memoCdfStamp[way], 0);
                memoGeneration[way] = 0;
            }
            memoGeneration[way]++;   // forget the old p's entries in O(1): their stamps no longer match
        }
        final int generation = memoGeneration[way];
        if (memoCdfStamp[way][n] == generation || memoStamp[way][n] == generation) {
            // one call of countBelow for both cases, so that the JIT inlines it once
            final double[] cdf = memoCdfStamp[way][n] == generation ? memoCdf[way][n]
                    : tabulate(way, n, memoPower[way][n], a, s);
            return countBelow(cdf, n);
        }
        final double f0 = power(q, n);
        memoPower[way][n] = f0;
        memoStamp[way][n] = generation;
        draw:
        while (true) {
            final double u = rng.nextDouble();
            double f = f0;
            double cdf = f0;
            int x = 0;
            while (u >= cdf) {
                if (x == n) {
                    continue draw;
                }
                x++;
                f *= a * RECIPROCALS[x] - s;
                cdf += f;
            }
            return x;
        }
    }

    /** Entries a cdf table has at least: {@link #countBelow} counts the first ones without branching. */
    private static final int COUNTED = 16;

    /**
     * Tables F(0), …, F(n) for the way's p (the sums {@link #binomialInversionSmallN} forms, by the same
     * operations), followed by +∞ up to at least {@value #COUNTED} entries.
     */
    private double[] tabulate(int way, int n, double f0, double a, double s) {
        double[] c = memoCdf[way][n];
        if (c == null) {
            c = new double[Math.max(n + 2, COUNTED)];
            memoCdf[way][n] = c;
        }
        double f = f0;
        c[0] = f0;
        for (int x = 1; x <= n; x++) {
            f *= a * RECIPROCALS[x] - s;
            c[x] = c[x - 1] + f;
        }
        java.util.Arrays.fill(c, n + 1, c.length, Double.POSITIVE_INFINITY);
        memoCdfStamp[way][n] = memoGeneration[way];
        return c;
    }

    /**
     * min{x : u &lt; c[x]} for a fresh uniform u, redrawn while it is above c[n]: the number of entries at or
     * below u, as c is non-decreasing (then +∞). The first {@value #COUNTED} are counted without a branch, so a
     * draw does not pay for mispredicting where its search stops.
     */
    private long countBelow(double[] c, int n) {
        while (true) {
            final double u = rng.nextDouble();
            int x = 0;
            for (int k = 0; k < COUNTED; k++) {
                x += u >= c[k] ? 1 : 0;
            }
            if (x == COUNTED) {
                while (u >= c[x]) {
                    x++;
                }
            }
            if (x <= n) {
                return x;
            }
        }
    }

    /**
     * {@code q^n} for {@code 0 <= n <= 255} by binary exponentiation over all eight bits of n,
     * without branches (a multiplication by 1 where a bit is 0), so that no draw pays for a mispredicted
     * jump: 15 multiplications, relative error below {@code (n + 15) 2^-53} (including the rounding of
     * {@code q = 1 - p}), i.e. below 3.5e-14. {@code exp(n log1p(-p))} costs about three times as much at
     * the sizes the model draws (benchmarks/SamplerBenchmark).
     */
    static double power(double q, int n) {
        double b = q;
        double r = (n & 1) != 0 ? b : 1;
        b *= b;
        r *= (n & 2) != 0 ? b : 1;
        b *= b;
        r *= (n & 4) != 0 ? b : 1;
        b *= b;
        r *= (n & 8) != 0 ? b : 1;
        b *= b;
        r *= (n & 16) != 0 ? b : 1;
        b *= b;
        r *= (n & 32) != 0 ? b : 1;
        b *= b;
        r *= (n & 64) != 0 ? b : 1;
        b *= b;
        return (n & 128) != 0 ? r * b : r;
    }

    /** Hoermann's BTRD, n p >= 10 (>= 20 for n <= 255), p <= 0.5. Step numbers refer to the paper. */
    private long binomialBtrd(long n, double p) {
        // Set-up (n and the candidates k are exact integers in a double since n <= 1e15).
        final double nd = n;
        final double q = 1 - p;
        final double m = Math.floor((nd + 1) * p);
        final double r = p / q;
        final double nr = (nd + 1) * r;
        final double npq = nd * p * q;
        final double sqrtNpq = Math.sqrt(npq);
        final double b = 1.15 + 2.53 * sqrtNpq;
        final double a = -0.0873 + 0.0248 * b + 0.01 * p;
        final double c = nd * p + 0.5;
        final double alpha = (2.83 + 5.1 / b) * sqrtNpq;
        final double vr = 0.92 - 4.2 / b;
        final double urvr = 0.86 * vr;
        double h = Double.NaN; // log f(m) (step 3.3), computed at most once and only when needed
        while (true) {
            // Step 1: the central region, accepted without further tests.
            double v = rng.nextDouble();
            double u;
            if (v <= urvr) {
                u = v / vr - 0.43;
                final double k = Math.floor((2 * a / (0.5 - Math.abs(u)) + b) * u + c);
                if (k >= 0 && k <= nd) { // always true when n p >= 10; kept as a guard
                    return (long) k;
                }
                continue;
            }
            // Step 2: generate U, and V ~ U(0, v_r) recycled from the first uniform when possible.
            if (v >= vr) {
                u = rng.nextDouble() - 0.5;
            } else {
                u = v / vr - 0.93;
                u = Math.copySign(0.5, u) - u;
                v = rng.nextDouble() * vr;
            }
            // Step 3.0
            final double us = 0.5 - Math.abs(u);
            final double k = Math.floor((2 * a / us + b) * u + c);
            if (k < 0 || k > nd) {
                continue;
            }
            v = v * alpha / (a / (us * us) + b);
            final double km = Math.abs(k - m);
            if (km <= 15) {
                // Step 3.1: recursive evaluation of f(k) / f(m).
                double f = 1;
                if (m < k) {
                    for (double i = m + 1; i <= k; i++) {
                        f *= (i < RECIPROCALS.length ? nr * RECIPROCALS[(int) i] : nr / i) - r;
                    }
                } else if (m > k) {
                    for (double i = k + 1; i <= m; i++) {
                        v *= (i < RECIPROCALS.length ? nr * RECIPROCALS[(int) i] : nr / i) - r;
                    }
                }
                if (v <= f) {
                    return (long) k;
                }
                continue;
            }
            // Step 3.2: squeeze acceptance / rejection.
            v = Math.log(v);
            final double rho = btrdSqueezeHalfWidth(km, npq);
            final double t = -km * km / (2 * npq);
            if (v < t - rho) {
                return (long) k;
            }
            if (v > t + rho) {
                continue;
            }
            // Steps 3.3 and 3.4: the final test log V <= log(f(k) / f(m)). Hoermann writes the right side
            // with his Stirling correction fc(); here both log-pmfs use Loader's saddle-point form (the
            // same quantity, but free of the O(n * 1e-16) rounding of the fc() form for huge n).
            if (Double.isNaN(h)) {
                h = logBinomialPmf(m, nd, p, q);
            }
            if (v <= logBinomialPmf(k, nd, p, q) - h) {
                return (long) k;
            }
        }
    }

    // -------------------------------------------------------------------------- gamma and normal

    /**
     * A gamma variate with the given shape and scale 1 (density x^(shape-1) e^-x / Gamma(shape)).
     *
     * <p>Algorithm: G. Marsaglia and W. W. Tsang, "A simple method for generating gamma variables", ACM
     * Trans. Math. Softw. 26(3), 363-372, 2000: a normal and an open-interval uniform per attempt, a
     * squeeze that usually avoids the logarithm, and a rejection rate of a few percent at most. For
     * {@code shape < 1}, the boost from the same paper: {@code gamma(shape + 1) * U^(1/shape)} with U
     * uniform on (0, 1), one extra uniform.
     * For very small shapes the result may underflow to 0, as the true variate is then below the
     * smallest double with substantial probability.
     *
     * @param shape the shape, {@code shape > 0} and finite
     * @return a gamma variate, {@code >= 0}
     * @throws IllegalArgumentException if {@code shape} is not positive and finite
     */
    public double gamma(double shape) {
        if (!(shape > 0 && shape < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("Gamma shape must be positive and finite: " + shape);
        }
        final double x = gammaValid(shape);
        if (trace != null) {
            trace.gamma(traceStream, shape, x);
        }
        return x;
    }

    /** Gamma for a validated shape. */
    private double gammaValid(double shape) {
        if (shape < 1) {
            final double g = marsagliaTsang(shape + 1);
            return g * Math.pow(openUniform(), 1 / shape);
        }
        return marsagliaTsang(shape);
    }

    /** Marsaglia-Tsang for shape >= 1. */
    private double marsagliaTsang(double shape) {
        final double d = shape - 1.0 / 3;
        final double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x;
            double v;
            do {
                x = gaussian.sample();
                v = 1 + c * x;
            } while (v <= 0);
            v = v * v * v;
            final double u = openUniform();
            final double x2 = x * x;
            if (u < 1 - 0.0331 * x2 * x2) {
                return d * v;
            }
            if (Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v))) {
                return d * v;
            }
        }
    }

    /**
     * A standard normal variate (mean 0, variance 1).
     *
     * <p>Algorithm: the McFarland/Herbert modified ziggurat (C. D. McFarland, "A modified ziggurat
     * algorithm for generating exponentially and normally distributed pseudorandom numbers", J. Statist.
     * Comput. Simul. 86(7), 2016) as implemented by commons-rng-sampling's
     * {@code ZigguratSampler.NormalizedGaussian}, created once in the constructor. Usually one 64-bit
     * output per variate.
     *
     * @return a standard normal variate
     */
    public double normal() {
        final double x = gaussian.sample();
        if (trace != null) {
            trace.normal(traceStream, x);
        }
        return x;
    }

    // ----------------------------------------------------------------------------------- lifetime

    /**
     * A lifetime from a per-trial table: one uniform, inverted through the table's guide cells (see
     * {@link LifetimeTable}).
     *
     * @param table the distribution; not {@code null}
     * @return a lifetime in {@code 1 … table.m() + 1} ({@code m + 1}: beyond the table)
     */
    public int lifetime(LifetimeTable table) {
        final int k = table.sample(rng.nextDouble());
        if (trace != null) {
            trace.lifetime(traceStream, table, 0, k);
        }
        return k;
    }

    /**
     * A lifetime from a per-trial table, conditional on being at most {@code limit}: inversion of a uniform
     * on [0, P(K ≤ limit)), one uniform. Drawing how many of n customers churn within the limit
     * ({@code binomial(n, table.probabilityWithin(limit))}) and then only their lifetimes gives the same
     * distribution as n unconditional lifetimes, with fewer draws.
     *
     * @param table the distribution; not {@code null}
     * @param limit the largest lifetime wanted, {@code 1 <= limit <= table.m()}, with
     *              {@code table.probabilityWithin(limit) > 0}
     * @return a lifetime in {@code 1 … limit}
     */
    public int lifetimeWithin(LifetimeTable table, int limit) {
        final int k = Math.min(limit, table.sample(rng.nextDouble() * table.probabilityWithin(limit)));
        if (trace != null) {
            trace.lifetime(traceStream, table, limit, k);
        }
        return k;
    }

    // -------------------------------------------------------------------------- negative binomial

    /**
     * A negative binomial variate parameterised by mean and dispersion: variance
     * {@code mean + dispersion * mean^2} (so the "size" parameter is {@code 1 / dispersion} and the
     * success probability {@code 1 / (1 + dispersion * mean)}).
     *
     * <p>Algorithm: the gamma-Poisson mixture (M. Greenwood and G. U. Yule, 1920; Devroye 1986, sec.
     * X.4.7): {@code poisson(gamma(1 / dispersion) * dispersion * mean)}, using {@link #gamma(double)}
     * and {@link #poisson(double)}. {@code dispersion == 0} (or so small that {@code 1 / dispersion}
     * overflows) is exactly {@code poisson(mean)}; {@code mean == 0} gives 0 without consuming
     * randomness.
     *
     * @param mean       the mean, {@code 0 <= mean <= 1e15}
     * @param dispersion the dispersion (1 / size), {@code >= 0} and finite
     * @return a negative binomial variate, {@code >= 0}
     * @throws IllegalArgumentException if a parameter is out of range or NaN, or if the mixed Poisson
     *                                  mean exceeds 1e15 (possible only for extreme
     *                                  {@code mean * dispersion})
     */
    public long negativeBinomial(double mean, double dispersion) {
        if (!(mean >= 0 && mean <= MAX_COUNT) || !(dispersion >= 0 && dispersion < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(
                    "Negative binomial needs 0 <= mean <= 1e15 and finite dispersion >= 0: mean=" + mean
                            + ", dispersion=" + dispersion);
        }
        final long k = negativeBinomialValid(mean, dispersion);
        if (trace != null) {
            trace.negativeBinomial(traceStream, mean, dispersion, k);
        }
        return k;
    }

    /** Negative binomial for validated parameters. */
    private long negativeBinomialValid(double mean, double dispersion) {
        if (mean == 0) {
            return 0;
        }
        final double shape = 1 / dispersion;
        if (shape == Double.POSITIVE_INFINITY) {
            return poissonValid(mean);
        }
        final double mixed = gammaValid(shape) * (dispersion * mean);
        if (!(mixed <= MAX_COUNT)) {
            throw new IllegalArgumentException("Negative binomial: mixed Poisson mean above 1e15: " + mixed);
        }
        return poissonValid(mixed);
    }

    /** A uniform in the open interval (0, 1) from the bound generator (see StreamRng#nextOpenDouble). */
    private double openUniform() {
        return StreamRng.openUnit(rng.nextLong());
    }
}
