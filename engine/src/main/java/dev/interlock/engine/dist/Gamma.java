package dev.interlock.engine.dist;

import java.util.LinkedHashMap;

/**
 * A gamma distribution on (0, ∞) by its mean and standard deviation: shape a = (mean/sd)², scale = sd²/mean.
 *
 * <p>Quantile: a table built once per instance by {@link InverseTable}, a piecewise quintic Hermite interpolation
 * of the quantile from t = logit u to ln x, with exact nodes from commons-math's regularized incomplete gamma
 * functions and its verified relative error below 1e-11 in u (or in 1 − u above the median), so
 * |cdf(quantile(u)) − u| is below 1e-11. One {@code log}, one {@code exp} and a degree-5 polynomial per call,
 * no CDF evaluation. CDF: commons-math's {@code Gamma.regularizedGammaP}, as in its {@code GammaDistribution}.
 *
 * <p>A final class rather than a record, because it holds the table; it has a record's accessors, and
 * {@code equals}, {@code hashCode} and {@code toString} on (mean, sd). Construction takes 2–5 ms for shapes up
 * to about 1e4 and grows like √shape beyond (the incomplete gamma series gets longer); the table holds 24–48 KB.
 *
 * <p>An sd below {@link Checks#NARROWEST} of the mean (shape above 10^8) is refused: such an input is a fixed
 * value in effect, and the incomplete gamma's series grows like √shape (1.5 s for one table at shape 10^12, no end
 * in sight at 10^25).
 *
 * <p>Limits of double precision, not of the method: if the shape is below about 0.05 the lowest quantiles lie
 * below the smallest positive double and come out as 0 or a subnormal (multiples of scale·4.9e-324), so
 * |cdf(quantile(u)) − u| can exceed 1e-9 there. For shapes above about 1e5, commons-math's incomplete gamma itself
 * is only accurate to about shape·1e-16 (5.6e-9 measured at shape 1e6), and so is the inverse.
 */
public final class Gamma implements Dist {

    private final double mean;
    private final double sd;
    private final double shape;
    private final double scale;
    private final InverseTable table;

    /**
     * @param mean the mean, in the unit of the key; finite and {@code > 0}
     * @param sd   the standard deviation, in the unit of the key; finite and {@code > 0}
     * @throws IllegalArgumentException if {@link #problem(double, double)} finds one
     */
    public Gamma(double mean, double sd) {
        String problem = problem(mean, sd);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        this.mean = mean;
        this.sd = sd;
        this.shape = shape(mean, sd);
        this.scale = scale(mean, sd);
        this.table = InverseTable.of(new GammaAxis(shape));
    }

    /**
     * @param mean the proposed mean
     * @param sd   the proposed standard deviation
     * @return {@code null} if both are finite and positive (with shape and scale positive finite numbers), else a
     *         short phrase saying what is wrong
     */
    public static String problem(double mean, double sd) {
        String problem = Checks.notFinite("mean", mean);
        if (problem == null) {
            problem = Checks.notFinite("sd", sd);
        }
        if (problem == null && !(mean > 0)) {
            problem = "mean must be > 0 for a gamma; found " + Checks.num(mean);
        }
        if (problem == null && !(sd > 0)) {
            problem = "sd must be > 0 for a gamma; found " + Checks.num(sd);
        }
        if (problem == null) {
            double shape = shape(mean, sd);
            double scale = scale(mean, sd);
            if (!(shape > 0 && shape < Double.POSITIVE_INFINITY && scale > 0 && scale < Double.POSITIVE_INFINITY)) {
                problem = "sd " + Checks.num(sd) + " and mean " + Checks.num(mean)
                        + " are too far apart in size to represent a gamma";
            } else {
                problem = Checks.tooNarrow("gamma", "the mean ", mean, sd);
            }
        }
        return problem;
    }

    private static double shape(double mean, double sd) {
        double ratio = mean / sd;
        return ratio * ratio;
    }

    private static double scale(double mean, double sd) {
        return sd * (sd / mean);
    }

    /** @return "gamma" */
    @Override
    public String kind() {
        return "gamma";
    }

    /** @return the mean, as given */
    @Override
    public double mean() {
        return mean;
    }

    /** @return the standard deviation, as given */
    @Override
    public double sd() {
        return sd;
    }

    /** @return the shape a = (mean/sd)² */
    public double shape() {
        return shape;
    }

    /** @return the scale sd²/mean, in the unit of the key */
    public double scale() {
        return scale;
    }

    /**
     * @param u a probability in [0, 1]
     * @return the gamma quantile (0 for 0, +∞ for 1), from the interpolation table
     * @throws IllegalArgumentException if {@code u} is NaN or outside [0, 1]
     */
    @Override
    public double quantile(double u) {
        if (!(u >= 0 && u <= 1)) {
            throw Checks.badU(u);
        }
        return scale * Math.exp(table.y(u));
    }

    /** @return the regularized incomplete gamma function P(a, x/scale); 0 at or below 0 */
    @Override
    public double cdf(double x) {
        if (x <= 0) {
            return 0;
        }
        double z = x / scale;
        return z == Double.POSITIVE_INFINITY ? 1 : org.apache.commons.math3.special.Gamma.regularizedGammaP(shape, z);
    }

    /** @return 0 */
    @Override
    public double lower() {
        return 0;
    }

    /** @return +∞ */
    @Override
    public double upper() {
        return Double.POSITIVE_INFINITY;
    }

    /** @return {mean, sd} */
    @Override
    public LinkedHashMap<String, Double> parameters() {
        LinkedHashMap<String, Double> parameters = new LinkedHashMap<>();
        parameters.put("mean", mean);
        parameters.put("sd", sd);
        return parameters;
    }

    /** The quantile table, for tests. */
    InverseTable table() {
        return table;
    }

    /** @return whether {@code other} is a Gamma with the same mean and sd (compared as {@link Double#compare} does) */
    @Override
    public boolean equals(Object other) {
        return other == this || other instanceof Gamma that
                && Double.compare(mean, that.mean) == 0 && Double.compare(sd, that.sd) == 0;
    }

    @Override
    public int hashCode() {
        return 31 * Double.hashCode(mean) + Double.hashCode(sd);
    }

    /** @return "Gamma[mean=…, sd=…]", as a record would print */
    @Override
    public String toString() {
        return "Gamma[mean=" + mean + ", sd=" + sd + "]";
    }
}
