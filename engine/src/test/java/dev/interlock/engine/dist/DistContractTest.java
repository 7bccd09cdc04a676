package dev.interlock.engine.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.offset;

import org.junit.jupiter.api.Test;

/** What every kind promises beyond its numbers: names, parameters, value equality, and guarded arguments. */
class DistContractTest {

    @Test
    void kindIsTheYamlDistName() {
        assertThat(new Fixed(1).kind()).isEqualTo("fixed");
        assertThat(new Beta(0.3, 0.05).kind()).isEqualTo("beta");
        assertThat(new LogNormal(1, 2).kind()).isEqualTo("lognormal");
        assertThat(new Normal(0, 1).kind()).isEqualTo("normal");
        assertThat(new Triangular(0, 1, 2).kind()).isEqualTo("triangular");
        assertThat(new Uniform(0, 1).kind()).isEqualTo("uniform");
        assertThat(new Gamma(1, 1).kind()).isEqualTo("gamma");
        assertThat(new Pert(0, 1, 2).kind()).isEqualTo("pert");
    }

    @Test
    void parametersAreInYamlOrder() {
        assertThat(new Fixed(1.5).parameters()).containsExactly(entry("value", 1.5));
        assertThat(new Beta(0.3, 0.05).parameters()).containsExactly(entry("mean", 0.3), entry("sd", 0.05));
        assertThat(new LogNormal(200, 280).parameters()).containsExactly(entry("median", 200.0), entry("p90", 280.0));
        assertThat(new Normal(-1, 2).parameters()).containsExactly(entry("mean", -1.0), entry("sd", 2.0));
        assertThat(new Triangular(0, 1, 3).parameters())
                .containsExactly(entry("min", 0.0), entry("mode", 1.0), entry("max", 3.0));
        assertThat(new Uniform(2, 5).parameters()).containsExactly(entry("min", 2.0), entry("max", 5.0));
        assertThat(new Gamma(3, 2).parameters()).containsExactly(entry("mean", 3.0), entry("sd", 2.0));
        assertThat(new Pert(0, 1, 3).parameters())
                .containsExactly(entry("min", 0.0), entry("mode", 1.0), entry("max", 3.0));
    }

    @Test
    void tabulatedKindsAreValuesLikeRecords() {
        assertThat(new Beta(0.3, 0.05)).isEqualTo(new Beta(0.3, 0.05)).hasSameHashCodeAs(new Beta(0.3, 0.05))
                .isNotEqualTo(new Beta(0.3, 0.06)).hasToString("Beta[mean=0.3, sd=0.05]");
        assertThat(new Gamma(3, 2)).isEqualTo(new Gamma(3, 2)).hasSameHashCodeAs(new Gamma(3, 2))
                .isNotEqualTo(new Gamma(3, 2.5)).hasToString("Gamma[mean=3.0, sd=2.0]");
        assertThat(new Pert(0, 1, 3)).isEqualTo(new Pert(0, 1, 3)).hasSameHashCodeAs(new Pert(0, 1, 3))
                .isNotEqualTo(new Pert(0, 2, 3)).hasToString("Pert[min=0.0, mode=1.0, max=3.0]");
        assertThat((Object) new Beta(0.3, 0.05)).isNotEqualTo(new Normal(0.3, 0.05));
    }

    @Test
    void derivedShapesFollowTheParameterisation() {
        Beta beta = new Beta(0.3, 0.05);
        double k = 0.3 * 0.7 / 0.0025 - 1;
        assertThat(beta.alpha()).isCloseTo(0.3 * k, offset(1e-12));
        assertThat(beta.beta()).isCloseTo(0.7 * k, offset(1e-12));
        Gamma gamma = new Gamma(3, 2);
        assertThat(gamma.shape()).isEqualTo(2.25);
        assertThat(gamma.scale()).isCloseTo(4.0 / 3, offset(1e-15));
        Pert pert = new Pert(0, 1, 10);
        assertThat(pert.alpha()).isCloseTo(1.4, offset(1e-15));
        assertThat(pert.beta()).isCloseTo(4.6, offset(1e-15));
        assertThat(new LogNormal(1, Math.exp(StandardNormal.Z90)).sigma()).isCloseTo(1, offset(1e-15));
    }

    @Test
    void quantileRefusesAnArgumentOutsideTheUnitInterval() {
        Dist[] dists = {new Fixed(1), new Beta(0.3, 0.05), new LogNormal(1, 2), new Normal(0, 1),
                new Triangular(0, 1, 2), new Uniform(0, 1), new Gamma(1, 1), new Pert(0, 1, 2)};
        for (Dist dist : dists) {
            for (double u : new double[] {-0.1, 1.1, Double.NaN, Double.NEGATIVE_INFINITY}) {
                assertThatThrownBy(() -> dist.quantile(u)).as("%s.quantile(%s)", dist, u)
                        .isInstanceOf(IllegalArgumentException.class);
            }
        }
    }

    @Test
    void cdfIsZeroBelowAndOneAboveTheSupport() {
        Dist[] dists = {new Beta(0.3, 0.05), new LogNormal(1, 2), new Triangular(0, 1, 2), new Uniform(0, 1),
                new Gamma(1, 1), new Pert(0, 1, 2), new Normal(0, 1)};
        for (Dist dist : dists) {
            assertThat(dist.cdf(Double.NEGATIVE_INFINITY)).as("%s", dist).isZero();
            assertThat(dist.cdf(Double.POSITIVE_INFINITY)).as("%s", dist).isEqualTo(1);
            assertThat(dist.cdf(dist.lower())).as("%s", dist).isZero();
            assertThat(dist.cdf(dist.upper())).as("%s", dist).isEqualTo(1);
        }
    }
}
