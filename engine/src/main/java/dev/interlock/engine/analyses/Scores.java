package dev.interlock.engine.analyses;

import dev.interlock.engine.dist.Normal;

/**
 * Forecast scores, each for one forecast of one actual value y. Lower is better for every loss.
 *
 * <ul>
 *   <li><b>CRPS</b> (continuous ranked probability score, Gneiting &amp; Raftery 2007, eq. 21):
 *       CRPS(F, y) = E|X − y| − ½·E|X − X'| with X, X' independent draws from F, in the unit of y. For a
 *       forecast given as n trial values, F is their empirical distribution and the score is exact:
 *       with the values sorted, x₍₁₎ ≤ … ≤ x₍ₙ₎, E|X − X'| = (2/n²)·Σᵢ (2i − n − 1)·x₍ᵢ₎. For a normal
 *       forecast N(μ, σ²), CRPS = σ·[z(2Φ(z) − 1) + 2φ(z) − 1/√π], z = (y − μ)/σ. For a point forecast
 *       it is the absolute error.</li>
 *   <li><b>Pinball loss</b> at level τ of a quantile forecast q: τ·(y − q) if y ≥ q, else (1 − τ)·(q − y).</li>
 *   <li><b>Coverage</b>: whether y lies in the central interval [q_(1−c)/2, q_(1+c)/2], ends included.</li>
 *   <li><b>Point errors</b> of a point forecast ŷ: absolute error |y − ŷ|; absolute percentage error
 *       |y − ŷ|/|y| (undefined when y = 0); symmetric APE 2|y − ŷ|/(|y| + |ŷ|) (0 when both are 0); MASE
 *       divides the mean absolute error by {@link #naiveScale}, the in-sample mean absolute error of the
 *       one-step naive forecast (Hyndman &amp; Koehler 2006).</li>
 * </ul>
 * A quantile of trial values is the smallest value with empirical CDF ≥ τ ({@link #quantile}), the
 * same convention as {@code Dist.quantile}.
 */
public final class Scores {
    private static final double INV_SQRT_PI = 1 / Math.sqrt(Math.PI);
    private static final Normal STANDARD = new Normal(0, 1);

    private Scores() {
    }

    /**
     * Exact CRPS of the empirical distribution of {@code sorted} (ascending, at least one value) at y.
     */
    public static double crps(double[] sorted, double y) {
        int n = sorted.length;
        double abs = 0;
        double spread = 0;
        for (int i = 0; i < n; i++) {
            abs += Math.abs(sorted[i] - y);
            spread += (2.0 * (i + 1) - n - 1) * sorted[i];
        }
        return abs / n - spread / ((double) n * n);
    }

    /** CRPS of N(μ, σ²) at y; σ = 0 gives the absolute error. */
    public static double crpsNormal(double mu, double sigma, double y) {
        if (sigma <= 0) {
            return Math.abs(y - mu);
        }
        double z = (y - mu) / sigma;
        double pdf = Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
        return sigma * (z * (2 * STANDARD.cdf(z) - 1) + 2 * pdf - INV_SQRT_PI);
    }

    /** Pinball (quantile) loss of the level-τ quantile forecast q at y. */
    public static double pinball(double q, double y, double tau) {
        return y >= q ? tau * (y - q) : (1 - tau) * (q - y);
    }

    /** The smallest value with empirical CDF ≥ τ: x₍⌈nτ⌉₎ (x₍₁₎ for τ = 0). */
    public static double quantile(double[] sorted, double tau) {
        int n = sorted.length;
        int k = (int) Math.ceil(n * tau - 1e-9);
        return sorted[Math.min(n - 1, Math.max(0, k - 1))];
    }

    /** Whether y lies in the central {@code level} interval of the trial values (ends included). */
    public static boolean covers(double[] sorted, double y, double level) {
        double lo = quantile(sorted, (1 - level) / 2);
        double hi = quantile(sorted, (1 + level) / 2);
        return y >= lo && y <= hi;
    }

    /** Absolute percentage error |y − ŷ|/|y|; NaN when y = 0. */
    public static double ape(double forecast, double y) {
        return y == 0 ? Double.NaN : Math.abs(y - forecast) / Math.abs(y);
    }

    /** Symmetric absolute percentage error 2|y − ŷ|/(|y| + |ŷ|); 0 when both are 0. */
    public static double sape(double forecast, double y) {
        double d = Math.abs(y) + Math.abs(forecast);
        return d == 0 ? 0 : 2 * Math.abs(y - forecast) / d;
    }

    /**
     * MASE's scale: the mean of |y_t − y_(t−1)| over consecutive months of {@code history} that both have a
     * value (NaN = no value); NaN when there is no such pair.
     */
    public static double naiveScale(double[] history) {
        double sum = 0;
        int n = 0;
        for (int t = 1; t < history.length; t++) {
            if (!Double.isNaN(history[t]) && !Double.isNaN(history[t - 1])) {
                sum += Math.abs(history[t] - history[t - 1]);
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }
}
