package dev.interlock.engine.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The interpolation table on its own: exact where it can be, verified, and safe when verification fails. */
class InverseTableTest {

    /** The logistic distribution on its own axis: F(y) = 1/(1 + e^−y), so the exact quantile is t = logit u. */
    static class LogisticAxis implements InverseTable.Axis {
        @Override
        public double logCdf(double y) {
            return -InverseTable.softplus(-y);
        }

        @Override
        public double logSurvival(double y) {
            return -InverseTable.softplus(y);
        }

        @Override
        public double logDensity(double y) {
            return -InverseTable.softplus(-y) - InverseTable.softplus(y);
        }

        @Override
        public double logDensitySlope(double y) {
            return 1 - 2 * BetaAxis.logistic(y);
        }

        @Override
        public double start() {
            return 3;
        }

        @Override
        public double noise(double y) {
            return 0;
        }
    }

    /** The same distribution with a CDF that wobbles by a relative 1e-6, which no table of 8,192 intervals follows. */
    static class WobblyAxis extends LogisticAxis {
        @Override
        public double logCdf(double y) {
            return super.logCdf(y) + 1e-6 * Math.sin(1e4 * y);
        }

        @Override
        public double logSurvival(double y) {
            return super.logSurvival(y) + 1e-6 * Math.sin(1e4 * y);
        }
    }

    @Test
    void reproducesAnIdentityQuantileAtTheFirstGrid() {
        InverseTable table = InverseTable.of(new LogisticAxis());
        assertThat(table.intervals()).isEqualTo(InverseTable.FIRST_INTERVALS);
        assertThat(table.polishes()).isFalse();
        for (double u : QuantileAccuracyTest.GRID) {
            assertThat(table.y(u)).isCloseTo(Math.log(u / (1 - u)), within(1e-12));
        }
        assertThat(table.y(0)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(table.y(1)).isEqualTo(Double.POSITIVE_INFINITY);
    }

    @Test
    void tableThatFailsVerificationPolishesEachLookupOnTheExactCdf() {
        WobblyAxis axis = new WobblyAxis();
        InverseTable table = InverseTable.of(axis);
        assertThat(table.polishes()).isTrue();
        for (double u : new double[] {1e-9, 0.01, 0.3, 0.5, 0.7, 0.99, 1 - 1e-9}) {
            double y = table.y(u);
            double error = u <= 0.5 ? axis.logCdf(y) - Math.log(u) : axis.logSurvival(y) - Math.log1p(-u);
            assertThat(error).as("relative error at u = %s", u).isCloseTo(0, within(1e-10));
        }
    }

    static Stream<Dist> tabulated() {
        return DistCases.continuous().stream().map(DistCases.Case::dist)
                .filter(d -> d instanceof Beta || d instanceof Gamma || d instanceof Pert);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tabulated")
    void everyTestedShapePassesVerificationWithoutPolishing(Dist dist) {
        InverseTable table = dist instanceof Beta b ? b.table()
                : dist instanceof Gamma g ? g.table() : ((Pert) dist).table();
        assertThat(table.polishes()).isFalse();
        assertThat(table.intervals()).isBetween(InverseTable.FIRST_INTERVALS, 2048);
        assertThat(table.maxError()).isLessThan(1e-10);
    }
}
