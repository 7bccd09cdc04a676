package dev.interlock.engine.dist;

import java.util.List;
import java.util.function.DoubleUnaryOperator;

import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.distribution.LogNormalDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.RealDistribution;
import org.apache.commons.math3.distribution.TriangularDistribution;
import org.apache.commons.math3.distribution.UniformRealDistribution;

/**
 * The continuous cases the tests run over, each with commons-math3's distribution built from the scenario
 * parameters independently of the code under test (its own α, β, shape, σ), so a wrong parameterisation shows.
 */
final class DistCases {

    /**
     * @param dist        the distribution under test
     * @param reference   commons-math's equivalent, in the reference variable
     * @param toReference maps a value of {@code dist} to the reference variable (the identity, but for PERT, whose
     *                    reference is a beta on [0, 1])
     * @param scale       what the reference variable is multiplied by to give {@code dist}'s unit (for moments)
     * @param offset      what is then added
     */
    record Case(Dist dist, RealDistribution reference, DoubleUnaryOperator toReference, double scale, double offset) {
        @Override
        public String toString() {
            return dist.toString();
        }
    }

    private DistCases() {
    }

    static List<Case> continuous() {
        return List.of(
                plain(new Normal(0.3, 0.5), new NormalDistribution(0.3, 0.5)),
                plain(new Normal(-1e4, 250), new NormalDistribution(-1e4, 250)),
                logNormal(200, 280),
                logNormal(1, 50),
                logNormalByMeanSd(2000, 500),
                plain(new Triangular(0, 5, 10), new TriangularDistribution(0, 5, 10)),
                plain(new Triangular(0, 0, 1), new TriangularDistribution(0, 0, 1)),
                plain(new Triangular(2, 3, 3), new TriangularDistribution(2, 3, 3)),
                plain(new Triangular(-1, 0.2, 4), new TriangularDistribution(-1, 0.2, 4)),
                plain(new Uniform(0, 1), new UniformRealDistribution(0, 1)),
                plain(new Uniform(-5, 20), new UniformRealDistribution(-5, 20)),
                beta(0.3, 0.05),
                beta(0.02, 0.01),                     // α = 3.9, β = 191.1: a rare event
                beta(0.98, 0.01),                     // α = 191.1, β = 3.9: its mirror
                beta(0.5, 0.28),                      // α = β ≈ 1.09: nearly flat
                beta(0.1, 0.2),                       // α = 0.125: infinite density at 0
                beta(0.3, 0.001),                     // α + β ≈ 2.1e5: very concentrated
                gamma(0.3, 10),                       // shape 0.3: infinite density at 0
                gamma(500, 0.02),                     // shape 500: nearly normal
                gamma(4, 0.5),
                gamma(1, 1),                          // exponential
                pert(0, 1, 10),                       // skewed right: α = 1.4, β = 4.6
                pert(0, 9.5, 10),                     // skewed left
                pert(0, 0, 1),                        // mode at min: α = 1, β = 5
                pert(0, 10, 10),                      // mode at max
                pert(-3, 0, 3));
    }

    private static Case plain(Dist dist, RealDistribution reference) {
        return new Case(dist, reference, x -> x, 1, 0);
    }

    private static Case logNormal(double median, double p90) {
        double sigma = Math.log(p90 / median) / new NormalDistribution().inverseCumulativeProbability(0.9);
        return plain(new LogNormal(median, p90), new LogNormalDistribution(Math.log(median), sigma));
    }

    private static Case logNormalByMeanSd(double mean, double sd) {
        double sigma2 = Math.log(1 + sd * sd / (mean * mean));
        return plain(LogNormal.ofMeanSd(mean, sd),
                new LogNormalDistribution(Math.log(mean) - sigma2 / 2, Math.sqrt(sigma2)));
    }

    private static Case beta(double mean, double sd) {
        double k = mean * (1 - mean) / (sd * sd) - 1;
        return plain(new Beta(mean, sd), new BetaDistribution(mean * k, (1 - mean) * k));
    }

    private static Case gamma(double shape, double scale) {
        double mean = shape * scale;
        return plain(new Gamma(mean, Math.sqrt(shape) * scale), new GammaDistribution(shape, scale));
    }

    private static Case pert(double min, double mode, double max) {
        double range = max - min;
        return new Case(new Pert(min, mode, max),
                new BetaDistribution(1 + 4 * (mode - min) / range, 1 + 4 * (max - mode) / range),
                x -> (x - min) / range, range, min);
    }
}
