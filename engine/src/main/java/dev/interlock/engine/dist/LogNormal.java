package dev.interlock.engine.dist;

import java.util.LinkedHashMap;

/**
 * A lognormal distribution by its median and 90th percentile, the way an analyst states a cost ("about 200,
 * and 280 in a bad month"): ln X is normal with mean μ = ln(median) and standard deviation
 * σ = ln(p90/median)/Φ⁻¹(0.9), Φ⁻¹(0.9) = 1.2815515655446004. Support (0, ∞).
 *
 * <p>Quantile: {@code median·exp(σ·Φ⁻¹(u))}, with Φ⁻¹ by Wichura's AS 241 (relative error about 1e-16, no
 * iteration); |cdf(quantile(u)) − u| is at rounding level. σ is recomputed per call (one {@code log}), since a
 * record holds only its components. CDF: Φ(ln(x/median)/σ) by Cody's rational approximation (about 1e-16).
 *
 * @param median the median, in the unit of the key; finite and {@code > 0}
 * @param p90    the 90th percentile, in the unit of the key; finite and {@code > median}
 */
public record LogNormal(double median, double p90) implements Dist {

    /**
     * @param median the median, in the unit of the key; finite and {@code > 0}
     * @param p90    the 90th percentile, in the unit of the key; finite and {@code > median}
     * @throws IllegalArgumentException if {@link #problem(double, double)} finds one
     */
    public LogNormal {
        String problem = problem(median, p90);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    /**
     * The lognormal with a given mean and standard deviation: σ² = ln(1 + (sd/mean)²), median = mean·exp(−σ²/2),
     * p90 = median·exp(Φ⁻¹(0.9)·σ).
     *
     * @param mean the mean, in the unit of the key; finite and {@code > 0}
     * @param sd   the standard deviation, in the unit of the key; finite and {@code > 0}
     * @return the equivalent {@code LogNormal(median, p90)}
     * @throws IllegalArgumentException if {@link #problemOfMeanSd(double, double)} finds one
     */
    public static LogNormal ofMeanSd(double mean, double sd) {
        String problem = problemOfMeanSd(mean, sd);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        return new LogNormal(medianOf(mean, sd), p90Of(mean, sd));
    }

    /**
     * @param mean the proposed mean
     * @param sd   the proposed standard deviation
     * @return {@code null} if both are finite and positive and give a valid (median, p90), else a short phrase
     *         saying what is wrong (sd so small or large relative to the mean that median and p90 coincide or
     *         overflow)
     */
    public static String problemOfMeanSd(double mean, double sd) {
        String problem = Checks.notFinite("mean", mean);
        if (problem == null) {
            problem = Checks.notFinite("sd", sd);
        }
        if (problem == null && !(mean > 0)) {
            problem = "mean must be > 0 for a lognormal; found " + Checks.num(mean);
        }
        if (problem == null && !(sd > 0)) {
            problem = "sd must be > 0 for a lognormal; found " + Checks.num(sd);
        }
        if (problem == null && problem(medianOf(mean, sd), p90Of(mean, sd)) != null) {
            problem = "sd " + Checks.num(sd) + " and mean " + Checks.num(mean)
                    + " are too far apart in size to represent a lognormal";
        }
        return problem;
    }

    private static double sigmaOf(double mean, double sd) {
        double cv = sd / mean;
        return Math.sqrt(Math.log1p(cv * cv));
    }

    private static double medianOf(double mean, double sd) {
        double sigma = sigmaOf(mean, sd);
        return mean * Math.exp(-0.5 * sigma * sigma);
    }

    private static double p90Of(double mean, double sd) {
        return medianOf(mean, sd) * Math.exp(StandardNormal.Z90 * sigmaOf(mean, sd));
    }

    /**
     * @param median the proposed median
     * @param p90    the proposed 90th percentile
     * @return {@code null} if both are finite, {@code 0 < median < p90} and p90/median is a finite number above 1,
     *         else a short phrase saying what is wrong
     */
    public static String problem(double median, double p90) {
        String problem = Checks.notFinite("median", median);
        if (problem == null) {
            problem = Checks.notFinite("p90", p90);
        }
        if (problem == null && !(median > 0)) {
            problem = "median must be > 0 for a lognormal; found " + Checks.num(median);
        }
        if (problem == null && !(p90 > median)) {
            problem = "p90 must be greater than the median for a lognormal; found p90 " + Checks.num(p90)
                    + " with median " + Checks.num(median);
        }
        if (problem == null) {
            double sigma = Math.log(p90 / median) / StandardNormal.Z90;
            if (!(sigma > 0 && sigma < Double.POSITIVE_INFINITY)) {
                problem = "p90 " + Checks.num(p90) + " and median " + Checks.num(median)
                        + " are too " + (sigma > 0 ? "far apart" : "close together") + " for a lognormal";
            }
        }
        return problem;
    }

    /** @return σ = ln(p90/median)/Φ⁻¹(0.9), the standard deviation of ln X */
    public double sigma() {
        return Math.log(p90 / median) / StandardNormal.Z90;
    }

    /** @return "lognormal" */
    @Override
    public String kind() {
        return "lognormal";
    }

    /** @return median·exp(σ²/2) */
    @Override
    public double mean() {
        double sigma = sigma();
        return median * Math.exp(0.5 * sigma * sigma);
    }

    /** @return mean·√(exp(σ²) − 1) */
    @Override
    public double sd() {
        double sigma = sigma();
        return mean() * Math.sqrt(Math.expm1(sigma * sigma));
    }

    /**
     * @param u a probability in [0, 1]
     * @return median·exp(σ·Φ⁻¹(u)) (0 for 0, +∞ for 1)
     * @throws IllegalArgumentException if {@code u} is NaN or outside [0, 1]
     */
    @Override
    public double quantile(double u) {
        if (!(u >= 0 && u <= 1)) {
            throw Checks.badU(u);
        }
        return median * Math.exp(sigma() * StandardNormal.quantile(u));
    }

    /** @return Φ(ln(x/median)/σ) for x > 0, else 0 */
    @Override
    public double cdf(double x) {
        if (x <= 0) {
            return 0;
        }
        return StandardNormal.cdf(Math.log(x / median) / sigma());
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

    /** @return {median, p90} */
    @Override
    public LinkedHashMap<String, Double> parameters() {
        LinkedHashMap<String, Double> parameters = new LinkedHashMap<>();
        parameters.put("median", median);
        parameters.put("p90", p90);
        return parameters;
    }
}
