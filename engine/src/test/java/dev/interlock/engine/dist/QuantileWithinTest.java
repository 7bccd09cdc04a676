package dev.interlock.engine.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

/** quantileWithin draws from the distribution truncated to a window, and falls back to the nearest bound. */
class QuantileWithinTest {

    @Test
    void truncatedNormalNeverLeavesTheWindowAndHasTheTruncatedCdf() {
        Normal normal = new Normal(0.3, 0.5);
        NormalDistribution reference = new NormalDistribution(0.3, 0.5);
        double f0 = reference.cumulativeProbability(0);
        double f1 = reference.cumulativeProbability(1);
        int interior = 0;
        for (int i = 0; i <= 10_000; i++) {
            double u = i / 10_000.0;
            double x = normal.quantileWithin(u, 0, 1);
            assertThat(x).as("quantileWithin(%s, 0, 1)", u).isBetween(0.0, 1.0);
            if (x > 0 && x < 1) {
                interior++;
                double truncatedCdf = (reference.cumulativeProbability(x) - f0) / (f1 - f0);
                assertThat(truncatedCdf).as("truncated cdf at quantileWithin(%s)", u).isCloseTo(u, within(1e-9));
            }
        }
        assertThat(interior).isGreaterThanOrEqualTo(9_999);
    }

    @Test
    void windowHoldingTheSupportChangesNothing() {
        Dist[] dists = {new Beta(0.3, 0.05), new Gamma(2, 1), new Pert(0, 1, 10), new Normal(0, 1), new Fixed(4)};
        for (Dist dist : dists) {
            for (double u : QuantileAccuracyTest.GRID) {
                double lo = Math.min(dist.lower(), -100);
                assertThat(dist.quantileWithin(u, lo, Double.POSITIVE_INFINITY)).isEqualTo(dist.quantile(u));
            }
        }
        assertThat(new Uniform(2, 3).quantileWithin(0.25, 2, 3)).isEqualTo(2.25);
    }

    @Test
    void windowMissingTheSupportGivesTheNearestBound() {
        assertThat(new Beta(0.3, 0.05).quantileWithin(0.5, 2, 3)).isEqualTo(2);
        assertThat(new Beta(0.3, 0.05).quantileWithin(0.5, -3, -2)).isEqualTo(-2);
        assertThat(new Gamma(2, 1).quantileWithin(0.5, -5, -1)).isEqualTo(-1);
        assertThat(new Fixed(5).quantileWithin(0.5, 0, 1)).isEqualTo(1);
        assertThat(new Fixed(5).quantileWithin(0.5, 6, 7)).isEqualTo(6);
        assertThat(new Uniform(0, 1).quantileWithin(0.5, 1.5, 2)).isEqualTo(1.5);
    }

    @Test
    void windowWithNumericallyNoMassGivesTheNearestBound() {
        Normal normal = new Normal(0, 1);
        assertThat(normal.quantileWithin(0.5, 50, 60)).isEqualTo(50);
        assertThat(normal.quantileWithin(0.5, -60, -50)).isEqualTo(-50);
        assertThat(new Gamma(2, 1).quantileWithin(0.3, 1e4, 2e4)).isEqualTo(1e4);
    }

    @Test
    void resultStaysInsideWindowAndSupportForPartialOverlaps() {
        Object[][] cases = {
            {new LogNormal(200, 280), 150.0, 250.0},
            {new Gamma(3, 3 / Math.sqrt(0.3)), 1.0, 2.0},
            {new Pert(0, 1, 10), 2.0, 3.0},
            {new Triangular(0, 5, 10), -5.0, 1.0},
            {new Uniform(0, 20), 10.0, 30.0},
            {new Beta(0.02, 0.01), 0.05, 2.0},
            {new Normal(0, 1), 3.0, Double.POSITIVE_INFINITY},
        };
        SplittableRandom random = new SplittableRandom(7);
        for (Object[] c : cases) {
            Dist dist = (Dist) c[0];
            double lo = Math.max((double) c[1], dist.lower());
            double hi = Math.min((double) c[2], dist.upper());
            double previous = Double.NEGATIVE_INFINITY;
            for (int i = 0; i <= 1000; i++) {
                double x = dist.quantileWithin(i / 1000.0, (double) c[1], (double) c[2]);
                assertThat(x).as("%s within [%s, %s] at u = %s", dist, c[1], c[2], i / 1000.0).isBetween(lo, hi)
                        .isGreaterThanOrEqualTo(previous);
                previous = x;
                assertThat(dist.quantileWithin(random.nextDouble(), (double) c[1], (double) c[2])).isBetween(lo, hi);
            }
        }
    }

    @Test
    void reversedWindowOrBadUIsAProgrammingError() {
        Normal normal = new Normal(0, 1);
        assertThatThrownBy(() -> normal.quantileWithin(0.5, 1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> normal.quantileWithin(0.5, Double.NaN, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> normal.quantileWithin(1.5, 0, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
