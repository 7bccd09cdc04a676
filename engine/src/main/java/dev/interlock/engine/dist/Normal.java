package dev.interlock.engine.dist;

import java.util.LinkedHashMap;

/**
 * A normal distribution by mean and standard deviation, on the whole real line. For a quantity that must stay in
 * a range (a rate in [0, 1]), draw it with {@link #quantileWithin(double, double, double)}.
 *
 * <p>Quantile: {@code mean + sd·Φ⁻¹(u)}, with Φ⁻¹ by Wichura's AS 241 (PPND16, relative error about 1e-16, no
 * iteration); |cdf(quantile(u)) − u| is at rounding level. CDF: Cody's rational approximation of Φ (about 1e-16).
 *
 * @param mean the mean, in the unit of the key; finite
 * @param sd   the standard deviation, in the unit of the key; finite and {@code > 0}
 */
public record Normal(double mean, double sd) implements Dist {

    /**
     * @param mean the mean, in the unit of the key; finite
     * @param sd   the standard deviation, in the unit of the key; finite and {@code > 0}
     * @throws IllegalArgumentException if {@link #problem(double, double)} finds one
     */
    public Normal {
        String problem = problem(mean, sd);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    /**
     * @param mean the proposed mean
     * @param sd   the proposed standard deviation
     * @return {@code null} if both are finite and {@code sd > 0}, else a short phrase saying what is wrong
     */
    public static String problem(double mean, double sd) {
        String problem = Checks.notFinite("mean", mean);
        if (problem == null) {
            problem = Checks.notFinite("sd", sd);
        }
        if (problem == null && !(sd > 0)) {
            problem = "sd must be > 0 for a normal; found " + Checks.num(sd);
        }
        return problem;
    }

    /** @return "normal" */
    @Override
    public String kind() {
        return "normal";
    }

    /**
     * @param u a probability in [0, 1]
     * @return {@code mean + sd·Φ⁻¹(u)} (−∞ for 0, +∞ for 1)
     * @throws IllegalArgumentException if {@code u} is NaN or outside [0, 1]
     */
    @Override
    public double quantile(double u) {
        if (!(u >= 0 && u <= 1)) {
            throw Checks.badU(u);
        }
        return mean + sd * StandardNormal.quantile(u);
    }

    /** @return Φ((x − mean)/sd) */
    @Override
    public double cdf(double x) {
        return StandardNormal.cdf((x - mean) / sd);
    }

    /** @return −∞ */
    @Override
    public double lower() {
        return Double.NEGATIVE_INFINITY;
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
}
