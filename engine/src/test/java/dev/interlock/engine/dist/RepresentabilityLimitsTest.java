package dev.interlock.engine.dist;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Where the exact quantile is not near any double (below the smallest positive double, or in the last ulp below
 * 1) the result is still within one ulp of it: |cdf(quantile(u)) − u| is at most 1e-9 or the probability between
 * the result's two neighbouring doubles, whichever is larger (or u, when the result is 0 because the exact
 * quantile is below every positive double).
 */
class RepresentabilityLimitsTest {

    /** α = 0.0192: half the mass lies below 2.3e-16, and the lowest 6e-7 of it below the smallest double. */
    private final Beta tinyAlpha = new Beta(0.02, 0.1);
    /** β = 0.28: the top 1.8e-5 of the probability lies within 2⁻⁵³ of 1. */
    private final Beta tinyBeta = new Beta(0.5, 0.4);

    private static void withinOneUlpEverywhere(Dist dist) {
        for (double u : QuantileAccuracyTest.GRID) {
            double x = dist.quantile(u);
            double rounding = dist.cdf(Math.nextUp(x)) - dist.cdf(Math.nextDown(x));
            // at the support's lower end the error is u itself: right when the exact quantile is below every double
            double allowed = x == dist.lower() ? Math.max(u, 1e-9) : Math.max(1e-9, rounding);
            assertThat(Math.abs(dist.cdf(x) - u)).as("error at u = %s, x = %s", u, x).isLessThanOrEqualTo(allowed);
        }
    }

    @Test
    void medianBelowDoublePrecisionOfOneStaysWithinOneUlp() {
        assertThat(tinyAlpha.quantile(0.5)).isLessThan(1e-15);
        withinOneUlpEverywhere(tinyAlpha);
    }

    /** Shape 0.01 and scale 1 (with a larger scale the subnormal answers are multiples of scale·4.9e-324). */
    @Test
    void gammaOfShapeOneHundredthStaysWithinOneUlp() {
        Gamma gamma = new Gamma(0.01, 0.1);
        assertThat(gamma.scale()).isEqualTo(1);
        assertThat(gamma.cdf(Double.MIN_VALUE)).isGreaterThan(1e-4);
        withinOneUlpEverywhere(gamma);
    }

    @Test
    void quantileBelowTheSmallestDoubleIsZero() {
        assertThat(tinyAlpha.cdf(Double.MIN_VALUE)).isGreaterThan(1e-7);
        assertThat(tinyAlpha.quantile(1e-9)).isZero();
        assertThat(tinyAlpha.quantile(1e-12)).isZero();
    }

    @Test
    void quantileInTheLastUlpBelowOneIsOne() {
        assertThat(1 - tinyBeta.cdf(1 - 0x1p-53)).isGreaterThan(1e-5);
        assertThat(tinyBeta.quantile(1 - 1e-9)).isEqualTo(1);
        withinOneUlpEverywhere(tinyBeta);
    }
}
