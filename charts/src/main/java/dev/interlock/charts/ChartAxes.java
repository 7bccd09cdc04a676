package dev.interlock.charts;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.Locale;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;

/** The axes the chart recipes share: months along x, values with compact tick labels, probabilities. */
final class ChartAxes {
    private ChartAxes() {
    }

    /**
     * Months along x. Data use x = t, the 0-based month, so ticks at multiples of the step fall on months
     * 1, 1 + step, …; tick labels are calendar months ("Jan 2027") or month numbers.
     */
    static NumberAxis months(ChartContext ctx) {
        int h = ctx.horizon();
        int step = 1;
        for (int s : new int[] {1, 2, 3, 6, 12, 24, 60, 120}) {
            step = s;
            if (h / s <= 7) {
                break;
            }
        }
        // x is the month's index t (0 for month 1). With a calendar, ticks at t = 0, step, … label the start month
        // and the same month of later years; without one, ticks at t = step − 1, 2 step − 1, … label months 12,
        // 24, …, 60 rather than 1, 13, …, 49 (which left the last month of a 60-month plan unlabelled)
        int first = ctx.hasCalendar() ? 0 : step - 1;
        NumberAxis x = new NumberAxis("month") {
            private static final long serialVersionUID = 1L;

            @Override
            protected double calculateLowestVisibleTickValue() {
                double unit = getTickUnit().getSize();
                return first + unit * Math.ceil((getLowerBound() - first) / unit);
            }

            @Override
            protected int calculateVisibleTickCount() {
                // counted from the same origin, so no tick falls past the end of the axis
                double unit = getTickUnit().getSize();
                return (int) (Math.floor((getUpperBound() - first) / unit) - Math.ceil((getLowerBound() - first) / unit))
                        + 1;
            }
        };
        x.setTickUnit(new NumberTickUnit(step, new MonthFormat(ctx)));
        x.setRange(-0.5, h - 0.5);
        x.setLowerMargin(0);
        x.setUpperMargin(0);
        return x;
    }

    /** A value axis with its unit in the label and compact tick labels (25k, 1.5M); includes zero. */
    static NumberAxis values(String label) {
        NumberAxis y = new NumberAxis(label);
        y.setNumberFormatOverride(new Compact());
        y.setAutoRangeIncludesZero(true);
        y.setUpperMargin(0.08);
        return y;
    }

    /** A probability axis from 0 % to 100 %. */
    static NumberAxis probability(String label) {
        NumberAxis p = new NumberAxis(label);
        p.setRange(0, 1.04);
        p.setTickUnit(new NumberTickUnit(0.25, new DecimalFormat("0%", DecimalFormatSymbols.getInstance(Locale.ROOT))));
        return p;
    }

    /** A tick unit for shares (0.5 %, 1 %, 2 %, …), labelled with as many decimals as it needs. */
    static NumberTickUnit shareTickUnit(double size) {
        int decimals = Math.max(0, BigDecimal.valueOf(size * 100).round(new java.math.MathContext(6))
                .stripTrailingZeros().scale());
        String pattern = decimals == 0 ? "0%" : "0." + "0".repeat(decimals) + "%";
        return new NumberTickUnit(size, new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ROOT)));
    }

    /** Tick labels in thousands, millions and billions with at most two decimals: 25k, 1.5M, −4M. */
    static final class Compact extends NumberFormat {
        private static final long serialVersionUID = 1L;

        static String text(double v) {
            double a = Math.abs(v);
            String suffix = "";
            double scaled = a;
            if (a >= 1e9) {
                scaled = a / 1e9;
                suffix = "B";
            } else if (a >= 1e6) {
                scaled = a / 1e6;
                suffix = "M";
            } else if (a >= 1e3) {
                scaled = a / 1e3;
                suffix = "k";
            }
            String digits = BigDecimal.valueOf(scaled).setScale(2, RoundingMode.HALF_EVEN).stripTrailingZeros()
                    .toPlainString();
            if (digits.equals("0")) {
                return "0";
            }
            return (v < 0 ? "\u2212" : "") + digits + suffix;
        }

        @Override
        public StringBuffer format(double number, StringBuffer toAppendTo, FieldPosition pos) {
            return toAppendTo.append(text(number));
        }

        @Override
        public StringBuffer format(long number, StringBuffer toAppendTo, FieldPosition pos) {
            return toAppendTo.append(text((double) number));
        }

        @Override
        public Number parse(String source, ParsePosition parsePosition) {
            throw new UnsupportedOperationException("tick labels are only formatted");
        }
    }

    /** Formats x = t (0-based month) as that month's label. */
    static final class MonthFormat extends NumberFormat {
        private static final long serialVersionUID = 1L;
        private final transient ChartContext ctx;

        MonthFormat(ChartContext ctx) {
            this.ctx = ctx;
        }

        private String label(double x) {
            long t = Math.round(x);
            if (Math.abs(x - t) > 1e-6 || t < 0 || t >= ctx.horizon()) {
                return "";
            }
            return ctx.hasCalendar() ? ctx.monthLabel((int) t + 1) : Long.toString(t + 1);
        }

        @Override
        public StringBuffer format(double number, StringBuffer toAppendTo, FieldPosition pos) {
            return toAppendTo.append(label(number));
        }

        @Override
        public StringBuffer format(long number, StringBuffer toAppendTo, FieldPosition pos) {
            return toAppendTo.append(label(number));
        }

        @Override
        public Number parse(String source, ParsePosition parsePosition) {
            throw new UnsupportedOperationException("tick labels are only formatted");
        }
    }
}
