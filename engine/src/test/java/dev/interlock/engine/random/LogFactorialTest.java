package dev.interlock.engine.random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.distribution.PoissonDistribution;
import org.apache.commons.math3.special.Gamma;
import org.apache.commons.math3.util.CombinatoricsUtils;
import org.junit.jupiter.api.Test;

class LogFactorialTest {

    @Test
    void logFactorialMatchesCommonsMath() {
        for (int k = 0; k <= 3000; k++) {
            final double expected = CombinatoricsUtils.factorialLog(k);
            assertThat(LogFactorial.logFactorial(k)).as("log %d!", k)
                    .isCloseTo(expected, within(2e-14 * Math.max(1, expected)));
        }
        for (double k : new double[] {1e5, 123_456_789, 1e10, 3.3e12, 1e15}) {
            final double expected = Gamma.logGamma(k + 1);
            assertThat(LogFactorial.logFactorial(k)).as("log %s!", k).isCloseTo(expected, within(2e-14 * expected));
        }
    }

    @Test
    void stirlingErrorSatisfiesItsRecurrenceToRoundingAccuracy() {
        // log (k+1)! = log k! + log(k+1) gives the exact identity
        // stirlerr(k+1) - stirlerr(k) = 1 - (k + 1/2) log1p(1/k),
        // whose right side is accurate to ~2e-16 absolute. A naive "log k! minus Stirling" evaluation
        // fails this by orders of magnitude for large k; a wrong table entry or series term fails it too.
        assertThat(LogFactorial.stirlingError(1)).isCloseTo(1 - LogFactorial.HALF_LOG_TWO_PI, within(1e-16));
        for (long k = 1; k < 5000; k++) {
            check(k);
        }
        for (long k = 5000; k < 1_000_000_000_000L; k = k * 3 + 1) {
            check(k);
        }
    }

    private static void check(long k) {
        final double expected = 1 - (k + 0.5) * Math.log1p(1.0 / k);
        final double actual = LogFactorial.stirlingError(k + 1) - LogFactorial.stirlingError(k);
        assertThat(actual).as("stirlerr(%d) - stirlerr(%d)", k + 1, k).isCloseTo(expected, within(5e-16 + 1e-12 * Math.abs(expected)));
    }

    @Test
    void logPoissonPmfMatchesCommonsMathSaddlePoint() {
        for (double mean : new double[] {10, 37.5, 1000, 123_456.7, 1e6}) {
            final PoissonDistribution reference = new PoissonDistribution(mean);
            final double sd = Math.sqrt(mean);
            for (int k = Math.max(0, (int) (mean - 12 * sd)); k <= mean + 12 * sd; k += Math.max(1, (int) (sd / 10))) {
                final double expected = reference.logProbability(k);
                assertThat(Draws.logPoissonPmf(k, mean)).as("mean %s k %d", mean, k)
                        .isCloseTo(expected, within(1e-12 * Math.max(1, Math.abs(expected))));
            }
        }
    }

    @Test
    void logPoissonPmfHasNoCancellationAtHugeMeans() {
        // log p(k+1) - log p(k) = log(mean) - log(k+1) = -log1p((k+1-mean)/mean), accurate to ~1e-16 *
        // |value|. The textbook -mean + k log(mean) - log k! would be off by ~1e-3 at mean 1e12.
        for (double mean : new double[] {1e9, 1e12, 7.77e14}) {
            final double sd = Math.sqrt(mean);
            for (int j = -60; j <= 60; j++) {
                final double k = Math.floor(mean + j * sd / 10);
                final double expected = -Math.log1p((k + 1 - mean) / mean);
                final double actual = Draws.logPoissonPmf(k + 1, mean) - Draws.logPoissonPmf(k, mean);
                assertThat(actual).as("mean %s k %s", mean, k).isCloseTo(expected, within(1e-13));
            }
            // and the mode has the right height, -log sqrt(2 pi mean) to first order
            assertThat(Draws.logPoissonPmf(Math.floor(mean), mean))
                    .isCloseTo(-0.5 * Math.log(2 * Math.PI * mean), within(1 / mean + 1e-12));
        }
    }

    @Test
    void logBinomialPmfMatchesCommonsMathSaddlePoint() {
        final int[] ns = {20, 40, 200, 1000, 100_000, 1_000_000_000};
        final double[] ps = {0.5, 0.4, 0.2, 0.27, 0.01, 3e-8};
        for (int i = 0; i < ns.length; i++) {
            final int n = ns[i];
            final double p = ps[i];
            final BinomialDistribution reference = new BinomialDistribution(n, p);
            final double sd = Math.sqrt(n * p * (1 - p));
            final int from = (int) Math.max(0, n * p - 12 * sd);
            final int to = (int) Math.min(n, n * p + 12 * sd);
            for (int k = from; k <= to; k += Math.max(1, (int) (sd / 10))) {
                final double expected = reference.logProbability(k);
                assertThat(Draws.logBinomialPmf(k, n, p, 1 - p)).as("n %d p %s k %d", n, p, k)
                        .isCloseTo(expected, within(1e-12 * Math.max(1, Math.abs(expected))));
            }
            assertThat(Draws.logBinomialPmf(0, n, p, 1 - p)).isCloseTo(reference.logProbability(0), within(1e-9));
            assertThat(Draws.logBinomialPmf(n, n, p, 1 - p)).isCloseTo(reference.logProbability(n), within(1e-9 * n));
        }
    }

    @Test
    void logBinomialPmfHasNoCancellationAtHugeN() {
        // log f(k+1) - log f(k) = log((n-k)/(k+1) * p/q), accurate to ~1e-15 absolute here.
        for (double n : new double[] {1e10, 1e13, 1e15}) {
            for (double p : new double[] {0.3, 0.5, 1e-6}) {
                final double q = 1 - p;
                final double sd = Math.sqrt(n * p * q);
                for (int j = -60; j <= 60; j++) {
                    final double k = Math.floor(n * p + j * sd / 10);
                    final double expected = Math.log((n - k) / (k + 1) * (p / q));
                    final double actual = Draws.logBinomialPmf(k + 1, n, p, q) - Draws.logBinomialPmf(k, n, p, q);
                    assertThat(actual).as("n %s p %s k %s", n, p, k).isCloseTo(expected, within(1e-13));
                }
                assertThat(Draws.logBinomialPmf(Math.floor(n * p), n, p, q))
                        .isCloseTo(-0.5 * Math.log(2 * Math.PI * n * p * q), within(1 / (n * p * q)));
            }
        }
    }

    @Test
    void bd0MatchesItsDefinitionAwayFromTheSeriesRegion() {
        for (double np : new double[] {0.5, 10, 1e3, 1e9}) {
            for (double ratio : new double[] {0.01, 0.5, 0.85, 0.95, 1.05, 1.15, 2, 40}) {
                final double x = np * ratio;
                final double expected = x * Math.log(x / np) + np - x;
                assertThat(Draws.bd0(x, np)).as("x %s np %s", x, np).isCloseTo(expected, within(1e-13 * Math.abs(expected) + 1e-13 * np));
            }
        }
    }

    @Test
    void btrdSqueezeBracketsTheExactLogPmfRatio() {
        // BTRD's step 3.2 accepts when log V < t - rho and rejects when log V > t + rho, which is exact
        // only if t - rho <= log(f(k)/f(m)) <= t + rho. Check this with the independent log-pmf for all
        // k with |k - m| > 15 and f(k)/f(m) > e^-30 (the lower bound fails further out, e.g. k = 0 for
        // n = 5000, p = 0.01, where f(k)/f(m) ~ e^-47; there V would have to be below ~e^-43, which has
        // probability ~1e-19). The bound is tight, so even small errors in rho or in the log-pmf fail.
        for (long n : new long[] {20, 21, 25, 30, 40, 50, 77, 100, 200, 500, 1000, 5000, 100_000, 10_000_000,
            10_000_000_000L}) {
            for (double p : new double[] {0.5, 0.45, 0.4, 0.3, 0.2, 0.1, 0.05, 0.01, 1e-3, 1e-5, 1e-7}) {
                if (n * p < 10) {
                    continue;
                }
                final double q = 1 - p;
                final double m = Math.floor((n + 1) * p);
                final double npq = n * p * q;
                final double logFm = Draws.logBinomialPmf(m, n, p, q);
                final double step = Math.max(1, Math.floor(Math.sqrt(npq) / 50));
                for (double k = Math.floor(Math.max(0, m - 40 * Math.sqrt(npq) - 50)); k <= n
                        && k <= m + 40 * Math.sqrt(npq) + 50; k += step) {
                    final double km = Math.abs(k - m);
                    final double logRatio = Draws.logBinomialPmf(k, n, p, q) - logFm;
                    if (km <= 15 || logRatio < -30) {
                        continue;
                    }
                    final double rho = Draws.btrdSqueezeHalfWidth(km, npq);
                    final double t = -km * km / (2 * npq);
                    assertThat(logRatio).as("n %d p %s k %s", n, p, k).isBetween(t - rho - 1e-12, t + rho + 1e-12);
                }
            }
        }
    }
}
