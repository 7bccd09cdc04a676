package dev.interlock.engine.dist;

import java.util.LinkedHashMap;

/**
 * A plain number written where a distribution could be ({@code win_rate: 0.3}): every trial draws the same
 * value. {@code quantile(u)} is {@code value} for every u; the CDF is a step from 0 to 1 at {@code value}.
 *
 * @param value the value, in the unit of the key; any finite number
 */
public record Fixed(double value) implements Dist {

    /**
     * @param value the value, in the unit of the key; any finite number
     * @throws IllegalArgumentException if {@link #problem(double)} finds one
     */
    public Fixed {
        String problem = problem(value);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    /**
     * @param value the proposed value
     * @return {@code null} if {@code value} is finite, else a short phrase saying what is wrong
     */
    public static String problem(double value) {
        return Checks.notFinite("value", value);
    }

    /** @return "fixed" */
    @Override
    public String kind() {
        return "fixed";
    }

    /** @return {@code value} */
    @Override
    public double mean() {
        return value;
    }

    /** @return 0 */
    @Override
    public double sd() {
        return 0;
    }

    /**
     * @param u a probability in [0, 1]
     * @return {@code value}, whatever u is
     * @throws IllegalArgumentException if {@code u} is NaN or outside [0, 1]
     */
    @Override
    public double quantile(double u) {
        if (!(u >= 0 && u <= 1)) {
            throw Checks.badU(u);
        }
        return value;
    }

    /** @return 1 if {@code x >= value}, else 0 (NaN for NaN) */
    @Override
    public double cdf(double x) {
        if (Double.isNaN(x)) {
            return Double.NaN;
        }
        return x >= value ? 1 : 0;
    }

    /** @return {@code value} */
    @Override
    public double lower() {
        return value;
    }

    /** @return {@code value} */
    @Override
    public double upper() {
        return value;
    }

    /** @return {value} */
    @Override
    public LinkedHashMap<String, Double> parameters() {
        LinkedHashMap<String, Double> parameters = new LinkedHashMap<>();
        parameters.put("value", value);
        return parameters;
    }
}
