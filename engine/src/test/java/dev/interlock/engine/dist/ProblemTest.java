package dev.interlock.engine.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

/**
 * Each kind's problem(...) names every invalid parameter class in user terms and passes valid ones; the constructor
 * refuses exactly what problem(...) reports, with the same phrase.
 */
class ProblemTest {

    private static final double NAN = Double.NaN;
    private static final double INF = Double.POSITIVE_INFINITY;

    /** Asserts that problem(...) reports something containing {@code words}, and the constructor throws it. */
    private static void rejected(String problem, Supplier<Dist> constructor, String... words) {
        assertThat(problem).isNotNull().contains(words);
        assertThatThrownBy(constructor::get).isInstanceOf(IllegalArgumentException.class).hasMessage(problem);
    }

    @Test
    void betaNamesEachInvalidParameter() {
        rejected(Beta.problem(-0.1, 0.05), () -> new Beta(-0.1, 0.05), "mean", "between 0 and 1", "-0.1");
        rejected(Beta.problem(1.2, 0.05), () -> new Beta(1.2, 0.05), "mean", "between 0 and 1", "1.2");
        rejected(Beta.problem(0, 0.05), () -> new Beta(0, 0.05), "mean");
        rejected(Beta.problem(1, 0.05), () -> new Beta(1, 0.05), "mean");
        rejected(Beta.problem(0.3, -0.05), () -> new Beta(0.3, -0.05), "sd must be > 0", "-0.05");
        rejected(Beta.problem(0.3, 0), () -> new Beta(0.3, 0), "sd must be > 0");
        rejected(Beta.problem(0.3, 0.6), () -> new Beta(0.3, 0.6),
                "sd² < mean·(1−mean)", "sd = 0.6 is too large for mean 0.3", "0.458258");
        rejected(Beta.problem(0.3, Math.sqrt(0.21)), () -> new Beta(0.3, Math.sqrt(0.21)), "too large");
        rejected(Beta.problem(0.3, 1e-200), () -> new Beta(0.3, 1e-200), "too small");
        // narrower than 1/10,000 of the nearer of mean and 1 − mean: fixed in effect (sd 1e-9 took minutes)
        rejected(Beta.problem(0.7, 2.9e-5), () -> new Beta(0.7, 2.9e-5), "sd 0.000029 is below 1/10,000 of 1 − mean, 0.3",
                "plain number", "at least 0.00003");
        assertThat(Beta.problem(0.7, 3.1e-5)).isNull();
        rejected(Beta.problem(0.3, 2.9e-5), () -> new Beta(0.3, 2.9e-5), "is below 1/10,000 of the mean 0.3");
        rejected(Beta.problem(NAN, 0.1), () -> new Beta(NAN, 0.1), "mean must be a finite number", "NaN");
        rejected(Beta.problem(0.3, NAN), () -> new Beta(0.3, NAN), "sd must be a finite number");
        rejected(Beta.problem(INF, 0.1), () -> new Beta(INF, 0.1), "mean", "Infinity");
        rejected(Beta.problem(0.3, INF), () -> new Beta(0.3, INF), "sd", "Infinity");
    }

    @Test
    void normalNamesEachInvalidParameter() {
        rejected(Normal.problem(0, -1), () -> new Normal(0, -1), "sd must be > 0", "-1");
        rejected(Normal.problem(0, 0), () -> new Normal(0, 0), "sd must be > 0");
        rejected(Normal.problem(NAN, 1), () -> new Normal(NAN, 1), "mean", "NaN");
        rejected(Normal.problem(0, INF), () -> new Normal(0, INF), "sd", "Infinity");
        rejected(Normal.problem(-INF, 1), () -> new Normal(-INF, 1), "mean", "-Infinity");
    }

    @Test
    void logNormalNamesEachInvalidParameter() {
        rejected(LogNormal.problem(0, 1), () -> new LogNormal(0, 1), "median must be > 0");
        rejected(LogNormal.problem(-1, 1), () -> new LogNormal(-1, 1), "median must be > 0", "-1");
        rejected(LogNormal.problem(10, 5), () -> new LogNormal(10, 5),
                "p90 must be greater than the median", "5", "10");
        rejected(LogNormal.problem(10, 10), () -> new LogNormal(10, 10), "p90 must be greater than the median");
        rejected(LogNormal.problem(NAN, 1), () -> new LogNormal(NAN, 1), "median", "NaN");
        rejected(LogNormal.problem(1, INF), () -> new LogNormal(1, INF), "p90", "Infinity");
        rejected(LogNormal.problem(1e-300, 1e300), () -> new LogNormal(1e-300, 1e300), "too far apart");
    }

    @Test
    void logNormalByMeanAndSdNamesEachInvalidParameter() {
        rejected(LogNormal.problemOfMeanSd(-1, 1), () -> LogNormal.ofMeanSd(-1, 1), "mean must be > 0", "-1");
        rejected(LogNormal.problemOfMeanSd(1, 0), () -> LogNormal.ofMeanSd(1, 0), "sd must be > 0");
        rejected(LogNormal.problemOfMeanSd(1, NAN), () -> LogNormal.ofMeanSd(1, NAN), "sd", "NaN");
        rejected(LogNormal.problemOfMeanSd(INF, 1), () -> LogNormal.ofMeanSd(INF, 1), "mean", "Infinity");
        rejected(LogNormal.problemOfMeanSd(1, 1e-170), () -> LogNormal.ofMeanSd(1, 1e-170), "too far apart");
        rejected(LogNormal.problemOfMeanSd(1.5e308, 1e308), () -> LogNormal.ofMeanSd(1.5e308, 1e308), "too far apart");
        assertThat(LogNormal.problemOfMeanSd(1e300, 1e307)).isNull();          // p90 = 1.4e296: extreme, but a double
        assertThat(LogNormal.problemOfMeanSd(2000, 500)).isNull();
        assertThat(LogNormal.problemOfMeanSd(1, 1e-9)).isNull();
    }

    @Test
    void triangularNamesEachInvalidParameter() {
        rejected(Triangular.problem(5, 3, 10), () -> new Triangular(5, 3, 10), "mode", "below min");
        rejected(Triangular.problem(0, 11, 10), () -> new Triangular(0, 11, 10), "mode", "above max");
        rejected(Triangular.problem(3, 3, 3), () -> new Triangular(3, 3, 3), "min must be < max");
        rejected(Triangular.problem(10, 5, 0), () -> new Triangular(10, 5, 0), "min must be < max");
        rejected(Triangular.problem(NAN, 1, 2), () -> new Triangular(NAN, 1, 2), "min", "NaN");
        rejected(Triangular.problem(0, NAN, 2), () -> new Triangular(0, NAN, 2), "mode", "NaN");
        rejected(Triangular.problem(0, 1, INF), () -> new Triangular(0, 1, INF), "max", "Infinity");
        rejected(Triangular.problem(-1e308, 0, 1e308), () -> new Triangular(-1e308, 0, 1e308), "too far apart");
    }

    @Test
    void pertNamesEachInvalidParameter() {
        rejected(Pert.problem(5, 3, 10), () -> new Pert(5, 3, 10), "mode", "below min", "pert");
        rejected(Pert.problem(0, 11, 10), () -> new Pert(0, 11, 10), "mode", "above max");
        rejected(Pert.problem(3, 3, 3), () -> new Pert(3, 3, 3), "min must be < max");
        rejected(Pert.problem(NAN, 1, 2), () -> new Pert(NAN, 1, 2), "min", "NaN");
        rejected(Pert.problem(0, 1, -INF), () -> new Pert(0, 1, -INF), "max", "Infinity");
        rejected(Pert.problem(-1e308, 0, 1e308), () -> new Pert(-1e308, 0, 1e308), "too far apart");
    }

    @Test
    void uniformNamesEachInvalidParameter() {
        rejected(Uniform.problem(3, 3), () -> new Uniform(3, 3), "min must be < max");
        rejected(Uniform.problem(5, 1), () -> new Uniform(5, 1), "min must be < max", "5", "1");
        rejected(Uniform.problem(NAN, 1), () -> new Uniform(NAN, 1), "min", "NaN");
        rejected(Uniform.problem(0, INF), () -> new Uniform(0, INF), "max", "Infinity");
        rejected(Uniform.problem(-1e308, 1e308), () -> new Uniform(-1e308, 1e308), "too far apart");
    }

    @Test
    void gammaNamesEachInvalidParameter() {
        rejected(Gamma.problem(-1, 1), () -> new Gamma(-1, 1), "mean must be > 0", "-1");
        rejected(Gamma.problem(0, 1), () -> new Gamma(0, 1), "mean must be > 0");
        rejected(Gamma.problem(1, -1), () -> new Gamma(1, -1), "sd must be > 0", "-1");
        rejected(Gamma.problem(1, 0), () -> new Gamma(1, 0), "sd must be > 0");
        rejected(Gamma.problem(NAN, 1), () -> new Gamma(NAN, 1), "mean", "NaN");
        rejected(Gamma.problem(1, INF), () -> new Gamma(1, INF), "sd", "Infinity");
        rejected(Gamma.problem(1e300, 1e-300), () -> new Gamma(1e300, 1e-300), "too far apart");
        // shape above 10^8: fixed in effect; the incomplete gamma's series grew without end (found by the fuzzer:
        // mean 1e12, sd 0.15 threw from commons-math, mean 1e7 ran for minutes)
        rejected(Gamma.problem(1e12, 0.15), () -> new Gamma(1e12, 0.15), "below 1/10,000 of the mean", "gamma",
                "plain number");
        rejected(Gamma.problem(1e7, 0.15), () -> new Gamma(1e7, 0.15), "below 1/10,000 of the mean");
        assertThat(Gamma.problem(1e7, 1001)).isNull();
    }

    @Test
    void fixedNeedsAFiniteNumber() {
        rejected(Fixed.problem(NAN), () -> new Fixed(NAN), "value must be a finite number", "NaN");
        rejected(Fixed.problem(INF), () -> new Fixed(INF), "value", "Infinity");
        rejected(Fixed.problem(-INF), () -> new Fixed(-INF), "value", "-Infinity");
    }

    @Test
    void validParametersHaveNoProblem() {
        assertThat(Fixed.problem(0)).isNull();
        assertThat(Fixed.problem(-3.5)).isNull();
        assertThat(Beta.problem(0.3, 0.05)).isNull();
        assertThat(Beta.problem(0.02, 0.01)).isNull();
        assertThat(Beta.problem(0.98, 0.01)).isNull();
        assertThat(Beta.problem(0.3, 0.45)).isNull();          // just under √0.21 = 0.458
        assertThat(LogNormal.problem(200, 280)).isNull();
        assertThat(Normal.problem(-5, 0.1)).isNull();
        assertThat(Triangular.problem(0, 0, 1)).isNull();
        assertThat(Triangular.problem(0, 1, 1)).isNull();
        assertThat(Uniform.problem(-1, 1)).isNull();
        assertThat(Gamma.problem(3, 5.5)).isNull();
        assertThat(Pert.problem(0, 0, 1)).isNull();
        assertThat(Pert.problem(0, 1, 10)).isNull();
        for (DistCases.Case c : DistCases.continuous()) {
            Dist d = c.dist();
            String problem = switch (d.kind()) {
                case "beta" -> Beta.problem(d.mean(), d.sd());
                case "gamma" -> Gamma.problem(d.mean(), d.sd());
                case "normal" -> Normal.problem(d.mean(), d.sd());
                case "lognormal" -> LogNormal.problem(((LogNormal) d).median(), ((LogNormal) d).p90());
                case "uniform" -> Uniform.problem(d.lower(), d.upper());
                case "triangular" -> Triangular.problem(d.lower(), ((Triangular) d).mode(), d.upper());
                case "pert" -> Pert.problem(d.lower(), ((Pert) d).mode(), d.upper());
                default -> "unexpected kind " + d.kind();
            };
            assertThat(problem).as("%s", d).isNull();
        }
    }
}
