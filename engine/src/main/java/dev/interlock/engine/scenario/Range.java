package dev.interlock.engine.scenario;

import java.util.Locale;

/**
 * The allowed values of a numeric key, used both to validate a plain number and to truncate a
 * distribution's draws (a normal win rate never leaves [0, 1]).
 */
public record Range(double lo, boolean loInclusive, double hi, boolean hiInclusive) {
    public static final Range ANY = new Range(Double.NEGATIVE_INFINITY, false, Double.POSITIVE_INFINITY, false);
    public static final Range NON_NEGATIVE = new Range(0, true, Double.POSITIVE_INFINITY, false);
    public static final Range POSITIVE = new Range(0, false, Double.POSITIVE_INFINITY, false);
    public static final Range PROBABILITY = new Range(0, true, 1, true);
    /** Money per month or per customer: 0 … 10^15, far beyond any business and far from overflow. */
    public static final Range MONEY = new Range(0, true, 1e15, true);
    /** A monthly growth or expansion rate: above −100 %. */
    public static final Range RATE = new Range(-1, false, Double.POSITIVE_INFINITY, false);

    public static Range closed(double lo, double hi) {
        return new Range(lo, true, hi, true);
    }

    public boolean contains(double x) {
        if (Double.isNaN(x)) {
            return false;
        }
        boolean aboveLo = loInclusive ? x >= lo : x > lo;
        boolean belowHi = hiInclusive ? x <= hi : x < hi;
        return aboveLo && belowHi;
    }

    /** "a number in [0, 1]", "a number > 0", ... */
    public String describe() {
        boolean hasLo = lo != Double.NEGATIVE_INFINITY;
        boolean hasHi = hi != Double.POSITIVE_INFINITY;
        if (hasLo && hasHi) {
            return "a number in " + (loInclusive ? "[" : "(") + num(lo) + ", " + num(hi) + (hiInclusive ? "]" : ")");
        }
        if (hasLo) {
            return "a number " + (loInclusive ? "≥ " : "> ") + num(lo);
        }
        if (hasHi) {
            return "a number " + (hiInclusive ? "≤ " : "< ") + num(hi);
        }
        return "a finite number";
    }

    static String num(double x) {
        if (x == Math.rint(x) && Math.abs(x) < 1e15) {
            return Long.toString((long) x);
        }
        return String.format(Locale.ROOT, "%s", x);
    }
}
