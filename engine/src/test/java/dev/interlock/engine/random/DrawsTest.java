package dev.interlock.engine.random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import java.util.function.ToLongFunction;

import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.PascalDistribution;
import org.apache.commons.math3.distribution.PoissonDistribution;
import org.apache.commons.math3.special.Gamma;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Distribution tests for {@link Draws}. The repeated chi-square tests and their false-failure rate are
 * described in {@link GoodnessOfFit}. All seeds are fixed, so every test is deterministic.
 */
class DrawsTest {

    private static final int N = 20_000;
    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

    // --------------------------------------------------------------------------------- Poisson

    @ParameterizedTest
    @ValueSource(doubles = {0.3, 4, 9.9, 10, 37, 500})
    void poissonFitsExactPmf(double mean) {
        final PoissonDistribution reference = new PoissonDistribution(mean);
        GoodnessOfFit.assertPasses(GoodnessOfFit.discrete("poisson(" + mean + ")", 100 + (int) (mean * 10), N,
                Long.MAX_VALUE, d -> d.poisson(mean), reference::probability));
    }

    @Test
    void poissonOneMillionMatchesExactCdfAndMoments() {
        final double mean = 1e6;
        final PoissonDistribution reference = new PoissonDistribution(mean);
        GoodnessOfFit.assertPasses(GoodnessOfFit.binned("poisson(1e6)", 201, N, d -> d.poisson(mean),
                c -> reference.cumulativeProbability((int) c - 1), normalQuantileCuts(mean, Math.sqrt(mean), 40)));
        // Fourth central moment of Poisson: mean (1 + 3 mean).
        assertMoments(202, d -> d.poisson(mean), mean, mean, mean * (1 + 3 * mean));
    }

    @Test
    void poissonMeanOneTrillionMatchesNormalLimitAndMoments() {
        // Exact Poisson cdfs at 1e12 are not available in commons-math3 (int arguments), so the cells are
        // compared with the normal approximation with continuity correction. Its error in a cell
        // probability is of order skewness / 6 = 1.7e-7, which changes the expected chi-square statistic
        // by ~1e-6: negligible.
        final double mean = 1e12;
        final double sd = 1e6;
        GoodnessOfFit.assertPasses(GoodnessOfFit.binned("poisson(1e12)", 203, N, d -> d.poisson(mean),
                c -> STANDARD_NORMAL.cumulativeProbability((c - 0.5 - mean) / sd), normalQuantileCuts(mean, sd, 40)));
        assertMoments(204, d -> d.poisson(mean), mean, mean, mean * (1 + 3 * mean));
    }

    // -------------------------------------------------------------------------------- binomial

    @ParameterizedTest
    @CsvSource({
        "5, 0.3", // inversion
        "100, 0.05", // inversion, n p = 5
        "30, 0.33", // inversion, n p = 9.9
        "50, 0.2", // inversion, n p = 10 (n <= 255: inversion up to n p = 20)
        "40, 0.5", // BTRD at p = 0.5 (no symmetry), n p = 20 exactly
        "39, 0.5", // inversion at p = 0.5, n p = 19.5
        "255, 0.078", // inversion at the largest n started by multiplication, n p = 19.9
        "256, 0.05", // BTRD: n > 255, n p = 12.8
        "60, 0.6", // symmetry into BTRD (n q = 24)
        "40, 0.6", // symmetry into inversion (n q = 16)
        "1000, 0.27", // BTRD: both |k - m| <= 15 (recursive) and > 15 (squeeze / final test)
        "200, 0.2", // BTRD
        "24, 0.94", // symmetry into inversion (n q = 1.44)
        "1000, 0.973", // symmetry into BTRD (n q = 27)
        "100000, 0.00009", // inversion at larger n (n p = 9)
        "100000, 0.0001", // BTRD at small p (n p = 10.0 in floating point)
        "5000, 0.5", // BTRD, wide: many squeeze and final-test decisions
    })
    void binomialFitsExactPmf(int n, double p) {
        final BinomialDistribution reference = new BinomialDistribution(n, p);
        GoodnessOfFit.assertPasses(GoodnessOfFit.discrete("binomial(" + n + ", " + p + ")",
                300 + Integer.hashCode(n) * 31 + Double.hashCode(p), N, n, d -> d.binomial(n, p), reference::probability));
    }

    @Test
    void binomialHugeNWithTinyPFitsExactPmf() {
        // n = 1e10 on the inversion path (n p = 5), pmf computed directly (commons-math3 takes int n).
        final long n = 10_000_000_000L;
        final double p = 5e-10;
        GoodnessOfFit.assertPasses(GoodnessOfFit.discrete("binomial(1e10, 5e-10)", 401, N, n,
                d -> d.binomial(n, p), k -> Math.exp(logBinomialPmfBySum(n, p, k))));
        GoodnessOfFit.assertPasses(GoodnessOfFit.discrete("binomial(1e10, 1 - 5e-10) mirrored", 402, N, n,
                d -> n - d.binomial(n, 1 - 5e-10), k -> Math.exp(logBinomialPmfBySum(n, 1 - (1 - 5e-10), k))));
    }

    /** log C(n, k) p^k q^(n-k) with C(n, k) as a product of k ratios (fine for small k). */
    private static double logBinomialPmfBySum(long n, double p, int k) {
        double logChoose = 0;
        for (int i = 0; i < k; i++) {
            logChoose += Math.log((double) (n - i) / (i + 1));
        }
        return logChoose + k * Math.log(p) + (n - k) * Math.log1p(-p);
    }

    @Test
    void binomialOneMillionHalfMatchesExactCdfAndMoments() {
        final int n = 1_000_000;
        final double p = 0.5;
        final BinomialDistribution reference = new BinomialDistribution(n, p);
        final double variance = n * p * (1 - p);
        GoodnessOfFit.assertPasses(GoodnessOfFit.binned("binomial(1e6, 0.5)", 403, N, d -> d.binomial(n, p),
                c -> reference.cumulativeProbability((int) c - 1), normalQuantileCuts(n * p, Math.sqrt(variance), 40)));
        assertMoments(404, d -> d.binomial(n, p), n * p, variance, binomialFourthMoment(n, p));
    }

    @Test
    void binomialTenBillionMatchesNormalLimitAndMoments() {
        // As for Poisson(1e12): normal approximation error ~ skewness / 6 = 1.5e-6 per cell: negligible.
        final long n = 10_000_000_000L;
        final double p = 0.3;
        final double mean = n * p;
        final double sd = Math.sqrt(n * p * (1 - p));
        GoodnessOfFit.assertPasses(GoodnessOfFit.binned("binomial(1e10, 0.3)", 405, N, d -> d.binomial(n, p),
                c -> STANDARD_NORMAL.cumulativeProbability((c - 0.5 - mean) / sd), normalQuantileCuts(mean, sd, 40)));
        assertMoments(406, d -> d.binomial(n, p), mean, sd * sd, binomialFourthMoment(n, p));
        assertMoments(407, d -> d.binomial(n, 1 - p), n - mean, sd * sd, binomialFourthMoment(n, 1 - p));
    }

    private static double binomialFourthMoment(double n, double p) {
        final double pq = p * (1 - p);
        return n * pq * (1 + 3 * (n - 2) * pq);
    }

    // ------------------------------------------------------------------------- gamma and normal

    @ParameterizedTest
    @ValueSource(doubles = {0.05, 0.3, 1, 2.5, 50})
    void gammaFitsExactCdf(double shape) {
        GoodnessOfFit.assertPasses(GoodnessOfFit.continuous("gamma(" + shape + ")", 500 + (int) (shape * 100), N,
                d -> d.gamma(shape), x -> Gamma.regularizedGammaP(shape, x), gammaQuantiles(shape, 40)));
    }

    /** Equiprobable cut points by bisection on log x (commons-math3's inverse has 1e-9 absolute accuracy). */
    private static double[] gammaQuantiles(double shape, int cells) {
        final double[] cuts = new double[cells - 1];
        for (int i = 1; i < cells; i++) {
            final double target = (double) i / cells;
            double lo = -745;
            double hi = Math.log(shape + 40 * Math.sqrt(shape) + 40);
            for (int iteration = 0; iteration < 200; iteration++) {
                final double mid = 0.5 * (lo + hi);
                if (Gamma.regularizedGammaP(shape, Math.exp(mid)) < target) {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            cuts[i - 1] = Math.exp(0.5 * (lo + hi));
        }
        return cuts;
    }

    @Test
    void normalFitsExactCdfAndIsTheCommonsRngZiggurat() {
        final double[] cuts = new double[39];
        for (int i = 1; i < 40; i++) {
            cuts[i - 1] = STANDARD_NORMAL.inverseCumulativeProbability(i / 40.0);
        }
        GoodnessOfFit.assertPasses(GoodnessOfFit.continuous("normal", 601, N, Draws::normal,
                STANDARD_NORMAL::cumulativeProbability, cuts));
        final StreamRng a = new StreamRng();
        final StreamRng b = new StreamRng();
        a.reset(77);
        b.reset(77);
        final Draws draws = new Draws(a);
        final ZigguratSampler.NormalizedGaussian reference = ZigguratSampler.NormalizedGaussian.of(b);
        for (int i = 0; i < 1000; i++) {
            assertThat(draws.normal()).isEqualTo(reference.sample());
        }
    }

    // ------------------------------------------------------------------------------- lifetime

    @Test
    void lifetimeFitsShiftedBetaGeometricPmf() {
        // sBG alpha 0.9, beta 14 over 60 months (the reference scenario): P(K > k) = B(a, b + k) / B(a, b),
        // computed independently with log-gamma; K = 61 stands for "beyond month 60".
        final double a = 0.9;
        final double b = 14;
        final int m = 60;
        final double[] survival = new double[m + 1];
        for (int k = 1; k <= m; k++) {
            survival[k] = (b + k - 1) / (a + b + k - 1);
        }
        final LifetimeTable table = new LifetimeTable(m);
        table.set(survival, m);
        GoodnessOfFit.assertPasses(GoodnessOfFit.discrete("lifetime(sBG 0.9, 14)", 801, N, m + 1,
                d -> d.lifetime(table), k -> k == 0 ? 0 : k <= m ? sbgSurvival(a, b, k - 1) - sbgSurvival(a, b, k)
                        : sbgSurvival(a, b, m)));
    }

    @Test
    void lifetimeFitsGeometricPmfAndHandlesCertainties() {
        final int m = 30;
        final double[] survival = new double[m + 1];
        java.util.Arrays.fill(survival, 0.8);
        final LifetimeTable table = new LifetimeTable(40);
        table.set(survival, m);
        GoodnessOfFit.assertPasses(GoodnessOfFit.discrete("lifetime(geometric 0.2)", 802, N, m + 1,
                d -> d.lifetime(table), k -> k == 0 ? 0 : k <= m ? Math.pow(0.8, k - 1) * 0.2 : Math.pow(0.8, m)));
        final Draws d = GoodnessOfFit.draws(803, 0);
        java.util.Arrays.fill(survival, 1);
        table.set(survival, m);
        for (int i = 0; i < 1000; i++) {
            assertThat(d.lifetime(table)).isEqualTo(m + 1);     // nobody churns
        }
        java.util.Arrays.fill(survival, 0);
        table.set(survival, m);
        for (int i = 0; i < 1000; i++) {
            assertThat(d.lifetime(table)).isEqualTo(1);         // everybody churns at the first chance
        }
        table.set(survival, 0);
        assertThat(d.lifetime(table)).isEqualTo(1);             // m = 0: only "beyond"
    }

    @Test
    void lifetimeWithinALimitFitsTheConditionalPmf() {
        final double a = 0.9;
        final double b = 14;
        final int m = 60;
        final int limit = 12;
        final double[] survival = new double[m + 1];
        for (int k = 1; k <= m; k++) {
            survival[k] = (b + k - 1) / (a + b + k - 1);
        }
        final LifetimeTable table = new LifetimeTable(m);
        table.set(survival, m);
        final double within = 1 - sbgSurvival(a, b, limit);
        assertThat(table.probabilityWithin(limit)).isCloseTo(within, org.assertj.core.data.Offset.offset(1e-12));
        GoodnessOfFit.assertPasses(GoodnessOfFit.discrete("lifetimeWithin(sBG 0.9, 14; 12)", 804, N, limit,
                d -> d.lifetimeWithin(table, limit),
                k -> k == 0 ? 0 : (sbgSurvival(a, b, k - 1) - sbgSurvival(a, b, k)) / within));
    }

    /** sBG survival B(a, b + k) / B(a, b). */
    private static double sbgSurvival(double a, double b, int k) {
        return Math.exp(Gamma.logGamma(b + k) + Gamma.logGamma(a + b) - Gamma.logGamma(a + b + k) - Gamma.logGamma(b));
    }

    // ----------------------------------------------------------------------- negative binomial

    @Test
    void negativeBinomialFitsExactPmf() {
        // mean 50, dispersion 0.2: size r = 5, success probability r / (r + mean) = 1/11.
        final PascalDistribution reference = new PascalDistribution(5, 1.0 / 11);
        GoodnessOfFit.assertPasses(GoodnessOfFit.discrete("negativeBinomial(50, 0.2)", 701, N, Long.MAX_VALUE,
                d -> d.negativeBinomial(50, 0.2), reference::probability));
        // Non-integer sizes: r = 1/0.7 (gamma shape 1.43), r = 1/3 (shape < 1: the boost path), and
        // mean 1000 (the mixed Poisson mostly on the PTRS path).
        GoodnessOfFit.assertPasses(GoodnessOfFit.discrete("negativeBinomial(3, 0.7)", 702, N, Long.MAX_VALUE,
                d -> d.negativeBinomial(3, 0.7), k -> negativeBinomialPmf(3, 0.7, k)));
        GoodnessOfFit.assertPasses(GoodnessOfFit.discrete("negativeBinomial(20, 3)", 703, N, Long.MAX_VALUE,
                d -> d.negativeBinomial(20, 3), k -> negativeBinomialPmf(20, 3, k)));
        GoodnessOfFit.assertPasses(GoodnessOfFit.discrete("negativeBinomial(1000, 0.05)", 704, N, Long.MAX_VALUE,
                d -> d.negativeBinomial(1000, 0.05), k -> negativeBinomialPmf(1000, 0.05, k)));
    }

    /** Gamma(k + r) / (k! Gamma(r)) (r / (r + m))^r (m / (r + m))^k with r = 1 / dispersion. */
    private static double negativeBinomialPmf(double mean, double dispersion, int k) {
        final double r = 1 / dispersion;
        return Math.exp(Gamma.logGamma(k + r) - Gamma.logGamma(k + 1) - Gamma.logGamma(r)
                + r * Math.log(r / (r + mean)) + k * Math.log(mean / (r + mean)));
    }

    @Test
    void negativeBinomialWithZeroDispersionIsExactlyPoisson() {
        final StreamRng a = new StreamRng();
        final StreamRng b = new StreamRng();
        a.reset(5);
        b.reset(5);
        final Draws nb = new Draws(a);
        final Draws poisson = new Draws(b);
        for (int i = 0; i < 2000; i++) {
            final double mean = i % 50 * 0.7;
            assertThat(nb.negativeBinomial(mean, 0)).isEqualTo(poisson.poisson(mean));
        }
        assertThat(a.nextLong()).isEqualTo(b.nextLong());
    }

    // ------------------------------------------------------------------- the harness has power

    @Test
    void goodnessOfFitHarnessRejectsSlightlyWrongDistributions() {
        // Proof that the tests above can fail: compare draws with a nearby but wrong distribution.
        final PoissonDistribution wrongPoisson = new PoissonDistribution(10.4);
        assertThat(GoodnessOfFit.discrete("poisson(10) vs pmf of 10.4", 801, N, Long.MAX_VALUE,
                d -> d.poisson(10), wrongPoisson::probability).failures()).isGreaterThan(GoodnessOfFit.MAX_FAILURES);
        final BinomialDistribution wrongBinomial = new BinomialDistribution(1000, 0.28);
        assertThat(GoodnessOfFit.discrete("binomial(1000, 0.27) vs pmf of 0.28", 802, N, 1000,
                d -> d.binomial(1000, 0.27), wrongBinomial::probability).failures())
                .isGreaterThan(GoodnessOfFit.MAX_FAILURES);
        assertThat(GoodnessOfFit.continuous("gamma(2.5) vs cdf of 2.6", 803, N, d -> d.gamma(2.5),
                x -> Gamma.regularizedGammaP(2.6, x), gammaQuantiles(2.5, 40)).failures())
                .isGreaterThan(GoodnessOfFit.MAX_FAILURES);
        // A sampler that is right in the bulk but wrong in a 0.5% tail is caught too.
        final PoissonDistribution right = new PoissonDistribution(37);
        assertThat(GoodnessOfFit.discrete("poisson(37) with a tail defect", 804, N, Long.MAX_VALUE,
                d -> {
                    final long k = d.poisson(37);
                    return k > 53 ? k - 1 : k;
                }, right::probability).failures()).isGreaterThan(GoodnessOfFit.MAX_FAILURES);
    }

    @Test
    void inversionStartingProbabilityByMultiplicationMatchesExpLog1p() {
        final SplittableRandom r = new SplittableRandom(17);
        for (int i = 0; i < 100_000; i++) {
            // the domain where it is used: n <= 255, p <= 0.5, n p < 10 (there |n log q| < 14, so the
            // reference exp(n log1p(-p)) is itself accurate to ~2e-15)
            final int n = r.nextInt(256);
            final double p = r.nextInt(4) == 0 ? r.nextDouble() * 1e-6 : r.nextDouble() * Math.min(0.5, 10.0 / n);
            final double exact = Math.exp(n * Math.log1p(-p));
            assertThat(Draws.power(1 - p, n)).as("(1 - %s)^%d", p, n)
                    .isCloseTo(exact, org.assertj.core.data.Offset.offset(3.5e-14 * exact));
        }
    }

    @Test
    void tabledCdfsGiveWhatTheSearchWithoutThemGives() {
        // Few distinct p, so a warm Draws has tabled the cdf of most (n, p) and counts against it, while a
        // fresh one forms the partial sums as it searches (first time) or tables them (second time): the same
        // variates from the same generator state, over n p from tiny to the inversion's limit.
        final double[] ps = {0.05, 0.2, 0.375, 0.62};
        final SplittableRandom r = new SplittableRandom(29);
        final StreamRng warmRng = new StreamRng();
        final Draws warm = new Draws(warmRng);
        for (int i = 0; i < 20_000; i++) {
            warm.binomial(r.nextInt(120), ps[r.nextInt(ps.length)]);
        }
        int compared = 0;
        for (int key = 0; key < 300; key++) {
            final StreamRng freshRng = new StreamRng();
            final Draws fresh = new Draws(freshRng);
            warmRng.reset(key);
            freshRng.reset(key);
            for (int i = 0; i < 40; i++) {
                final int n = r.nextInt(120);
                final double p = ps[r.nextInt(ps.length)];
                assertThat(warm.binomial(n, p)).as("n=%d p=%s", n, p).isEqualTo(fresh.binomial(n, p));
                compared++;
            }
        }
        assertThat(compared).isEqualTo(12_000);
    }

    @Test
    void rememberedPowersNeverChangeAResult() {
        // A Draws that has drawn with many p (filling and evicting its memo of q^n) and a fresh one give
        // the same variates from the same generator state.
        final SplittableRandom r = new SplittableRandom(23);
        final StreamRng warmRng = new StreamRng();
        final Draws warm = new Draws(warmRng);
        for (int i = 0; i < 50_000; i++) {
            warm.binomial(r.nextInt(256), 0.01 + 0.001 * r.nextInt(9));
        }
        for (int key = 0; key < 200; key++) {
            final StreamRng freshRng = new StreamRng();
            final Draws fresh = new Draws(freshRng);
            warmRng.reset(key);
            freshRng.reset(key);
            for (int i = 0; i < 50; i++) {
                final int n = r.nextInt(256);
                final double p = 0.01 + 0.001 * r.nextInt(9);
                assertThat(warm.binomial(n, p)).isEqualTo(fresh.binomial(n, p));
            }
        }
    }

    // ---------------------------------------------------------------------------- edge cases

    @Test
    void degenerateParametersGiveExactAnswersWithoutConsumingRandomness() {
        final StreamRng rng = new StreamRng();
        rng.reset(11);
        final Draws d = new Draws(rng);
        final long[] before = rng.stateCopy();
        assertThat(d.poisson(0)).isZero();
        assertThat(d.binomial(0, 0.3)).isZero();
        assertThat(d.binomial(1000, 0)).isZero();
        assertThat(d.binomial(1000, 1)).isEqualTo(1000);
        assertThat(d.binomial(0, 1)).isZero();
        assertThat(d.binomial(10_000_000_000L, 1)).isEqualTo(10_000_000_000L);
        assertThat(d.negativeBinomial(0, 0.5)).isZero();
        assertThat(d.negativeBinomial(0, 0)).isZero();
        assertThat(rng.stateCopy()).containsExactly(before);
        // Tiny but positive parameters are not degenerate.
        long sum = 0;
        for (int i = 0; i < 100_000; i++) {
            sum += d.binomial(1, 1e-3) + d.poisson(1e-3);
        }
        assertThat(sum).isBetween(120L, 280L); // mean 200, s.d. 14
    }

    @Test
    void invalidParametersAreRejected() {
        final Draws d = new Draws(new StreamRng());
        assertThatThrownBy(() -> d.poisson(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> d.poisson(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> d.poisson(Double.POSITIVE_INFINITY)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> d.poisson(2e15)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> d.binomial(-1, 0.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> d.binomial(10, -0.1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> d.binomial(10, 1.1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> d.binomial(10, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> d.gamma(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> d.gamma(-2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> d.gamma(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> d.gamma(Double.POSITIVE_INFINITY)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> d.negativeBinomial(-1, 0.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> d.negativeBinomial(5, -0.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> d.negativeBinomial(5, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Draws(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void randomParametersStayInSupport() {
        final SplittableRandom params = new SplittableRandom(9);
        final Draws d = GoodnessOfFit.draws(901, 0);
        for (int i = 0; i < 200_000; i++) {
            final long n = (long) Math.exp(params.nextDouble() * Math.log(1e12));
            final double p = params.nextInt(10) == 0 ? params.nextDouble() * 1e-6 : params.nextDouble();
            final long x = d.binomial(n, p);
            assertThat(x).as("binomial(%d, %s)", n, p).isBetween(0L, n);
            final double mean = Math.exp(params.nextDouble() * Math.log(1e13)) - 1;
            assertThat(d.poisson(mean)).as("poisson(%s)", mean).isNotNegative();
            final double shape = Math.exp((params.nextDouble() - 0.5) * 12);
            final double g = d.gamma(shape);
            assertThat(g >= 0 && g < Double.POSITIVE_INFINITY).as("gamma(%s) = %s", shape, g).isTrue();
        }
    }

    @Test
    void drawsArePureFunctionsOfTheStreamKey() {
        final long[] first = mixedSequence(Streams.key(1, 2, 3, 4, 5));
        assertThat(mixedSequence(Streams.key(1, 2, 3, 4, 5))).containsExactly(first);
        assertThat(mixedSequence(Streams.key(1, 2, 3, 4, 6))).isNotEqualTo(first);
    }

    private static long[] mixedSequence(long key) {
        final StreamRng rng = new StreamRng();
        rng.reset(key);
        final Draws d = new Draws(rng);
        final long[] out = new long[600];
        for (int i = 0; i < out.length; i += 6) {
            out[i] = d.poisson(i * 0.37);
            out[i + 1] = d.binomial(i * 13L, 0.41);
            out[i + 2] = Double.doubleToLongBits(d.gamma(0.2 + i));
            out[i + 3] = Double.doubleToLongBits(d.normal());
            out[i + 4] = d.negativeBinomial(i, 0.3);
            out[i + 5] = d.poisson(1e9 + i);
        }
        return out;
    }

    // -------------------------------------------------------------------------------- helpers

    /** Cut points at the normal quantiles i / cells of N(mean, sd^2), rounded to integers. */
    private static long[] normalQuantileCuts(double mean, double sd, int cells) {
        final long[] cuts = new long[cells - 1];
        for (int i = 1; i < cells; i++) {
            cuts[i - 1] = Math.round(mean + sd * STANDARD_NORMAL.inverseCumulativeProbability((double) i / cells));
        }
        return cuts;
    }

    /**
     * Sample mean and variance of 100,000 draws within 4 standard errors of the truth. The standard
     * error of the variance uses the fourth central moment: Var(s^2) ~ (mu4 - sigma^4) / n. Each check
     * fails by chance with probability ~6e-5 (deterministic with the fixed seed).
     */
    private static void assertMoments(int caseId, ToLongFunction<Draws> draw, double mean, double variance,
            double fourthCentralMoment) {
        final int n = 100_000;
        final Draws d = GoodnessOfFit.draws(caseId, 0);
        // Accumulate deviations from the true mean to keep full precision for means up to 1e12.
        double sum = 0;
        double sumSquares = 0;
        final long offset = Math.round(mean);
        for (int i = 0; i < n; i++) {
            final double x = draw.applyAsLong(d) - offset;
            sum += x;
            sumSquares += x * x;
        }
        final double sampleMean = sum / n;
        final double sampleVariance = (sumSquares - n * sampleMean * sampleMean) / (n - 1);
        final double meanError = Math.sqrt(variance / n);
        final double varianceError = Math.sqrt((fourthCentralMoment - variance * variance) / n);
        assertThat(sampleMean + offset - mean).as("mean error in standard errors").isBetween(-4 * meanError, 4 * meanError);
        assertThat(sampleVariance - variance).as("variance error").isBetween(-4 * varianceError, 4 * varianceError);
    }
}
