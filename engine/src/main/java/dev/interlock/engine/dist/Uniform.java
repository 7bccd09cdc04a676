package dev.interlock.engine.dist;

import java.util.LinkedHashMap;

/**
 * A uniform distribution on [min, max].
 *
 * <p>Quantile in closed form, {@code min + u·(max − min)} (clamped to max against rounding); exact to rounding.
 *
 * @param min the lower end, in the unit of the key; finite
 * @param max the upper end; finite, {@code > min}, and {@code max − min} finite
 */
public record Uniform(double min, double max) implements Dist {

    /**
     * @param min the lower end, in the unit of the key; finite
     * @param max the upper end; finite, {@code > min}, and {@code max − min} finite
     * @throws IllegalArgumentException if {@link #problem(double, double)} finds one
     */
    public Uniform {
        String problem = problem(min, max);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    /**
     * @param min the proposed lower end
     * @param max the proposed upper end
     * @return {@code null} if both are finite with {@code min < max} and a finite range, else a short phrase
     *         saying what is wrong
     */
    public static String problem(double min, double max) {
        String problem = Checks.notFinite("min", min);
        if (problem == null) {
            problem = Checks.notFinite("max", max);
        }
        if (problem == null && !(min < max)) {
            problem = "min must be < max for a uniform; found min " + Checks.num(min) + ", max " + Checks.num(max);
        }
        if (problem == null && !Double.isFinite(max - min)) {
            problem = "min and max are too far apart for a uniform (max − min overflows)";
        }
        return problem;
    }

    /** @return "uniform" */
    @Override
    public String kind() {
        return "uniform";
    }

    /** @return (min + max)/2 */
    @Override
    public double mean() {
        return min + 0.5 * (max - min);
    }

    /** @return (max − min)/√12 */
    @Override
    public double sd() {
        return (max - min) / Math.sqrt(12);
    }

    /**
     * @param u a probability in [0, 1]
     * @return min + u·(max − min)
     * @throws IllegalArgumentException if {@code u} is NaN or outside [0, 1]
     */
    @Override
    public double quantile(double u) {
        if (!(u >= 0 && u <= 1)) {
            throw Checks.badU(u);
        }
        return Math.min(min + u * (max - min), max);
    }

    /** @return (x − min)/(max − min), clamped to [0, 1] */
    @Override
    public double cdf(double x) {
        if (Double.isNaN(x)) {
            return Double.NaN;
        }
        if (x <= min) {
            return 0;
        }
        if (x >= max) {
            return 1;
        }
        return (x - min) / (max - min);
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

    /** @return {min, max} */
    @Override
    public LinkedHashMap<String, Double> parameters() {
        LinkedHashMap<String, Double> parameters = new LinkedHashMap<>();
        parameters.put("min", min);
        parameters.put("max", max);
        return parameters;
    }
}
