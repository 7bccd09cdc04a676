package dev.interlock.engine.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.math3.special.Erf;
import org.junit.jupiter.api.Test;

/** Φ by Cody's approximation agrees with commons-math's erfc-based Φ, relatively in the lower tail. */
class StandardNormalTest {

    private static double reference(double z) {
        return 0.5 * Erf.erfc(-z / Math.sqrt(2));
    }

    /**
     * Down to Φ(−37) = 5.7e-300 (below that the result nears the subnormals). The reference's own relative error
     * grows to about 3e-13 beyond z = −30, as the asymptotic series below shows, hence 5e-13 here.
     */
    @Test
    void lowerTailAgreesWithCommonsMathRelatively() {
        for (double z = -37; z <= 0; z += 0.0017) {
            double expected = reference(z);
            assertThat(StandardNormal.cdf(z)).as("Φ(%s)", z).isCloseTo(expected, within(5e-13 * expected));
        }
    }

    /**
     * For z ≤ −15 the asymptotic series Φ(z) = φ(z)/|z|·Σ (−1)^k (2k − 1)!!/z^(2k) is exact to double precision
     * after 12 terms; its only error is rounding z²/2 inside the exponential (up to 7e-14 relative at z = −37).
     */
    @Test
    void farLowerTailAgreesWithTheAsymptoticSeries() {
        for (double z = -37; z <= -15; z += 0.0113) {
            double y = -z;
            double sum = 1;
            double term = 1;
            for (int k = 1; k < 12; k++) {
                term *= -(2 * k - 1) / (y * y);
                sum += term;
            }
            double expected = Math.exp(-0.5 * y * y - Math.log(y * Math.sqrt(2 * Math.PI))) * sum;
            assertThat(StandardNormal.cdf(z)).as("Φ(%s)", z).isCloseTo(expected, within(1.5e-13 * expected));
        }
    }

    /** Within 4 ulps of 1 (the reference has its own rounding). */
    @Test
    void upperHalfHasFullAbsolutePrecision() {
        for (double z = 0; z <= 40; z += 0.0017) {
            assertThat(StandardNormal.cdf(z)).as("Φ(%s)", z).isCloseTo(reference(z), within(4.5e-16));
        }
    }

    @Test
    void isSymmetricAndExactAtTheCentre() {
        assertThat(StandardNormal.cdf(0)).isEqualTo(0.5);
        for (double z = 0.001; z < 9; z *= 1.01) {
            assertThat(StandardNormal.cdf(z) + StandardNormal.cdf(-z)).as("Φ(%s) + Φ(-%s)", z, z)
                    .isCloseTo(1, within(2e-16));
        }
    }

    @Test
    void endsAndNaN() {
        assertThat(StandardNormal.cdf(Double.NEGATIVE_INFINITY)).isZero();
        assertThat(StandardNormal.cdf(-38)).isZero();
        assertThat(StandardNormal.cdf(38)).isEqualTo(1);
        assertThat(StandardNormal.cdf(Double.POSITIVE_INFINITY)).isEqualTo(1);
        assertThat(StandardNormal.cdf(Double.NaN)).isNaN();
    }

    /** A relative error δ in z = Φ⁻¹(p) becomes about z²·δ in p: 1.4e-12 at p = 1e-300 (z = −37) for δ = 1e-15. */
    @Test
    void quantileInvertsTheCdfWithRelativePrecisionInTheTails() {
        for (double p = 1e-300; p < 0.5; p *= 1.7) {
            double z = StandardNormal.quantile(p);
            assertThat(StandardNormal.cdf(z) / p).as("Φ(Φ⁻¹(%s))/p", p).isCloseTo(1, within(1e-15 + 1e-15 * z * z));
        }
    }
}
