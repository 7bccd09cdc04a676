package dev.interlock.engine.dist;

/**
 * The standard normal distribution's quantile and CDF, shared by {@link Normal} and {@link LogNormal}.
 *
 * <p>The quantile is Wichura's PPND16 (M. J. Wichura, "Algorithm AS 241: The Percentage Points of the Normal
 * Distribution", Applied Statistics 37 (1988) 477–484): one rational function of degree 7/7 on each of three
 * ranges, relative error about 1e-16, with the tails computed from min(p, 1 − p) so that they keep full
 * relative precision. No iteration, one {@code log} and one {@code sqrt} outside the central range.
 *
 * <p>The CDF is W. J. Cody's rational Chebyshev approximation ("Rational Chebyshev approximations for the error
 * function", Math. Comp. 23 (1969) 631–637; as in ACM TOMS Algorithm 715 and R's {@code pnorm}): about 20 ns
 * against about 160 ns for commons-math's {@code erfc}, which matters because a truncated draw
 * ({@link Dist#quantileWithin}) evaluates the CDF twice per trial.
 */
final class StandardNormal {

    /** Φ⁻¹(0.9), the number of standard deviations from the median to the 90th percentile. */
    static final double Z90 = 1.2815515655446004;

    private StandardNormal() {
    }

    /**
     * @param p a probability in [0, 1] (not checked)
     * @return Φ⁻¹(p); −∞ for 0 and +∞ for 1
     */
    static double quantile(double p) {
        double q = p - 0.5;
        if (Math.abs(q) <= 0.425) {
            double r = 0.180625 - q * q;
            return q * (((((((2.5090809287301226727e3 * r + 3.3430575583588128105e4) * r
                    + 6.7265770927008700853e4) * r + 4.5921953931549871457e4) * r
                    + 1.3731693765509461125e4) * r + 1.9715909503065514427e3) * r
                    + 1.3314166789178437745e2) * r + 3.3871328727963666080e0)
                    / (((((((5.2264952788528545610e3 * r + 2.8729085735721942674e4) * r
                    + 3.9307895800092710610e4) * r + 2.1213794301586595867e4) * r
                    + 5.3941960214247511077e3) * r + 6.8718700749205790830e2) * r
                    + 4.2313330701600911252e1) * r + 1.0);
        }
        double tail = q < 0 ? p : 1.0 - p;
        if (tail <= 0) {
            return q < 0 ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        double r = Math.sqrt(-Math.log(tail));
        double z;
        if (r <= 5.0) {
            r -= 1.6;
            z = (((((((7.74545014278341407640e-4 * r + 2.27238449892691845833e-2) * r
                    + 2.41780725177450611770e-1) * r + 1.27045825245236838258e0) * r
                    + 3.64784832476320460504e0) * r + 5.76949722146069140550e0) * r
                    + 4.63033784615654529590e0) * r + 1.42343711074968357734e0)
                    / (((((((1.05075007164441684324e-9 * r + 5.47593808499534494600e-4) * r
                    + 1.51986665636164571966e-2) * r + 1.48103976427480074590e-1) * r
                    + 6.89767334985100004550e-1) * r + 1.67638483018380384940e0) * r
                    + 2.05319162663775882187e0) * r + 1.0);
        } else {
            r -= 5.0;
            z = (((((((2.01033439929228813265e-7 * r + 2.71155556874348757815e-5) * r
                    + 1.24266094738807843860e-3) * r + 2.65321895265761230930e-2) * r
                    + 2.96560571828504891230e-1) * r + 1.78482653991729133580e0) * r
                    + 5.46378491116411436990e0) * r + 6.65790464350110377720e0)
                    / (((((((2.04426310338993978564e-15 * r + 1.42151175831644588870e-7) * r
                    + 1.84631831751005468180e-5) * r + 7.86869131145613259100e-4) * r
                    + 1.48753612908506148525e-2) * r + 1.36929880922735805310e-1) * r
                    + 5.99832206555887937690e-1) * r + 1.0);
        }
        return q < 0 ? -z : z;
    }

    /**
     * Φ(z) by Cody's rational Chebyshev approximations on three ranges (|z| ≤ 0.674, ≤ √32, &lt; 37.52), the
     * tails as e^(−z²/2)·R(|z|) with z² split so that the exponential keeps full precision: relative error about
     * 1e-16 in the lower tail, absolute about 1e-16 elsewhere. No iteration; at most two {@code exp}.
     *
     * @param z any double
     * @return Φ(z); 0 below −37.52 and 1 above 37.52 (where Φ rounds to them), NaN for NaN
     */
    static double cdf(double z) {
        double y = Math.abs(z);
        if (y <= 0.67448975) {
            double num = 0;
            double den = 0;
            if (y > 0x1p-53) {
                double zsq = z * z;
                num = 0.065682337918207449113 * zsq;
                den = zsq;
                num = (num + 2.2352520354606839287) * zsq;
                den = (den + 47.20258190468824187) * zsq;
                num = (num + 161.02823106855587881) * zsq;
                den = (den + 976.09855173777669322) * zsq;
                num = (num + 1067.6894854603709582) * zsq;
                den = (den + 10260.932208618978205) * zsq;
            }
            return 0.5 + z * (num + 18154.981253343561249) / (den + 45507.789335026729956);
        }
        double ratio;                                 // Φ(−y)·e^(y²/2)
        if (y <= 5.656854249492380195206754896838) {  // √32
            double num = 1.0765576773720192317e-8 * y;
            double den = y;
            num = (num + 0.39894151208813466764) * y;
            den = (den + 22.266688044328115691) * y;
            num = (num + 8.8831497943883759412) * y;
            den = (den + 235.38790178262499861) * y;
            num = (num + 93.506656132177855979) * y;
            den = (den + 1519.377599407554805) * y;
            num = (num + 597.27027639480026226) * y;
            den = (den + 6485.558298266760755) * y;
            num = (num + 2494.5375852903726711) * y;
            den = (den + 18615.571640885098091) * y;
            num = (num + 6848.1904505362823326) * y;
            den = (den + 34900.952721145977266) * y;
            num = (num + 11602.651437647350124) * y;
            den = (den + 38912.003286093271411) * y;
            ratio = (num + 9842.7148383839780218) / (den + 19685.429676859990727);
        } else if (y < 37.5193) {
            double r = 1 / (z * z);
            double num = 0.02307344176494017303 * r;
            double den = r;
            num = (num + 0.21589853405795699) * r;
            den = (den + 1.28426009614491121) * r;
            num = (num + 0.1274011611602473639) * r;
            den = (den + 0.468238212480865118) * r;
            num = (num + 0.022235277870649807) * r;
            den = (den + 0.0659881378689285515) * r;
            num = (num + 0.001421619193227893466) * r;
            den = (den + 0.00378239633202758244) * r;
            ratio = (0.398942280401432677939946059934 - r * (num + 2.9112874951168792e-5)
                    / (den + 7.29751555083966205e-5)) / y;
        } else if (y >= 37.5193) {
            return z > 0 ? 1 : 0;
        } else {
            return Double.NaN;
        }
        double head = Math.floor(y * 16) / 16;       // y² = head² + (y − head)(y + head), head² exact
        double lowerTail = Math.exp(-0.5 * head * head) * Math.exp(-0.5 * (y - head) * (y + head)) * ratio;
        return z > 0 ? 1 - lowerTail : lowerTail;
    }
}
