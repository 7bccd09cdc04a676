package dev.interlock.engine.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The inverse CDF inverts the CDF to 1e-9 everywhere from u = 1e-9 to 1 − 1e-9, and never decreases. */
class QuantileAccuracyTest {

    /** 10,000 u: 5,000 evenly spaced in [1e-9, 1 − 1e-9] and 5,000 evenly spaced in logit(u) over the same range. */
    static final double[] GRID = grid();

    private static double[] grid() {
        int half = 5_000;
        double lo = 1e-9;
        double hi = 1 - 1e-9;
        double tLo = Math.log(lo / (1 - lo));
        double tHi = -tLo;
        double[] u = new double[2 * half];
        for (int i = 0; i < half; i++) {
            u[i] = lo + (hi - lo) * i / (half - 1);
            double t = tLo + (tHi - tLo) * i / (half - 1);
            u[half + i] = t < 0 ? Math.exp(t) / (1 + Math.exp(t)) : 1 / (1 + Math.exp(-t));
        }
        u[half - 1] = hi;
        Arrays.sort(u);
        return u;
    }

    static Stream<DistCases.Case> cases() {
        return DistCases.continuous().stream();
    }

    @Test
    void gridSpansOneInABillionToItsComplement() {
        assertThat(GRID).hasSize(10_000);
        assertThat(GRID[0]).isEqualTo(1e-9);
        assertThat(GRID[GRID.length - 1]).isEqualTo(1 - 1e-9);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void cdfOfQuantileIsUWithinOneInABillion(DistCases.Case c) {
        Dist dist = c.dist();
        double worst = 0;
        double worstU = Double.NaN;
        for (double u : GRID) {
            double error = Math.abs(dist.cdf(dist.quantile(u)) - u);
            if (!(error <= worst)) {
                worst = error;
                worstU = u;
            }
        }
        assertThat(worst).as("largest |cdf(quantile(u)) - u|, at u = %s", worstU).isLessThan(1e-9);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void quantileNeverDecreases(DistCases.Case c) {
        Dist dist = c.dist();
        double previous = dist.quantile(0);
        for (double u : GRID) {
            double x = dist.quantile(u);
            assertThat(x).as("quantile(%s)", u).isGreaterThanOrEqualTo(previous);
            previous = x;
        }
        assertThat(dist.quantile(1)).isGreaterThanOrEqualTo(previous);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void cdfAgreesWithCommonsMath(DistCases.Case c) {
        Dist dist = c.dist();
        for (int i = 0; i < GRID.length; i += 7) {
            double x = dist.quantile(GRID[i]);
            double expected = c.reference().cumulativeProbability(c.toReference().applyAsDouble(x));
            assertThat(dist.cdf(x)).as("cdf(%s)", x).isCloseTo(expected, within(1e-12));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void quantileAtZeroAndOneIsTheSupportsEnds(DistCases.Case c) {
        assertThat(c.dist().quantile(0)).isEqualTo(c.dist().lower());
        assertThat(c.dist().quantile(1)).isEqualTo(c.dist().upper());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void extremeDoublesStayInsideTheSupport(DistCases.Case c) {
        Dist dist = c.dist();
        for (double u : new double[] {Double.MIN_VALUE, 0x1p-1074 * 3, 1e-300, 0x1p-54, 1 - 0x1p-53}) {
            assertThat(dist.quantile(u)).as("quantile(%s)", u).isBetween(dist.lower(), dist.upper());
        }
    }

    /** Beyond the table (u below 4e-18) the quantile is solved on the exact CDF: relative accuracy holds there too. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("tabulated")
    void deepLowerTailIsSolvedOnTheExactCdf(Dist dist) {
        for (double u : new double[] {1e-17, 1e-20, 1e-30}) {
            assertThat(dist.cdf(dist.quantile(u)) / u).as("cdf(quantile(%s))/u", u).isCloseTo(1, within(1e-9));
        }
    }

    static Stream<Dist> tabulated() {
        return Stream.of(new Beta(0.3, 0.05), new Beta(0.1, 0.2), new Gamma(3, 3 / Math.sqrt(0.3)),
                new Gamma(10, 0.4472), new Pert(0, 1, 10));
    }

    @Test
    void fixedQuantileIsItsValueForEveryU() {
        Fixed fixed = new Fixed(3.5);
        assertThat(fixed.quantile(0)).isEqualTo(3.5);
        assertThat(fixed.quantile(1)).isEqualTo(3.5);
        for (double u : GRID) {
            assertThat(fixed.quantile(u)).isEqualTo(3.5);
        }
        assertThat(fixed.cdf(3.4999)).isZero();
        assertThat(fixed.cdf(3.5)).isEqualTo(1);
    }
}
