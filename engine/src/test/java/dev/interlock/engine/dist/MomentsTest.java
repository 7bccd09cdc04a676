package dev.interlock.engine.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** mean() and sd() are commons-math's numerical mean and √variance of the same distribution. */
class MomentsTest {

    static Stream<DistCases.Case> cases() {
        return DistCases.continuous().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void meanIsCommonsMathsNumericalMean(DistCases.Case c) {
        double expected = c.offset() + c.scale() * c.reference().getNumericalMean();
        assertThat(c.dist().mean()).isCloseTo(expected, within(1e-12 * Math.max(1, Math.abs(expected))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void sdIsSquareRootOfCommonsMathsNumericalVariance(DistCases.Case c) {
        double expected = c.scale() * Math.sqrt(c.reference().getNumericalVariance());
        assertThat(c.dist().sd()).isCloseTo(expected, within(1e-12 * expected));
    }

    @Test
    void fixedHasItsValueAsMeanAndNoSpread() {
        assertThat(new Fixed(-2.5).mean()).isEqualTo(-2.5);
        assertThat(new Fixed(-2.5).sd()).isZero();
    }

    @Test
    void logNormalOfMeanSdHasThatMeanAndSd() {
        LogNormal dist = LogNormal.ofMeanSd(2000, 500);
        assertThat(dist.mean()).isCloseTo(2000, within(1e-9));
        assertThat(dist.sd()).isCloseTo(500, within(1e-9));
        assertThat(dist.p90() / dist.median()).isCloseTo(Math.exp(StandardNormal.Z90 * dist.sigma()), within(1e-12));
    }
}
