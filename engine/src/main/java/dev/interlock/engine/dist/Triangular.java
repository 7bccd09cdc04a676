package dev.interlock.engine.dist;

import java.util.LinkedHashMap;

/**
 * A triangular distribution on [min, max] with its peak at mode.
 *
 * <p>Quantile in closed form: with F(mode) = (mode − min)/(max − min), {@code min + √(u·(max − min)(mode − min))}
 * below F(mode) and {@code max − √((1 − u)(max − min)(max − mode))} above, so the upper tail keeps full
 * precision; |cdf(quantile(u)) − u| is at rounding level.
 *
 * @param min  the lower end, in the unit of the key; finite
 * @param mode the most likely value; {@code min <= mode <= max}
 * @param max  the upper end; finite, {@code > min}, and {@code max − min} finite
 */
public record Triangular(double min, double mode, double max) implements Dist {

    /**
     * @param min  the lower end, in the unit of the key; finite
     * @param mode the most likely value; {@code min <= mode <= max}
     * @param max  the upper end; finite, {@code > min}, and {@code max − min} finite
     * @throws IllegalArgumentException if {@link #problem(double, double, double)} finds one
     */
    public Triangular {
        String problem = problem(min, mode, max);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    /**
     * @param min  the proposed lower end
     * @param mode the proposed mode
     * @param max  the proposed upper end
     * @return {@code null} if all are finite with {@code min <= mode <= max}, {@code min < max} and a finite range,
     *         else a short phrase saying what is wrong
     */
    public static String problem(double min, double mode, double max) {
        return rangeProblem("triangular", min, mode, max);
    }

    /** The checks a triangular and a PERT share. */
    static String rangeProblem(String kind, double min, double mode, double max) {
        String problem = Checks.notFinite("min", min);
        if (problem == null) {
            problem = Checks.notFinite("mode", mode);
        }
        if (problem == null) {
            problem = Checks.notFinite("max", max);
        }
        if (problem == null && !(min < max)) {
            problem = "min must be < max for a " + kind + "; found min " + Checks.num(min) + ", max "
                    + Checks.num(max);
        }
        if (problem == null && !(min <= mode && mode <= max)) {
            problem = "mode must lie between min and max for a " + kind + "; found " + (mode < min
                    ? "mode " + Checks.num(mode) + " below min " + Checks.num(min)
                    : "mode " + Checks.num(mode) + " above max " + Checks.num(max));
        }
        if (problem == null && !Double.isFinite(max - min)) {
            problem = "min and max are too far apart for a " + kind + " (max − min overflows)";
        }
        return problem;
    }

    /** @return "triangular" */
    @Override
    public String kind() {
        return "triangular";
    }

    /** @return (min + mode + max)/3 */
    @Override
    public double mean() {
        return (min + mode + max) / 3;
    }

    /** @return √((min² + mode² + max² − min·mode − min·max − mode·max)/18), computed from the spans */
    @Override
    public double sd() {
        double a = mode - min;
        double b = max - mode;
        return Math.sqrt((a * a + a * b + b * b) / 18);
    }

    /**
     * @param u a probability in [0, 1]
     * @return the triangular quantile (min for 0, max for 1)
     * @throws IllegalArgumentException if {@code u} is NaN or outside [0, 1]
     */
    @Override
    public double quantile(double u) {
        if (!(u >= 0 && u <= 1)) {
            throw Checks.badU(u);
        }
        double range = max - min;
        double left = mode - min;
        double x = u * range < left
                ? min + Math.sqrt(u * range * left)
                : max - Math.sqrt((1 - u) * range * (max - mode));
        return Math.min(Math.max(x, min), max);
    }

    /**
     * @return 0 below min, (x − min)²/((max − min)(mode − min)) up to mode, 1 − (max − x)²/((max − min)(max − mode))
     *         up to max, 1 above
     */
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
        double range = max - min;
        if (x <= mode) {
            double d = x - min;
            return d * d / (range * (mode - min));
        }
        double d = max - x;
        return 1 - d * d / (range * (max - mode));
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
}
