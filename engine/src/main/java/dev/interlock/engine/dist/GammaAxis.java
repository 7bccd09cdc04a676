package dev.interlock.engine.dist;

import org.apache.commons.math3.special.Gamma;

/**
 * A standard gamma(shape a, scale 1) distribution on (0, ∞) seen on the log axis y = ln x, for
 * {@link InverseTable}. Probabilities are commons-math's regularized incomplete gamma functions P(a, x) and, for
 * the upper tail, Q(a, x) (series or continued fraction, relative accuracy about 1e-15). The density of y is
 * x^a e^−x / Γ(a).
 */
final class GammaAxis implements InverseTable.Axis {

    private final double shape;
    private final double logGammaShape;

    GammaAxis(double shape) {
        this.shape = shape;
        this.logGammaShape = Gamma.logGamma(shape);
    }

    @Override
    public double logCdf(double y) {
        double x = Math.exp(y);
        return x == Double.POSITIVE_INFINITY ? 0 : Math.log(Gamma.regularizedGammaP(shape, x));
    }

    @Override
    public double logSurvival(double y) {
        double x = Math.exp(y);
        return x == Double.POSITIVE_INFINITY ? Double.NEGATIVE_INFINITY : Math.log(Gamma.regularizedGammaQ(shape, x));
    }

    @Override
    public double logDensity(double y) {
        return shape * y - Math.exp(y) - logGammaShape;
    }

    @Override
    public double logDensitySlope(double y) {
        return shape - Math.exp(y);
    }

    /** @return 2.2e-16 times the terms of the incomplete gamma's prefactor x^a e^−x / Γ(a) */
    @Override
    public double noise(double y) {
        return 0x1p-52 * (Math.abs(shape * y) + Math.exp(y) + Math.abs(logGammaShape) + 1);
    }

    /** @return ln a, the log of the mean */
    @Override
    public double start() {
        return Math.log(shape);
    }
}
