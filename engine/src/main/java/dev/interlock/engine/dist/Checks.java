package dev.interlock.engine.dist;

import java.math.BigDecimal;
import java.math.MathContext;

/** Shared wording for the kinds' {@code problem(...)} phrases, and the guard on a quantile's argument. */
final class Checks {

    private Checks() {
    }

    /**
     * @return "{@code name} must be a finite number; found NaN" (or Infinity) if {@code value} is not finite,
     *         else {@code null}
     */
    static String notFinite(String name, double value) {
        return Double.isFinite(value) ? null : name + " must be a finite number; found " + num(value);
    }

    /** @return {@code value} to 6 significant digits, without trailing zeros or exponent for everyday sizes */
    static String num(double value) {
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        if (value == 0) {
            return "0";
        }
        double magnitude = Math.abs(value);
        BigDecimal rounded = new BigDecimal(value).round(new MathContext(6)).stripTrailingZeros();
        return magnitude >= 1e-6 && magnitude < 1e15 ? rounded.toPlainString() : rounded.toString();
    }

    /**
     * The narrowest a gamma or beta may be: sd at least this share of its mean (for a beta, of the nearer of mean
     * and 1 − mean). Narrower is a fixed value in effect (± 0.01 %), and the incomplete gamma and beta functions
     * that tabulate the quantile take longer and longer the narrower the distribution (seconds, then minutes).
     */
    static final double NARROWEST = 1e-4;

    /**
     * @param kind  "gamma", "beta"
     * @param of    what the sd is measured against, as the message names it ("the mean ", "1 − mean, ")
     * @param scale its value
     * @param sd    the sd given
     * @return null if {@code sd} is at least {@link #NARROWEST} of {@code scale}; else why it is refused and what to
     *         write instead
     */
    static String tooNarrow(String kind, String of, double scale, double sd) {
        if (sd >= NARROWEST * scale) {
            return null;
        }
        return "sd " + num(sd) + " is below 1/10,000 of " + of + num(scale) + ": a " + kind + " this narrow is a "
                + "fixed value in effect; write the value as a plain number (or give an sd of at least "
                + num(NARROWEST * scale) + ")";
    }

    /** @return the exception for a quantile argument that is NaN or outside [0, 1] */
    static IllegalArgumentException badU(double u) {
        return new IllegalArgumentException("u must be in [0, 1], got " + u);
    }
}
