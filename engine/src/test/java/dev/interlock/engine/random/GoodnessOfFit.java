package dev.interlock.engine.random;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;
import java.util.function.IntToDoubleFunction;
import java.util.function.LongToDoubleFunction;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;

import org.apache.commons.math3.special.Gamma;

/**
 * Repeated chi-square goodness-of-fit tests, in the style of commons-rng's
 * {@code DiscreteSamplerParametricTest}.
 *
 * <p>Each case draws {@link #REPEATS} independent samples (from streams with distinct keys) and runs a
 * chi-square test at significance {@link #ALPHA} on each. For a correct sampler the number of
 * rejections X is Binomial(20, 0.01): P(X > 0) = 0.182, P(X > 1) = 0.0169, P(X > 2) = 1.0e-3,
 * P(X > 3) = 4.26e-5, P(X > 4) = 1.4e-6. A case fails when X > {@link #MAX_FAILURES} = 3, so a correct
 * sampler fails a given case with probability 4.26e-5, i.e. about 1 in 23,000. {@code DrawsTest} has 35
 * such cases (plus 10 moment checks at 4 standard errors, ~6e-5 each), so a correct implementation run
 * with fresh random seeds would fail somewhere about 0.2% of the time (1 run in ~500). The seeds are
 * fixed, so the outcome is deterministic: a run that passes once passes always (on the same platform),
 * and a real defect of the size these tests can detect makes many of the 20 repeats reject, not one or
 * two (see {@code DrawsTest.goodnessOfFitHarnessRejectsSlightlyWrongDistributions}).
 */
final class GoodnessOfFit {

    static final int REPEATS = 20;
    static final double ALPHA = 0.01;
    static final int MAX_FAILURES = 3;
    /** Base seed of all goodness-of-fit streams. */
    static final long SEED = 0x5EED_2024_0601L;
    /** Minimum expected count per cell after pooling. */
    private static final double MIN_EXPECTED = 5;

    private GoodnessOfFit() {
    }

    /** Result of the repeats of one case. */
    record Outcome(String label, double[] pValues, int failures) {
        @Override
        public String toString() {
            return label + ": " + failures + " of " + pValues.length + " p-values below " + ALPHA + ": "
                    + Arrays.toString(pValues);
        }
    }

    /** A fresh Draws on the stream for (case, repeat). */
    static Draws draws(int caseId, int repeat) {
        final StreamRng rng = new StreamRng();
        rng.reset(Streams.key(SEED, repeat, caseId, 0, 0));
        return new Draws(rng);
    }

    static void assertPasses(Outcome outcome) {
        assertThat(outcome.failures()).as("%s", outcome).isLessThanOrEqualTo(MAX_FAILURES);
    }

    /**
     * Discrete fit against an exact pmf. {@code pmf(k)} is evaluated for k = 0, 1, ... until the
     * cumulative probability exceeds 1 - 1e-13 or k reaches {@code maxValue}; the remaining probability
     * forms an upper tail cell. Values outside [0, maxValue] fail immediately.
     */
    static Outcome discrete(String label, int caseId, int sampleSize, long maxValue, ToLongFunction<Draws> draw,
            IntToDoubleFunction pmf) {
        final double[] probabilities = pmfCells(pmf, maxValue);
        final int tail = probabilities.length - 1;
        final double[] pValues = new double[REPEATS];
        int failures = 0;
        for (int r = 0; r < REPEATS; r++) {
            final Draws d = draws(caseId, r);
            final long[] observed = new long[probabilities.length];
            for (int i = 0; i < sampleSize; i++) {
                final long x = draw.applyAsLong(d);
                assertThat(x).as("%s: value out of support", label).isBetween(0L, maxValue);
                observed[(int) Math.min(x, tail)]++;
            }
            pValues[r] = pValue(probabilities, observed, sampleSize);
            if (pValues[r] < ALPHA) {
                failures++;
            }
        }
        return new Outcome(label, pValues, failures);
    }

    private static double[] pmfCells(IntToDoubleFunction pmf, long maxValue) {
        double[] cells = new double[64];
        double cumulative = 0;
        int k = 0;
        while (true) {
            final double p = pmf.applyAsDouble(k);
            if (k == cells.length) {
                cells = Arrays.copyOf(cells, 2 * k);
            }
            cells[k] = p;
            cumulative += p;
            k++;
            if (k > maxValue || cumulative > 1 - 1e-13) {
                break;
            }
        }
        final double[] withTail = Arrays.copyOf(cells, k + 1);
        withTail[k] = Math.max(0, 1 - cumulative); // P(X >= k)
        return withTail;
    }

    /**
     * Fit of integer-valued draws to a distribution given by {@code cdfBelow(c) = P(X < c)}, with cells
     * (-inf, c1), [c1, c2), ..., [c_last, +inf) for the increasing cut points {@code cuts}.
     */
    static Outcome binned(String label, int caseId, int sampleSize, ToLongFunction<Draws> draw,
            LongToDoubleFunction cdfBelow, long[] cuts) {
        final double[] probabilities = new double[cuts.length + 1];
        double previous = 0;
        for (int i = 0; i < cuts.length; i++) {
            final double f = cdfBelow.applyAsDouble(cuts[i]);
            probabilities[i] = f - previous;
            previous = f;
        }
        probabilities[cuts.length] = 1 - previous;
        final double[] pValues = new double[REPEATS];
        int failures = 0;
        for (int r = 0; r < REPEATS; r++) {
            final Draws d = draws(caseId, r);
            final long[] observed = new long[probabilities.length];
            for (int i = 0; i < sampleSize; i++) {
                final long x = draw.applyAsLong(d);
                final int index = Arrays.binarySearch(cuts, x);
                observed[index >= 0 ? index + 1 : -index - 1]++;
            }
            pValues[r] = pValue(probabilities, observed, sampleSize);
            if (pValues[r] < ALPHA) {
                failures++;
            }
        }
        return new Outcome(label, pValues, failures);
    }

    /** Continuous version of {@link #binned}: {@code cdf(c) = P(X <= c)}. */
    static Outcome continuous(String label, int caseId, int sampleSize, ToDoubleFunction<Draws> draw,
            DoubleUnaryOperator cdf, double[] cuts) {
        final double[] probabilities = new double[cuts.length + 1];
        double previous = 0;
        for (int i = 0; i < cuts.length; i++) {
            final double f = cdf.applyAsDouble(cuts[i]);
            probabilities[i] = f - previous;
            previous = f;
        }
        probabilities[cuts.length] = 1 - previous;
        final double[] pValues = new double[REPEATS];
        int failures = 0;
        for (int r = 0; r < REPEATS; r++) {
            final Draws d = draws(caseId, r);
            final long[] observed = new long[probabilities.length];
            for (int i = 0; i < sampleSize; i++) {
                final double x = draw.applyAsDouble(d);
                assertThat(Double.isFinite(x)).as("%s: finite", label).isTrue();
                final int index = Arrays.binarySearch(cuts, x);
                observed[index >= 0 ? index + 1 : -index - 1]++;
            }
            pValues[r] = pValue(probabilities, observed, sampleSize);
            if (pValues[r] < ALPHA) {
                failures++;
            }
        }
        return new Outcome(label, pValues, failures);
    }

    /**
     * Chi-square p-value after pooling adjacent cells (left to right) until each has an expected count
     * of at least 5; a remainder at the right end joins the last pooled cell.
     */
    static double pValue(double[] probabilities, long[] observed, int sampleSize) {
        final double[] pooledExpected = new double[probabilities.length];
        final long[] pooledObserved = new long[probabilities.length];
        int cells = 0;
        double e = 0;
        long o = 0;
        for (int i = 0; i < probabilities.length; i++) {
            e += probabilities[i] * sampleSize;
            o += observed[i];
            if (e >= MIN_EXPECTED) {
                pooledExpected[cells] = e;
                pooledObserved[cells] = o;
                cells++;
                e = 0;
                o = 0;
            }
        }
        if (cells == 0) {
            throw new IllegalStateException("fewer than 5 expected values in total");
        }
        pooledExpected[cells - 1] += e;
        pooledObserved[cells - 1] += o;
        if (cells < 2) {
            throw new IllegalStateException("need at least two cells");
        }
        double chi2 = 0;
        for (int i = 0; i < cells; i++) {
            final double diff = pooledObserved[i] - pooledExpected[i];
            chi2 += diff * diff / pooledExpected[i];
        }
        final int degreesOfFreedom = cells - 1;
        return Gamma.regularizedGammaQ(degreesOfFreedom / 2.0, chi2 / 2);
    }
}
