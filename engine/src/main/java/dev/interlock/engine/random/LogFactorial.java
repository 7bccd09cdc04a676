package dev.interlock.engine.random;

/**
 * Log-factorials and the Stirling-series error term, for the rejection steps of {@link Draws}.
 *
 * <p>Values for arguments below {@link #TABLE_SIZE} come from tables filled once at class
 * initialisation; larger arguments use Stirling's asymptotic series, whose truncation error there is
 * below 1e-20. Absolute error is about 1e-14 or better everywhere (log-factorials of large arguments
 * have the usual relative error of a few ulps). No method allocates. Package-private helper.
 */
final class LogFactorial {

    /** Number of tabulated arguments (0 .. TABLE_SIZE - 1). */
    static final int TABLE_SIZE = 256;

    /** log(sqrt(2 pi)). */
    static final double HALF_LOG_TWO_PI = 0.91893853320467274178;

    private static final double[] LOG_FACTORIAL = new double[TABLE_SIZE];
    /** STIRLING_ERROR[k] = log k! - ((k + 1/2) log k - k + log sqrt(2 pi)); entry 0 is unused (NaN). */
    private static final double[] STIRLING_ERROR = new double[TABLE_SIZE];

    /**
     * Stirling error for k = 1..15, where the series converges too slowly and subtraction from log k!
     * would lose ~3e-15 to cancellation; values computed with 40-digit arithmetic (mpmath), and equal
     * to those in Loader's table.
     */
    private static final double[] SMALL_STIRLING_ERROR = {
        Double.NaN, // 0: unused
        0.08106146679532725821967, // 1
        0.04134069595540929409382, // 2
        0.02767792568499833914879, // 3
        0.02079067210376509311152, // 4
        0.01664469118982119216319, // 5
        0.01387612882307074799875, // 6
        0.01189670994589177009506, // 7
        0.01041126526197209649748, // 8
        0.009255462182712732917729, // 9
        0.008330563433362871256469, // 10
        0.007573675487951840794972, // 11
        0.006942840107209529865664, // 12
        0.00640899418800420706844, // 13
        0.005951370112758847735624, // 14
        0.005554733551962801371039, // 15
    };

    static {
        // k! as a double is exact up to 22! and within ~k ulps up to 170!, so log(k!) is accurate to
        // ~2e-14 absolute there; beyond 170! the double overflows and Stirling's formula is used.
        double factorial = 1;
        LOG_FACTORIAL[0] = 0;
        STIRLING_ERROR[0] = Double.NaN;
        for (int k = 1; k < TABLE_SIZE; k++) {
            // Seven series terms for k >= 16: truncation error < 1/(156 k^13) < 2e-18.
            STIRLING_ERROR[k] = k < SMALL_STIRLING_ERROR.length ? SMALL_STIRLING_ERROR[k] : longSeries(k);
            if (k <= 170) {
                factorial *= k;
                LOG_FACTORIAL[k] = Math.log(factorial);
            } else {
                LOG_FACTORIAL[k] = (k + 0.5) * Math.log(k) - k + HALF_LOG_TWO_PI + STIRLING_ERROR[k];
            }
        }
    }

    private LogFactorial() {
    }

    /**
     * Stirling series 1/(12n) - 1/(360n^3) + 1/(1260n^5) - 1/(1680n^7) + 1/(1188n^9) - 691/(360360n^11)
     * + 1/(156n^13).
     */
    private static double longSeries(double n) {
        final double nn = 1 / (n * n);
        return (1.0 / 12 - nn * (1.0 / 360 - nn * (1.0 / 1260 - nn * (1.0 / 1680
                - nn * (1.0 / 1188 - nn * (691.0 / 360360 - nn / 156)))))) / n;
    }

    /**
     * log(k!) for a non-negative integer-valued {@code k}: table for {@code k < 256}, Stirling's series
     * beyond.
     *
     * @param k a non-negative integer (as a double, so that values beyond {@code Long.MAX_VALUE} work)
     * @return log(k!)
     */
    static double logFactorial(double k) {
        if (k < TABLE_SIZE) {
            return LOG_FACTORIAL[(int) k];
        }
        return (k + 0.5) * Math.log(k) - k + HALF_LOG_TWO_PI + stirlingError(k);
    }

    /**
     * The Stirling-series error {@code log k! - ((k + 1/2) log k - k + log sqrt(2 pi))} for an
     * integer-valued {@code k >= 1} (C. Loader's {@code stirlerr}, "Fast and accurate computation of
     * binomial probabilities", 2000). Table for {@code k < 256}; four terms of the series
     * {@code 1/(12k) - 1/(360k^3) + 1/(1260k^5) - 1/(1680k^7)} beyond (truncation error &lt; 1e-23).
     * Hoermann's BTRD correction {@code fc(k)} equals {@code stirlingError(k + 1)}.
     *
     * @param k an integer-valued argument, at least 1
     * @return the Stirling error, about {@code 1/(12k)}
     */
    static double stirlingError(double k) {
        if (k < TABLE_SIZE) {
            return STIRLING_ERROR[(int) k];
        }
        final double nn = 1 / (k * k);
        return (1.0 / 12 - nn * (1.0 / 360 - nn * (1.0 / 1260 - nn / 1680))) / k;
    }
}
