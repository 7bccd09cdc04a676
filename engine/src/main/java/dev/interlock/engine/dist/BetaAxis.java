package dev.interlock.engine.dist;

import static dev.interlock.engine.dist.InverseTable.softplus;

import org.apache.commons.math3.special.Beta;

/**
 * A standard beta(α, β) distribution on (0, 1) seen on the logit axis y = ln(x/(1 − x)), for {@link InverseTable}.
 * Both x = 1/(1 + e^−y) and 1 − x = 1/(1 + e^y) are computed from y directly, so each tail keeps relative
 * precision. Probabilities are commons-math's regularized incomplete beta function (continued fraction, relative
 * accuracy about 1e-14): I_x(α, β) for x up to commons-math's switch point (α + 1)/(α + β + 2), and
 * I_{1−x}(β, α) above it, each called with its exact argument where commons-math would evaluate it directly
 * (it would otherwise form 1 − x itself, losing a tiny x), the other tail as the complement via {@code log1p}.
 * The density of y is x^α (1 − x)^β / B(α, β).
 */
final class BetaAxis implements InverseTable.Axis {

    private final double alpha;
    private final double beta;
    private final double logBeta;
    /** commons-math's own switch point: below it I_x(α, β) is a direct continued fraction, above it I_{1−x}(β, α). */
    private final double split;

    BetaAxis(double alpha, double beta) {
        this.alpha = alpha;
        this.beta = beta;
        this.logBeta = Beta.logBeta(alpha, beta);
        this.split = (alpha + 1) / (alpha + beta + 2);
    }

    /**
     * @return 1/(1 + e^−y), the x of a logit y; e^y below y = −700, where the two agree to 1e-304 and the first
     *         would underflow too early (at 5.6e-309, missing the subnormals down to 4.9e-324)
     */
    static double logistic(double y) {
        return y > -700 ? 1 / (1 + Math.exp(-y)) : Math.exp(y);
    }

    @Override
    public double logCdf(double y) {
        double x = logistic(y);
        return x <= split ? Math.log(Beta.regularizedBeta(x, alpha, beta))
                : Math.log1p(-Beta.regularizedBeta(logistic(-y), beta, alpha));
    }

    @Override
    public double logSurvival(double y) {
        double x = logistic(y);
        return x <= split ? Math.log1p(-Beta.regularizedBeta(x, alpha, beta))
                : Math.log(Beta.regularizedBeta(logistic(-y), beta, alpha));
    }

    @Override
    public double logDensity(double y) {
        return -alpha * softplus(-y) - beta * softplus(y) - logBeta;
    }

    @Override
    public double logDensitySlope(double y) {
        return alpha * logistic(-y) - beta * logistic(y);
    }

    /** @return 2.2e-16 times the terms of the incomplete beta's prefactor x^α (1 − x)^β / (α·B(α, β)) */
    @Override
    public double noise(double y) {
        return 0x1p-52 * (alpha * softplus(-y) + beta * softplus(y) + Math.abs(logBeta) + 1);
    }

    /** @return ln(α/β), the logit of the mean */
    @Override
    public double start() {
        return Math.log(alpha / beta);
    }
}
