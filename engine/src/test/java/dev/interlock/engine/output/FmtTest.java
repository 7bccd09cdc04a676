package dev.interlock.engine.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Number formatting: the fast path writes exactly what exact decimal rounding (BigDecimal) writes. */
class FmtTest {
    /** The definition: exact binary value, rounded half-even to 4 decimals (6 significant digits below 0.01). */
    static String reference(double x) {
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
        b = Math.abs(x) >= 0.01 ? b.setScale(4, RoundingMode.HALF_EVEN)
                : b.round(new MathContext(6, RoundingMode.HALF_EVEN));
        String s = b.stripTrailingZeros().toPlainString();
        return s.equals("-0") ? "0" : s;
    }

    @Test
    void fastPathAgreesWithExactRoundingOnRandomValues() {
        SplittableRandom r = new SplittableRandom(42);
        for (int i = 0; i < 2_000_000; i++) {
            double x = switch (i % 4) {
                case 0 -> (r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(-3, 10));   // every magnitude
                case 1 -> Math.round(r.nextDouble() * 1e8) / 1e4;                     // already 4 decimals
                case 2 -> (Math.floor(r.nextDouble() * 1e9) + 0.5) / 1e4;             // ties in decimal
                default -> Math.nextUp((Math.floor(r.nextDouble() * 1e7) + 0.5) / 1e4) * (r.nextBoolean() ? 1 : -1);
            };
            assertThat(Fmt.num(x)).as("x = %s", x).isEqualTo(reference(x));
        }
    }

    @Test
    void hardCases() {
        double[] xs = {0.01, -0.01, 0.00999, 0.12345, 0.00005, 1.00005, 2.00015, 1234.56785, -1234.56785,
            99_999_999.99995, 100_000_000.5, 0.1 + 0.2, 1e-7, -3.5e-5, 9_999.99995, 12.3, 5e15 + 0.5, 1e20,
            Double.MIN_VALUE, -Double.MAX_VALUE, Math.nextDown(0.01), Math.nextUp(0.01), 0.015, 0.025};
        for (double x : xs) {
            assertThat(Fmt.num(x)).as("x = %s", x).isEqualTo(reference(x));
        }
        assertThat(Fmt.num(1234.5)).isEqualTo("1234.5");
        assertThat(Fmt.num(-0.07)).isEqualTo("-0.07");
        assertThat(Fmt.num(3.00001)).isEqualTo("3");
        assertThat(Fmt.num(Double.NaN)).isEmpty();
    }

    @Test
    void nearTiesFallBackRatherThanGuess() {
        // 0.00005 and 2.00015 are not exactly representable: their exact binary values lie just below or
        // above the tie, which only exact rounding can tell
        assertThat(Fmt.fourDecimals(2.00015)).isNull();
        assertThat(Fmt.fourDecimals(1.23456)).isEqualTo("1.2346");
        assertThat(Fmt.fourDecimals(-7.1)).isEqualTo("-7.1");
        assertThat(Fmt.fourDecimals(10.00001)).isEqualTo("10");
    }
}
