package dev.interlock.engine.dist;

import java.util.LinkedHashMap;

/**
 * A beta-PERT distribution on [min, max] with its peak at mode (λ = 4): a beta(α, β) scaled to [min, max] with
 * α = 1 + 4(mode − min)/(max − min) and β = 1 + 4(max − mode)/(max − min), so α + β = 6, the mean is
 * (min + 4·mode + max)/6 and the variance (mean − min)(max − mean)/7. Smoother than a {@link Triangular} with the
 * same three numbers, and with less weight in the tails.
 *
 * <p>Quantile: a table built once per instance by {@link InverseTable}, a piecewise quintic Hermite interpolation
 * of the standard beta's quantile on logit axes, with exact nodes from commons-math's regularized incomplete
 * beta function and its verified relative error below 1e-11 in u (or in 1 − u above the median), so
 * |cdf(quantile(u)) − u| is below 1e-11. One {@code log}, one {@code exp} and a degree-5 polynomial per call.
 * CDF: I_{(x − min)/(max − min)}(α, β) by commons-math's {@code Beta.regularizedBeta}.
 *
 * <p>A final class rather than a record, because it holds the table; it has a record's accessors, and
 * {@code equals}, {@code hashCode} and {@code toString} on (min, mode, max). Construction takes 2–7 ms; the table
 * holds 48 KB. Since α and β lie in [1, 5], none of the beta's double-precision limits applies.
 */
public final class Pert implements Dist {

    private final double min;
    private final double mode;
    private final double max;
    private final double alpha;
    private final double beta;
    private final InverseTable table;

    /**
     * @param min  the lower end, in the unit of the key; finite
     * @param mode the most likely value; {@code min <= mode <= max}
     * @param max  the upper end; finite, {@code > min}, and {@code max − min} finite
     * @throws IllegalArgumentException if {@link #problem(double, double, double)} finds one
     */
    public Pert(double min, double mode, double max) {
        String problem = problem(min, mode, max);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        this.min = min;
        this.mode = mode;
        this.max = max;
        double range = max - min;
        this.alpha = 1 + 4 * (mode - min) / range;
        this.beta = 1 + 4 * (max - mode) / range;
        this.table = InverseTable.of(new BetaAxis(alpha, beta));
    }

    /**
     * @param min  the proposed lower end
     * @param mode the proposed mode
     * @param max  the proposed upper end
     * @return {@code null} if all are finite with {@code min <= mode <= max}, {@code min < max} and a finite range,
     *         else a short phrase saying what is wrong
     */
    public static String problem(double min, double mode, double max) {
        return Triangular.rangeProblem("pert", min, mode, max);
    }

    /** @return the lower end */
    public double min() {
        return min;
    }

    /** @return the mode */
    public double mode() {
        return mode;
    }

    /** @return the upper end */
    public double max() {
        return max;
    }

    /** @return α = 1 + 4(mode − min)/(max − min), in [1, 5] */
    public double alpha() {
        return alpha;
    }

    /** @return β = 1 + 4(max − mode)/(max − min), in [1, 5] */
    public double beta() {
        return beta;
    }

    /** @return "pert" */
    @Override
    public String kind() {
        return "pert";
    }

    /** @return (min + 4·mode + max)/6 */
    @Override
    public double mean() {
        return (min + 4 * mode + max) / 6;
    }

    /** @return √((mean − min)(max − mean)/7) */
    @Override
    public double sd() {
        double mean = mean();
        return Math.sqrt((mean - min) * (max - mean) / 7);
    }

    /**
     * @param u a probability in [0, 1]
     * @return the PERT quantile (min for 0, max for 1), from the interpolation table
     * @throws IllegalArgumentException if {@code u} is NaN or outside [0, 1]
     */
    @Override
    public double quantile(double u) {
        if (!(u >= 0 && u <= 1)) {
            throw Checks.badU(u);
        }
        return Math.min(min + (max - min) * BetaAxis.logistic(table.y(u)), max);
    }

    /** @return I_{(x − min)/(max − min)}(α, β); 0 at or below min, 1 at or above max */
    @Override
    public double cdf(double x) {
        if (x <= min) {
            return 0;
        }
        if (x >= max) {
            return 1;
        }
        return org.apache.commons.math3.special.Beta.regularizedBeta((x - min) / (max - min), alpha, beta);
    }

    /** @return min */
    @Override
    public double lower() {
        return min;
    }

    /** @return max */
    @Override
    public double upper() {
        return max;
    }

    /** @return {min, mode, max} */
    @Override
    public LinkedHashMap<String, Double> parameters() {
        LinkedHashMap<String, Double> parameters = new LinkedHashMap<>();
        parameters.put("min", min);
        parameters.put("mode", mode);
        parameters.put("max", max);
        return parameters;
    }

    /** The quantile table, for tests. */
    InverseTable table() {
        return table;
    }

    /**
     * @return whether {@code other} is a Pert with the same min, mode and max (compared as {@link Double#compare}
     *         does)
     */
    @Override
    public boolean equals(Object other) {
        return other == this || other instanceof Pert that && Double.compare(min, that.min) == 0
                && Double.compare(mode, that.mode) == 0 && Double.compare(max, that.max) == 0;
    }

    @Override
    public int hashCode() {
        return (31 * Double.hashCode(min) + Double.hashCode(mode)) * 31 + Double.hashCode(max);
    }

    /** @return "Pert[min=…, mode=…, max=…]", as a record would print */
    @Override
    public String toString() {
        return "Pert[min=" + min + ", mode=" + mode + ", max=" + max + "]";
    }
}
