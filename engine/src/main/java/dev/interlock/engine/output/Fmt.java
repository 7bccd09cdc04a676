package dev.interlock.engine.output;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Locale-free number formatting for every output file, so bytes never depend on the machine's locale.
 * Plain decimal notation (no exponent, so spreadsheets read it as a number), at most 4 decimals for
 * values of magnitude ≥ 0.01 and 6 significant digits below that; whole numbers without decimals;
 * undefined values (NaN) as an empty cell.
 */
public final class Fmt {
    private Fmt() {
    }

    public static String num(double x) {
        if (Double.isNaN(x) || Double.isInfinite(x)) {
            return "";
        }
        if (x == 0) {
            return "0";
        }
        if (x == Math.rint(x) && Math.abs(x) < 1e15) {
            return Long.toString((long) x);
        }
        BigDecimal b = new BigDecimal(x);
        if (Math.abs(x) >= 0.01) {
            b = b.setScale(4, RoundingMode.HALF_EVEN);
        } else {
            b = b.round(new MathContext(6, RoundingMode.HALF_EVEN));
        }
        String s = b.stripTrailingZeros().toPlainString();
        return s.equals("-0") ? "0" : s;
    }

    /** A CSV field: quoted when it holds a comma, quote or line break. */
    public static String csv(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
