package dev.interlock.charts;

import dev.interlock.engine.model.Metric;
import dev.interlock.engine.model.Summary;
import dev.interlock.engine.output.Words;
import dev.interlock.engine.output.Words.MonthRange;
import dev.interlock.engine.stats.Stats;
import java.util.ArrayList;
import java.util.List;

/**
 * The plain-words summary at the top of a report, computed from the results: when onboarding and sales
 * fall short and in how many futures, how large the backlog gets, and the odds and range of profit and ARR.
 * Each sentence states its numbers; none is canned.
 */
public final class Findings {
    private Findings() {
    }

    public static List<String> of(Stats s, ChartContext ctx) {
        List<String> out = new ArrayList<>();
        out.add(capacity(s, ctx, Metric.ONBOARDING_GAP, "onboarding falls short", "Onboarding keeps up"));
        out.add(backlog(s, ctx));
        out.add(capacity(s, ctx, Metric.SALES_GAP, "sales capacity falls short", "Sales capacity keeps up"));
        out.add(profit(s, ctx));
        out.add(arr(s, ctx));
        return out;
    }

    /**
     * "In each of months 7–11 (Jul 2027 – Nov 2027), onboarding falls short in at least 9 of 10 futures; in each
     * of months 3–15 (…), in at least half of them." — each month on its own: a future short in month 7 need not be
     * short in month 8. Or, when no month is short in half of the futures, the riskiest month.
     */
    static String capacity(Stats s, ChartContext ctx, Metric gap, String fallsShort, String keepsUp) {
        List<MonthRange> nine = Words.monthsAtRisk(s, gap, 0.9);
        List<MonthRange> half = Words.monthsAtRisk(s, gap, 0.5);
        if (!nine.isEmpty()) {
            String b = inEach(nine, ctx, true) + ", " + fallsShort + " in at least 9 of 10 futures";
            if (!half.equals(nine)) {
                b += "; " + inEach(half, ctx, false) + ", in at least half of them";
            }
            return b + ".";
        }
        if (!half.isEmpty()) {
            return inEach(half, ctx, true) + ", " + fallsShort + " in at least half of futures.";
        }
        int worst = 0;
        for (int t = 1; t < s.horizon(); t++) {
            if (s.exceedProbability(gap, t) > s.exceedProbability(gap, worst)) {
                worst = t;
            }
        }
        double p = s.exceedProbability(gap, worst);
        if (p == 0) {
            return keepsUp + " in every month of every future.";
        }
        return keepsUp + " in most futures: in no month is it short in half of them; the riskiest month is "
                + monthName(worst + 1, ctx) + ", short in " + Words.percent(p) + " of futures.";
    }

    /**
     * "Peak onboarding backlog (each future's largest): P50 57, P90 121 customers; …, it is above 20 customers …. A
     * customer waits 11 days …"
     */
    static String backlog(Stats s, ChartContext ctx) {
        // the P50 of each future's own peak, which is higher than the peak of the median line in the fan chart
        String b = "Peak onboarding backlog (each future's largest): P50 "
                + whole(s.quantile(Summary.PEAK_BACKLOG, 0.5)) + ", P90 " + whole(s.quantile(Summary.PEAK_BACKLOG, 0.9))
                + " customers";
        List<MonthRange> over = Words.monthsAtRisk(s, Metric.BACKLOG, 0.5);
        String threshold = whole(s.exceedThreshold(Metric.BACKLOG));
        b += over.isEmpty()
                ? "; it stays at or below " + threshold + " customers in at least half of futures every month"
                : "; " + inEach(over, ctx, false) + ", it is above " + threshold + " customers (the scenario's "
                        + "backlog threshold) in at least half of futures";
        double wait = s.quantile(Summary.MEAN_WAIT_MONTHS, 0.5);
        if (!Double.isNaN(wait)) {
            boolean crunch = !Words.monthsAtRisk(s, Metric.ONBOARDING_GAP, 0.5).isEmpty();
            b += ". A customer waits " + waitWords(wait) + " for go-live on average over the horizon (P50 future"
                    + (crunch ? "; longer in the months onboarding falls short)" : ")");
        }
        return b + ".";
    }

    /** "Cumulative profit over 36 months is positive in 66% of futures (about 2 in 3): P10 …, P50 …, P90 … USD." */
    static String profit(Stats s, ChartContext ctx) {
        double p = s.exceedProbability(Summary.CUMULATIVE_PROFIT);
        String head = "Cumulative profit over " + ctx.horizon() + " months ";
        String odds;
        if (p == 0) {
            odds = "is zero or negative in every one of the " + ctx.futures();
        } else if (p == 1) {
            odds = "is positive in every one of the " + ctx.futures();
        } else {
            odds = "is positive in " + Words.percent(p) + " of futures (" + inTen(p) + ")";
        }
        return head + odds + ": " + range(s, Summary.CUMULATIVE_PROFIT) + " " + ctx.currency() + ".";
    }

    /** A wait in months as a planner says it: "under 2 days", "11 days", "1.3 months". */
    static String waitWords(double months) {
        double days = months * 365.25 / 12;
        if (days < 2) {
            return "under 2 days";
        }
        if (months < 1) {
            return Math.round(days) + " days";
        }
        return Words.compact(months) + " months";
    }

    /**
     * The share beside it as odds a planner says, from the whole percent shown ({@link Words#percent}) so the two
     * never disagree: 0.66 → "about 2 in 3", 0.5 → "about half", 0.8 → "about 4 in 5", 0.64 → "about 6 in 10"
     * (a fraction with 2–5 futures when one lies within 2 points, else tenths, 1 to 9); 5 % "about 1 in 20", below
     * it "fewer than 1 in 20", below 0.5 % (shown as "&lt;1%") "fewer than 1 in 100", and the same way up from 95 %.
     */
    static String inTen(double p) {
        if (p < 0.005) {
            return "fewer than 1 in 100";
        }
        if (p >= 0.995) {
            return "more than 99 in 100";
        }
        long pct = Math.round(p * 100);   // as the percent beside it shows it
        if (pct < 5) {
            return "fewer than 1 in 20";
        }
        if (pct == 5) {
            return "about 1 in 20";
        }
        if (pct == 95) {
            return "about 19 in 20";
        }
        if (pct > 95) {
            return "more than 19 in 20";
        }
        for (int b = 2; b <= 5; b++) {
            long a = Math.round(pct * b / 100.0);
            if (a > 0 && a < b && Math.abs(pct - 100.0 * a / b) <= 2) {
                return a * 2 == b ? "about half" : "about " + a + " in " + b;
            }
        }
        return "about " + Math.min(9, Math.max(1, Math.round(pct / 10.0))) + " in 10";
    }

    /** "In each of months 7–11 (…)" or "In month 4 (…)"; lower case inside a sentence. */
    static String inEach(List<MonthRange> ranges, ChartContext ctx, boolean capital) {
        boolean one = ranges.size() == 1 && ranges.get(0).first() == ranges.get(0).last();
        return (capital ? "In " : "in ") + (one ? "" : "each of ") + months(ranges, ctx);
    }

    /** "Ending ARR: P10 …, P50 …, P90 … USD; live customers P50 679." */
    static String arr(Stats s, ChartContext ctx) {
        return "ARR in the last month: " + range(s, Summary.ENDING_ARR) + " " + ctx.currency() + "; live customers "
                + "P50 " + whole(s.quantile(Summary.ENDING_CUSTOMERS, 0.5)) + ".";
    }

    private static String range(Stats s, Summary k) {
        return "P10 " + Words.compact(s.quantile(k, 0.1)) + ", P50 " + Words.compact(s.quantile(k, 0.5)) + ", P90 "
                + Words.compact(s.quantile(k, 0.9));
    }

    static String whole(double x) {
        return Words.compact(Math.rint(x));
    }

    /** "months 7–11 (Jul 2027 – Nov 2027)", "month 4 (Apr 2027)", "months 3–5, 9 (Mar 2027 – May 2027, Sep 2027)". */
    static String months(List<MonthRange> ranges, ChartContext ctx) {
        boolean one = ranges.size() == 1 && ranges.get(0).first() == ranges.get(0).last();
        String b = (one ? "month " : "months ") + Words.join(ranges);
        if (!ctx.hasCalendar()) {
            return b;
        }
        List<String> cal = new ArrayList<>();
        for (MonthRange r : ranges) {
            cal.add(r.first() == r.last() ? ctx.monthLabel(r.first())
                    : ctx.monthLabel(r.first()) + " – " + ctx.monthLabel(r.last()));
        }
        return b + " (" + String.join(", ", cal) + ")";
    }

    private static String monthName(int month, ChartContext ctx) {
        return ctx.hasCalendar() ? "month " + month + " (" + ctx.monthLabel(month) + ")" : "month " + month;
    }
}
